"""Handouts from the window: clinic settings in the dialog, the question before printing."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdftext import flat, page_texts, reader
from PySide6.QtWidgets import QMessageBox
from standalone import answer_dialogs, open_session

from taperdesk.report.context import SETTING_KEYS
from taperdesk.ui import handout_actions, printing
from taperdesk.ui.settings import SettingsDialog


@pytest.fixture
def session(tmp_path: Path, qtbot):  # type: ignore[no-untyped-def]
    s = open_session(tmp_path / "records.sqlite3")
    yield s
    s.store.close()


def test_settings_dialog_edits_every_handout_setting(session, qtbot) -> None:  # type: ignore[no-untyped-def]
    store = session.store
    d = SettingsDialog(store, store.path, lambda: None)
    qtbot.addWidget(d)
    assert d.emergency_number() == "911"  # the labelled TaperDesk default
    assert d.choices["paper"].currentData() == "a4"
    d.fields["clinic_phone"].setText("01234 567890")
    d.set_emergency("999")
    assert d.emergency.currentText() == "999 (UK)"
    d.choices["paper"].setCurrentIndex(d.choices["paper"].findData("letter"))
    d.choices["week_start"].setCurrentIndex(d.choices["week_start"].findData("sunday"))
    values = d.values()
    assert set(values) == {*SETTING_KEYS, "idle_lock_minutes"}  # and the idle lock's time
    assert values["emergency_number"] == "999" and values["paper"] == "letter"
    d.emergency.setEditText("")
    assert "Emergency number" in d.problem()
    d.emergency.setEditText("000 (Australia)")
    assert d.emergency_number() == "000" and d.problem() == ""
    for key, value in values.items():
        store.set_setting(key, value)
    again = SettingsDialog(store, store.path, lambda: None)
    qtbot.addWidget(again)
    assert again.values() == values


def test_window_handout_uses_the_settings_and_the_patients_identifiers(session) -> None:  # type: ignore[no-untyped-def]
    store = session.store
    for key, value in (("clinic_phone", "01234 567890"), ("emergency_number", "112"),
                       ("paper", "letter"), ("week_start", "sunday")):
        store.set_setting(key, value)
    changes = session.update_patient("ids", clinic_id="RC-77")
    assert changes.ok, changes.refused
    pdf = handout_actions.handout_pdf(session, "patient")
    assert pdf is not None
    texts = page_texts(pdf)
    assert "Call 112" in flat(texts[0]) and "01234 567890" in texts[0]
    assert all("RC-77" in t for t in texts)
    assert reader(pdf).pages[0].mediabox.width == 612
    cal = next(t for t in texts if "Your dose calendar" in t)
    assert cal.index("Sun") < cal.index("Mon")


def test_print_without_phone_asks_once_then_prints_anyway(session, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    session.store.set_setting("clinic_phone", "")
    printed: list[bytes] = []
    monkeypatch.setattr(printing, "print_pdf", lambda pdf, parent=None: printed.append(pdf)
                        or True)

    def cancel(box: QMessageBox) -> bool:
        assert "phone number is missing" in box.text()
        box.button(QMessageBox.StandardButton.Cancel).click()
        return False

    def anyway(box: QMessageBox) -> bool:
        button = next(b for b in box.buttons() if b.text() == handout_actions.PRINT_ANYWAY)
        button.click()
        return True

    shown = answer_dialogs(monkeypatch, cancel, anyway)
    assert handout_actions.print_handout(session, None) is False and printed == []
    assert handout_actions.print_handout(session, None) is True
    assert len(shown) == 2 and len(printed) == 1
    assert "phone number is missing" in flat(page_texts(printed[0])[0])
    # With the phone set there is nothing to ask (a third dialog would fail the test).
    session.store.set_setting("clinic_phone", "555 0100")
    assert handout_actions.print_handout(session, None) is True and len(printed) == 2
    assert handout_actions.print_handout(session, None, "pharmacy") is True
