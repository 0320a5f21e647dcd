"""One day's doses: a daily dose split over the times of day, each made of units.

The split patterns are those of the plan (``Plan.split``); every part is a dose the
chosen products can make (TaperDesk rule: parts as equal as the products allow, any
extra at bedtime).
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from taperdesk.model.doses import Formulary, MadeDose, Unit
from taperdesk.model.record import record


@record
class TimedDose:
    """The dose taken at one time of day ("morning", "midday", "night") and its units."""

    time: str
    made: MadeDose
    drug: str = ""
    """The drug's catalogue id; a cross-over has two drugs on one day."""

    def __post_init__(self) -> None:
        if not self.drug and self.made.units:
            object.__setattr__(self, "drug", self.made.units[0].product.drug)

    @property
    def ug(self) -> int:
        return self.made.ug

    @property
    def units(self) -> tuple[Unit, ...]:
        return self.made.units


@lru_cache(maxsize=8192)
def day_doses(split: str, start_ug: int, form: Formulary, daily: int) -> tuple[TimedDose, ...]:
    """The doses of one day of ``daily`` µg split by ``split``, each made of units.

    ``start_ug``: the plan's starting daily dose, whose bedtime half
    ``morning-night-morning-first`` keeps. Cached: the same daily dose is made the same
    way in every re-plan (frozen values)."""
    night_base = split_daily(form.nearest(start_ug), "morning-night", form)[-1][1]
    return tuple(
        TimedDose(time, form.make(ug), form.products[0].drug)
        for time, ug in split_daily(daily, split, form, night_base)
        if ug
    )


def split_daily(
    daily: int, pattern: str, form: Formulary, night_base: int = 0
) -> tuple[tuple[str, int], ...]:
    """Split a makeable daily dose over the day by ``pattern``; every part is makeable.

    Parts are as equal as the products allow, any extra at bedtime.
    ``morning-night-morning-first`` keeps the bedtime dose at ``night_base`` (the
    bedtime half of the starting dose) until the morning dose is gone.
    """
    return _split(daily, pattern, form, night_base)


@lru_cache(maxsize=8192)
def _split(
    daily: int, pattern: str, form: Formulary, night_base: int
) -> tuple[tuple[str, int], ...]:
    if pattern == "night":
        return (("night", daily),)
    if pattern == "three-times":
        first = _largest_part(daily, Decimal(daily) / 3, form)
        if first == 0:
            # No makeable third: two doses, morning and bedtime, rather than midday.
            return _split(daily, "morning-night", form, night_base)
        rest = daily - first
        second = _largest_part(rest, Decimal(rest) / 2, form)
        return (("morning", first), ("midday", second), ("night", rest - second))
    if pattern == "morning-night-morning-first":
        night = min(daily, night_base)
        if form.is_makeable(daily - night) and form.is_makeable(night):
            return (("morning", daily - night), ("night", night))
    morning = _largest_part(daily, Decimal(daily) / 2, form)
    return (("morning", morning), ("night", daily - morning))


def _largest_part(total: int, at_most: Decimal, form: Formulary) -> int:
    """The largest makeable part <= at_most whose remainder is also makeable (0 allowed)."""
    for part in reversed(form.makeable(int(at_most))):
        if form.is_makeable(total - part):
            return part
    return 0
