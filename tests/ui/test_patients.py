"""The patient list dock: search as you type, new, archive and restore, show archived, and the
patient details dialog with the opioid flag."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt
from standalone import answer_dialogs

from taperdesk.ui.action_registry import Act


def names(window) -> list[str]:  # type: ignore[no-untyped-def]
    return [label.split("  (")[0] for label in window.patients.labels()]


def row_of(window, name: str) -> int:  # type: ignore[no-untyped-def]
    return next(i for i, n in enumerate(names(window)) if n.startswith(name))


def demo_id(window) -> int:  # type: ignore[no-untyped-def]
    return int(window.session.store.search_patients("demo patient")[0].id)


def add(window, name: str, clinic_id: str = "") -> None:  # type: ignore[no-untyped-def]
    assert window.patients.add_patient(name=name, born=None, clinic_id=clinic_id,
                                       opioid=False) is not None


def test_search_as_you_type(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    add(window, "Ann Other", "C-9")
    add(window, "Bob Annson")
    add(window, "Cy Young")
    search = window.patients.search
    search.clear()
    qtbot.keyClicks(search, "an")
    assert sorted(names(window)) == ["Ann Other", "Bob Annson"]
    qtbot.keyClicks(search, " other")
    assert names(window) == ["Ann Other"]
    search.clear()
    qtbot.keyClicks(search, "c-9")  # clinic ID too
    assert names(window) == ["Ann Other"]
    search.clear()
    assert len(names(window)) == 4


def test_keyboard_arrows_and_enter_open_while_typing_keeps_the_search_focus(
        window, qtbot) -> None:  # type: ignore[no-untyped-def]
    add(window, "Ann Other")
    add(window, "Ann Second")
    lst, search = window.patients.list, window.patients.search
    search.setFocus()
    search.clear()
    qtbot.keyClicks(search, "ann")
    assert search.hasFocus() and search.text() == "ann"
    assert names(window) == ["Ann Other", "Ann Second"]
    assert lst.currentIndex().row() == 1  # the open patient (added last) stays current
    lst.setFocus()
    qtbot.keyClick(lst, Qt.Key.Key_Up)
    assert window.session.patient.name == "Ann Other"
    qtbot.keyClick(lst, Qt.Key.Key_Down)
    assert window.session.patient.name == "Ann Second"
    window.session.open_patient(demo_id(window))
    assert not lst.currentIndex().isValid()  # Demo Patient is not in this list
    assert not lst.selectionModel().hasSelection()
    qtbot.keyClick(lst, Qt.Key.Key_Down)
    assert window.session.patient.name == "Ann Other"  # from no current row to the first
    lst.selectionModel().blockSignals(True)  # Ann Second current without opening her:
    lst.setCurrentIndex(lst.model().index(1, 0))
    lst.selectionModel().blockSignals(False)
    assert window.session.patient.name == "Ann Other"
    qtbot.keyClick(lst, Qt.Key.Key_Return)  # Enter opens the current row
    assert window.session.patient.name == "Ann Second"
    assert lst.accessibleName() == "Patients"


def test_the_list_follows_the_open_patient_and_words_every_row(window) -> None:  # type: ignore[no-untyped-def]
    add(window, "Ann Other", "C-9")
    search = window.patients.search
    search.setText("ann")
    assert window.patients.labels() == ["Ann Other  (C-9)"]
    assert window.patients.list.currentIndex().data() == "Ann Other  (C-9)"
    window.session.open_patient(demo_id(window))
    search.setText("")
    row = window.patients.list.currentIndex().row()
    assert names(window)[row].startswith("Demo Patient")
    assert window.patients.list.selectionModel().isRowSelected(row)
    assert window.patients.rows.data(QModelIndex()) is None  # no row: nothing, not the last
    search.setText("nobody at all")
    assert window.patients.labels() == [] and not window.patients.list.currentIndex().isValid()
    assert window.session.patient.name.startswith("Demo Patient")  # a search opens no one


def test_clicking_a_patient_opens_them(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    add(window, "Ann Other")
    window.patients.select(row_of(window, "Demo Patient"))
    assert window.session.patient.name.startswith("Demo Patient")
    assert window.session.plan is not None
    assert "Demo Patient" in window.windowTitle()


def test_new_patient_button_name_required(window, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def fill(d) -> bool:  # type: ignore[no-untyped-def]
        d.name.setText("   ")
        d.accept()
        assert "name" in d.error.text() and not d.result()
        d.name.setText("Dee Ramos")
        d.born.setText("12/03/1958")
        d.accept()
        return bool(d.result())

    answer_dialogs(monkeypatch, fill)
    qtbot.mouseClick(window.patients.new_button, Qt.MouseButton.LeftButton)
    p = window.session.patient
    assert p.name == "Dee Ramos" and p.born == date(1958, 3, 12)
    assert window.session.store.patient(p.id).name == "Dee Ramos"
    assert "Dee Ramos" in names(window)


def test_archive_hides_show_archived_shows_and_restore(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    add(window, "Ann Other")
    pid = window.session.patient.id
    qtbot.mouseClick(window.patients.archive_button, Qt.MouseButton.LeftButton)
    assert window.session.store.patient(pid).archived
    assert "Ann Other" not in names(window)
    window.patients.show_archived.setChecked(True)
    assert "Ann Other" in names(window)
    row = row_of(window, "Ann Other")
    assert "archived" in window.patients.labels()[row]
    window.patients.select(row)
    assert window.patients.archive_button.text() == "Restore"
    qtbot.mouseClick(window.patients.archive_button, Qt.MouseButton.LeftButton)
    assert not window.session.store.patient(pid).archived
    window.patients.show_archived.setChecked(False)
    assert "Ann Other" in names(window)


def test_opioid_flag_in_patient_details_raises_the_alert(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    s = window.session
    assert not any(w.code == "opioid-co-prescription" for w in s.warnings)
    assert not window.checks.alert.isVisibleTo(window.checks)

    def flag(d) -> bool:  # type: ignore[no-untyped-def]
        assert d.name.text() == s.patient.name  # the dialog shows the current details
        d.opioid.setChecked(True)
        d.accept()
        return bool(d.result())

    answer_dialogs(monkeypatch, flag)
    window.registry[Act.EDIT_PATIENT].trigger()
    assert s.store.patient(s.patient.id).opioid
    assert any(w.code == "opioid-co-prescription" and w.severity == "alert" for w in s.warnings)
    assert window.checks.alert.isVisibleTo(window.checks)
    assert "OPIOID" in window.checks.alert.text()
    assert "opioid" in window.patients.list.currentIndex().data()


def test_patient_details_are_one_undo_step_and_keep_the_plan_history(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    s = window.session
    model = window.steps.model
    assert model.setData(model.index(0, 2), "21")  # a plan edit first

    def flag(d) -> bool:  # type: ignore[no-untyped-def]
        d.opioid.setChecked(True)
        d.clinic_id.setText("DEMO-9")
        d.accept()
        return bool(d.result())

    answer_dialogs(monkeypatch, flag)
    window.registry[Act.EDIT_PATIENT].trigger()
    assert s.undo_stack.count() == 2  # the plan edit is still there to undo
    assert s.store.patient(s.patient.id).clinic_id == "DEMO-9"
    window.undo_action.trigger()
    assert not s.store.patient(s.patient.id).opioid
    assert s.store.patient(s.patient.id).clinic_id == "DEMO-1"
    assert not any(w.code == "opioid-co-prescription" for w in s.warnings)
    assert "DEMO-1" in window.patients.list.currentIndex().data()
    window.undo_action.trigger()
    assert s.schedule.steps[0].days == 14
    window.redo_action.trigger()
    window.redo_action.trigger()
    assert s.store.patient(s.patient.id).opioid and s.schedule.steps[0].days == 21
    assert window.checks.alert.isVisibleTo(window.checks)


def test_a_clinic_id_in_use_is_said_in_the_dialog_which_stays_open(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    tries: list[str] = []

    def fill(d) -> bool:  # type: ignore[no-untyped-def]
        if not tries:
            d.name.setText("Eve Same")
            d.clinic_id.setText("DEMO-1")  # the demo patient's
        else:
            assert "DEMO-1" in d.error.text() or "clinic ID" in d.error.text()
            d.clinic_id.setText("EVE-1")
        tries.append(d.clinic_id.text())
        d.accept()
        return bool(d.result())

    answer_dialogs(monkeypatch, fill, fill)
    patient = window.patients.new_patient_dialog()
    assert tries == ["DEMO-1", "EVE-1"]
    assert patient is not None and patient.clinic_id == "EVE-1"
    assert window.session.patient.name == "Eve Same"
    assert len(window.session.store.search_patients("Eve")) == 1
