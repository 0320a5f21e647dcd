"""Drawn tablets and the day cells of the calendar (reportlab canvas, no images)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable

from taperdesk.model.plan import TIME_LABELS
from taperdesk.model.schedule import TimedDose
from taperdesk.model.units import format_count, format_mg
from taperdesk.report.common import BOLD, FONT, GRID, HOLD_FILL

TIME_SHORT = {"morning": "AM", "midday": "Mid", "night": "Bed"}
TABLET_FILL = colors.HexColor("#fff8e1")


def draw_tablet(c: Any, x: float, y: float, r: float, fraction: Decimal, scored: bool,
                odt: bool = False) -> None:
    """A tablet of radius ``r`` centred at (x, y): whole (with a score line) or a half/quarter."""
    c.saveState()
    c.setStrokeColor(colors.black)
    c.setFillColor(TABLET_FILL)
    c.setLineWidth(0.6)
    if odt:
        c.setDash(1.2, 0.8)
    if fraction >= 1:
        c.circle(x, y, r, stroke=1, fill=1)
        if scored:
            c.setDash()
            c.line(x - r * 0.8, y, x + r * 0.8, y)
    else:
        extent = 180 if fraction == Decimal("0.5") else 90
        p = c.beginPath()
        p.moveTo(x, y)
        p.arcTo(x - r, y - r, x + r, y + r, startAng=0, extent=extent)
        p.close()
        c.drawPath(p, stroke=1, fill=1)
    c.restoreState()


def draw_units(c: Any, dose: TimedDose, x: float, y: float, r: float) -> float:
    """Draw the tablets of one dose from (x, y) rightwards; returns the x after the last."""
    for u in dose.units:
        p = u.product
        if p.is_liquid:
            c.setFont(FONT, r * 2.2)
            c.drawString(x, y - r * 0.7, f"{u.ml} mL")
            x += c.stringWidth(f"{u.ml} mL", FONT, r * 2.2) + r
            continue
        whole = int(u.count)
        for _ in range(whole):
            draw_tablet(c, x + r, y, r, Decimal(1), p.scored, p.form == "odt")
            x += 2 * r + r * 0.5
        rest = u.count - whole
        if rest:
            draw_tablet(c, x + r, y - r * 0.4, r, rest, p.scored)
            x += 2 * r + r * 0.5
    return x


@dataclass
class DayInfo:
    day: date
    daily_ug: int | None
    """None: not a day of the plan."""
    doses: tuple[TimedDose, ...] = ()
    hold: bool = False
    stop: bool = False
    first_of_step: bool = False


class DayCell(Flowable):
    """One calendar day: day number, daily total, and each dose with its tablets."""

    def __init__(self, info: DayInfo, width: float, height: float, scale: float,
                 stop_label: str) -> None:
        super().__init__()
        self.info, self.width, self.height, self.k = info, width, height, scale
        self.stop_label = stop_label

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N802
        return self.width, self.height

    def draw(self) -> None:
        c, i, k = self.canv, self.info, self.k
        w, h = self.width, self.height
        if i.hold:
            c.setFillColor(HOLD_FILL)
            c.rect(0, 0, w, h, stroke=0, fill=1)
        c.setFillColor(colors.black if i.daily_ug is not None or i.stop else GRID)
        c.setFont(BOLD, 8.5 * k)
        c.drawString(2, h - 9 * k, str(i.day.day))
        if i.stop:
            c.setFont(BOLD, 6.5 * k)
            c.drawString(2, h - 19 * k, self.stop_label)
            return
        if i.daily_ug is None:
            return
        c.setFont(BOLD, 8 * k)
        c.drawRightString(w - 2, h - 9 * k, f"{format_mg(i.daily_ug)} mg")
        y = h - 22 * k
        r = 4.2 * k
        for d in i.doses:
            c.setFont(FONT, 6 * k)
            c.setFillColor(colors.black)
            c.drawString(2, y - 2 * k, TIME_SHORT[d.time])
            draw_units(c, d, 2 + 16 * k, y, r)
            if not any(u.product.is_liquid for u in d.units):
                c.setFont(FONT, 5.5 * k)
                text = " + ".join(
                    f"{format_count(u.count)}×{format_mg(u.product.strength_ug)} mg"
                    for u in d.units
                )
                c.drawRightString(w - 2, y - 11.5 * k, text)
            y -= 22 * k
        c.setFillColor(colors.black)

    @staticmethod
    def needed_height(max_doses: int, scale: float) -> float:
        return (26 + 22 * max_doses) * scale

    def __repr__(self) -> str:
        return f"DayCell({self.info.day}, {self.info.daily_ug}, {TIME_LABELS})"
