"""The whole window driven with qtbot on a real records file."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from windowing import open_window

from taperdesk.model import compute, format_mg
from taperdesk.store import StoreError
from taperdesk.ui.steps import COLUMNS, DAYS_COLUMN, DOSE_COLUMN


def table_rows(window) -> list[tuple[str, ...]]:  # type: ignore[no-untyped-def]
    m = window.steps.model
    return [tuple(m.data(m.index(r, c)) for c in range(len(COLUMNS))) for r in range(m.rowCount())]


def test_demo_opens_with_plan_table_chart_and_title(window) -> None:  # type: ignore[no-untyped-def]
    s = window.session
    assert s.patient is not None and s.patient.name.startswith("Demo Patient")
    assert "Demo Patient" in window.windowTitle()
    sched = s.schedule
    assert window.steps.model.rowCount() == len(sched.steps)
    xs, ys = window.chart.curve.getData()
    assert len(xs) == len(sched.steps) + 1
    assert list(ys[:-1]) == [st.daily_ug / 1000 for st in sched.steps]
    assert window.checks.list.count() == len(s.warnings)
    assert window.symptoms.model.rowCount() == 3


def test_create_patient_and_plan_through_widgets(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert window.patients.add_patient(name="Ann Other", born=None, clinic_id="C-9",
                                       opioid=True) is not None
    s = window.session
    assert s.patient.name == "Ann Other" and s.plan is None
    assert window.plan_form.create.isVisibleTo(window.plan_form)
    qtbot.mouseClick(window.plan_form.create, Qt.MouseButton.LeftButton)
    assert s.plan is not None and s.plan.protocol.id == "nardi"
    assert any(w.code == "opioid-co-prescription" for w in s.warnings)
    # Edit the current dose through the field.
    window.plan_form.dose.setText("3")
    window.plan_form.dose.editingFinished.emit()
    assert s.plan.start_ug == 3000
    assert table_rows(window)[0][DOSE_COLUMN] == "2.5"
    # A bad value is refused at the field and changes nothing.
    window.plan_form.dose.setText("-1")
    window.plan_form.dose.editingFinished.emit()
    assert s.plan.start_ug == 3000
    assert "negative" in window.plan_form.error.text()
    # Search as you type finds the new patient.
    window.patients.search.setText("ann")
    assert window.patients.list.count() == 1


def test_edit_step_in_table_replans_and_undo_redo(window) -> None:  # type: ignore[no-untyped-def]
    s = window.session
    model = window.steps.model
    first = s.plan
    before = table_rows(window)
    assert model.setData(model.index(1, DOSE_COLUMN), "1.25")
    assert s.schedule.steps[1].daily_ug == 1250
    assert table_rows(window)[1][DOSE_COLUMN] == "1.25"
    xs, ys = window.chart.curve.getData()
    assert ys[1] == 1.25
    # Bad values are refused with a message and change nothing.
    plan = s.plan
    assert not model.setData(model.index(1, DOSE_COLUMN), "lots")
    assert not model.setData(model.index(1, DAYS_COLUMN), "0")
    assert s.plan == plan
    assert window.steps.message.text()
    assert model.setData(model.index(0, DAYS_COLUMN), "21")
    assert s.schedule.steps[0].days == 21
    assert s.undo_stack.count() == 2
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert s.plan == first and table_rows(window) == before
    window.redo_action.trigger()
    window.redo_action.trigger()
    assert s.schedule.steps[0].days == 21 and s.schedule.steps[1].daily_ug == 1250


def test_keyboard_hold_on_selected_step_moves_later_dates(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    s = window.session
    before = compute(s.plan)
    row = 1
    window.steps.view.setFocus()
    window.steps.view.selectRow(row)
    qtbot.keyClick(window.steps.view, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    after = s.schedule
    assert after.stop_date == before.stop_date + timedelta(days=14)
    held = [st for st in after.steps if st.kind == "hold"]
    assert any(h.start == before.steps[row].start and h.days == 14 for h in held)
    for old in before.steps[row + 1:]:
        moved = old.start + timedelta(days=14)
        assert after.dose_on(moved) == old.daily_ug
    hold_row = next(st.row for st in after.steps
                    if st.kind == "hold" and st.start == before.steps[row].start)
    window.steps.view.selectRow(hold_row)
    assert window.remove_selected_hold()
    assert s.schedule.stop_date == before.stop_date


def test_checks_select_highlights_and_acknowledge(window) -> None:  # type: ignore[no-untyped-def]
    s = window.session
    idx = next(i for i, w in enumerate(s.warnings) if w.rows)
    with_rows = s.warnings[idx]
    window.checks.list.setCurrentRow(idx)
    xs, _ = window.chart.highlight.getData()
    assert xs is not None and len(xs) == 2 * len(with_rows.rows)
    brush = window.steps.model.data(window.steps.model.index(with_rows.rows[0], 0),
                                    Qt.ItemDataRole.BackgroundRole)
    assert brush is not None
    assert window.checks.acknowledge(idx, "discussed with the patient")
    acks = s.store.acknowledgements(s.record.id)
    assert [a.key for a in acks] == [with_rows.key]
    assert "Acknowledged" in window.checks.detail.text()


def test_failing_save_keeps_the_screen_and_says_so(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    s = window.session
    messages: list[str] = []
    s.error.connect(messages.append)

    def broken(*a, **k):  # type: ignore[no-untyped-def]
        raise StoreError("the disk is full")

    monkeypatch.setattr(s.store, "save_revision", broken)
    model = window.steps.model
    assert model.setData(model.index(0, DOSE_COLUMN), "1.25")
    assert any("the disk is full" in m for m in messages)
    assert s.schedule.steps[0].daily_ug == 1250
    assert table_rows(window)[0][DOSE_COLUMN] == "1.25"


def test_close_and_reopen_shows_the_same(qtbot, db: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ini = tmp_path / "settings.ini"
    w = open_window(qtbot, db, ini)
    model = w.steps.model
    assert model.setData(model.index(0, DOSE_COLUMN), "1.75")
    w.hold_selected  # noqa: B018 - the action exists
    w.docks["symptoms"].hide()
    plan, rows = w.session.plan, table_rows(w)
    w.close()
    w.session.store.close()
    again = open_window(qtbot, db, ini)
    try:
        assert again.session.plan == plan
        assert table_rows(again) == rows
        assert again.docks["symptoms"].isHidden()
    finally:
        again.close()
        again.session.store.close()


def test_print_preview_from_the_file_menu(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = window.preview("patient")
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.file.page_count >= 4
    dialog.close()


def test_step_table_model_passes_qtmodeltester(window, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(window.steps.model)
    qtmodeltester.check(window.symptoms.model)


def test_doses_in_table_come_from_the_model(window) -> None:  # type: ignore[no-untyped-def]
    for row, step in zip(table_rows(window), window.session.schedule.steps, strict=True):
        assert row[DOSE_COLUMN] == format_mg(step.daily_ug)


def test_choose_records_file_refuses_a_bad_file(window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    bad = tmp_path / "not-records.sqlite3"
    bad.write_bytes(b"this is not a database")
    shown: list[str] = []
    orig = QMessageBox.warning
    QMessageBox.warning = lambda *a, **k: shown.append(a[2])  # type: ignore[method-assign]
    try:
        assert not window.choose_records_file(path=bad)
    finally:
        QMessageBox.warning = orig  # type: ignore[method-assign]
    assert shown and "cannot be used" in shown[0]
    assert bad.read_bytes() == b"this is not a database"
    assert window.settings.value("records_file") is None
    good = tmp_path / "clinic-share.sqlite3"
    assert window.choose_records_file(path=good)
    assert window.settings.value("records_file") == str(good)
