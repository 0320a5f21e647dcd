"""The dose-over-time chart (pyqtgraph): the plan as a step curve over calendar dates.

Drag a step's level up or down (it snaps to doses the products make; later steps
re-plan live; one undo step on release); drag a step's right edge to change its
length; right-click a date for holds and back-steps; the wheel zooms time only.
Symptom totals sit on a second axis with the scale's bands. Items are created
once and updated with setData, never rebuilt.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QGraphicsItem, QMenu, QVBoxLayout, QWidget

from taperdesk.model import (
    Plan,
    PlanError,
    back_step,
    format_mg,
    insert_hold,
    remove_hold,
    set_step_days,
    set_step_dose,
    snap_dose,
)
from taperdesk.model.scales import scale as get_scale
from taperdesk.ui.dialogs import BackStepDialog, HoldDialog
from taperdesk.ui.session import Session

DAY = 86400.0
GRAB_PX = 7.0
BAND_COLOURS = ("#00000000", "#2e7d320c", "#f9a82512", "#ef6c0016", "#c628281a")


def ts(d: date) -> float:
    """A date as the chart's x (seconds since the epoch, UTC midnight)."""
    return datetime(d.year, d.month, d.day, tzinfo=UTC).timestamp()


def day_of(x: float) -> date:
    return datetime.fromtimestamp(round(x / DAY) * DAY, tz=UTC).date()


class _PlanViewBox(pg.ViewBox):
    """A ViewBox that hands drags and right-clicks to the chart before panning."""

    def __init__(self, chart: DoseChart) -> None:
        super().__init__()
        self._chart = chart
        self.setMouseEnabled(x=True, y=False)

    def mouseDragEvent(self, ev: Any, axis: Any = None) -> None:  # noqa: N802
        if ev.button() == Qt.MouseButton.LeftButton and self._chart._drag(ev):
            ev.accept()
            return
        super().mouseDragEvent(ev, axis)

    def mouseClickEvent(self, ev: Any) -> None:  # noqa: N802
        if ev.button() == Qt.MouseButton.RightButton:
            ev.accept()
            day = day_of(self.mapSceneToView(ev.scenePos()).x())
            self._chart.menu_for(day).popup(ev.screenPos().toPoint())
            return
        super().mouseClickEvent(ev)


