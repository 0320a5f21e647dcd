"""Drawn tablets and the day cells of the calendar (reportlab canvas, no images).

A day cell draws what its ``Layout`` (``daylayout``) sized to fit the cell.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any
from weakref import WeakKeyDictionary

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from taperdesk.report.common import BOLD, FONT, GRID, HOLD_FILL
from taperdesk.report.daylayout import PAD, Chip, DayInfo, DaySizer, Layout

TABLET_FILL = colors.HexColor("#fff8e1")
ONE = Decimal(1)


class Ink:
    """The PDF operators of a canvas's day cells, made once and added again as they recur.

    The days of a step print the same words and tablets at the same places in their cells
    (each cell is drawn in its own coordinates), so each text run is set by reportlab once
    and its operators replayed with ``addLiteral``; each tablet outline is a path object
    made once and drawn again.
    """

    def __init__(self) -> None:
        self._texts: dict[tuple[str, float, float, float, str], str] = {}
        self._paths: dict[tuple[float, float, float, Decimal], Any] = {}

    def text(self, c: Any, font: str, size: float, x: float, y: float, s: str) -> None:
        """What ``c.setFont(font, size); c.drawString(x, y, s)`` draws."""
        key = (font, size, x, y, s)
        code = self._texts.get(key)
        if code is None:
            c.setFont(font, size)
            t = c.beginText(x, y)
            t.textLine(s)
            code = self._texts[key] = t.getCode()
        c.addLiteral(code)

    def right(self, c: Any, font: str, size: float, x: float, y: float, s: str) -> None:
        """What ``c.drawRightString(x, y, s)`` draws in ``font`` at ``size``."""
        self.text(c, font, size, x - stringWidth(s, font, size), y, s)

    def tablet(self, c: Any, x: float, y: float, r: float, fraction: Decimal) -> None:
        """Fill and stroke the outline of a tablet (or part of one) centred at (x, y)."""
        key = (x, y, r, fraction)
        p = self._paths.get(key)
        if p is None:
            p = self._paths[key] = c.beginPath()
            if fraction >= 1:  # as canvas.circle draws it
                p.ellipse(x - r, y - r, (x + r) - (x - r), (y + r) - (y - r))
            else:
                p.moveTo(x, y)
                p.arcTo(x - r, y - r, x + r, y + r, startAng=0, extent=360 * float(fraction))
                p.close()
        c.drawPath(p, stroke=1, fill=1)


_INKS: WeakKeyDictionary[Any, Ink] = WeakKeyDictionary()


def ink_for(c: Any) -> Ink:
    """The canvas's Ink (text operators hold the canvas's own font subsets)."""
    ink = _INKS.get(c)
    if ink is None:
        ink = _INKS[c] = Ink()
    return ink


def tablet_pen(c: Any) -> None:
    """Set the stroke, fill and line width every tablet is drawn with (solid line)."""
    c.setStrokeColor(colors.black)
    c.setFillColor(TABLET_FILL)
    c.setLineWidth(0.6)


def _outline(c: Any, ink: Ink, x: float, y: float, r: float, fraction: Decimal, scored: bool,
             dashed: bool) -> bool:
    """Draw one tablet with the pen already set (``dashed``: the dash is on); whether the
    dash is still on."""
    ink.tablet(c, x, y, r, fraction)
    if fraction >= 1 and scored:
        if dashed:
            c.setDash()
        c.line(x - r * 0.8, y, x + r * 0.8, y)
        return False
    return dashed


MARK_FILL = colors.HexColor("#1d3557")
"""The band of a hold day: dark in colour and in grey, with white words."""


class DayCell(Flowable):  # type: ignore[misc]
    """One calendar day: the day in the corner, the total on its own line(s), each dose
    with its tablets and their strengths, and the "same dose" band of a hold day."""

    def __init__(self, info: DayInfo, width: float, height: float, sizer: DaySizer,
                 lay: Layout, lines: int) -> None:
        super().__init__()
        self.info, self.width, self.height, self.lay = info, width, height, lay
        self.sizer, self.lines = sizer, lines

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N802
        return self.width, self.height

    def draw(self) -> None:
        c, i, lay, ink = self.canv, self.info, self.lay, ink_for(self.canv)
        h, k = self.height, self.sizer.kind
        if i.mark:
            self._band(ink, i.mark)
        live = i.daily_ug is not None or i.stop
        c.setFillColor(colors.black if live else GRID)
        y = h - PAD - k.number * 0.8
        ink.text(c, FONT, k.number, PAD, y, self.sizer.words.date(i.day, "day_short"))
        if not live:
            return
        y -= k.number * 0.35 + 1
        for line in self.sizer.dose_lines(i):
            y -= k.dose * 1.1
            ink.text(c, BOLD, k.dose, PAD, y + k.dose * 0.25, line)
        y = h - self.sizer.head(self.lines)
        for row in lay.rows:
            for n, chips in enumerate(row.lines):
                mid = y - max(lay.r, lay.liquid_size / 2)
                c.setFillColor(colors.black)
                if n == 0:
                    ink.text(c, FONT, lay.label_size, PAD, mid - lay.label_size * 0.35,
                             row.label)
                self._chips(ink, chips, mid, y - lay.line_h + lay.text_size * 0.3)
                y -= lay.line_h
            y -= 2.5 * lay.f

    def _band(self, ink: Ink, mark: str) -> None:
        c, w, h = self.canv, self.width, self.height
        k = self.sizer.kind
        c.setFillColor(HOLD_FILL)
        c.rect(0, 0, w, h, stroke=0, fill=1)
        band = self.sizer.foot()
        c.setFillColor(MARK_FILL)
        c.rect(0, 0, w, band, stroke=0, fill=1)
        size = min(k.mark, (w - 2 * PAD) / stringWidth(mark, BOLD, 1))
        c.setFillColor(colors.white)
        ink.text(c, BOLD, size, (w - stringWidth(mark, BOLD, size)) / 2,
                 (band - size * 0.7) / 2, mark)

    def _chips(self, ink: Ink, chips: tuple[Chip, ...], mid: float, under_y: float) -> None:
        """Each product's pictures (or mL) centred over its count and strength; the tablet
        pen is set once for the row (not saved and restored per tablet); the dash is on only
        for whole melt-in-the-mouth tablets."""
        c, lay = self.canv, self.lay
        r, dashed = lay.r, False
        for chip in chips:
            c.setFillColor(colors.black)
            ink.text(c, FONT, lay.text_size, chip.under_x, under_y, chip.under)
            if chip.top:
                ink.text(c, BOLD, lay.liquid_size, chip.top_x, mid - lay.liquid_size * 0.35,
                         chip.top)
                continue
            u = chip.unit
            p = u.product
            x = chip.top_x
            tablet_pen(c)
            odt = p.form == "odt"
            for _ in range(int(u.count)):
                if odt and not dashed:
                    c.setDash(1.2, 0.8)
                    dashed = True
                elif dashed and not odt:
                    c.setDash()
                    dashed = False
                dashed = _outline(c, ink, x + r, mid, r, ONE, p.scored, dashed)
                x += 2.5 * r
            rest = u.count % 1
            if rest:
                if dashed:
                    c.setDash()
                    dashed = False
                low = r * 0.4 if rest <= Decimal("0.5") else 0.0  # a half or quarter sits low
                dashed = _outline(c, ink, x + r, mid - low, r, rest, p.scored, dashed)
        if dashed:
            c.setDash()

    def __repr__(self) -> str:
        return f"DayCell({self.info.day}, {self.info.daily_ug})"
