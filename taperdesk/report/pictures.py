"""Drawn tablets and the day cells of the calendar (reportlab canvas, no images).

A day cell fits its content to the room it is given: tablets, labels and text shrink
together (never below a readable floor) so nothing runs into the next day.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from taperdesk.model.schedule import TimedDose
from taperdesk.model.units import format_count, format_mg
from taperdesk.report.common import BOLD, FONT, GRID, HOLD_FILL

TIME_SHORT = {"morning": "AM", "midday": "Mid", "night": "Bed"}
TABLET_FILL = colors.HexColor("#fff8e1")
PAD = 3.0
"""Points of white space at each edge of a day cell."""
MIN_SCALE = 0.8
"""The smallest scale a day is drawn at (text of about 4.5 pt); the calendar gives each day
at least the height this needs."""


def draw_tablet(c: Any, x: float, y: float, r: float, fraction: Decimal, scored: bool,
                odt: bool = False) -> None:
    """A tablet of radius ``r`` centred at (x, y): whole (with a score line) or a part of one."""
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
        p = c.beginPath()
        p.moveTo(x, y)
        p.arcTo(x - r, y - r, x + r, y + r, startAng=0, extent=360 * float(fraction))
        p.close()
        c.drawPath(p, stroke=1, fill=1)
    c.restoreState()


def pictures(dose: TimedDose) -> int:
    """How many tablet pictures a dose draws (a part tablet is one picture)."""
    n = 0
    for u in dose.units:
        if not u.product.is_liquid:
            n += int(u.count) + (1 if u.count % 1 else 0)
    return n


def liquid_text(dose: TimedDose) -> str:
    return " + ".join(f"{u.ml} mL" for u in dose.units if u.product.is_liquid)


def count_parts(dose: TimedDose) -> list[str]:
    """'1½×0.5 mg' for each tablet product of the dose (the words under the pictures)."""
    return [f"{format_count(u.count)}×{format_mg(u.product.strength_ug)} mg"
            for u in dose.units if not u.product.is_liquid]


def pack(parts: list[str], size: float, width: float) -> list[str]:
    """Join ``parts`` with ' + ' into as few lines as fit ``width`` at ``size`` pt; a line
    that continues ends with ' +'."""
    lines: list[str] = []
    for n, part in enumerate(parts):
        last = n == len(parts) - 1
        tail = "" if last else " +"
        if lines and stringWidth(f"{lines[-1]} {part}{tail}", FONT, size) <= width:
            lines[-1] = f"{lines[-1]} {part}{tail}"
        else:
            lines.append(part + tail)
    return lines


@dataclass
class DayInfo:
    day: date
    daily_ug: int | None
    """None: not a day of the plan."""
    doses: tuple[TimedDose, ...] = ()
    hold: bool = False
    stop: bool = False
    first_of_step: bool = False


@dataclass(frozen=True)
class DoseLayout:
    label: str
    r: float
    """Tablet radius."""
    liquid: str
    liquid_size: float
    lines: tuple[str, ...]
    """The counts in words, wrapped to the cell."""


@dataclass(frozen=True)
class Layout:
    f: float
    head_size: float
    """The day number and the day's total."""
    label_w: float
    text_size: float
    doses: tuple[DoseLayout, ...]

    def row_height(self, d: DoseLayout) -> float:
        return 11.5 * self.f + len(d.lines) * self.text_size * 1.2 + 2 * self.f

    @property
    def height(self) -> float:
        return PAD + 11 * self.f + sum(self.row_height(d) for d in self.doses) + PAD


def layout(info: DayInfo, width: float, f: float) -> Layout:
    """Sizes of everything in a day cell ``width`` points wide at scale ``f``."""
    inner = width - 2 * PAD
    number = str(info.day.day)
    total = f"{format_mg(info.daily_ug)} mg" if info.daily_ug is not None else ""
    head = stringWidth(number, BOLD, 8 * f) + 4 + stringWidth(total, BOLD, 8 * f)
    shrink = min(1.0, inner / head)
    label_size = 6 * f
    label_w = max(stringWidth(t, FONT, label_size) for t in TIME_SHORT.values()) + 3 * f
    text_size = 5.5 * f
    for d in info.doses:
        parts = count_parts(d)
        for n, part in enumerate(parts):
            text = part if n == len(parts) - 1 else f"{part} +"
            text_size = min(text_size, inner / stringWidth(text, FONT, 1))
    rows = []
    for d in info.doses:
        n = pictures(d)
        r = min(4.2 * f, (inner - label_w) / (2.5 * n)) if n else 4.2 * f
        liquid = liquid_text(d)
        liquid_size = 9 * f
        if liquid:
            liquid_size = min(liquid_size, (inner - label_w) / stringWidth(liquid, BOLD, 1))
        lines = tuple(pack(count_parts(d), text_size, inner))
        rows.append(DoseLayout(TIME_SHORT[d.time], r, liquid, liquid_size, lines))
    return Layout(f, 8 * f * shrink, label_w, text_size, tuple(rows))


