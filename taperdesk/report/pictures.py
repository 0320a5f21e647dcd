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

from taperdesk.model.daily import TimedDose
from taperdesk.model.units import format_mg
from taperdesk.report.common import BOLD, FONT, GRID, HOLD_FILL
from taperdesk.report.daylayout import PAD, DayInfo, Layout

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


class DayCell(Flowable):  # type: ignore[misc]
    """One calendar day: day number, daily total, and each dose with its tablets in words."""

    def __init__(self, info: DayInfo, width: float, height: float, lay: Layout,
                 stop_label: str) -> None:
        super().__init__()
        self.info, self.width, self.height, self.lay = info, width, height, lay
        self.stop_label = stop_label

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N802
        return self.width, self.height

    def draw(self) -> None:
        c, i, lay, ink = self.canv, self.info, self.lay, ink_for(self.canv)
        w, h, f = self.width, self.height, lay.f
        if i.hold:
            c.setFillColor(HOLD_FILL)
            c.rect(0, 0, w, h, stroke=0, fill=1)
        c.setFillColor(colors.black if i.daily_ug is not None or i.stop else GRID)
        top = h - PAD - 8 * f
        ink.text(c, BOLD, lay.head_size, PAD, top, str(i.day.day))
        if i.stop:
            size = min(6.5 * f, (w - 2 * PAD) / stringWidth(self.stop_label, BOLD, 1))
            c.setFont(BOLD, size)
            c.drawString(PAD, top - 10 * f, self.stop_label)
            return
        if i.daily_ug is None:
            return
        ink.right(c, BOLD, lay.head_size, w - PAD, top, f"{format_mg(i.daily_ug)} mg")
        y = h - PAD - 11 * f
        for d, row in zip(i.doses, lay.doses, strict=True):
            mid = y - 6 * f
            c.setFillColor(colors.black)
            ink.text(c, FONT, 6 * f, PAD, mid - 2 * f, row.label)
            x = PAD + lay.label_w
            if row.liquid:
                ink.text(c, BOLD, row.liquid_size, x, mid - row.liquid_size * 0.35, row.liquid)
                x += stringWidth(row.liquid, BOLD, row.liquid_size) + row.r
            self._tablets(ink, d, x, mid, row.r)
            c.setFillColor(colors.black)
            ty = y - 11.5 * f
            for line in row.lines:
                ty -= lay.text_size * 1.2
                ink.text(c, FONT, lay.text_size, PAD, ty + lay.text_size * 0.25, line)
            y -= lay.row_height(row)

    def _tablets(self, ink: Ink, dose: TimedDose, x: float, y: float, r: float) -> None:
        """The dose's tablets in a row from x: the pen is set once for the row (not saved and
        restored per tablet); the dash is on only for whole melt-in-the-mouth tablets."""
        c, pen, dashed = self.canv, False, False
        for u in dose.units:
            p = u.product
            if p.is_liquid:
                continue
            if not pen:
                tablet_pen(c)
                pen = True
            odt = p.form == "odt"
            for _ in range(int(u.count)):
                if odt and not dashed:
                    c.setDash(1.2, 0.8)
                    dashed = True
                elif dashed and not odt:
                    c.setDash()
                    dashed = False
                dashed = _outline(c, ink, x + r, y, r, ONE, p.scored, dashed)
                x += 2.5 * r
            rest = u.count % 1
            if rest:
                if dashed:
                    c.setDash()
                    dashed = False
                dashed = _outline(c, ink, x + r, y - r * 0.4, r, rest, p.scored, dashed)
                x += 2.5 * r
        if dashed:
            c.setDash()

    def __repr__(self) -> str:
        return f"DayCell({self.info.day}, {self.info.daily_ug})"
