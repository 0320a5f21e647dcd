"""The step table as a user meets it: cells typed through the view's editor, keys on the
selected row, the context menu, shading and highlights; its model under qtmodeltester."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from standalone import answer_dialogs
from windowing import table_rows

from taperdesk.model import format_mg
from taperdesk.model.instructions import dose_short
from taperdesk.ui.action_registry import Act
from taperdesk.ui.steps import COLUMNS, DAYS_COLUMN, DOSE_COLUMN, TIME_COLUMNS
from taperdesk.ui.theme import brush as tone_brush


def type_into_cell(qtbot, window, row: int, column: int, text: str) -> None:  # type: ignore[no-untyped-def]
    """Double-click-free editing as from the keyboard: F2, type, Enter."""
    view = window.steps.view
    view.setFocus()
    view.setCurrentIndex(view.model().index(row, column))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != view.State.EditingState)  # the commit is queued


def test_model_passes_qtmodeltester(window, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(window.steps.model)


def test_columns_are_declared_once_and_read_from_the_model(window) -> None:  # type: ignore[no-untyped-def]
    m = window.steps.model
    titles = [m.headerData(c, Qt.Orientation.Horizontal) for c in range(m.columnCount())]
    assert titles == [c.title for c in COLUMNS]
    assert titles[:4] == ["Start", "End", "Days", "mg/day"]
    assert titles[-3:] == ["Kind", "Rationale", "Source"]
    for row, step in zip(table_rows(window), window.session.schedule.steps, strict=True):
        assert row[0] == step.start.strftime("%a %d %b %Y")
        assert row[DAYS_COLUMN] == str(step.days)
        assert row[DOSE_COLUMN] == format_mg(step.daily_ug)
        assert row[-1] == step.source and row[-2] == step.rationale
        for d in step.doses:
            assert dose_short(d) in row


def test_time_of_day_cells_say_the_dose_and_the_tablets(window) -> None:  # type: ignore[no-untyped-def]
    rows = table_rows(window)
    # The demo's first step: 1.5 mg/day in two equal halves of 1½ × 0.5 mg tablets.
    assert rows[0][TIME_COLUMNS[0]] == "0.75 mg: 1½ × 0.5 mg"
    assert rows[0][TIME_COLUMNS[2]] == "0.75 mg: 1½ × 0.5 mg"
    # The demo is taken morning and bedtime, so the midday column is hidden.
    assert window.steps.view.isColumnHidden(TIME_COLUMNS[1])
    assert not window.steps.view.isColumnHidden(TIME_COLUMNS[0])


def test_hold_rows_are_shaded(window) -> None:  # type: ignore[no-untyped-def]
    m = window.steps.model
    for step in window.session.schedule.steps:
        brush = m.data(m.index(step.row, 0), Qt.ItemDataRole.BackgroundRole)
        assert (brush == tone_brush("hold_row")) == (step.kind == "hold")


def test_typing_days_and_dose_edits_the_plan(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    s = window.session
    later = s.schedule.steps[2].start
    type_into_cell(qtbot, window, 0, DAYS_COLUMN, "21")
    assert s.schedule.steps[0].days == 21
    assert s.schedule.steps[2].start == later + timedelta(days=7)
    type_into_cell(qtbot, window, 1, DOSE_COLUMN, "1.25 mg")
    assert s.schedule.steps[1].daily_ug == 1250
    assert table_rows(window)[1][DOSE_COLUMN] == "1.25"
    assert window.chart.curve.getData()[1][1] == 1.25
    assert s.undo_stack.count() == 2
    assert s.store.active_plan(s.patient.id).plan == s.plan


def test_bad_cell_values_are_refused_with_a_message(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    s = window.session
    plan, revision = s.plan, s.record.revision
    for column, text, words in ((DAYS_COLUMN, "0", "days"), (DAYS_COLUMN, "two", "whole number"),
                                (DOSE_COLUMN, "lots", ""), (DOSE_COLUMN, "-1", "negative")):
        type_into_cell(qtbot, window, 1, column, text)
        message = window.steps.message.text()
        assert message and words in message, (text, message)
        assert s.plan == plan and s.record.revision == revision
    assert s.undo_stack.count() == 0
    # The dose of a hold row is the held dose: not editable.
    hold = next(st.row for st in s.schedule.steps if st.kind == "hold")
    assert not window.steps.model.flags(window.steps.model.index(hold, DOSE_COLUMN)) \
        & Qt.ItemFlag.ItemIsEditable


def test_keys_on_the_selected_row_hold_and_remove(window, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    s = window.session
    view = window.steps.view
    stop = s.schedule.stop_date
    view.setFocus()
    view.selectRow(0)
    qtbot.keyClick(view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert s.schedule.stop_date == stop + timedelta(days=7)
    assert s.schedule.steps[0].kind == "hold" and s.schedule.steps[0].days == 7
    view.selectRow(0)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert s.schedule.stop_date == stop
    # Delete on a taper step says what to do and changes nothing.
    view.selectRow(0)
    plan = s.plan
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert s.plan == plan and "not a hold" in window.steps.message.text()

    def custom_hold(d) -> bool:  # type: ignore[no-untyped-def]
        d.set_length(10)
        d.reason.setText("poor sleep")
        d.accept()
        return bool(d.result())

    shown = answer_dialogs(monkeypatch, custom_hold)
    view.selectRow(1)
    qtbot.keyClick(view, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert shown[0].windowTitle() == "Insert a hold"
    assert s.schedule.stop_date == stop + timedelta(days=10)
    assert any(st.kind == "hold" and st.days == 10 for st in s.schedule.steps)


def test_back_step_from_the_keyboard_needs_a_reason(window, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    s = window.session

    def back(d) -> bool:  # type: ignore[no-untyped-def]
        d.accept()
        assert "reason" in d.error.text() and not d.result()
        d.reason.setText("withdrawal symptoms after the last cut")
        d.accept()
        return bool(d.result())

    answer_dialogs(monkeypatch, back)
    window.steps.view.setFocus()
    window.steps.view.selectRow(1)
    qtbot.keyClick(window.steps.view, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    steps = s.schedule.steps
    back_step = next(st for st in steps if st.kind == "back-step")
    assert back_step.daily_ug == steps[0].daily_ug  # the previous dose again


def test_context_menu_offers_the_same_actions(window) -> None:  # type: ignore[no-untyped-def]
    view = window.steps.view
    assert view.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    offered = view.actions()
    for key in (Act.HOLD_1W, Act.HOLD_2W, Act.HOLD, Act.REMOVE_HOLD, Act.BACK_STEP):
        assert window.registry[key] in offered


def test_nothing_selected_says_so(window) -> None:  # type: ignore[no-untyped-def]
    window.steps.view.clearSelection()
    plan = window.session.plan
    window.registry[Act.HOLD_2W].trigger()
    assert window.session.plan == plan
    assert "Select a step" in window.steps.message.text()


def test_selection_from_checks_highlights_rows(window) -> None:  # type: ignore[no-untyped-def]
    m = window.steps.model
    window.session.highlight((3, 4))
    lit = [r for r in range(m.rowCount())
           if m.data(m.index(r, 0), Qt.ItemDataRole.BackgroundRole)
           not in (None, tone_brush("hold_row"))]
    assert lit == [3, 4]


def test_a_pasted_huge_number_is_refused_in_a_short_message(window) -> None:  # type: ignore[no-untyped-def]
    m, s = window.steps.model, window.session
    plan = s.plan
    for column in (DAYS_COLUMN, DOSE_COLUMN):
        assert not m.setData(m.index(1, column), "1" * 5000)
        text = window.steps.message.text()
        assert text and len(text) <= 300
    assert not m.setData(m.index(1, DAYS_COLUMN), "٣")  # digits other than 0-9 are refused
    assert s.plan == plan


def test_selection_survives_an_edit_that_adds_rows(window, qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    """Rows are inserted, not reset: a second Ctrl+1 on the selected step holds again."""
    s = window.session
    view = window.steps.view
    qtmodeltester.check(window.steps.model)  # watches the inserts and removals below
    stop, rows = s.schedule.stop_date, len(s.schedule.steps)
    resets: list[int] = []
    window.steps.model.modelReset.connect(lambda: resets.append(1))
    view.setFocus()
    view.selectRow(1)
    qtbot.keyClick(view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert len(s.schedule.steps) > rows
    assert window.steps.current_row() == 1
    qtbot.keyClick(view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert s.schedule.stop_date == stop + timedelta(days=14)
    assert "first" not in window.steps.message.text()
    s.undo_stack.undo()
    s.undo_stack.undo()
    assert len(s.schedule.steps) == rows and window.steps.model.rowCount() == rows
    assert not resets


def cell_texts(window) -> list[list[str]]:  # type: ignore[no-untyped-def]
    """Every cell as the table model gives it to the view."""
    m = window.steps.model
    return [[m.data(m.index(r, c)) for c in range(m.columnCount())] for r in range(m.rowCount())]


def test_after_any_edit_every_cell_shows_its_step(window) -> None:  # type: ignore[no-untyped-def]
    """Texts are kept for the rows an edit leaves as they were: after holds, doses, lengths,
    undo and redo, every cell is the text of the step now in its row."""
    from taperdesk.model import insert_hold, set_step_days, set_step_dose

    s = window.session
    m = window.steps.model
    told: list[tuple[int, int]] = []
    m.dataChanged.connect(lambda a, b, _roles=(): told.append((a.row(), b.row())))

    def taper(n: int) -> int:  # the row of the n-th protocol step now
        return [st.row for st in s.schedule.steps if st.kind == "taper"][n]

    edits = [
        lambda: ("hold", insert_hold, s.schedule.steps[len(s.schedule.steps) // 2].start, 14),
        lambda: ("dose", set_step_dose, taper(2), s.schedule.steps[taper(2)].daily_ug - 250),
        lambda: ("days", set_step_days, taper(1), 10),
    ]
    for edit in edits:
        text, op, *args = edit()
        before = s.schedule.steps
        told.clear()
        assert s.apply(text, op, *args)
        after = s.schedule.steps
        assert cell_texts(window) == [[c.value(st) for c in COLUMNS] for st in after]
        # Only the rows from the first one the edit changed are told to the view.
        first = next(i for i, (a, b) in enumerate(zip(before, after, strict=False)) if a != b)
        assert told and told[0][0] == first and told[-1][1] < len(after)
    for step in (s.undo_stack.undo, s.undo_stack.undo, s.undo_stack.redo):
        step()
        assert cell_texts(window) == [[c.value(st) for c in COLUMNS] for st in s.schedule.steps]


def test_a_change_to_rows_on_screen_repaints_them(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The view repaints the changed rows it shows (changes to rows off screen are read
    when they are scrolled to)."""
    from PySide6.QtCore import QEvent, QObject, QRect

    from taperdesk.model import set_step_days

    view = window.steps.view
    view.scrollToTop()
    qtbot.wait(10)
    painted: list[QRect] = []

    class Paints(QObject):
        def eventFilter(self, obj, event):  # type: ignore[no-untyped-def]  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                painted.append(event.rect())
            return False

    spy = Paints()
    view.viewport().installEventFilter(spy)
    s = window.session
    rows = len(s.schedule.steps)
    assert s.apply("days", set_step_days, 1, s.schedule.steps[1].days + 3)
    assert len(s.schedule.steps) == rows  # no row added or removed: only the change repaints
    qtbot.waitUntil(lambda: bool(painted))
    row = view.visualRect(window.steps.model.index(1, DAYS_COLUMN))
    assert any(r.intersects(row) for r in painted)
    assert table_rows(window)[1][DAYS_COLUMN] == str(s.schedule.steps[1].days)
    view.viewport().removeEventFilter(spy)
