"""Plan edits a role may not make are refused before they start, in the real window on a
real records file with real accounts: the step table's cells, the chart's drag, Undo and
Redo; and all of it follows a sign-out and a sign-in as someone else."""

from __future__ import annotations

from pathlib import Path

import pytest
from accounts import FAST_HASHER, PASSWORD, open_signed, sign_in
from PySide6.QtCore import QEvent, QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication
from standalone import answer_dialogs
from test_step_table import type_into_cell
from windowing import open_window, table_rows

from taperdesk.model import set_step_days
from taperdesk.store import Store, load_demo
from taperdesk.ui.action_registry import Act
from taperdesk.ui.chart_axis import ts
from taperdesk.ui.session import Session
from taperdesk.ui.signin import SignInDialog
from taperdesk.ui.steps import DAYS_COLUMN, DOSE_COLUMN
from taperdesk.ui.window import MainWindow

NURSE, PRESCRIBER = "Nia", "Dr Pat"
WHY = "Nia (nurse) may not change plans."
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def staff(db: Path) -> Path:
    """The demo records with a nurse and a (plain) prescriber beside the tester."""
    with open_signed(db) as s:
        sign_in(s, NURSE, "nurse")
        sign_in(s, PRESCRIBER, "prescriber")
    return db


def _window(qtbot, db: Path, tmp_path: Path, user: str):  # type: ignore[no-untyped-def]
    return open_window(qtbot, db, tmp_path / "settings.ini", user=user)


def _dose_cell_editable(window) -> bool:  # type: ignore[no-untyped-def]
    m = window.steps.model
    return bool(m.flags(m.index(1, DOSE_COLUMN)) & Qt.ItemFlag.ItemIsEditable)


def _press(qtbot, window, step_row: int) -> None:  # type: ignore[no-untyped-def]
    """Drag a step's level upwards with real mouse events on the chart's viewport."""
    chart = window.chart
    chart.fit()
    qtbot.wait(10)
    step = window.session.schedule.steps[step_row]
    mid = (ts(step.start) + ts(step.next_start)) / 2
    vp = chart.plot.viewport()

    def at(mg: float) -> QPoint:
        return chart.plot.mapFromScene(chart.view_box.mapViewToScene(QPointF(mid, mg)))

    def send(kind: QEvent.Type, pos: QPoint, button, buttons) -> None:  # type: ignore[no-untyped-def]
        QApplication.sendEvent(vp, QMouseEvent(kind, QPointF(pos), QPointF(vp.mapToGlobal(pos)),
                                               button, buttons, Qt.KeyboardModifier.NoModifier))

    y = step.daily_ug / 1000
    send(QEvent.Type.MouseButtonPress, at(y), LEFT, LEFT)
    for i in range(1, 5):
        send(QEvent.Type.MouseMove, at(y + 0.1 * i), Qt.MouseButton.NoButton, LEFT)
        qtbot.wait(1)
    send(QEvent.Type.MouseButtonRelease, at(y + 0.4), LEFT, Qt.MouseButton.NoButton)
    qtbot.wait(1)


def test_a_nurse_cannot_type_into_a_dose_cell_and_reads_why(
        qtbot, staff: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, staff, tmp_path, NURSE)
    s = window.session
    plan, rows, revision = s.plan, table_rows(window), s.record.revision
    view, m = window.steps.view, window.steps.model
    assert not _dose_cell_editable(window)
    assert not m.flags(m.index(0, DAYS_COLUMN)) & Qt.ItemFlag.ItemIsEditable
    assert m.data(m.index(1, DOSE_COLUMN), Qt.ItemDataRole.ToolTipRole) == WHY
    view.setFocus()
    view.setCurrentIndex(m.index(1, DOSE_COLUMN))
    qtbot.keyClick(view, Qt.Key.Key_F2)  # no editor opens...
    assert view.state() != view.State.EditingState
    qtbot.keyClicks(view, "0.5")  # ...and typing does not start one
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert view.state() != view.State.EditingState
    with qtbot.waitSignal(s.error) as said:  # a double-click says why
        view.doubleClicked.emit(m.index(1, DOSE_COLUMN))
    assert said.args == [WHY]
    assert s.plan == plan and table_rows(window) == rows and s.undo_stack.count() == 0
    assert s.store.active_plan(s.patient.id).revision == revision  # nothing written
    window.close()
    s.store.close()


