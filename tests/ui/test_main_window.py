"""The whole window driven with qtbot on a real records file: menus, title, a patient and a
plan made through the widgets, undo to the start and redo, reopen, failing save, files."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from standalone import answer_dialogs
from windowing import open_window, table_rows

from taperdesk.model import compute, format_mg
from taperdesk.model.guardrails import RULES
from taperdesk.store import Store, StoreError
from taperdesk.ui.action_registry import SPECS, Act
from taperdesk.ui.file_actions import sources_text
from taperdesk.ui.steps import DAYS_COLUMN, DOSE_COLUMN


def test_demo_opens_with_plan_table_chart_checks_and_title(window) -> None:  # type: ignore[no-untyped-def]
    s = window.session
    assert s.patient is not None and s.patient.name.startswith("Demo Patient")
    assert window.windowTitle() == f"TaperDesk — {s.patient.name} — {s.record.title}"
    sched = s.schedule
    assert window.steps.model.rowCount() == len(sched.steps)
    xs, ys = window.chart.curve.getData()
    assert list(ys[:-1]) == [st.daily_ug / 1000 for st in sched.steps]
    assert window.checks.list.count() == len(s.warnings)


def test_every_registry_action_is_in_a_menu_with_a_unique_shortcut(window) -> None:  # type: ignore[no-untyped-def]
    in_menus = {a for menu in window.menuBar().actions() for a in menu.menu().actions()}
    for key in Act:
        assert window.registry[key] in in_menus, key
    shortcuts = [window.registry[k].shortcut().toString() for k in Act
                 if not window.registry[k].shortcut().isEmpty()]
    shortcuts += [window.undo_action.shortcut().toString()]
    assert len(shortcuts) == len(set(shortcuts))
    assert set(SPECS) == set(Act)
    titles = [m.text() for m in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&View", "&Help"]


def test_new_patient_and_plan_through_the_dialogs(window, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    s = window.session

    def patient(d) -> bool:  # type: ignore[no-untyped-def]
        d.accept()  # no name: refused at the field
        assert d.error.text() and not d.result()
        d.name.setText("Ann Other")
        d.clinic_id.setText("C-9")
        d.opioid.setChecked(True)
        d.accept()
        return bool(d.result())

    def plan(d) -> bool:  # type: ignore[no-untyped-def]
        assert d.dose.text() == ""  # the current dose is never guessed
        d.drug.setCurrentIndex(d.drug.findData("clonazepam"))
        d.accept()
        assert "daily dose" in d.error.text() and not d.result()
        d.dose.setText("lots")
        d.accept()
        assert d.error.text() and not d.result()
        d.dose.setText("2")
        d.protocol.setCurrentIndex(d.protocol.findData("nardi"))
        d.start.setDate(d.start.date().addDays(7))
        d.accept()
        return bool(d.result())

    shown = answer_dialogs(monkeypatch, patient, plan)
    window.registry[Act.NEW_PATIENT].trigger()
    assert s.patient.name == "Ann Other" and s.patient.opioid and s.plan is None
    assert window.plan_form.create_button.isVisibleTo(window.plan_form)
    qtbot.mouseClick(window.plan_form.create_button, Qt.MouseButton.LeftButton)
    assert [d.windowTitle() for d in shown] == ["New patient", "New plan"]
    assert s.plan is not None and s.plan.start_ug == 2000 and s.plan.protocol.id == "nardi"
    assert s.plan.start.weekday() == 0  # a Monday: the default start is next Monday
    assert "Ann Other" in window.windowTitle()
    assert any(w.code == "opioid-co-prescription" for w in s.warnings)
    assert window.checks.alert.isVisibleTo(window.checks)
    # The plan form shows the plan; a bad dose there is refused at the field.
    assert window.plan_form.dose.text() == "2"
    window.plan_form.dose.setText("-1")
    window.plan_form.dose.editingFinished.emit()
    assert s.plan.start_ug == 2000
    assert "negative" in window.plan_form.error.text()
    # Stored: the same plan comes back from the records.
    assert s.store.active_plan(s.patient.id).plan == s.plan


def test_new_plan_dialog_custom_product_picks(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    s = window.session

    def plan(d) -> bool:  # type: ignore[no-untyped-def]
        d.drug.setCurrentIndex(d.drug.findData("clonazepam"))
        ids = d.products.chosen()
        assert ids == s.catalogue.drug("clonazepam").product_sets["us-tablets"]
        d.products.set_chosen(())
        d.accept()
        assert "product" in d.error.text()
        d.products.item(0).setCheckState(Qt.CheckState.Checked)  # 0.5 mg tablets only
        assert d.product_set.currentText() == "custom picks"
        d.dose.setText("1.5")
        d.accept()
        return bool(d.result())

    answer_dialogs(monkeypatch, plan)
    assert window.plan_form.new_plan_dialog()
    assert s.plan.products == ("clonazepam-tab-0.5-us",)
    assert s.plan.start_ug == 1500
    assert len(s.store.plans(s.patient.id)) == 2  # the demo plan is kept on record


def test_edit_hold_then_undo_to_the_start_and_redo(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    s = window.session
    start_plan, start_rows = s.plan, table_rows(window)
    model = window.steps.model
    assert model.setData(model.index(1, DOSE_COLUMN), "1.25")
    assert model.setData(model.index(0, DAYS_COLUMN), "21")
    window.steps.view.setFocus()
    window.steps.view.selectRow(0)
    qtbot.keyClick(window.steps.view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    after_plan, after_rows = s.plan, table_rows(window)
    assert s.undo_stack.count() == 3
    assert any(st.kind == "hold" and st.days == 7 for st in s.schedule.steps)
    for _ in range(3):
        qtbot.keyClick(window.steps.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert s.plan == start_plan and table_rows(window) == start_rows
    assert s.store.active_plan(s.patient.id).plan == start_plan
    assert not window.undo_action.isEnabled()
    for _ in range(3):
        window.redo_action.trigger()
    assert s.plan == after_plan and table_rows(window) == after_rows
    assert s.store.active_plan(s.patient.id).plan == after_plan


def test_failing_save_keeps_the_screen_and_says_so(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    s = window.session

    def broken(*a, **k):  # type: ignore[no-untyped-def]
        raise StoreError("the disk is full")

    monkeypatch.setattr(s.store, "save_revision", broken)
    model = window.steps.model
    assert model.setData(model.index(0, DOSE_COLUMN), "1.25")
    assert "the disk is full" in window.statusBar().currentMessage()
    assert "the disk is full" in window.steps.message.text()
    assert s.schedule.steps[0].daily_ug == 1250
    assert table_rows(window)[0][DOSE_COLUMN] == "1.25"
    assert window.chart.curve.getData()[1][0] == 1.25


def test_close_and_reopen_shows_the_same_plan_table_and_layout(qtbot, db: Path,  # type: ignore[no-untyped-def]
                                                               tmp_path: Path) -> None:
    ini = tmp_path / "settings.ini"
    w = open_window(qtbot, db, ini)
    model = w.steps.model
    assert model.setData(model.index(0, DOSE_COLUMN), "1.75")
    w.docks["symptoms"].hide()
    w.docks["appointments"].hide()  # its tab-mate: the right column empties
    w.removeDockWidget(w.docks["checks"])
    w.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, w.docks["checks"])
    w.docks["checks"].show()
    width = max(700, w.minimumSizeHint().width() + 20)  # the offscreen screen is small
    w.resize(width, 520)
    w.split.setSizes([300, 200])
    split = w.split.sizes()
    plan, rows, title, size = w.session.plan, table_rows(w), w.windowTitle(), w.size()
    w.close()
    w.session.store.close()
    again = open_window(qtbot, db, ini)
    try:
        assert again.session.plan == plan
        assert table_rows(again) == rows
        assert again.windowTitle() == title
        assert again.docks["symptoms"].isHidden()
        assert again.dockWidgetArea(again.docks["checks"]) == Qt.DockWidgetArea.BottomDockWidgetArea
        top, bottom = again.split.sizes()  # the same share (the offscreen height may differ)
        assert abs(top / (top + bottom) - split[0] / sum(split)) < 0.02
        assert abs(split[0] / sum(split) - 0.6) < 0.02  # not the first-run share
        assert again.width() == size.width() == width != 1366  # not the first-run width
    finally:
        again.close()
        again.session.store.close()


def test_open_records_file_refuses_a_bad_file_and_switches_to_a_good_one(  # type: ignore[no-untyped-def]
        window, tmp_path: Path, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    bad = tmp_path / "not-records.sqlite3"
    bad.write_bytes(b"this is not a database")
    demo_plan = window.session.plan
    assert window.open_records_file(bad) is None
    assert shown and "cannot be used" in shown[0]
    assert bad.read_bytes() == b"this is not a database"
    assert window.settings.value("records_file") is None
    assert window.session.plan == demo_plan  # nothing changed on screen
    other = tmp_path / "share" / "clinic.sqlite3"
    other.parent.mkdir()
    with Store.open(other) as s2:
        s2.add_patient("Shared Patient")
    assert window.open_records_file(other) is not None
    assert window.settings.value("records_file") == str(other)
    assert window.session.patient.name == "Shared Patient" and window.session.plan is None
    assert window.patients.labels() == ["Shared Patient"]


def test_settings_dialog_keeps_clinic_details_in_the_records(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def fill(d) -> bool:  # type: ignore[no-untyped-def]
        d.fields["clinic_name"].setText("Hill Street Practice")
        d.fields["clinic_phone"].setText("01234 567890")
        d.accept()
        return bool(d.result())

    answer_dialogs(monkeypatch, fill)
    window.registry[Act.SETTINGS].trigger()
    store = window.session.store
    assert store.setting("clinic_name") == "Hill Street Practice"
    assert store.setting("clinic_phone") == "01234 567890"


def test_export_then_import_gives_the_same_plan(window, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    s = window.session
    path = window.files.export_plan(tmp_path / "demo.taper.json")
    assert path is not None and path.exists()
    plan, count = s.plan, len(s.store.plans(s.patient.id))
    assert window.files.import_plan(path)
    assert s.plan == plan  # the same clinic ID: a new active plan of the same patient
    assert len(s.store.plans(s.patient.id)) == count + 1
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    broken = tmp_path / "broken.taper.json"
    broken.write_text("{not json")
    count = len(s.store.plans(s.patient.id))
    assert not window.files.import_plan(broken)
    assert shown and shown[0].startswith("Nothing was imported")
    assert len(s.store.plans(s.patient.id)) == count


def test_sources_name_every_rule_and_protocol(window) -> None:  # type: ignore[no-untyped-def]
    text = sources_text()
    for _severity, title, source in RULES.values():
        assert title in text and source in text
    assert "Nardi" in text


def test_print_preview_from_the_file_menu(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = window.preview("patient")
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.file.page_count >= 2
    dialog.close()


def test_keyboard_hold_moves_every_later_date(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    s = window.session
    before = compute(s.plan)
    row = 1
    window.steps.view.setFocus()
    window.steps.view.selectRow(row)
    qtbot.keyClick(window.steps.view, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    after = s.schedule
    assert after.stop_date == before.stop_date + timedelta(days=14)
    for old in before.steps[row + 1:]:
        assert after.dose_on(old.start + timedelta(days=14)) == old.daily_ug
    assert table_rows(window)[row][DOSE_COLUMN] == format_mg(before.steps[row].daily_ug)
    assert date.fromisoformat(str(after.stop_date)) > before.stop_date