def fit(info: DayInfo, width: float, height: float, largest: float) -> Layout:
    """The largest scale (at most ``largest``, at least MIN_SCALE) whose layout fits."""
    f = largest
    while f > MIN_SCALE:
        lay = layout(info, width, f)
        if lay.height <= height:
            return lay
        f = round(f - 0.05, 2)
    return layout(info, width, MIN_SCALE)


def fit_page(days: list[DayInfo], width: float, height: float, largest: float) -> list[Layout]:
    """Layouts of the days of one page, all at the same scale and type sizes (the smallest
    any day needs), so the page reads evenly."""
    f = min(fit(i, width, height, largest).f for i in days)
    lays = [layout(i, width, f) for i in days]
    head = min(lay.head_size for lay in lays)
    text = min(lay.text_size for lay in lays)
    out = []
    for i, lay in zip(days, lays, strict=True):
        rows = tuple(replace(r, lines=tuple(pack(count_parts(d), text, width - 2 * PAD)))
                     for r, d in zip(lay.doses, i.doses, strict=True))
        out.append(replace(lay, head_size=head, text_size=text,
                           doses=rows))
    return out


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
        c, i, lay = self.canv, self.info, self.lay
        w, h, f = self.width, self.height, lay.f
        if i.hold:
            c.setFillColor(HOLD_FILL)
            c.rect(0, 0, w, h, stroke=0, fill=1)
        c.setFillColor(colors.black if i.daily_ug is not None or i.stop else GRID)
        top = h - PAD - 8 * f
        c.setFont(BOLD, lay.head_size)
        c.drawString(PAD, top, str(i.day.day))
        if i.stop:
            size = min(6.5 * f, (w - 2 * PAD) / stringWidth(self.stop_label, BOLD, 1))
            c.setFont(BOLD, size)
            c.drawString(PAD, top - 10 * f, self.stop_label)
            return
        if i.daily_ug is None:
            return
        c.setFont(BOLD, lay.head_size)
        c.drawRightString(w - PAD, top, f"{format_mg(i.daily_ug)} mg")
        y = h - PAD - 11 * f
        for d, row in zip(i.doses, lay.doses, strict=True):
            mid = y - 6 * f
            c.setFillColor(colors.black)
            c.setFont(FONT, 6 * f)
            c.drawString(PAD, mid - 2 * f, row.label)
            x = PAD + lay.label_w
            if row.liquid:
                c.setFont(BOLD, row.liquid_size)
                c.drawString(x, mid - row.liquid_size * 0.35, row.liquid)
                x += stringWidth(row.liquid, BOLD, row.liquid_size) + row.r
            self._tablets(d, x, mid, row.r)
            c.setFillColor(colors.black)
            c.setFont(FONT, lay.text_size)
            ty = y - 11.5 * f
            for line in row.lines:
                ty -= lay.text_size * 1.2
                c.drawString(PAD, ty + lay.text_size * 0.25, line)
            y -= lay.row_height(row)

    def _tablets(self, dose: TimedDose, x: float, y: float, r: float) -> None:
        for u in dose.units:
            p = u.product
            if p.is_liquid:
                continue
            for _ in range(int(u.count)):
                draw_tablet(self.canv, x + r, y, r, Decimal(1), p.scored, p.form == "odt")
                x += 2.5 * r
            rest = u.count % 1
            if rest:
                draw_tablet(self.canv, x + r, y - r * 0.4, r, rest, p.scored)
                x += 2.5 * r

    def __repr__(self) -> str:
        return f"DayCell({self.info.day}, {self.info.daily_ug})"