def test_a_nurse_drag_on_the_chart_is_refused_before_any_preview(
        qtbot, staff: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, staff, tmp_path, NURSE)
    s = window.session
    plan, revision = s.plan, s.record.revision
    assert window.chart.plot.toolTip() == WHY
    seen: list[object] = []
    s.plan_changed.connect(lambda: seen.append(s.schedule.steps[1].daily_ug))
    with qtbot.waitSignal(s.error) as said:
        _press(qtbot, window, 1)
    assert said.args == [WHY]
    assert seen == [] and not s.dragging and not s.previewing  # no preview, not one move
    assert s.plan == plan and s.undo_stack.count() == 0
    assert s.store.active_plan(s.patient.id).revision == revision
    window.close()
    s.store.close()


def test_undo_and_redo_say_why_for_a_nurse_and_undo_her_own_edits(
        qtbot, staff: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, staff, tmp_path, NURSE)
    undo, redo = window.undo_action, window.redo_action
    twins = window.toolbar_undo
    for action in (undo, redo, *twins):
        assert not action.isEnabled() and action.toolTip() == WHY, action.text()
    s = window.session
    patient = s.patient
    assert s.update_patient("Clinic ID N-1", clinic_id="N-1").ok  # a nurse may change
    assert undo.isEnabled() and undo.toolTip() == "Undo Clinic ID N-1"  # patients, and undo it
    assert twins[0].isEnabled() and twins[0].toolTip() == "Undo Clinic ID N-1"
    undo.trigger()
    assert s.store.patient(patient.id).clinic_id == patient.clinic_id
    assert redo.isEnabled() and redo.toolTip() != WHY
    window.close()
    s.store.close()


def test_the_rights_follow_a_sign_out_and_in_as_the_other_role(
        qtbot, monkeypatch, staff: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, staff, tmp_path, PRESCRIBER)
    s, m = window.session, window.steps.model
    assert _dose_cell_editable(window)
    assert "Type a daily dose" in m.data(m.index(1, DOSE_COLUMN), Qt.ItemDataRole.ToolTipRole)
    assert window.chart.plot.toolTip().startswith("Drag a step's level")
    assert not window.undo_action.isEnabled() and window.undo_action.toolTip() == "Undo"
    type_into_cell(qtbot, window, 0, DAYS_COLUMN, "21")  # a prescriber types...
    assert s.schedule.steps[0].days == 21
    assert s.store.active_plan(s.patient.id).plan == s.plan  # saved
    assert window.undo_action.isEnabled() and "21 days" in window.undo_action.toolTip()

    def as_user(name: str):  # type: ignore[no-untyped-def]
        def answer(d: SignInDialog) -> bool:
            d.name_box.setCurrentText(name)
            d.password.setText(PASSWORD)
            d.accept()
            return d.result() == 1
        return answer

    answer_dialogs(monkeypatch, as_user(NURSE), as_user(PRESCRIBER))
    window.registry[Act.SIGN_OUT].trigger()
    assert s.user is not None and s.user.name == NURSE
    assert not _dose_cell_editable(window)
    assert m.data(m.index(1, DOSE_COLUMN), Qt.ItemDataRole.ToolTipRole) == WHY
    assert window.chart.plot.toolTip() == WHY
    assert not window.undo_action.isEnabled() and window.undo_action.toolTip() == WHY
    assert not s.apply("Step 1 to 15 days", set_step_days, 0, 15)  # refused in any case
    window.registry[Act.SIGN_OUT].trigger()
    assert s.user is not None and s.user.name == PRESCRIBER
    assert _dose_cell_editable(window) and window.undo_action.toolTip() == "Undo"
    assert window.chart.plot.toolTip().startswith("Drag a step's level")
    type_into_cell(qtbot, window, 1, DOSE_COLUMN, "1.25")
    assert s.schedule.steps[1].daily_ug == 1250
    assert s.store.active_plan(s.patient.id).plan == s.plan
    window.close()
    s.store.close()


