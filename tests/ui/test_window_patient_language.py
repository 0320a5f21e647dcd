"""A patient's handout language in the window: the details dialog's Language combo, and the
window's handouts in that language."""

from __future__ import annotations

from pdftext import flat, page_texts
from standalone import answer_dialogs

from taperdesk.ui import handout_actions
from taperdesk.ui.action_registry import Act
from taperdesk.ui.dialogs import PatientDialog


def test_details_dialog_sets_the_language_and_the_handout_follows(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    session = window.session
    assert session.patient is not None and session.patient.language == "en"
    english = handout_actions.handout_pdf(session, "patient")
    assert english is not None and "Your dose calendar" in flat(" ".join(page_texts(english)))

    def choose_spanish(d: PatientDialog) -> bool:
        assert d.language.currentData() == "en"
        assert [d.language.itemText(i) for i in range(d.language.count())] == [
            "English", "Español"]
        d.language.setCurrentIndex(d.language.findData("es"))
        d.accept()
        return True

    shown = answer_dialogs(monkeypatch, choose_spanish)
    window.registry[Act.EDIT_PATIENT].trigger()
    assert len(shown) == 1
    assert session.patient.language == "es"
    assert session.store.patient(session.patient.id).language == "es"  # written
    spanish = handout_actions.handout_pdf(session, "patient")
    assert spanish is not None
    text = flat(" ".join(page_texts(spanish)))
    assert "Su calendario de dosis" in text and "Your dose calendar" not in text
    session.undo_stack.undo()  # the language is one undoable edit like the other details
    assert session.store.patient(session.patient.id).language == "en"
