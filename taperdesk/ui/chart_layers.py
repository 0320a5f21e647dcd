"""The chart's layers besides the dose curve: holds and back-steps shaded and
labelled, and symptom totals on a second y axis with the scale's bands.

Items are made once and reused (setData, setRegion, setVisible), never rebuilt, so a
re-plan while dragging costs little.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt

from taperdesk.model import Schedule, StepKind, format_mg
from taperdesk.model.scales import scale as get_scale
from taperdesk.model.schedule import BACK_STEP_SOURCE, HOLD_SOURCE
from taperdesk.store import AssessmentRecord
from taperdesk.ui.chart_axis import ts
from taperdesk.ui.translation import translate

HOLD_BRUSH = {StepKind.HOLD: "#1d4f9122", StepKind.BACK_STEP: "#8e24aa22"}
HOLD_TEXT = {StepKind.HOLD: "#1d4f91", StepKind.BACK_STEP: "#6a1b9a"}
BAND_COLOURS = ("#00000000", "#2e7d320c", "#f9a82512", "#ef6c0016", "#c628281a")
BAND_TEXT = ("#9e9e9e", "#2e7d32", "#a66f00", "#d84315", "#c62828")
SCORE_COLOUR = "#c05000"


class HoldLayer:
    """A shaded span and a label ("Hold 14 d") for every hold and back-step."""

    def __init__(self, plot: pg.PlotItem) -> None:
        self._plot = plot
        self.spans: list[tuple[pg.LinearRegionItem, pg.TextItem]] = []
        self._drawn: list[tuple[object, ...]] = []
        """What each span shows now: spans a re-plan leaves as they were are not touched."""

    def update(self, schedule: Schedule | None, top: float) -> None:
        steps = [s for s in schedule.steps if s.kind != StepKind.TAPER] if schedule else []
        while len(self.spans) < len(steps):
            region = pg.LinearRegionItem(movable=False, pen=pg.mkPen(None))
            region.setZValue(-20)
            label = pg.TextItem(anchor=(0, 1))
            self._plot.addItem(region)
            self._plot.addItem(label)
            self.spans.append((region, label))
            self._drawn.append(())
        for i, (region, label) in enumerate(self.spans):
            shown = i < len(steps)
            region.setVisible(shown)
            label.setVisible(shown)
            if not shown:
                continue
            s = steps[i]
            key = (s.start, s.days, s.kind, s.daily_ug, s.rationale, top)
            if self._drawn[i] == key:
                continue
            self._drawn[i] = key
            region.setRegion((ts(s.start), ts(s.next_start)))
            region.setBrush(pg.mkBrush(HOLD_BRUSH.get(s.kind, "#0000001a")))
            name = (
                translate("ChartLayers", "Hold")
                if s.kind == StepKind.HOLD
                else translate("ChartLayers", "Back-step")
            )
            label.setText(
                translate("ChartLayers", "{0} {1} d").format(name, s.days),
                color=HOLD_TEXT.get(s.kind, "#333"),
            )
            label.setPos(ts(s.start), top)
            source = HOLD_SOURCE if s.kind == StepKind.HOLD else BACK_STEP_SOURCE
            tip = translate(
                "ChartLayers",
                "{0}: {1} mg/day for {2} days, {3:%d %b %Y} to {4:%d %b %Y}\n{5}\nSource: {6}",
            ).format(name, format_mg(s.daily_ug), s.days, s.start, s.end, s.rationale, source)
            region.setToolTip(tip)
            label.setToolTip(tip)


class ScoreLayer:
    """Symptom totals of the latest assessment's scale, on the right axis, over the
    scale's severity bands (each named at the right edge)."""

    def __init__(self, plot: pg.PlotItem) -> None:
        self.box = pg.ViewBox(enableMenu=False)  # overlaid: the chart's menu serves
        self.box.setMouseEnabled(x=False, y=False)
        self._axis = plot.getAxis("right")
        plot.scene().addItem(self.box)
        self._axis.linkToView(self.box)
        self.box.setXLink(plot)
        self.scores = pg.PlotDataItem(pen=pg.mkPen(SCORE_COLOUR, width=1.5,
                                                   style=Qt.PenStyle.DotLine),
                                      symbol="o", symbolSize=8, symbolBrush=SCORE_COLOUR,
                                      symbolPen=pg.mkPen("w"))
        self.scores.setZValue(10)
        self.box.addItem(self.scores)
        self.bands: list[tuple[pg.LinearRegionItem, pg.TextItem]] = []
        self.scale_name = ""

    def sync(self, main: pg.ViewBox) -> None:
        """Keep the score box over the plot's box (called when the plot resizes)."""
        self.box.setGeometry(main.sceneBoundingRect())
        self.box.linkedViewChanged(main, self.box.XAxis)

    def update(self, records: list[AssessmentRecord], right_edge: float) -> None:
        # A red-flag-only entry scores no item: it has no total to plot (never a 0).
        records = [r for r in records if r.assessment.scores]
        if not records:
            self.scores.setData([], [])
            for band, label in self.bands:
                band.setVisible(False)
                label.setVisible(False)
            self.scale_name = ""
            self._axis.setLabel(translate("ChartLayers", "Symptom total"))
            return
        latest = records[-1].assessment
        same = [r.assessment for r in records if r.assessment.scale_id == latest.scale_id]
        self.scores.setData([ts(a.on) for a in same], [a.total for a in same])
        sc = get_scale(latest.scale_id)
        self.scale_name = sc.name
        self._axis.setLabel(translate("ChartLayers", "{0} total").format(sc.name))
        while len(self.bands) < len(sc.bands):
            band = pg.LinearRegionItem(orientation="horizontal", movable=False,
                                       pen=pg.mkPen(None))
            band.setZValue(-30)
            label = pg.TextItem(anchor=(1, 0.5))
            self.box.addItem(band)
            self.box.addItem(label)
            self.bands.append((band, label))
        for i, (band, label) in enumerate(self.bands):
            shown = i < len(sc.bands) and sc.bands[i].max > 0
            band.setVisible(shown)
            label.setVisible(shown)
            if not shown:
                continue
            b = sc.bands[i]
            band.setRegion((b.min, b.max + 1))
            band.setBrush(pg.mkBrush(BAND_COLOURS[min(i, len(BAND_COLOURS) - 1)]))
            tip = translate("ChartLayers", "{0} {1}: {2}–{3}. Bands: {4}").format(
                sc.name, b.label, b.min, b.max, sc.bands_source
            )
            band.setToolTip(tip)
            label.setText(b.label, color=BAND_TEXT[min(i, len(BAND_TEXT) - 1)])
            label.setPos(right_edge, (b.min + b.max + 1) / 2)
        self.box.setYRange(0, sc.max_total, padding=0)

    def place_labels(self, right_edge: float) -> None:
        """Band names stay at the right edge of what is shown."""
        for _band, label in self.bands:
            if label.isVisible():
                label.setPos(right_edge, label.pos().y())
