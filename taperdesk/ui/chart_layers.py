"""The chart's layers besides the dose curve: holds and back-steps shaded and
labelled, and symptom totals on a second y axis with the scale's bands.

Items are made once and reused (setData, setRegion, setVisible), never rebuilt, so a
re-plan while dragging costs little.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QGraphicsRectItem, QLabel

from taperdesk.model import Schedule, StepKind, format_mg
from taperdesk.model.scales import scale as get_scale
from taperdesk.model.schedule import BACK_STEP_SOURCE, HOLD_SOURCE
from taperdesk.store import AssessmentRecord
from taperdesk.ui.chart_axis import ts
from taperdesk.ui.model_texts import band_label
from taperdesk.ui.theme import ChartColours, alpha, chart_colours, readable
from taperdesk.ui.translation import translate

BAND_ALPHA = (0, 14, 26, 40, 56)
"""Severity bands shaded by one colour, deeper as the band is worse: the order reads
without telling hues apart (red-green colour blindness); each band is named too."""


class HoldLayer:
    """A shaded span and a label ("Hold 14 d") for every hold and back-step."""

    def __init__(self, plot: pg.PlotItem) -> None:
        self._plot = plot
        self.spans: list[tuple[pg.LinearRegionItem, pg.TextItem]] = []
        self._drawn: list[tuple[object, ...]] = []
        """What each span shows now: spans a re-plan leaves as they were are not touched."""
        self.homes: list[tuple[float, float]] = []
        """Where each label belongs (the span's start, above the curve) when nothing is there."""
        self.colours = chart_colours()

    def set_colours(self, colours: ChartColours) -> None:
        self.colours = colours
        self._drawn = [()] * len(self._drawn)  # redrawn at the next update

    def update(self, schedule: Schedule | None, top: float) -> None:
        shaded = (StepKind.HOLD, StepKind.BACK_STEP)  # not a cross-over's substitutions
        steps = [s for s in schedule.steps if s.kind in shaded] if schedule else []
        while len(self.spans) < len(steps):
            region = pg.LinearRegionItem(movable=False, pen=pg.mkPen(None))
            region.setZValue(-20)
            label = pg.TextItem(anchor=(0, 1))
            self._plot.addItem(region)
            self._plot.addItem(label)
            self.spans.append((region, label))
            self._drawn.append(())
            self.homes.append((0.0, 0.0))
        for i, (region, label) in enumerate(self.spans):
            shown = i < len(steps)
            region.setVisible(shown)
            label.setVisible(shown)
            if not shown:
                continue
            s = steps[i]
            key = (s.start, s.days, s.kind, s.daily_ug, s.rationale, top)
            drawn = self._drawn[i]
            if drawn == key:
                continue
            self._drawn[i] = key
            # A re-plan mostly changes what a hold holds (its dose), not where it is: each
            # part is set only when what it shows changed (a text item lays its text out
            # again at every setText, a region repaints at every setBrush).
            c = self.colours
            hue = c.hold if s.kind == StepKind.HOLD else c.back_step
            name = (translate("ChartLayers", "Hold") if s.kind == StepKind.HOLD
                    else translate("ChartLayers", "Back-step"))
            if drawn[:2] != key[:2]:
                region.setRegion((ts(s.start), ts(s.next_start)))
            if drawn[2:3] != key[2:3]:
                region.setBrush(pg.mkBrush(alpha(hue, 40)))
                label.setColor(readable(hue, QColor(c.background), QColor(c.text)))
            if drawn[1:3] != key[1:3]:
                label.setText(translate("ChartLayers", "{0} {1} d").format(name, s.days))
            if drawn[:1] + drawn[5:] != key[:1] + key[5:]:
                label.setPos(ts(s.start), top)
                self.homes[i] = (ts(s.start), top)
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
        self.scores = pg.PlotDataItem(symbol="o", symbolSize=8)
        self.scores.setZValue(10)
        self.colours = chart_colours()
        self.box.addItem(self.scores)
        self.bands: list[tuple[QGraphicsRectItem, pg.TextItem]] = []
        """Each band a plain rectangle across what is shown (a pyqtgraph region item was
        a tenth of opening a patient, for shading that is never dragged)."""
        self.scale_name = ""
        self.set_colours(self.colours)

    def set_colours(self, colours: ChartColours) -> None:
        """Dotted line and round markers (outlined in the background) in the score colour;
        the bands are recoloured at the next update."""
        self.colours = colours
        self.scores.setPen(pg.mkPen(colours.score, width=1.5, style=Qt.PenStyle.DotLine))
        self.scores.setSymbolBrush(colours.score)
        self.scores.setSymbolPen(pg.mkPen(colours.background))

    def sync(self, main: pg.ViewBox) -> None:
        """Keep the score box over the plot's box (called when the plot resizes)."""
        self.box.setGeometry(main.sceneBoundingRect())
        self.box.linkedViewChanged(main, self.box.XAxis)

    def update(self, records: list[AssessmentRecord], xs: tuple[float, float]) -> None:
        """Plot ``records`` (the latest scale's) over its bands; ``xs``: the x range in
        view."""
        # A red-flag-only entry scores no item: it has no total to plot (never a 0).
        records = [r for r in records if r.assessment.scores]
        if not records:
            self.scores.setData([], [])
            for band, label in self.bands:
                band.setVisible(False)
                label.setVisible(False)
            self.scale_name = ""
            self._title(translate("ChartLayers", "Symptom total"))
            return
        latest = records[-1].assessment
        same = [r.assessment for r in records if r.assessment.scale_id == latest.scale_id]
        self.scores.setData([ts(a.on) for a in same], [a.total for a in same])
        sc = get_scale(latest.scale_id)
        self.scale_name = sc.name
        self._title(translate("ChartLayers", "{0} total").format(sc.name))
        while len(self.bands) < len(sc.bands):
            band = QGraphicsRectItem()
            band.setPen(QPen(Qt.PenStyle.NoPen))
            band.setZValue(-30)
            label = pg.TextItem(anchor=(1, 0.5))
            self.box.addItem(band, ignoreBounds=True)
            self.box.addItem(label)
            self.bands.append((band, label))
        for i, (band, label) in enumerate(self.bands):
            shown = i < len(sc.bands) and sc.bands[i].max > 0
            band.setVisible(shown)
            label.setVisible(shown)
            if not shown:
                continue
            b = sc.bands[i]
            band.setRect(QRectF(xs[0], b.min, xs[1] - xs[0], b.max + 1 - b.min))
            band.setBrush(QBrush(alpha(self.colours.band,
                                       BAND_ALPHA[min(i, len(BAND_ALPHA) - 1)])))
            tip = translate("ChartLayers", "{0} {1}: {2}–{3}. Bands: {4}").format(
                sc.name, band_label(b.label), b.min, b.max, sc.bands_source)
            band.setToolTip(tip)
            label.setText(band_label(b.label), color=self.colours.text)
            label.setPos(xs[1], (b.min + b.max + 1) / 2)
        self.box.setYRange(0, sc.max_total, padding=0)

    def _title(self, text: str) -> None:
        """The right axis's title, rebuilt only when it changes (pyqtgraph lays out its
        HTML anew at each call, once per assessment edit and colour change otherwise)."""
        if text != self._axis.labelText or not self._axis.label.isVisible():
            self._axis.setLabel(text)

    def follow(self, xs: tuple[float, float]) -> None:
        """The x range in view changed: bands span it, their names stay at its right edge."""
        for band, label in self.bands:
            if label.isVisible():
                r = band.rect()
                band.setRect(QRectF(xs[0], r.top(), xs[1] - xs[0], r.height()))
                label.setPos(xs[1], label.pos().y())


DRUG_COLOURS = ("#D55E00", "#009E73")
"""A cross-over's two drugs (Okabe-Ito vermillion and bluish green: told apart in light
and dark palettes and with red-green colour blindness, and dashed); the dose curve itself
is then the diazepam-equivalent total."""


class DrugLayer:
    """A cross-over: one step line per drug under the total, and a key naming them.

    Single-drug plans show nothing here (the chart is as before). Items are made once
    and updated with setData."""

    def __init__(self, plot: pg.PlotItem) -> None:
        self.lines: list[pg.PlotDataItem] = []
        for colour in DRUG_COLOURS:
            line = pg.PlotDataItem(stepMode="right", pen=pg.mkPen(colour, width=2,
                                                                  style=Qt.PenStyle.DashLine))
            line.setZValue(-5)
            plot.addItem(line)
            self.lines.append(line)
        self.key = QLabel()
        self.key.setWordWrap(True)  # wraps in a narrow window instead of widening it
        self.key.setContentsMargins(8, 0, 8, 2)
        self.key.setVisible(False)
        self.drugs: tuple[str, ...] = ()

    def update(self, schedule: Schedule | None) -> None:
        xo = schedule.crossover if schedule is not None else None
        if schedule is None or xo is None or not schedule.steps:
            for line in self.lines:
                if line.xData is not None:  # emptied once, not at every re-plan
                    line.setData([], [])
            self.key.setVisible(False)
            self.drugs = ()
            return
        self.drugs = schedule.drugs
        xs = [ts(s.start) for s in schedule.steps] + [ts(schedule.stop_date)]
        parts = []
        for line, colour, drug in zip(self.lines, DRUG_COLOURS, self.drugs, strict=False):
            line.setData(xs, [s.drug_ug(drug) / 1000 for s in schedule.steps] + [0.0])
            parts.append(f'<span style="color:{colour}">╍╍</span> '
                         + QCoreApplication.translate("DoseChart", "{0} (mg/day)").format(drug))
        total = QCoreApplication.translate(
            "DoseChart", "the solid line is the diazepam-equivalent total ({0})").format(
            xo.source.split(" (")[0])
        self.key.setText("&nbsp; ".join(parts) + f"&nbsp; — {total}")  # may wrap at a space
        self.key.setVisible(True)

    def points(self, drug: str) -> tuple[list[float], list[float]]:
        """The x and y data of one drug's line (for tests and the screen reader)."""
        line = self.lines[self.drugs.index(drug)]
        xs, ys = line.getData()
        return ([] if xs is None else list(xs)), ([] if ys is None else list(ys))


def _rect(view: pg.ViewBox, label: pg.TextItem, x: float, y: float) -> QRectF:
    """The scene rectangle `label` covers when anchored at view point (x, y)."""
    size = label.boundingRect()
    at = view.mapViewToScene(QPointF(x, y))
    ax, ay = label.anchor.x(), label.anchor.y()
    return QRectF(at.x() - ax * size.width(), at.y() - ay * size.height(),
                  size.width(), size.height())


def untangle(holds: HoldLayer, scores: ScoreLayer, main: pg.ViewBox) -> None:
    """A hold's label ("Hold 14 d") that would lie over a band's name ("very severe", at
    the right edge) moves down below it, and back home when the view leaves room."""
    shown = [label for _band, label in scores.bands if label.isVisible()]
    (left, right), _ys = main.viewRange()
    px = main.width() / (right - left) if right > left else 0.0
    # Band names sit at the right edge: only a hold label reaching that far can meet one
    # (the scene mapping below costs more than a frame can spare at every drag move).
    reach = right - (max((b.boundingRect().width() for b in shown), default=0.0) / px
                     if px else 0.0)
    bands: list[QRectF] | None = None
    for (_region, label), (x, y) in zip(holds.spans, holds.homes, strict=False):
        if not label.isVisible():
            continue
        if not shown or not px or x + label.boundingRect().width() / px < reach:
            if label.pos().x() != x or label.pos().y() != y:
                label.setPos(x, y)
            continue
        if bands is None:
            bands = [_rect(scores.box, b, b.pos().x(), b.pos().y()) for b in shown]
        here = _rect(main, label, x, y)
        for band in bands:
            if here.intersects(band):
                drop = band.bottom() + 2 + label.anchor.y() * here.height()
                y = main.mapSceneToView(QPointF(here.left(), drop)).y()
                here = _rect(main, label, x, y)
        if label.pos().y() != y or label.pos().x() != x:
            label.setPos(x, y)