class DoseChart(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.view_box = _PlanViewBox(self)
        self.plot = pg.PlotWidget(viewBox=self.view_box,
                                  axisItems={"bottom": pg.DateAxisItem(orientation="bottom")})
        self.plot.setBackground("w")
        item = self.plot.getPlotItem()
        item.showGrid(x=True, y=True, alpha=0.15)
        item.setLabel("left", "Daily dose (mg)")
        item.setLabel("right", "Symptom total")
        item.showAxis("right")
        for name in ("left", "bottom", "right"):
            # Axes redraw their text only when their range changes; between, a cached
            # pixmap is blitted (the text is what costs a frame on a plain PC).
            item.getAxis(name).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.curve = pg.PlotDataItem(stepMode="right", pen=pg.mkPen("#1d4f91", width=3))
        self.highlight = pg.PlotDataItem(stepMode="right", pen=pg.mkPen("#e0a000", width=7))
        # The dose before the plan, dashed, so the first cut is seen for what it is.
        self.before = pg.PlotDataItem(pen=pg.mkPen("#1d4f91", width=2,
                                                   style=Qt.PenStyle.DashLine))
        self.plot.addItem(self.highlight)
        self.plot.addItem(self.before)
        self.plot.addItem(self.curve)
        self.today = pg.InfiniteLine(
            angle=90, pen=pg.mkPen("#c62828", style=Qt.PenStyle.DashLine),
            label="today", labelOpts={"position": 0.95, "color": "#c62828"})
        self.plot.addItem(self.today)
        self._holds: list[tuple[pg.LinearRegionItem, pg.TextItem]] = []
        # Symptom totals on a second view box linked to the right axis.
        self.scores_box = pg.ViewBox()
        item.scene().addItem(self.scores_box)
        item.getAxis("right").linkToView(self.scores_box)
        self.scores_box.setXLink(item)
        self.scores_box.setMouseEnabled(x=False, y=False)
        self.scores = pg.PlotDataItem(pen=pg.mkPen("#c05000", width=1.5), symbol="o",
                                      symbolSize=7, symbolBrush="#c05000")
        self.scores_box.addItem(self.scores)
        self._bands: list[pg.LinearRegionItem] = []
        self.view_box.sigResized.connect(self._sync_boxes)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        self._drag_state: tuple[str, int, Plan] | None = None
        session.plan_changed.connect(self._on_plan_changed)
        session.patient_changed.connect(self._on_patient_changed)
        session.assessments_changed.connect(self._on_assessments_changed)
        session.selection_changed.connect(self._on_selection)
        self._on_plan_changed()
        self._on_assessments_changed()
        self.fit()

    # -- drawing ----------------------------------------------------------

    def _sync_boxes(self) -> None:
        self.scores_box.setGeometry(self.view_box.sceneBoundingRect())
        self.scores_box.linkedViewChanged(self.view_box, self.scores_box.XAxis)

    def curve_points(self) -> tuple[list[float], list[float]]:
        sched = self._session.schedule
        if sched is None or not sched.steps:
            return [], []
        xs = [ts(s.start) for s in sched.steps] + [ts(sched.stop_date)]
        ys = [s.daily_ug / 1000 for s in sched.steps] + [0.0]
        return xs, ys

    def _on_plan_changed(self) -> None:
        xs, ys = self.curve_points()
        self.curve.setData(xs, ys)
        self.today.setValue(ts(date.today()))
        sched = self._session.schedule
        if sched is not None and xs:
            self.before.setData([xs[0] - 14 * DAY, xs[0], xs[0]],
                                [sched.start_ug / 1000, sched.start_ug / 1000, ys[0]])
        else:
            self.before.setData([], [])
        spans = [s for s in sched.steps if s.kind != "taper"] if sched else []
        while len(self._holds) < len(spans):
            region = pg.LinearRegionItem(movable=False, brush=pg.mkBrush("#1d4f9122"),
                                         pen=pg.mkPen(None))
            label = pg.TextItem(color="#1d4f91", anchor=(0, 0))
            self.plot.addItem(region)
            self.plot.addItem(label)
            self._holds.append((region, label))
        top = max(ys, default=1.0)
        for i, (region, label) in enumerate(self._holds):
            visible = i < len(spans)
            region.setVisible(visible)
            label.setVisible(visible)
            if visible:
                s = spans[i]
                region.setRegion((ts(s.start), ts(s.next_start)))
                label.setText("Hold" if s.kind == "hold" else "Back-step")
                label.setPos(ts(s.start), top * 1.08)
        if self._drag_state is None:
            self.highlight.setData([], [])

    def _on_patient_changed(self) -> None:
        self.fit()

    def _on_assessments_changed(self) -> None:
        records = self._session.assessments
        if not records:
            self.scores.setData([], [])
            for band in self._bands:
                band.setVisible(False)
            return
        latest = records[-1].assessment
        same = [r.assessment for r in records if r.assessment.scale_id == latest.scale_id]
        self.scores.setData([ts(a.on) for a in same], [a.total for a in same])
        sc = get_scale(latest.scale_id)
        while len(self._bands) < len(sc.bands):
            band = pg.LinearRegionItem(orientation="horizontal", movable=False, pen=pg.mkPen(None))
            self.scores_box.addItem(band)
            self._bands.append(band)
        for i, band in enumerate(self._bands):
            band.setVisible(i < len(sc.bands))
            if i < len(sc.bands):
                b = sc.bands[i]
                band.setRegion((b.min, b.max + 1))
                band.setBrush(pg.mkBrush(BAND_COLOURS[min(i, len(BAND_COLOURS) - 1)]))
                band.setToolTip(f"{sc.name} {b.label}: {b.min}–{b.max} ({sc.bands_source})")
        self.scores_box.setYRange(0, sc.max_total, padding=0)

    def _on_selection(self, rows: tuple[int, ...]) -> None:
        sched = self._session.schedule
        if not sched or not rows:
            self.highlight.setData([], [])
            return
        xs: list[float] = []
        ys: list[float] = []
        for r in sorted(rows):
            if 0 <= r < len(sched.steps):
                s = sched.steps[r]
                xs += [ts(s.start), ts(s.next_start)]
                ys += [s.daily_ug / 1000, float("nan")]
        self.highlight.setData(xs, ys, connect="finite")

    def fit(self) -> None:
        """Show the whole plan, with a little room before and after."""
        xs, ys = self.curve_points()
        if not xs:
            return
        span = xs[-1] - xs[0]
        self.view_box.setXRange(xs[0] - 16 * DAY, xs[-1] + max(7 * DAY, span * 0.03), padding=0)
        top = max(ys + [self._session.schedule.start_ug / 1000 if self._session.schedule else 0])
        self.view_box.setYRange(0, top * 1.2, padding=0)

    # -- dragging ---------------------------------------------------------

    def _pixel(self, x: float, y: float) -> QPointF:
        return self.view_box.mapViewToScene(QPointF(x, y))

    def grab_target(self, scene_pos: QPointF) -> tuple[str, int] | None:
        """('edge' | 'level', row) under a scene position, within a few pixels.

        Inside a step (away from its ends) the level wins; near a step's right end, the
        edge. Only protocol steps can be dragged (holds are edited as holds).
        """
        sched = self._session.schedule
        if sched is None:
            return None
        x, y = scene_pos.x(), scene_pos.y()
        near_edge = None
        for step in sched.steps:
            if step.kind != "taper":
                continue
            left = self._pixel(ts(step.start), step.daily_ug / 1000)
            right = self._pixel(ts(step.next_start), step.daily_ug / 1000)
            if left.x() + GRAB_PX < x < right.x() - GRAB_PX and abs(left.y() - y) <= GRAB_PX:
                return "level", step.row
            if near_edge is None and abs(right.x() - x) <= GRAB_PX and abs(right.y() - y) <= 30:
                near_edge = ("edge", step.row)
        return near_edge

    def _drag(self, ev: Any) -> bool:
        session = self._session
        if ev.isStart():
            target = self.grab_target(ev.buttonDownScenePos())
            if target is None or session.plan is None:
                return False
            self._drag_state = (target[0], target[1], session.plan)
        if self._drag_state is None:
            return False
        kind, row, base = self._drag_state
        pos = self.view_box.mapSceneToView(ev.scenePos())
        try:
            if kind == "level":
                ug = snap_dose(base, max(0, int(round(pos.y() * 1000))),
                               catalogue=session.catalogue)
                after = set_step_dose(base, row, ug, catalogue=session.catalogue)
                text = f"Drag step {row + 1} to {format_mg(ug)} mg/day"
            else:
                start = session.schedule.steps[row].start if session.schedule else base.start
                days = max(1, round((pos.x() - ts(start)) / DAY))
                after = set_step_days(base, row, days, catalogue=session.catalogue)
                text = f"Drag step {row + 1} to {days} days"
        except PlanError as exc:
            after, text = base, ""
            session.error.emit(str(exc))
        if ev.isFinish():
            self._drag_state = None
            if after != base:
                session.edit(after, text)
            else:
                session.end_preview()
        elif after != (session._preview or base):
            session.preview(after, dragging=True)
        return True

    # -- context menu -----------------------------------------------------

    def menu_for(self, day: date) -> QMenu:
        """The right-click menu for a date: holds, remove a hold, back-step."""
        menu = QMenu(self)
        sched = self._session.schedule
        step = sched.step_at(day) if sched else None
        if step is None:
            action = menu.addAction(f"{day:%d %b %Y} is outside the plan")
            action.setEnabled(False)
            return menu
        for days, label in ((7, "1 week"), (14, "2 weeks")):
            a = menu.addAction(f"Insert a {label} hold from {day:%d %b}")
            a.triggered.connect(lambda _=False, d=days: self.insert_hold(day, d))
        menu.addAction("Insert a hold…").triggered.connect(lambda: self.insert_hold_dialog(day))
        if step.kind in ("hold", "back-step"):
            menu.addAction(f"Remove this {step.kind}").triggered.connect(
                lambda: self._session.apply(f"Remove {step.kind} of step {step.row + 1}",
                                            remove_hold, step.row))
        menu.addAction("Back-step to the previous dose…").triggered.connect(
            lambda: self.back_step_dialog(day))
        return menu

    def insert_hold(self, day: date, days: int, stretch: int = 100, reason: str = "") -> bool:
        return self._session.apply(f"Insert a {days}-day hold on {day:%d %b %Y}", insert_hold,
                                   day, days, stretch_percent=stretch, reason=reason)

    def insert_hold_dialog(self, day: date) -> None:
        dialog = HoldDialog(day, self)
        if dialog.exec():
            on, days, stretch, reason = dialog.values()
            self.insert_hold(on, days, stretch, reason)

    def back_step_dialog(self, day: date) -> None:
        dialog = BackStepDialog(day, self)
        if dialog.exec():
            on, days, reason = dialog.values()
            self._session.apply(f"Back-step on {on:%d %b %Y}", back_step, on, days, reason)

