"""The checks panel: every warning with severity, message and source; selecting one lights its
steps in the table and the chart; acknowledging needs a reason, is recorded and shown."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from standalone import answer_dialogs
from windowing import open_window

from taperdesk.ui.action_registry import Act
from taperdesk.ui.theme import brush


def test_every_warning_shows_severity_message_and_source(window) -> None:  # type: ignore[no-untyped-def]
    warnings = window.session.warnings
    assert len(warnings) >= 2
    lst = window.checks.list
    assert lst.count() == len(warnings)
    for i, w in enumerate(warnings):
        text = lst.item(i).text()
        # one line: the title, and the step and day it concerns (tests/ui/test_layout.py)
        assert text.startswith(f"{w.severity.upper()}: {w.title}") and "\n" not in text
        tip = lst.item(i).toolTip()
        assert w.message in tip and f"Source: {w.source}" in tip
        lst.setCurrentRow(i)
        assert w.source in window.checks.detail.text()
        assert w.message[:40] in window.checks.detail.text().replace("&#x27;", "'")


def test_selecting_a_warning_highlights_its_steps(window) -> None:  # type: ignore[no-untyped-def]
    s = window.session
    i, w = next((i, w) for i, w in enumerate(s.warnings) if len(w.rows) == 2)
    window.checks.list.setCurrentRow(i)
    m = window.steps.model
    lit = [r for r in range(m.rowCount())
           if m.data(m.index(r, 0), Qt.ItemDataRole.BackgroundRole) == brush("highlight_row")]
    assert lit == list(w.rows)
    xs, _ = window.chart.highlight.getData()
    assert xs is not None and len(xs) == 2 * len(w.rows)
    assert w.source in window.checks.detail.text()


def test_acknowledge_needs_a_reason_is_recorded_and_survives_reopen(  # type: ignore[no-untyped-def]
        qtbot, db: Path, tmp_path: Path, monkeypatch) -> None:
    ini = tmp_path / "settings.ini"
    window = open_window(qtbot, db, ini)
    s = window.session
    i, w = next((i, w) for i, w in enumerate(s.warnings) if w.rows)

    def reason(d) -> bool:  # type: ignore[no-untyped-def]
        d.accept()
        assert "reason" in d.error.text().lower() and not d.result()
        d.reason.setText("discussed; the patient prefers the faster first month")
        d.accept()
        return bool(d.result())

    answer_dialogs(monkeypatch, reason)
    window.checks.list.setCurrentRow(i)
    assert window.checks.ack_button.isEnabled()
    qtbot.mouseClick(window.checks.ack_button, Qt.MouseButton.LeftButton)
    acks = s.store.acknowledgements(s.record.id)
    assert [(a.key, a.reason) for a in acks] == \
        [(w.key, "discussed; the patient prefers the faster first month")]
    text = window.checks.list.item(i).text()
    assert text.startswith("✓ ") and "\n" not in text
    tip = window.checks.list.item(i).toolTip()
    assert f"Acknowledged by {acks[0].who}" in tip and "prefers the faster first month" in tip
    assert not window.checks.ack_button.isEnabled()  # once is enough
    window.close()
    s.store.close()
    again = open_window(qtbot, db, ini)
    try:
        row = next(j for j, x in enumerate(again.session.warnings) if x.key == w.key)
        assert again.checks.list.item(row).text().startswith("✓ ")
    finally:
        again.close()
        again.session.store.close()


def test_acknowledge_with_nothing_selected_says_so(window) -> None:  # type: ignore[no-untyped-def]
    window.checks.list.setCurrentRow(-1)
    window.registry[Act.ACKNOWLEDGE].trigger()
    assert "Select a warning" in window.statusBar().currentMessage()
    assert window.session.store.acknowledgements(window.session.record.id) == []


def test_a_plan_without_warnings_says_so(window) -> None:  # type: ignore[no-untyped-def]
    s = window.session
    s.warnings = ()
    s.plan_changed.emit()
    assert window.checks.list.count() == 1
    assert window.checks.list.item(0).text() == "No warnings for this plan."
    assert not window.checks.alert.isVisibleTo(window.checks)


def test_each_warning_takes_a_line_or_two_at_1366x768(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Four-line entries pushed later warnings out of the dock on a clinic laptop."""
    window.resize(1366, 768)
    window.default_layout()
    qtbot.wait(10)
    lst = window.checks.list
    line = lst.fontMetrics().lineSpacing()
    for i in range(lst.count()):
        rect = lst.visualItemRect(lst.item(i))
        assert rect.height() <= 2 * line + 8, lst.item(i).text()
        assert rect.width() <= lst.viewport().width()


def test_an_edit_keeps_the_chosen_warning_and_lights_its_steps_once(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The list is rebuilt at each edit: the chosen warning stays chosen, and its steps are
    lit once (not put out and lit again, two repaints of the table and chart)."""
    from taperdesk.model import set_step_days

    s = window.session
    lst = window.checks.list
    lst.setCurrentRow(1)
    lit: list[tuple[int, ...]] = []
    s.selection_changed.connect(lambda rows: lit.append(rows))
    before = s.warnings
    assert s.apply("Set step 1 to 15 days", set_step_days, 0, 15)  # later dates move
    qtbot.wait(1)
    assert s.warnings != before and len(s.warnings) == len(before)  # the list was rebuilt
    assert lst.currentRow() == 1
    assert lit == [s.warnings[1].rows]
    assert s.warnings[1].message[:30] in window.checks.detail.text()


def test_the_list_updated_in_place_leaves_nothing_of_the_last_plan(window) -> None:  # type: ignore[no-untyped-def]
    """The list's lines are reused from edit to edit: each line shows its own warning only
    (a severe one bold, none left bold, red or with an old tooltip after it)."""
    from taperdesk.model import set_step_dose

    s = window.session
    lst = window.checks.list

    def lines() -> list[tuple[str, str, bool, bool]]:
        return [(lst.item(i).text(), lst.item(i).toolTip(), lst.item(i).font().bold(),
                 lst.item(i).data(Qt.ItemDataRole.ForegroundRole) is not None)
                for i in range(lst.count())]

    def as_shown() -> None:
        assert lst.count() == len(s.warnings)
        for (text, tip, bold, coloured), w in zip(lines(), s.warnings, strict=True):
            assert text.startswith(f"{w.severity.upper()}: {w.title}")
            assert w.message in tip and f"Source: {w.source}" in tip
            assert bold == (w.severity == "severe") and coloured

    as_shown()
    first = lines()
    limit = s.schedule.drug.max_daily_for(s.plan.indication)
    assert limit is not None
    assert s.apply("Above the maximum", set_step_dose, 0, limit.ug + 1000)
    assert s.warnings[0].severity == "severe"
    as_shown()
    s.undo_stack.undo()
    assert lines() == first
    # As many warnings, other severities and messages: the same lines are reused.
    plain = s.warnings
    for shown in (tuple(replace(w, severity="severe", message=w.message + " (again)")
                        for w in plain), plain):
        s.warnings = shown
        s.plan_changed.emit()
        as_shown()
    assert lines() == first
    s.warnings = ()
    s.plan_changed.emit()
    assert lines() == [("No warnings for this plan.", "", False, False)]
    s.undo_stack.redo()
    as_shown()
