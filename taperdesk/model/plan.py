"""A plan: what the clinician chose, plus their edits in order (SPEC.md, "The model").

The schedule is computed from it (``taperdesk.model.schedule.compute``); a plan
never stores dates or doses of individual steps except as edits.
"""

from __future__ import annotations

from datetime import date

from taperdesk.model.catalogue import Catalogue, CatalogueError, Drug, shipped_catalogue
from taperdesk.model.errors import PlanError
from taperdesk.model.protocols import MAX_DAYS, Protocol, validate_protocol
from taperdesk.model.record import record
from taperdesk.model.units import format_mg

SPLITS: dict[str, str] = {
    "night": "All at bedtime",
    "morning-night": "Morning and bedtime, equal halves (any extra at bedtime)",
    "morning-night-morning-first": "Morning and bedtime; cuts come off the morning dose first",
    "three-times": "Three times a day, equal thirds (any extra at bedtime)",
}
TIMES = ("morning", "midday", "night")
TIME_LABELS = {"morning": "Morning", "midday": "Midday", "night": "Bedtime"}

MAX_REASON = 2000
"""Longest reason text kept with an edit (TaperDesk limit, as in plan files)."""
MAX_PIN_STEP = 2000
"""Highest step number an edit may name (the schedule's own step limit)."""
MAX_STRETCH_PERCENT = 400
"""A slower resume may make later steps at most 4 times as long (TaperDesk limit)."""
ABSURD_FACTOR = 3
"""A starting dose above 3 × the drug's largest maximum daily dose is refused as a typing
error (TaperDesk sanity limit, not a clinical number)."""
ABSURD_UNITS = 50
"""For a drug with no maximum daily dose in the catalogue: a starting dose above 50 of its
strongest tablet or capsule a day is refused as a typing error (TaperDesk sanity limit)."""
FIRST_YEAR, LAST_YEAR = 1970, 2199
"""A start date outside these years is a typing error (TaperDesk sanity limit)."""


def _check_plausible(ug: int, drug: Drug) -> None:
    """Refuse a starting dose that can only be a typing error (e.g. 300 for 3)."""
    top = max((m.ug for m in drug.max_daily), default=None)
    if top is not None:
        if ug > ABSURD_FACTOR * top:
            raise PlanError(
                f"a daily dose of {format_mg(ug)} mg is not plausible for {drug.name}"
                f" (more than {ABSURD_FACTOR} × its maximum of {format_mg(top)} mg/day)"
            )
        return
    strongest = max((p.strength_ug for p in drug.products), default=0)
    if strongest and ug > ABSURD_UNITS * strongest:
        raise PlanError(
            f"a daily dose of {format_mg(ug)} mg is not plausible for {drug.name}"
            f" (more than {ABSURD_UNITS} of its strongest {format_mg(strongest)} mg unit a day)"
        )


@record
class Hold:
    """Keep the dose in effect on ``on`` for ``days`` more days; the rest moves later.

    ``stretch_percent`` > 100 resumes at a slower pace: later protocol steps that
    the clinician has not pinned last that much longer (150 = half as long again).
    """

    on: date
    days: int
    stretch_percent: int = 100
    reason: str = ""


@record
class BackStep:
    """Return to the previous dose for ``days`` days from ``on`` (rare; ASAM 2025)."""

    on: date
    days: int
    reason: str


@record
class Pin:
    """The clinician set taper step ``taper_no``'s dose or total length (days)."""

    taper_no: int
    ug: int | None = None
    days: int | None = None


Edit = Hold | BackStep | Pin


@record
class Plan:
    drug: str
    products: tuple[str, ...]
    start_ug: int
    """The daily dose the patient takes before the taper begins."""
    split: str
    start: date
    """The first day of the first reduced dose."""
    protocol: Protocol
    edits: tuple[Edit, ...] = ()
    allow_quarters: bool = False
    indication: str | None = None
    """Chooses the maximum daily dose checked (e.g. 'panic'); None: the highest listed."""


def validate_plan(plan: Plan, catalogue: Catalogue | None = None) -> None:
    """Raise PlanError naming the first problem; return None for a sound plan."""
    cat = catalogue or shipped_catalogue()
    try:
        drug = cat.drug(plan.drug)
        for pid in plan.products:
            drug.product(pid)
    except CatalogueError as exc:
        raise PlanError(str(exc)) from None
    if not plan.products:
        raise PlanError("choose at least one product")
    if plan.split not in SPLITS:
        raise PlanError(f"unknown split {plan.split!r} (known: {', '.join(SPLITS)})")
    if not isinstance(plan.start, date):
        raise PlanError("start must be a date")
    if not FIRST_YEAR <= plan.start.year <= LAST_YEAR:
        raise PlanError(
            f"start date {plan.start.isoformat()} is not plausible "
            f"(the year must be {FIRST_YEAR}–{LAST_YEAR})"
        )
    if isinstance(plan.start_ug, bool) or not isinstance(plan.start_ug, int):
        raise PlanError("the current daily dose must be a whole number of micrograms")
    if plan.start_ug <= 0:
        raise PlanError("the current daily dose must be more than 0 mg")
    _check_plausible(plan.start_ug, drug)
    validate_protocol(plan.protocol)
    if plan.protocol.info.substitutes:
        from taperdesk.model.crossover import check_crossover  # crossover reads Plan

        check_crossover(plan, cat)
    for i, e in enumerate(plan.edits, 1):
        if isinstance(e, Hold | BackStep):
            if not 1 <= e.days <= MAX_DAYS:
                raise PlanError(f"edit {i}: days must be from 1 to {MAX_DAYS}")
            if len(e.reason) > MAX_REASON:
                raise PlanError(f"edit {i}: the reason is longer than {MAX_REASON} characters")
        if isinstance(e, Hold) and not 100 <= e.stretch_percent <= MAX_STRETCH_PERCENT:
            raise PlanError(f"edit {i}: slower pace must be 100–{MAX_STRETCH_PERCENT} %")
        if isinstance(e, Pin):
            if not 1 <= e.taper_no <= MAX_PIN_STEP:
                raise PlanError(f"edit {i}: step number must be from 1 to {MAX_PIN_STEP}")
            if e.ug is not None and e.ug < 0:
                raise PlanError(f"edit {i}: dose cannot be negative")
            if e.days is not None and not 1 <= e.days <= MAX_DAYS:
                raise PlanError(f"edit {i}: days must be from 1 to {MAX_DAYS}")
