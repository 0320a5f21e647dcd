"""Sizes of the calendar's day cells.

A cell reads from the top: the day ("4 Jan", small, in the corner), the day's total on a
line of its own in large bold type (never on the day's line, so "10" and "1.5 mg" cannot
read as "101.5 mg"), then one row per time of day: the label (AM, Mid, Bed) and, for each
product, its tablet pictures with the count and strength written under them ("1½×0.5 mg"),
or the millilitres of a liquid with its strength under them. A hold day ends with a dark
band saying "same dose". The day and total keep their sizes (``Sizes``); only the rows
shrink (scale ``f``) so the tallest day of a page fits its cell, all days of a page at one
scale. Only the doses differ between the days of a step, so each distinct set of doses is
laid out once per scale (``DaySizer``), not once per day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.pdfbase.pdfmetrics import stringWidth

from taperdesk.model.daily import TimedDose
from taperdesk.model.doses import Unit
from taperdesk.model.plan import TIME_LABELS
from taperdesk.model.record import record
from taperdesk.report.common import BOLD, FONT
from taperdesk.report.lang import Lang, lang

PAD = 3.0
"""Points of white space at each edge of a day cell."""
MIN_SCALE = 0.7
"""The smallest scale the rows of a day are drawn at (counts of about 5 pt in standard
print); the calendar gives each day at least the height this needs."""
MAX_SCALE = 1.6
"""The largest: a roomy cell draws its tablets and counts larger, up to this."""
TEXT = 7.0
"""The counts' and labels' size at scale 1 in standard print."""


@record
class Sizes:
    """The type sizes of one kind of print that never shrink."""

    number: float
    """The day ("4 Jan")."""
    dose: float
    """The day's total and "No more doses" (SPEC.md: at least 14 pt large, 11 pt standard)."""
    mark: float
    """"same dose" in the band of a hold day."""
    base: float
    """The rows' scale 1 relative to standard print."""
    split_below: float
    """A month of four or more weeks whose rows would print below this scale takes two
    pages (counts of about 5 pt standard, 8 pt large)."""


STANDARD = Sizes(number=7.5, dose=12.0, mark=8.5, base=1.0, split_below=0.75)
LARGE = Sizes(number=9.5, dose=14.5, mark=11.0, base=1.35, split_below=0.85)


def sizes(large: bool) -> Sizes:
    return LARGE if large else STANDARD


@dataclass
class DayInfo:
    day: date
    daily_ug: int | None
    """None: not a day of the plan."""
    doses: tuple[TimedDose, ...] = ()
    mark: str = ""
    """Words in the band at the cell's foot ("same dose" on a hold day)."""
    stop: bool = False
    first_of_step: bool = False
    total: str = ""
    """The day's total in words when it names drugs (a cross-over: 'lorazepam 2 mg +
    diazepam 10 mg'); empty: the daily dose in mg."""


def words_to_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """``text`` broken between words into lines no wider than ``width`` (a word longer than
    the width stays whole on its own line)."""
    lines: list[str] = []
    for word in text.split():
        if lines and stringWidth(f"{lines[-1]} {word}", font, size) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


@record
class Chip:
    """One product of one dose: pictures (or millilitres) over the count and strength."""

    x: float
    """Left edge, from the cell's left."""
    width: float
    unit: Unit
    top: str
    """The millilitres of a liquid ("" for tablets: pictures are drawn)."""
    under: str
    """The count and strength ("1½×0.5 mg") or a liquid's strength ("0.5 mg/5 mL")."""
    under_x: float
    """Where the words under start (centred under the chip)."""
    top_x: float
    """Where the pictures (or the millilitres) start."""


@record
class DoseRow:
    label: str
    lines: tuple[tuple[Chip, ...], ...]
    """The chips of the dose, wrapped to the cell's width."""


@record
class Layout:
    f: float
    r: float
    """Tablet radius."""
    label_size: float
    label_w: float
    text_size: float
    liquid_size: float
    rows: tuple[DoseRow, ...]

    @property
    def line_h(self) -> float:
        """The height of one line of chips: pictures (or mL), a gap, the words under."""
        return max(2 * self.r, self.liquid_size) + 1.5 * self.f + self.text_size * 1.15

    @property
    def height(self) -> float:
        return sum(len(r.lines) * self.line_h + 2.5 * self.f for r in self.rows)


def two_drugs(doses: tuple[TimedDose, ...]) -> bool:
    """A cross-over day that has doses of two drugs (each chip then names its drug)."""
    return len({d.drug for d in doses}) > 1


def pictures(u: Unit) -> int:
    """How many tablet pictures a unit draws (a part tablet is one picture)."""
    return 0 if u.product.is_liquid else int(u.count) + (1 if u.count % 1 else 0)


