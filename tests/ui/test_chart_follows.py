"""The chart refits to the plan after a new plan, an edit or a drag, unless the user
zoomed since (then it stays, and Fit plan fits again); checked on viewRange()."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication
from test_chart import at, chart, drag, session  # noqa: F401  (fixtures)

from taperdesk.model import set_step_days
from taperdesk.ui.chart_axis import DAY, ts
from taperdesk.ui.dose_chart import DoseChart


def covers_plan(chart: DoseChart, session) -> bool:  # type: ignore[no-untyped-def]
    (x0, x1), (y0, y1) = chart.view_box.viewRange()
    sched = session.schedule
    top = max(max(s.daily_ug for s in sched.steps), sched.start_ug) / 1000
    return bool(x0 <= ts(sched.plan.start) and x1 >= ts(sched.stop_date)
                and y0 <= 0 and top <= y1 <= top * 2)


def wheel(chart: DoseChart) -> None:
    vp = chart.plot.viewport()
    centre = QPointF(vp.width() / 2, vp.height() / 2)
    QApplication.sendEvent(vp, QWheelEvent(
        centre, QPointF(vp.mapToGlobal(centre.toPoint())), QPoint(0, 0), QPoint(0, 240),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
        False))


@pytest.mark.parametrize("factor", [3, 0.25])
def test_a_new_plan_with_another_dose_is_refitted(chart, session, factor: float) -> None:  # type: ignore[no-untyped-def]
    """A plan at 3x (or a quarter of) the dose: not drawn on the previous scale."""
    plan = session.plan
    assert session.create_plan(replace(plan, start_ug=int(plan.start_ug * factor)))
    assert covers_plan(chart, session)


def test_an_edit_that_extends_the_plan_is_refitted(chart, session) -> None:  # type: ignore[no-untyped-def]
    old_stop = session.schedule.stop_date
    assert session.apply("Longer", set_step_days, 0, session.schedule.steps[0].days + 120)
    assert session.schedule.stop_date > old_stop
    assert covers_plan(chart, session)


def test_a_drag_that_extends_the_plan_is_refitted(qtbot, chart, session) -> None:  # type: ignore[no-untyped-def]
    step = session.schedule.steps[0]
    y = step.daily_ug / 1000
    x1 = chart.view_box.viewRange()[0][1]
    drag(qtbot, chart, at(chart, ts(step.next_start), y),
         at(chart, ts(step.next_start) + 60 * DAY, y))
    assert session.schedule.steps[0].days == step.days + 60
    assert chart.view_box.viewRange()[0][1] > x1
    assert covers_plan(chart, session)


def test_a_hand_zoom_is_kept_until_fit_plan(chart, session) -> None:  # type: ignore[no-untyped-def]
    wheel(chart)
    zoomed = chart.view_box.viewRange()
    assert chart.user_zoomed
    assert session.apply("Longer", set_step_days, 0, session.schedule.steps[0].days + 120)
    assert chart.view_box.viewRange() == zoomed
    chart.fit()
    assert covers_plan(chart, session)
    assert not chart.user_zoomed
