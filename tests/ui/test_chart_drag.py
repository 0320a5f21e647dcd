"""The dose chart driven with real mouse events on the plot's viewport."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication

from taperdesk.model import compute
from taperdesk.ui.dose_chart import DAY, day_of, ts
from taperdesk.ui.steps import DAYS_COLUMN, DOSE_COLUMN


def to_viewport(window, x: float, y: float) -> QPoint:  # type: ignore[no-untyped-def]
    chart = window.chart
    scene = chart.view_box.mapViewToScene(QPointF(x, y))
    return chart.plot.mapFromScene(scene)


def send(widget, kind, pos: QPoint, buttons) -> None:  # type: ignore[no-untyped-def]
    button = Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton
    event = QMouseEvent(kind, QPointF(pos), QPointF(widget.mapToGlobal(pos)), button, buttons,
                        Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def drag(qtbot, window, start: QPoint, end: QPoint, steps: int = 6) -> None:  # type: ignore[no-untyped-def]
    vp = window.chart.plot.viewport()
    left = Qt.MouseButton.LeftButton
    send(vp, QEvent.Type.MouseButtonPress, start, left)
    for i in range(1, steps + 1):
        p = start + (end - start) * i / steps
        send(vp, QEvent.Type.MouseMove, QPoint(int(p.x()), int(p.y())), left)
        qtbot.wait(1)
    send(vp, QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)
    qtbot.wait(1)


def test_drag_a_step_level_snaps_replans_and_is_one_undo(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    s = window.session
    window.chart.fit()
    qtbot.wait(10)
    before = s.plan
    step = s.schedule.steps[1]  # 1 mg, a protocol step
    mid = (ts(step.start) + ts(step.next_start)) / 2
    start = to_viewport(window, mid, step.daily_ug / 1000)
    end = to_viewport(window, mid, 1.3)  # between 1.25 and 1.5: snaps to 1.25
    previews: list[int] = []
    s.plan_changed.connect(lambda: previews.append(s.schedule.steps[1].daily_ug))
    drag(qtbot, window, start, end)
    assert s.schedule.steps[1].daily_ug == 1250
    assert len(previews) >= 2  # re-planned live while dragging, not only on release
    assert s.undo_stack.count() == 1
    later = compute(before).steps[2]
    assert s.schedule.steps[2].daily_ug < 1250  # later steps re-planned from the new dose
    assert later.daily_ug != 0
    assert window.steps.model.data(window.steps.model.index(1, DOSE_COLUMN)) == "1.25"
    xs, ys = window.chart.curve.getData()
    assert ys[1] == 1.25
    window.undo_action.trigger()
    assert s.plan == before


def test_drag_a_right_edge_changes_the_length(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    s = window.session
    window.chart.fit()
    qtbot.wait(10)
    step = s.schedule.steps[0]
    y = step.daily_ug / 1000
    start = to_viewport(window, ts(step.next_start), y)
    end = to_viewport(window, ts(step.next_start) + 5 * DAY, y)
    drag(qtbot, window, start, end)
    assert s.schedule.steps[0].days == step.days + 5
    assert window.steps.model.data(window.steps.model.index(0, DAYS_COLUMN)) == str(step.days + 5)
    assert s.undo_stack.count() == 1


def test_context_menu_inserts_a_hold_and_moves_every_later_date(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    s = window.session
    before = s.schedule
    on = before.steps[0].start + timedelta(days=3)
    menu = window.chart.menu_for(on)
    qtbot.addWidget(menu)
    action = next(a for a in menu.actions() if a.text().startswith("Insert a 1 week hold"))
    action.trigger()
    after = s.schedule
    assert after.stop_date == before.stop_date + timedelta(days=7)
    for old in before.steps[1:]:
        assert after.dose_on(old.start + timedelta(days=7)) == old.daily_ug
    hold = next(st for st in after.steps if st.kind == "hold" and st.start == on)
    menu = window.chart.menu_for(on)
    qtbot.addWidget(menu)
    texts = [a.text() for a in menu.actions()]
    assert "Remove this hold" in texts
    next(a for a in menu.actions() if a.text() == "Remove this hold").trigger()
    assert s.schedule.stop_date == before.stop_date
    assert hold.days == 7


def test_right_click_outside_the_plan_offers_nothing(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    menu = window.chart.menu_for(window.session.schedule.stop_date + timedelta(days=30))
    qtbot.addWidget(menu)
    assert [a.isEnabled() for a in menu.actions()] == [False]


def test_wheel_zooms_time_only_and_fit_shows_the_plan(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = window.chart
    chart.fit()
    (x0, x1), (y0, y1) = chart.view_box.viewRange()
    sched = window.session.schedule
    assert x0 <= ts(sched.plan.start) and x1 >= ts(sched.stop_date)
    vp = chart.plot.viewport()
    centre = QPointF(vp.width() / 2, vp.height() / 2)
    event = QWheelEvent(centre, QPointF(vp.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                        QPoint(0, 240), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(vp, event)
    (a0, a1), (b0, b1) = chart.view_box.viewRange()
    assert (a1 - a0) < (x1 - x0)
    assert (b0, b1) == (y0, y1)
    chart.fit()
    assert chart.view_box.viewRange()[0] == [x0, x1]


def test_chart_marks_holds_today_and_scores(window) -> None:  # type: ignore[no-untyped-def]
    chart = window.chart
    sched = window.session.schedule
    holds = [st for st in sched.steps if st.kind == "hold"]
    regions = [r for r, _label in chart._holds if r.isVisible()]
    assert [tuple(r.getRegion()) for r in regions] == [
        (ts(h.start), ts(h.next_start)) for h in holds]
    xs, ys = chart.scores.getData()
    assert list(ys) == [r.assessment.total for r in window.session.assessments]
    assert day_of(chart.today.value()) is not None


def test_image_export_smoke(window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import pyqtgraph.exporters

    out = tmp_path / "chart.png"
    pyqtgraph.exporters.ImageExporter(window.chart.plot.getPlotItem()).export(str(out))
    assert out.stat().st_size > 1000