class DaySizer:
    """Lays out day cells ``width`` points wide in one kind of print."""

    def __init__(self, width: float, kind: Sizes, stop_label: str, words: Lang | None = None
                 ) -> None:
        self.width = width
        self.kind = kind
        self.stop_label = stop_label
        self.words = words or lang()
        """The language of the day cells: times of day, dates, numbers."""
        self.time_short = {t: self.words.time(t, short=True) for t in TIME_LABELS}
        self.chip_texts = self.words.chip
        self.inner = width - 2 * PAD
        self._dose_lines: dict[int | str | None, list[str]] = {}
        self._caps: dict[tuple[TimedDose, ...], float] = {}
        self._lays: dict[tuple[tuple[TimedDose, ...], float, float], Layout] = {}

    # -- the fixed part: day, total, band -------------------------------------------

    def dose_lines(self, info: DayInfo) -> list[str]:
        """The total ("1.5 mg", wrapped before "mg" if need be) or "No more doses"."""
        key = -1 if info.stop else (info.total or info.daily_ug)
        lines = self._dose_lines.get(key)
        if lines is None:
            text = self.stop_label if info.stop else info.total or (
                f"{self.words.mg(info.daily_ug)} mg" if info.daily_ug is not None else "")
            lines = self._dose_lines[key] = words_to_lines(text, BOLD, self.kind.dose,
                                                           self.inner)
        return lines

    def head(self, lines: int) -> float:
        """Height from the cell's top to the first row: the day and ``lines`` of total."""
        k = self.kind
        return PAD + k.number * 1.15 + 1 + lines * k.dose * 1.1 + 2

    def foot(self) -> float:
        return self.kind.mark * 1.7

    # -- the rows ---------------------------------------------------------------------

    def label_w(self, size: float) -> float:
        return float(max(stringWidth(t, FONT, size) for t in self.time_short.values())) + 0.4 * size

    def text_cap(self, doses: tuple[TimedDose, ...]) -> float:
        """The largest size at which every count fits beside a label of the same size."""
        cap = self._caps.get(doses)
        if cap is None:
            named = two_drugs(doses)
            widest = max((stringWidth(self.chip_texts(u, named)[1], FONT, 1)
                          for d in doses for u in d.units), default=1.0)
            cap = self._caps[doses] = self.inner / (self.label_w(1) + widest)
        return cap

    def page_text(self, dose_sets: list[tuple[TimedDose, ...]], f: float) -> float:
        """The counts' (and labels') size of a page at scale ``f``: one size for every day.
        A label is never larger than the counts, so it leaves them the room."""
        return min([TEXT * self.kind.base * f, *(self.text_cap(d) for d in dose_sets)])

    def rows(self, doses: tuple[TimedDose, ...], f: float, text: float) -> Layout:
        key = (doses, f, text)
        lay = self._lays.get(key)
        if lay is None:
            lay = self._lays[key] = self._rows(doses, f, text)
        return lay

    def _rows(self, doses: tuple[TimedDose, ...], f: float, text: float) -> Layout:
        base = self.kind.base
        label_w = self.label_w(text)
        left, right = PAD + label_w, PAD + self.inner
        most = max((pictures(u) for d in doses for u in d.units), default=1) or 1
        r = min(4.5 * base * f, (right - left) / (2.5 * most))
        liquids = [self.chip_texts(u)[0] for d in doses for u in d.units if u.product.is_liquid]
        liquid = 9 * base * f
        if liquids:
            liquid = min(liquid, (right - left) / max(stringWidth(t, BOLD, 1) for t in liquids))
        gap = 3.5 * base * f
        named = two_drugs(doses)
        rows = []
        for d in doses:
            lines: list[list[Chip]] = [[]]
            x = left
            for u in d.units:
                top, under = self.chip_texts(u, named)
                drawn = stringWidth(top, BOLD, liquid) if top else pictures(u) * 2.5 * r - 0.5 * r
                under_w = stringWidth(under, FONT, text)
                w = max(drawn, under_w)
                if lines[-1] and x + w > right:
                    lines.append([])
                    x = left
                lines[-1].append(Chip(x, w, u, top, under, x + (w - under_w) / 2,
                                      x + (w - drawn) / 2))
                x += w + gap
            rows.append(DoseRow(self.time_short[d.time], tuple(tuple(line) for line in lines)))
        return Layout(f, r, text, label_w, text, liquid, tuple(rows))

    # -- a page -------------------------------------------------------------------------

    def need(self, days: list[DayInfo], f: float) -> float:
        """The cell height the days of one page need at scale ``f``."""
        sets = _distinct(days)
        text = self.page_text(sets, f)
        lines = max((len(self.dose_lines(i)) for i in days if not i.stop), default=1)
        rows = max((self.rows(d, f, text).height for d in sets), default=0.0)
        foot = self.foot() if any(i.mark for i in days) else 0.0
        stop = max((self.head(len(self.dose_lines(i))) for i in days if i.stop), default=0.0)
        return max(self.head(lines) + rows + foot + PAD, stop + PAD)

    def fit_page(self, days: list[DayInfo], height: float) -> tuple[float, int, list[Layout]]:
        """The largest scale (at most MAX_SCALE, at least MIN_SCALE) at which every day of
        the page fits ``height``; the number of total lines the page's cells leave room for; and
        each day's layout at that scale."""
        f = MAX_SCALE
        while f > MIN_SCALE and self.need(days, f) > height:
            f = round(f - 0.05, 2)
        sets = _distinct(days)
        text = self.page_text(sets, f)
        lines = max((len(self.dose_lines(i)) for i in days if not i.stop), default=1)
        by_id = {id(d): self.rows(d, f, text) for d in [*sets, ()]}
        return f, lines, [by_id[id(i.doses)] for i in days]


def _distinct(days: list[DayInfo]) -> list[tuple[TimedDose, ...]]:
    """The days' dose tuples by identity (the days of a step share one tuple)."""
    return list({id(i.doses): i.doses for i in days if i.doses}.values())
