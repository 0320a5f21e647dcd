"""The dose-over-time chart (pyqtgraph): the plan as a step curve over calendar dates.

Drag a step's level up or down (it snaps to doses the products make; later steps
re-plan live; one undo step on release); drag a step's right edge to change its
length; right-click a date for holds and back-steps; the wheel zooms time only.
Holds are shaded and labelled and symptom totals sit on a second axis with the
scale's bands (ui/chart_layers.py); dates are labelled in UTC days
(ui/chart_axis.py). Items are created once and updated with setData, never rebuilt.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtWidgets import QGraphicsItem, QLabel, QMenu, QVBoxLayout, QWidget

from taperdesk.model import (
    Plan,
    PlanError,
    StepKind,
    back_step,
    format_mg,
    insert_hold,
    remove_hold,
    set_step_days,
    set_step_dose,
    snap_dose,
)
from taperdesk.ui import dialogs
from taperdesk.ui.chart_axis import DAY, DayAxis, day_of, ts
from taperdesk.ui.chart_layers import DrugLayer, HoldLayer, ScoreLayer, untangle
from taperdesk.ui.chart_summary import plan_summary
from taperdesk.ui.model_texts import kind_label
from taperdesk.ui.rights import plan_edit_refusal
from taperdesk.ui.session import Session
from taperdesk.ui.theme import ChartColours, chart_colours
from taperdesk.ui.translation import translate

if TYPE_CHECKING:
    from taperdesk.ui.hold_dialogs import HoldDialog

__all__ = ["DAY", "DoseChart", "day_of", "ts"]

GRAB_PX = 7.0
BEFORE_DAYS = 16
"""Room a fit leaves before the plan starts (the dose before it shows, dashed)."""
AFTER_DAYS = 7
"""The least room a fit leaves after the stop date (3 % of the plan when that is more)."""
FOLLOW_SLACK = 1.1
"""After an edit the view stays while it is at most this much wider than a fit."""


class _PlanViewBox(pg.ViewBox):  # type: ignore[misc]  # pyqtgraph is untyped (Any)
    """A ViewBox that hands drags and right-clicks to the chart before panning."""

    def __init__(self, chart: DoseChart) -> None:
        # No pyqtgraph menu: right-click is the chart's own (holds, back-steps), and
        # building the unused menu cost start-up time.
        super().__init__(enableMenu=False)
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


class _PlotView(pg.PlotWidget):  # type: ignore[misc]  # pyqtgraph is untyped (Any)
    """pyqtgraph's PlotWidget drawing on a plain viewport made here, OpenGL off (STYLE).

    pyqtgraph's own ``useOpenGL(False)`` first asks Qt for the scroll area's default
    viewport to check its type. That was the first time Python met that widget, and to
    find its class PySide6 made some thirty widget classes and their enums (QWizard's,
    QTabWidget's, the dialogs'...), a few milliseconds of every start. A viewport made
    from Python is known from the start.
    """

    def useOpenGL(self, b: bool = True) -> None:  # noqa: N802  (pyqtgraph's name)
        if b:
            raise ValueError("TaperDesk's chart does not use OpenGL")
        if getattr(self, "_plain", None) is None:  # once: a new one would drop its filters
            self._plain = QWidget()
            self.setViewport(self._plain)


class DoseChart(QWidget):
    """The chart of the open plan; every edit goes through the session."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.view_box = _PlanViewBox(self)
        self.plot = _PlotView(viewBox=self.view_box, axisItems={"bottom": DayAxis()})
        item = self.plot.getPlotItem()
        item.setLabel("left", translate("DoseChart", "Daily dose (mg)"))
        item.showAxis("right")
        for name in ("left", "bottom", "right"):
            axis = item.getAxis(name)
            # Axes redraw their text only when their range changes; between, a cached
            # pixmap is blitted (the text is what costs a frame on a plain PC).
            axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            # No SI prefixes (mg, days and scores need none): with them on, every change of
            # range rebuilt the axis label's HTML, twice per edit.
            axis.enableAutoSIPrefix(False)
        self.curve = pg.PlotDataItem(stepMode="right", name=translate("DoseChart", "Daily dose"))
        self.highlight = pg.PlotDataItem(stepMode="right")
        # The dose before the plan, dashed, so the first cut is seen for what it is.
        self.before = pg.PlotDataItem(name=translate("DoseChart", "Dose before the plan"))
        self.plot.addItem(self.highlight)
        self.plot.addItem(self.before)
        self.plot.addItem(self.curve)
        self.today = pg.InfiniteLine(angle=90, label="today", labelOpts={"position": 0.96})
        self.plot.addItem(self.today)
        self.holds = HoldLayer(item)
        self.score_layer = ScoreLayer(item)
        self.scores = self.score_layer.scores
        self.drag_label = pg.TextItem(anchor=(0.5, 1.2))
        self.drag_label.setVisible(False)
        self.plot.addItem(self.drag_label)
        self.view_box.sigResized.connect(self._sync_boxes)
        self.view_box.sigXRangeChanged.connect(self._on_x_range)
        # The wheel or a pan means the user chose the view: plan changes leave it alone
        # until Fit plan (or another patient) fits again.
        self.user_zoomed = False
        self.view_box.sigRangeChangedManually.connect(self._on_manual_range)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        # The key sits under the plot, not on it, so it never hides a step or a label.
        self.key = QLabel()
        self.key.setWordWrap(True)  # wraps in a narrow window instead of widening it
        self.key.setContentsMargins(8, 0, 8, 2)
        layout.addWidget(self.key)
        self.drug_layer = DrugLayer(item)  # a cross-over's two drugs (issue 14)
        layout.addWidget(self.drug_layer.key)
        self.plot.setAccessibleName(translate("DoseChart", "Dose chart"))
        self.plot.setToolTip(
            translate(
                "DoseChart",
                "Drag a step's level to change its dose, or its right end to change its length. "
                "Right-click a date for holds. Wheel: zoom the dates.",
            )
        )
        self._drag_state: tuple[str, int, Plan] | None = None
        self._shown: Plan | None = None
        self._drag_error = ""
        self.plot.scene().sigMouseMoved.connect(self._on_hover)
        session.plan_changed.connect(self._on_plan_changed)
        session.patient_changed.connect(self._on_patient_changed)
        session.assessments_changed.connect(self._on_assessments_changed)
        session.selection_changed.connect(self._on_selection)
        self._top = 1.0
        self._points: tuple[object, list[float], list[float]] = (None, [], [])
        self.colours = chart_colours()
        self.apply_colours(self.colours)
        self._on_plan_changed()
        self._on_assessments_changed()
        self.fit()

    # -- colours ----------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """The system turned dark, light or high contrast: the chart follows."""
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            colours = chart_colours(self.palette())
            if colours != self.colours:
                self.apply_colours(colours)
        super().changeEvent(event)

    def apply_colours(self, c: ChartColours) -> None:
        """Background, axes, text and lines in the palette's colours. Each line has its own
        style too (solid dose, dashed dose before, dash-dot today, dotted scores with
        markers), so colour is never the only cue."""
        self.colours = c
        self.plot.setBackground(c.background)
        item = self.plot.getPlotItem()
        item.showGrid(x=True, y=True, alpha=c.grid_alpha)
        for name in ("left", "bottom", "right"):
            axis = item.getAxis(name)
            axis.setPen(c.text)
            axis.setTextPen(c.text)  # the label's colour too (pyqtgraph redraws it)
        self.curve.setPen(pg.mkPen(c.dose, width=c.line_width))
        self.highlight.setPen(pg.mkPen(c.highlight, width=c.line_width + 4))
        self.before.setPen(pg.mkPen(c.dose, width=2, style=Qt.PenStyle.DashLine))
        self.today.setPen(pg.mkPen(c.today, width=2, style=Qt.PenStyle.DashDotLine))
        self.today.label.setColor(c.today)
        self.drag_label.setColor(c.dose)
        self.drag_label.fill = pg.mkBrush(c.label_fill)
        self.holds.set_colours(c)
        self.score_layer.set_colours(c)
        if self._session.schedule is not None:
            self.holds.update(self._session.schedule, self._top * 1.12)
        self._on_assessments_changed()

    # -- drawing ----------------------------------------------------------

    def _sync_boxes(self) -> None:
        self.score_layer.sync(self.view_box)
        self.untangle_labels()

    def _on_x_range(self) -> None:
        self.score_layer.follow(self._shown_x())
        self.untangle_labels()

    def _shown_x(self) -> tuple[float, float]:
        left, right = self.view_box.viewRange()[0]
        return float(left), float(right)

    def untangle_labels(self) -> None:
        """No hold label over a band's name (see chart_layers.untangle)."""
        untangle(self.holds, self.score_layer, self.view_box)

    def curve_points(self) -> tuple[list[float], list[float]]:
        """The step curve: each step's start and mg/day, then the stop date at 0."""
        sched = self._session.schedule
        if sched is None or not sched.steps:
            return [], []
        if self._points[0] is sched:  # asked twice per edit (drawing, then fitting)
            return self._points[1], self._points[2]
        xs = [ts(s.start) for s in sched.steps] + [ts(sched.stop_date)]
        ys = [s.daily_ug / 1000 for s in sched.steps] + [0.0]
        self._points = (sched, xs, ys)
        return xs, ys

    def _on_plan_changed(self) -> None:
        xs, ys = self.curve_points()
        self.curve.setData(xs, ys)
        self.today.setValue(ts(date.today()))
        sched = self._session.schedule
        if sched is not None and xs:
            before = sched.start_ug / 1000
            self._set_data(self.before, [xs[0] - 14 * DAY, xs[0], xs[0]], [before, before, ys[0]])
            top = max(max(ys), before)
        else:
            self._set_data(self.before, [], [])
            top = 1.0
        self._top = top
        self.holds.update(sched, top * 1.12)
        self.drug_layer.update(sched)
        self.untangle_labels()
        summary = self.summary()
        if summary != self.plot.accessibleDescription():
            self.plot.setAccessibleDescription(summary)
        if self._drag_state is None:
            self._set_data(self.highlight, [], [])
            self.drag_label.setVisible(False)
            # Follow the plan (a new plan, an edit, a released drag), never mid-drag: the
            # step under the mouse must stay under it.
            if not self.user_zoomed:
                self.follow()

    @staticmethod
    def _set_data(item: pg.PlotDataItem, xs: list[float], ys: list[float]) -> None:
        """``item.setData`` unless it shows exactly that already (each call costs a re-plan
        of pyqtgraph's own: bounds, path, a repaint)."""
        old_x, old_y = item.xData, item.yData
        if old_x is None:
            if xs:
                item.setData(xs, ys)
        elif old_x.tolist() != xs or old_y.tolist() != ys:
            item.setData(xs, ys)

    def _on_manual_range(self, *_: object) -> None:
        self.user_zoomed = True

    def summary(self) -> str:
        """The plan in one sentence, for a screen reader (the chart's description); each
        drug's dose on a cross-over's two-drug days (ui/chart_summary.py)."""
        return plan_summary(self._session.schedule)

    def _on_patient_changed(self) -> None:
        self.fit()  # another patient: forget the last one's zoom

    def _on_assessments_changed(self) -> None:
        self.score_layer.update(self._session.assessments, self._shown_x())
        self.untangle_labels()
        name = self.score_layer.scale_name
        c = self.colours
        scores = (f'&nbsp;&nbsp;<span style="color:{c.score}">●┄●</span> '
                  + translate("DoseChart", "{0} total (right axis, shaded by band)").format(name)
                  if name else "")
        words = (
            translate("DoseChart", "daily dose"),
            translate("DoseChart", "dose before the plan"),
            translate("DoseChart", "hold"),
            translate("DoseChart", "back-step"),
            translate("DoseChart", "today"),
        )
        self.key.setText(
            f'<span style="color:{c.dose}"><b>━━</b></span> {words[0]}&nbsp;&nbsp;'
            f'<span style="color:{c.dose}">╍╍</span> {words[1]}&nbsp;&nbsp;'
            f'<span style="color:{c.hold}">▒▒</span> {words[2]}&nbsp;&nbsp;'
            f'<span style="color:{c.back_step}">▒▒</span> {words[3]}'
            f'{scores}&nbsp;&nbsp;'
            f'<span style="color:{c.today}">┆</span> {words[4]}')

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

    def _fitted(self) -> tuple[tuple[float, float], float] | None:
        """The x range and the top of the y range that show the whole plan (fit's view)."""
        xs, ys = self.curve_points()
        if not xs:
            return None
        span = xs[-1] - xs[0]
        sched = self._session.schedule
        top = max(ys + [sched.start_ug / 1000 if sched else 0])
        return (xs[0] - BEFORE_DAYS * DAY, xs[-1] + max(AFTER_DAYS * DAY, span * 0.03)), top * 1.3

    def fit(self) -> None:
        """Show the whole plan, with a little room before and after and above; from now
        the chart follows the plan again."""
        self.user_zoomed = False
        fitted = self._fitted()
        if fitted is None:
            return
        (x0, x1), top = fitted
        self.view_box.setXRange(x0, x1, padding=0)
        self.view_box.setYRange(0, top, padding=0)
        # The new range is applied now rather than when the chart paints: applied while
        # painting, it moved the axes and items again and Qt painted the chart twice.
        self.view_box.updateMatrix()
        self.score_layer.box.updateMatrix()

    def follow(self) -> None:
        """After an edit: fit again, unless the view a fit gave still shows the whole plan
        with fit's least room before and after, at most 10 % wider than a fit now, on the
        same dose scale. A hold or a dragged step then leaves the dates where they are
        (their labels and grid are not moved by a pixel or redrawn at every edit)."""
        fitted = self._fitted()
        xs, _ys = self.curve_points()
        if fitted is None:
            return
        (a, b), top = fitted
        (x0, x1), (y0, y1) = self.view_box.viewRange()
        kept = (y0 == 0 and y1 == top and x0 <= xs[0] - BEFORE_DAYS * DAY
                and x1 >= xs[-1] + AFTER_DAYS * DAY and x1 - x0 <= (b - a) * FOLLOW_SLACK)
        if not kept:
            self.fit()

    # -- dragging ---------------------------------------------------------

    def _pixel(self, x: float, y: float) -> QPointF:
        point: QPointF = self.view_box.mapViewToScene(QPointF(x, y))
        return point

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
            if step.kind != StepKind.TAPER:
                continue
            left = self._pixel(ts(step.start), step.daily_ug / 1000)
            right = self._pixel(ts(step.next_start), step.daily_ug / 1000)
            if left.x() + GRAB_PX < x < right.x() - GRAB_PX and abs(left.y() - y) <= GRAB_PX:
                return "level", step.row
            if near_edge is None and abs(right.x() - x) <= GRAB_PX and abs(right.y() - y) <= 30:
                near_edge = ("edge", step.row)
        return near_edge

    def _on_hover(self, scene_pos: QPointF) -> None:
        """Show which steps can be dragged, and how: a resize cursor over a level or edge."""
        if self._drag_state is not None:
            return
        target = self.grab_target(scene_pos)
        viewport = self.plot.viewport()
        if target is None:
            viewport.unsetCursor()
        elif target[0] == "level":
            viewport.setCursor(Qt.CursorShape.SizeVerCursor)
        else:
            viewport.setCursor(Qt.CursorShape.SizeHorCursor)

    def _drag(self, ev: Any) -> bool:
        """One mouse drag of a level or an edge: previews while moving, one edit on release."""
        session = self._session
        if ev.isStart():
            target = self.grab_target(ev.buttonDownScenePos())
            if target is None or session.plan is None:
                return False
            self._drag_state = (target[0], target[1], session.plan)
            self._shown, self._drag_error = session.plan, ""
        if self._drag_state is None:
            return False
        kind, row, base = self._drag_state
        pos = self.view_box.mapSceneToView(ev.scenePos())
        try:
            if kind == "level":
                ug = snap_dose(base, max(0, int(round(pos.y() * 1000))),
                               catalogue=session.catalogue)
                after = set_step_dose(base, row, ug, catalogue=session.catalogue)
                text = translate("DoseChart", "Drag step {0} to {1} mg/day").format(
                    row + 1, format_mg(ug)
                )
                label = translate("DoseChart", "{0} mg/day").format(format_mg(ug))
            else:
                start = session.schedule.steps[row].start if session.schedule else base.start
                days = max(1, round((pos.x() - ts(start)) / DAY))
                after = set_step_days(base, row, days, catalogue=session.catalogue)
                text = translate("DoseChart", "Drag step {0} to {1} days").format(row + 1, days)
                label = translate("DoseChart", "{0} days").format(days)
        except PlanError as exc:
            after, text, label = base, "", str(exc)
            if str(exc) != self._drag_error:  # say it once, not at every move
                self._drag_error = str(exc)
                session.show_error(str(exc))
        if ev.isFinish():
            self._drag_state = None
            self.drag_label.setVisible(False)
            if after != base:
                session.edit(after, text)
            else:
                session.end_preview()
            return True
        if label != self.drag_label.toPlainText():
            self.drag_label.setText(label)
        self.drag_label.setPos(pos.x(), pos.y())
        self.drag_label.setVisible(True)
        if after != self._shown:
            self._shown = after
            session.preview(after, dragging=True)
        return True

    # -- context menu -----------------------------------------------------

    def menu_for(self, day: date) -> QMenu:
        """The right-click menu for a date: holds, remove a hold, back-step, fit."""
        menu = QMenu(self)
        sched = self._session.schedule
        step = sched.step_at(day) if sched else None
        if step is None:
            action = menu.addAction(
                translate("DoseChart", "{0:%d %b %Y} is outside the plan").format(day)
            )
            action.setEnabled(False)
        else:
            before = len(menu.actions())
            for days, label in (
                (7, translate("DoseChart", "1 week")),
                (14, translate("DoseChart", "2 weeks")),
            ):
                a = menu.addAction(
                    translate("DoseChart", "Insert a {0} hold from {1:%a %d %b}").format(label, day)
                )
                a.triggered.connect(lambda _=False, d=days: self.insert_hold(day, d))
            menu.addAction(translate("DoseChart", "Insert a hold…")).triggered.connect(
                lambda: self.insert_hold_dialog(day))
            if step.kind in (StepKind.HOLD, StepKind.BACK_STEP):
                menu.addAction(
                    translate("DoseChart", "Remove this {0}").format(kind_label(step.kind))
                ).triggered.connect(
                    lambda: self._session.apply(
                        translate("DoseChart", "Remove the {0} at step {1}").format(
                            step.kind, step.row + 1
                        ),
                        remove_hold,
                        step.row,
                    )
                )
            menu.addAction(
                translate("DoseChart", "Back-step to the previous dose…")
            ).triggered.connect(lambda: self.back_step_dialog(day))
            why = plan_edit_refusal(self._session)
            if why:  # a role that may not change plans sees the edits, disabled, and why
                menu.setToolTipsVisible(True)
                for edit in menu.actions()[before:]:
                    edit.setEnabled(False)
                    edit.setToolTip(why)
                    edit.setStatusTip(why)
        menu.addSeparator()
        menu.addAction(translate("DoseChart", "Show the whole plan")).triggered.connect(self.fit)
        return menu

    def insert_hold(self, day: date, days: int, stretch: int = 100, reason: str = "") -> bool:
        return self._session.apply(
            translate("DoseChart", "Insert a {0}-day hold on {1:%d %b %Y}").format(days, day),
            insert_hold,
            day,
            days,
            stretch_percent=stretch,
            reason=reason,
        )

    def hold_dialog(self, day: date) -> HoldDialog:
        # when first used: not part of the start
        from taperdesk.ui.hold_dialogs import HoldDialog

        return HoldDialog(day, self, check=lambda v: self._session.refusal(
            insert_hold, v[0], v[1], stretch_percent=v[2], reason=v[3]))

    def insert_hold_dialog(self, day: date) -> bool:
        dialog = self.hold_dialog(day)
        if not dialogs.run(dialog):
            return False
        on, days, stretch, reason = dialog.values()
        return self.insert_hold(on, days, stretch, reason)

    def back_step_dialog(self, day: date) -> bool:
        # when first used: not part of the start
        from taperdesk.ui.hold_dialogs import BackStepDialog

        dialog = BackStepDialog(day, self, check=lambda v: self._session.refusal(back_step, *v))
        if not dialogs.run(dialog):
            return False
        on, days, reason = dialog.values()
        return self._session.apply(
            translate("DoseChart", "Back-step on {0:%d %b %Y}").format(on),
            back_step,
            on,
            days,
            reason,
        )