def test_undo_of_a_plan_edit_is_disabled_once_the_records_need_a_sign_in(
        qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Records with no accounts are not guarded; once another program makes their first
    account, this window's plan edit may no longer be undone here: Undo says why instead of
    failing to save."""
    path = tmp_path / "records.sqlite3"
    store = Store.open(path)
    load_demo(store)
    session = Session(store, store.catalogue)
    window = MainWindow(session, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    session.open_patient(store.search_patients("")[0].id)
    assert session.apply("Step 1 to 15 days", set_step_days, 0, 15)
    assert window.undo_action.isEnabled() and window.undo_action.toolTip() != "Sign in first."
    with Store.open(path) as other:  # e.g. `taperdesk users add` on another PC
        other.hasher = FAST_HASHER
        other.add_user("Dr Ada Lee", "prescriber", PASSWORD)
    session.refresh()  # what the live check does when another program saved
    assert not window.undo_action.isEnabled()
    assert window.undo_action.toolTip() == "Sign in first."
    assert not window.toolbar_undo[0].isEnabled()
    assert window.toolbar_undo[0].toolTip() == "Sign in first."
    window.close()
    store.close()


def test_a_cell_half_typed_at_sign_out_is_not_saved_in_the_next_users_name(
        qtbot, monkeypatch, staff: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A prescriber leaves a dose half-typed and signs out; another prescriber signs in.
    What was typed is dropped, never saved in the second one's name (nor the first's)."""
    window = _window(qtbot, staff, tmp_path, PRESCRIBER)
    s = window.session
    plan, revision = s.plan, s.record.revision
    view, m = window.steps.view, window.steps.model
    view.setFocus()
    view.setCurrentIndex(m.index(1, DOSE_COLUMN))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "0.25")
    assert view.state() == view.State.EditingState

    def as_tester(d: SignInDialog) -> bool:
        d.name_box.setCurrentText("tester")
        d.password.setText(PASSWORD)
        d.accept()
        return d.result() == 1

    answer_dialogs(monkeypatch, as_tester)
    window.registry[Act.SIGN_OUT].trigger()
    assert s.user is not None and s.user.name == "tester"
    qtbot.wait(20)
    assert view.state() != view.State.EditingState  # the editor is gone...
    assert s.plan == plan, "saved at sign-out"
    assert "dropped at sign-out" in window.statusBar().currentMessage()
    qtbot.keyClick(view, Qt.Key.Key_Return)  # ...so Enter commits nothing
    qtbot.wait(20)
    assert s.plan == plan and s.undo_stack.count() == 0
    assert s.store.active_plan(s.patient.id).revision == revision
    assert "0.25" not in " ".join(str(c) for c in table_rows(window)[1])
    window.close()
    s.store.close()


def test_a_nurse_sees_the_charts_edit_items_disabled_with_why(
        qtbot, staff: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, staff, tmp_path, NURSE)
    day = window.session.schedule.steps[1].start
    menu = window.chart.menu_for(day)
    edits = [a for a in menu.actions() if a.text().startswith(("Insert", "Back-step", "Remove"))]
    assert len(edits) >= 4
    assert all(not a.isEnabled() and a.toolTip() == WHY for a in edits)
    fit = next(a for a in menu.actions() if a.text() == "Show the whole plan")
    assert fit.isEnabled()  # looking is everyone's
    window.close()
    window.session.store.close()
    prescriber = _window(qtbot, staff, tmp_path, PRESCRIBER)
    menu = prescriber.chart.menu_for(day)
    assert all(a.isEnabled() for a in menu.actions() if a.text().startswith("Insert"))
    prescriber.close()
    prescriber.session.store.close()
