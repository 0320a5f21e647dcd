"""The next-step rules of the shipped protocols (SPEC.md, "Protocols shipped").

Each rule takes the step being planned (``StepContext``) and the protocol's
parameters and returns the next requested dose with its length, rationale and
source, or None when the protocol has no further step. The registry that ties a
protocol id to its rule is ``taperdesk.model.protocols.PROTOCOLS``.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from taperdesk.model.catalogue import Drug
from taperdesk.model.doses import Formulary, formulary_for
from taperdesk.model.record import record
from taperdesk.model.units import format_mg

if TYPE_CHECKING:
    from taperdesk.model.protocols import CustomStep

NARDI_THRESHOLD_UG = 1000
"""Nardi: 0.5 mg cuts every 2 weeks down to 1 mg/day, then 0.25 mg cuts every week."""
NARDI_FAST_CUT_UG = 500
NARDI_FAST_DAYS = 14
NARDI_SLOW_CUT_UG = 250
NARDI_SLOW_DAYS = 7
VISSERS_PERCENTS = (Decimal(75), Decimal(50), Decimal(25), Decimal("12.5"))
"""Vissers 2007 as Pottie 2018 tabulates it: these percentages of the starting dose."""
VISSERS_DAYS = 14
COARSE_CUT_FACTOR = Decimal("1.5")
"""percent-current: a cut more than 1.5 × P (because of the products) is explained in the step."""


class StepContext(NamedTuple):
    """What a rule may look at when planning protocol step ``k`` (1-based).

    A named tuple, not a frozen dataclass: one is made for every step of every re-plan
    (300 per drag move), and a tuple is made in a quarter of the time."""

    k: int
    start_ug: int
    """The plan's starting daily dose as given (not rounded)."""
    prev: int
    """The made dose of the step before (the rounded starting dose for step 1)."""
    exact: Decimal
    """The requested dose of the step before, before rounding."""
    drug: Drug
    form: Formulary
    allow_quarters: bool
    notes: list[str]
    """Notes for the whole schedule; a rule may append (once each)."""


@record
class NextStep:
    ug: Decimal
    days: int
    why: str
    source: str


def custom_next(
    ctx: StepContext, steps: tuple[CustomStep, ...], source: str
) -> NextStep | None:
    if ctx.k > len(steps):
        return None
    cs = steps[ctx.k - 1]
    return NextStep(Decimal(cs.ug), cs.days, "Step set by the clinician", source)


def nardi_next(ctx: StepContext, source: str) -> NextStep:
    exact = ctx.exact
    if exact > NARDI_THRESHOLD_UG:
        why = "Nardi: cut 0.5 mg/day every 2 weeks while above 1 mg/day"
        if exact - NARDI_FAST_CUT_UG < NARDI_THRESHOLD_UG:
            why += "; this cut stops at 1 mg/day"
        nxt = max(exact - NARDI_FAST_CUT_UG, Decimal(NARDI_THRESHOLD_UG))
        return NextStep(nxt, NARDI_FAST_DAYS, why, source)
    return NextStep(exact - NARDI_SLOW_CUT_UG, NARDI_SLOW_DAYS,
                    "Nardi: cut 0.25 mg/day every week from 1 mg/day", source)


def percent_current_next(
    ctx: StepContext, percent: Decimal | None, every_days: int | None, source: str
) -> NextStep | None:
    assert percent is not None and every_days is not None
    step, note = percent_current_cut(ctx.prev, percent, every_days, source, ctx.drug,
                                      ctx.form, ctx.allow_quarters)
    if note and note not in ctx.notes:
        ctx.notes.append(note)
    return step


@lru_cache(maxsize=8192)
def percent_current_cut(
    prev: int, percent: Decimal, every_days: int, source: str, drug: Drug, form: Formulary,
    allow_quarters: bool,
) -> tuple[NextStep | None, str]:
    """percent-current's step after ``prev`` and the note it makes ('' for none).

    It depends on nothing else, so it is cached: a drag re-plans every later step at each
    move, mostly through doses planned before (benchmarks/)."""
    target = Decimal(prev) * (100 - percent) / 100
    below = form.nearest_below(target, prev)
    if below is None:
        return None, ""
    why = (
        f"{percent} % less than {format_mg(prev)} mg is "
        f"{mg_text(target)} mg; the nearest dose below {format_mg(prev)} mg "
        f"these products make is {format_mg(below)} mg"
    )
    note = ""
    if (prev - below) * 100 > COARSE_CUT_FACTOR * percent * prev:
        finer = finer_names(drug, form, allow_quarters, target, prev, below)
        why += "; these products cannot make a smaller cut"
        if finer:
            why += f" ({finer} would allow one)"
            note = f"Smaller cuts near the end need other products: {finer}."
    return NextStep(Decimal(below), every_days, why, source), note


def vissers_next(ctx: StepContext, source: str) -> NextStep | None:
    if ctx.k > len(VISSERS_PERCENTS):
        return None
    pct = VISSERS_PERCENTS[ctx.k - 1]
    nxt = Decimal(ctx.start_ug) * pct / 100
    why = (f"Vissers: {pct.normalize():f} % of the starting {format_mg(ctx.start_ug)} mg, "
           f"for {VISSERS_DAYS} days")
    if nxt > ctx.exact:  # after a lower pinned step: never back up (re-planned from it)
        nxt = ctx.exact
        why += f"; kept at the {format_mg(int(ctx.exact))} mg set before it"
    return NextStep(nxt, VISSERS_DAYS, why, source)


def percent_start_next(
    ctx: StepContext, percent: Decimal | None, every_days: int | None, source: str
) -> NextStep:
    assert percent is not None and every_days is not None
    cut = Decimal(ctx.start_ug) * percent / 100
    why = (
        f"Cut {percent} % of the starting {format_mg(ctx.start_ug)} mg "
        f"({mg_text(cut)} mg/day) every {every_days} days"
    )
    return NextStep(ctx.exact - cut, every_days, why, source)


def fixed_next(
    ctx: StepContext, step_ug: int | None, every_days: int | None, source: str
) -> NextStep:
    assert step_ug is not None and every_days is not None
    return NextStep(ctx.exact - step_ug, every_days,
                    f"Cut {format_mg(step_ug)} mg/day every {every_days} days", source)


def mg_text(ug: Decimal) -> str:
    return format_mg(int(ug)) if ug == int(ug) else f"{(ug / 1000).quantize(Decimal('0.001'))}"


@lru_cache(maxsize=4096)
def finer_names(
    drug: Drug, form: Formulary, allow_quarters: bool, target: Decimal, prev: int, chosen: int
) -> str:
    """Names of this drug's other products that would make a dose closer to ``target``.

    Cached: a re-plan (e.g. after a hold) asks again for the same steps (benchmarks/)."""
    names = []
    for p in drug.products:
        if p in form.products:
            continue
        wider = formulary_for(form.products + (p,), allow_quarters)
        alt = wider.nearest_below(target, prev)
        if alt is not None and abs(Decimal(alt) - target) < abs(Decimal(chosen) - target):
            names.append(p.name)
    return " or ".join(names[:3])
