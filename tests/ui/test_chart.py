"""The dose chart on its own (a Session on a real records file), driven with real mouse
events on the plot's viewport and checked on the model, the curve data and the view."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from standalone import answer_dialogs, open_session

from taperdesk.model import compute, set_step_days, snap_dose
from taperdesk.model.scales import scale as get_scale
from taperdesk.ui.chart_axis import DAY, DayAxis, day_of, ts
from taperdesk.ui.dose_chart import DoseChart
from taperdesk.ui.hold_dialogs import BackStepDialog, HoldDialog

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def session(tmp_path: Path):  # type: ignore[no-untyped-def]
    s = open_session(tmp_path / "records.sqlite3")
    yield s
    s.store.close()


@pytest.fixture
def chart(qtbot, session) -> DoseChart:  # type: ignore[no-untyped-def]
    pg.setConfigOption("mouseRateLimit", 0)
    c = DoseChart(session)
    qtbot.addWidget(c)
    c.resize(1200, 600)
    c.show()
    qtbot.waitExposed(c)
    qtbot.wait(10)
    c.fit()
    qtbot.wait(10)
    return c


def at(chart: DoseChart, x: float, y: float) -> QPoint:
    """The viewport pixel of a chart point (x: seconds, y: mg/day)."""
    return chart.plot.mapFromScene(chart.view_box.mapViewToScene(QPointF(x, y)))


def send(widget, kind: QEvent.Type, pos: QPoint, button, buttons) -> None:  # type: ignore[no-untyped-def]
    event = QMouseEvent(kind, QPointF(pos), QPointF(widget.mapToGlobal(pos)), button, buttons,
                        Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def drag(qtbot, chart: DoseChart, start: QPoint, end: QPoint, moves: int = 6) -> None:  # type: ignore[no-untyped-def]
    vp = chart.plot.viewport()
    send(vp, QEvent.Type.MouseButtonPress, start, LEFT, LEFT)
    for i in range(1, moves + 1):
        p = start + (end - start) * i / moves
        send(vp, QEvent.Type.MouseMove, QPoint(int(p.x()), int(p.y())), Qt.MouseButton.NoButton,
             LEFT)
        qtbot.wait(1)
    send(vp, QEvent.Type.MouseButtonRelease, end, LEFT, Qt.MouseButton.NoButton)
    qtbot.wait(1)


def test_drag_a_level_snaps_replans_live_and_is_one_undo_step(qtbot, chart, session) -> None:  # type: ignore[no-untyped-def]
    before = session.plan
    step = session.schedule.steps[1]
    assert step.kind == "taper" and step.daily_ug == 1000
    mid = (ts(step.start) + ts(step.next_start)) / 2
    live: list[int] = []
    session.plan_changed.connect(lambda: live.append(session.schedule.steps[1].daily_ug))
    drag(qtbot, chart, at(chart, mid, 1.0), at(chart, mid, 1.3))
    assert session.schedule.steps[1].daily_ug == snap_dose(before, 1300) == 1250
    assert len(set(live)) >= 2  # the plan followed the pointer, not only the release
    assert session.undo_stack.count() == 1
    assert session.schedule.steps[1].pinned
    assert session.schedule.steps[2].daily_ug < 1250  # later steps re-planned from it
    xs, ys = chart.curve.getData()
    assert list(ys) == [s.daily_ug / 1000 for s in session.schedule.steps] + [0.0]
    assert list(xs) == [ts(s.start) for s in session.schedule.steps] + [
        ts(session.schedule.stop_date)]
    assert not chart.drag_label.isVisible()
    assert session.store.active_plan(session.patient.id).plan == session.plan  # saved
    session.undo_stack.undo()
    assert session.plan == before
    assert list(chart.curve.getData()[1]) == [
        s.daily_ug / 1000 for s in compute(before, session.catalogue).steps] + [0.0]


def test_drag_a_right_edge_changes_the_length_and_moves_later_steps(qtbot, chart, session) -> None:  # type: ignore[no-untyped-def]
    old = session.schedule
    step = old.steps[0]
    y = step.daily_ug / 1000
    drag(qtbot, chart, at(chart, ts(step.next_start), y),
         at(chart, ts(step.next_start) + 5 * DAY, y))
    new = session.schedule
    assert new.steps[0].days == step.days + 5
    assert new.steps[1].start == old.steps[1].start + timedelta(days=5)
    assert new.stop_date == old.stop_date + timedelta(days=5)
    assert session.undo_stack.count() == 1
    assert chart.curve.getData()[0][1] == ts(new.steps[1].start)


def test_a_drag_away_from_the_curve_pans_and_changes_nothing(qtbot, chart, session) -> None:  # type: ignore[no-untyped-def]
    plan = session.plan
    (x0, _x1), _ = chart.view_box.viewRange()
    step = session.schedule.steps[1]
    mid = (ts(step.start) + ts(step.next_start)) / 2
    drag(qtbot, chart, at(chart, mid, 2.3), at(chart, mid + 10 * DAY, 2.3))
    assert session.plan == plan and session.undo_stack.count() == 0
    assert chart.view_box.viewRange()[0][0] < x0  # the dates moved under the pointer


def test_context_menu_hold_moves_every_later_date_and_can_be_removed(qtbot, chart, session) -> None:  # type: ignore[no-untyped-def]
    before = session.schedule
    on = before.steps[0].start + timedelta(days=3)
    menu = chart.menu_for(on)
    qtbot.addWidget(menu)
    next(a for a in menu.actions() if a.text().startswith("Insert a 1 week hold")).trigger()
    after = session.schedule
    assert after.stop_date == before.stop_date + timedelta(days=7)
    for old in before.steps[1:]:
        assert after.dose_on(old.start + timedelta(days=7)) == old.daily_ug
    hold = next(s for s in after.steps if s.kind == "hold" and s.start == on)
    assert hold.days == 7 and hold.daily_ug == before.steps[0].daily_ug
    shaded = [(r.getRegion(), label.toPlainText()) for r, label in chart.holds.spans
              if r.isVisible()]
    assert ((ts(on), ts(on + timedelta(days=7))), "Hold 7 d") in [
        (tuple(r), t) for r, t in shaded]
    menu = chart.menu_for(on)
    qtbot.addWidget(menu)
    next(a for a in menu.actions() if a.text() == "Remove this hold").trigger()
    assert session.schedule.stop_date == before.stop_date
    assert session.undo_stack.count() == 2


def test_custom_hold_dialog_refuses_a_date_outside_the_plan_at_the_field(
        qtbot, chart, session, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    stop = session.schedule.stop_date
    on = session.schedule.steps[1].start

    def fill(d: QDialog) -> bool:
        assert isinstance(d, HoldDialog)
        d.date.setDate(d.date.date().addDays((stop - on).days + 3))
        d.accept()
        assert d.result() != QDialog.DialogCode.Accepted
        assert "outside the plan" in d.error.text()
        d.date.setDate(d.date.date().addDays(-((stop - on).days + 3)))
        d.set_length(10)
        d.pace.setCurrentIndex(d.pace.findData(200))
        d.reason.setText("holiday")
        d.accept()
        return d.result() == QDialog.DialogCode.Accepted

    answer_dialogs(monkeypatch, fill)
    menu = chart.menu_for(on)
    qtbot.addWidget(menu)
    next(a for a in menu.actions() if a.text() == "Insert a hold…").trigger()
    hold = session.plan.edits[-1]
    assert (hold.on, hold.days, hold.stretch_percent, hold.reason) == (on, 10, 200, "holiday")


def test_back_step_needs_a_reason(qtbot, chart, session, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    on = session.schedule.steps[1].start + timedelta(days=2)

    def fill(d: QDialog) -> bool:
        assert isinstance(d, BackStepDialog)
        d.accept()
        assert "reason" in d.error.text()
        d.reason.setText("withdrawal symptoms too strong")
        d.accept()
        return d.result() == QDialog.DialogCode.Accepted

    answer_dialogs(monkeypatch, fill)
    assert chart.back_step_dialog(on)
    back = next(s for s in session.schedule.steps if s.kind == "back-step")
    assert back.start == on and back.daily_ug > session.schedule.steps[1].daily_ug


def test_wheel_zooms_the_dates_only_and_fit_shows_the_plan(qtbot, chart, session) -> None:  # type: ignore[no-untyped-def]
    (x0, x1), (y0, y1) = chart.view_box.viewRange()
    sched = session.schedule
    assert x0 <= ts(sched.plan.start) and x1 >= ts(sched.stop_date)
    vp = chart.plot.viewport()
    centre = QPointF(vp.width() / 2, vp.height() / 2)
    QApplication.sendEvent(vp, QWheelEvent(
        centre, QPointF(vp.mapToGlobal(centre.toPoint())), QPoint(0, 0), QPoint(0, 240),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
        False))
    (a0, a1), (b0, b1) = chart.view_box.viewRange()
    assert (a1 - a0) < (x1 - x0) * 0.9
    assert (b0, b1) == (y0, y1)
    chart.fit()
    assert chart.view_box.viewRange()[0] == [x0, x1]


def test_holds_today_scores_bands_and_selection_are_drawn(qtbot, chart, session) -> None:  # type: ignore[no-untyped-def]
    sched = session.schedule
    holds = [s for s in sched.steps if s.kind == "hold"]
    drawn = [(tuple(r.getRegion()), label.toPlainText()) for r, label in chart.holds.spans
             if r.isVisible()]
    assert drawn == [((ts(h.start), ts(h.next_start)), f"Hold {h.days} d") for h in holds]
    assert day_of(chart.today.value()) == date.today()
    xs, ys = chart.scores.getData()
    assert list(ys) == [r.assessment.total for r in session.assessments]
    assert list(xs) == [ts(r.assessment.on) for r in session.assessments]
    right = chart.plot.getPlotItem().getAxis("right")
    assert right.labelText == "CIWA-B total" and "CIWA-B total" in right.label.toPlainText()
    bands = [label.toPlainText() for _b, label in chart.score_layer.bands if label.isVisible()]
    assert bands == ["mild", "moderate", "severe", "very severe"]
    chart.score_layer.update([], chart._shown_x())  # no scored assessment: the plain title
    assert right.label.toPlainText().strip() == "Symptom total"
    chart._on_assessments_changed()
    assert right.label.toPlainText().strip() == "CIWA-B total"
    session.highlight((2,))
    hx, hy = chart.highlight.getData()
    step = sched.steps[2]
    assert (hx[0], hx[1], hy[0]) == (ts(step.start), ts(step.next_start), step.daily_ug / 1000)
    session.highlight(())
    assert len(chart.highlight.getData()[0] or []) == 0


def test_score_bands_shade_their_range_across_whatever_is_shown(chart, session) -> None:  # type: ignore[no-untyped-def]
    scale = get_scale(session.assessments[-1].assessment.scale_id)

    def shaded() -> list[tuple[float, float, float, float]]:
        return [(b.rect().left(), b.rect().right(), b.rect().top(), b.rect().bottom())
                for b, label in chart.score_layer.bands if label.isVisible()]

    def expected() -> list[tuple[float, float, float, float]]:
        (x0, x1), _ = chart.view_box.viewRange()
        return [(x0, x1, b.min, b.max + 1) for b in scale.bands if b.max > 0]

    assert len(shaded()) == 4 and shaded() == expected()
    (x0, x1), _ = chart.view_box.viewRange()
    chart.view_box.setXRange(x0 + 30 * DAY, x1 + 90 * DAY, padding=0)  # a pan and a zoom
    assert shaded() == expected() and shaded()[0][:2] != (x0, x1)
    names = [label.pos().x() for b, label in chart.score_layer.bands if label.isVisible()]
    assert names == [chart.view_box.viewRange()[0][1]] * 4  # names at the right edge


def test_date_axis_labels_whole_utc_days_with_the_year(chart) -> None:  # type: ignore[no-untyped-def]
    axis = chart.plot.getPlotItem().getAxis("bottom")
    assert isinstance(axis, DayAxis)
    (x0, x1), _ = chart.view_box.viewRange()
    levels = axis.tickValues(x0, x1, 1100)
    spacing, values = levels[0]
    assert spacing == 7 * DAY and all(day_of(v).weekday() == 0 for v in values)
    assert all(ts(day_of(v)) == v for v in values)  # exactly midnight of a day
    labels = axis.tickStrings(values, 1, spacing)
    first = day_of(values[0])
    assert labels[0] == f"{first.day} {first:%b %Y}" and str(first.year) not in labels[1]
    spacing, months = axis.tickValues(ts(date(2026, 1, 1)), ts(date(2028, 1, 1)), 800)[0]
    assert all(day_of(v).day == 1 for v in months) and len(months) <= 800 / 84
    assert axis.tickValues(ts(date(2027, 3, 1)), ts(date(2027, 3, 4)), 800)[0][0] == DAY


def test_the_chart_draws_on_a_plain_viewport_without_opengl(chart) -> None:  # type: ignore[no-untyped-def]
    viewport = chart.plot.viewport()
    assert type(viewport) is QWidget  # made by the chart, not looked up (docs/PERFORMANCE.md)
    assert viewport.parent() is chart.plot
    with pytest.raises(ValueError, match="OpenGL"):
        chart.plot.useOpenGL(True)
    chart.plot.useOpenGL(False)  # already plain: kept, with the filters installed on it
    assert chart.plot.viewport() is viewport


def test_image_export_smoke(chart, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import pyqtgraph.exporters

    out = tmp_path / "chart.png"
    pyqtgraph.exporters.ImageExporter(chart.plot.getPlotItem()).export(str(out))
    assert out.stat().st_size > 5000


# -- the chart follows the plan (refit unless the user zoomed since) -----


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


def test_an_edit_the_view_still_shows_whole_leaves_the_dates_where_they_are(chart, session) -> None:  # type: ignore[no-untyped-def]
    """The chart follows the plan without moving at every edit: a hold the view still shows
    whole, with fit's least room after it, keeps the view (and so does its undo); a plan
    ended early, which would leave most of the view empty, is fitted again."""
    from taperdesk.model import insert_hold, make_protocol, set_step_dose

    long = replace(session.plan, products=("clonazepam-sol-0.1",), edits=(),
                   protocol=make_protocol("percent-current", percent="10", every_days=28))
    assert session.create_plan(long)
    sched = session.schedule
    fitted = chart.view_box.viewRange()
    assert covers_plan(chart, session)
    days = int((fitted[0][1] - ts(sched.stop_date)) / DAY) - 7  # 7 days of room are left
    assert days >= 7
    assert session.apply("Hold", insert_hold, sched.steps[1].start, days)
    assert session.schedule.stop_date == sched.stop_date + timedelta(days=days)
    assert chart.view_box.viewRange() == fitted and covers_plan(chart, session)
    session.undo_stack.undo()
    assert chart.view_box.viewRange() == fitted
    assert session.apply("One more day", insert_hold, sched.steps[1].start, days + 1)
    assert chart.view_box.viewRange() != fitted and covers_plan(chart, session)  # refitted
    session.undo_stack.undo()
    assert session.apply("Stop early", set_step_dose, sched.steps[3].row, 0)
    (x0, x1), _ = chart.view_box.viewRange()
    assert x1 < fitted[0][1] and covers_plan(chart, session)
    chart.fit()
    assert chart.view_box.viewRange()[0] == [x0, x1]  # what a fit gives


def test_hold_spans_follow_every_edit_that_moves_or_changes_them(chart, session) -> None:  # type: ignore[no-untyped-def]
    """Each part of a hold's span is set only when it changed: after holds are added, made
    longer, turned into a back-step's neighbour, removed and undone, every span shows its
    own dates, label, colour and dose."""
    from taperdesk.model import back_step, insert_hold, remove_hold, set_step_days

    def drawn() -> list[tuple[object, ...]]:
        return [(tuple(r.getRegion()), label.toPlainText(), r.brush.color().name(),
                 label.pos().x(), "mg/day" in r.toolTip())
                for r, label in chart.holds.spans if r.isVisible()]

    def expected() -> list[tuple[object, ...]]:
        c = chart.colours
        return [((ts(s.start), ts(s.next_start)),
                 f"{'Hold' if s.kind == 'hold' else 'Back-step'} {s.days} d",
                 (c.hold if s.kind == "hold" else c.back_step).lower(), ts(s.start), True)
                for s in session.schedule.steps if s.kind in ("hold", "back-step")]

    sched = session.schedule
    assert drawn() == expected()
    assert session.apply("Hold", insert_hold, sched.steps[0].start, 7)
    assert drawn() == expected() and len(drawn()) == 2
    hold = next(s for s in session.schedule.steps if s.kind == "hold")
    assert session.apply("Longer", set_step_days, hold.row, hold.days + 5)
    assert drawn() == expected()
    later = session.schedule.steps[-2]
    assert session.apply("Back", back_step, later.start, 5, "symptoms")
    assert drawn() == expected() and len(drawn()) == 3
    first = next(s for s in session.schedule.steps if s.kind == "hold")
    assert session.apply("Remove", remove_hold, first.row)
    assert drawn() == expected()
    for _ in range(3):
        session.undo_stack.undo()
        assert drawn() == expected()
