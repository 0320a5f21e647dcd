"""Sizes of the calendar's day cells: a day's drawing fits its cell, and all days of a page
are drawn at one scale and one type size.

Only the day number and the day's total differ from one day of a step to the next, so the
doses' part of a layout (tablet radius, type size, wrapped counts, height) is worked out
once for each distinct set of doses and scale (``DaySizer``), not once per day.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from reportlab.pdfbase.pdfmetrics import stringWidth

from taperdesk.model.daily import TimedDose
from taperdesk.model.units import format_count, format_mg
from taperdesk.report.common import BOLD, FONT

TIME_SHORT = {"morning": "AM", "midday": "Mid", "night": "Bed"}
PAD = 3.0
"""Points of white space at each edge of a day cell."""
MIN_SCALE = 0.8
"""The smallest scale a day is drawn at (text of about 4.5 pt); the calendar gives each day
at least the height this needs."""


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


def head_size(info: DayInfo, width: float, f: float) -> float:
    """The day number's and total's size at scale ``f``, shrunk to fit ``width``."""
    inner = width - 2 * PAD
    number = str(info.day.day)
    total = f"{format_mg(info.daily_ug)} mg" if info.daily_ug is not None else ""
    head = stringWidth(number, BOLD, 8 * f) + 4 + stringWidth(total, BOLD, 8 * f)
    shrink: float = min(1.0, inner / head)
    return 8 * f * shrink


@dataclass
class _Doses:
    """What the rows of one set of doses need, whatever the scale; and their layouts by
    scale (head size not yet known: 8 × scale)."""

    labels: tuple[str, ...]
    pictures: tuple[int, ...]
    liquids: tuple[tuple[str, float], ...]
    """Each dose's liquid text and its width at 1 pt (0.0 without a liquid)."""
    parts: tuple[list[str], ...]
    text_cap: float
    """The largest type size at which every count fits the cell on a line of its own."""
    by_scale: dict[float, Layout] = field(default_factory=dict)


class DaySizer:
    """Lays out day cells ``width`` points wide, each distinct set of doses once per scale."""

    def __init__(self, width: float) -> None:
        self.width = width
        self.inner = width - 2 * PAD
        self._doses: dict[tuple[TimedDose, ...], _Doses] = {}
        self._label_w: dict[float, float] = {}

    def _content(self, doses: tuple[TimedDose, ...]) -> _Doses:
        c = self._doses.get(doses)
        if c is None:
            parts = tuple(count_parts(d) for d in doses)
            cap = float("inf")
            for ps in parts:
                for n, part in enumerate(ps):
                    text = part if n == len(ps) - 1 else f"{part} +"
                    cap = min(cap, self.inner / stringWidth(text, FONT, 1))
            liquids = tuple((t, stringWidth(t, BOLD, 1) if t else 0.0)
                            for t in map(liquid_text, doses))
            c = _Doses(tuple(TIME_SHORT[d.time] for d in doses),
                       tuple(pictures(d) for d in doses), liquids, parts, cap)
            self._doses[doses] = c
        return c

    def label_w(self, f: float) -> float:
        w = self._label_w.get(f)
        if w is None:
            label_size = 6 * f
            w = max(stringWidth(t, FONT, label_size) for t in TIME_SHORT.values()) + 3 * f
            self._label_w[f] = w
        return w

    def rows(self, doses: tuple[TimedDose, ...], f: float) -> Layout:
        """The layout of ``doses`` at scale ``f`` (with the unshrunk head size)."""
        return self._rows(self._content(doses), f)

    def _rows(self, c: _Doses, f: float) -> Layout:
        lay = c.by_scale.get(f)
        if lay is not None:
            return lay
        inner = self.inner
        label_w = self.label_w(f)
        text_size = min(5.5 * f, c.text_cap)
        rows = []
        for label, n, (liquid, liquid_w), parts in zip(c.labels, c.pictures, c.liquids,
                                                       c.parts, strict=True):
            r = min(4.2 * f, (inner - label_w) / (2.5 * n)) if n else 4.2 * f
            liquid_size = 9 * f
            if liquid:
                liquid_size = min(liquid_size, (inner - label_w) / liquid_w)
            lines = tuple(pack(parts, text_size, inner))
            rows.append(DoseLayout(label, r, liquid, liquid_size, lines))
        lay = Layout(f, 8 * f, label_w, text_size, tuple(rows))
        c.by_scale[f] = lay
        return lay

    def _fit(self, c: _Doses, height: float, largest: float) -> float:
        """The largest scale (at most ``largest``, at least MIN_SCALE) whose layout fits."""
        f = largest
        while f > MIN_SCALE:
            if self._rows(c, f).height <= height:
                return f
            f = round(f - 0.05, 2)
        return MIN_SCALE

    def tallest(self, days: list[DayInfo], f: float) -> float:
        """The height the tallest of ``days`` needs at scale ``f``."""
        return max(self.rows(d, f).height for d in _distinct(days))

    def fit_page(self, days: list[DayInfo], height: float, largest: float) -> list[Layout]:
        """Layouts of the days of one page, all at the same scale and type sizes (the
        smallest any day needs), so the page reads evenly."""
        contents = {k: self._content(d) for k, d in _distinct_by_id(days).items()}
        f = min(self._fit(c, height, largest) for c in contents.values())
        at_f = {k: self._rows(c, f) for k, c in contents.items()}
        head = min(head_size(i, self.width, f) for i in days)
        text = min(lay.text_size for lay in at_f.values())
        out: dict[int, Layout] = {}
        for k, lay in at_f.items():
            rows = tuple(DoseLayout(r.label, r.r, r.liquid, r.liquid_size,
                                    tuple(pack(parts, text, self.inner)))
                         for r, parts in zip(lay.doses, contents[k].parts, strict=True))
            out[k] = Layout(f, head, lay.label_w, text, rows)
        return [out[id(i.doses)] for i in days]


def _distinct_by_id(days: list[DayInfo]) -> dict[int, tuple[TimedDose, ...]]:
    """The days' dose tuples by identity (the days of a step share one tuple)."""
    return {id(i.doses): i.doses for i in days}


def _distinct(days: list[DayInfo]) -> list[tuple[TimedDose, ...]]:
    return list(_distinct_by_id(days).values())
