"""The schedule: a pure function of the plan (SPEC.md, "The model: a plan and its schedule").

``compute(plan)`` generates the protocol's steps (with the clinician's pins),
then applies holds and back-steps in the order they were made, each splitting
the step in effect on its date and moving everything after it later.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, fields, replace
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from functools import cached_property, lru_cache

from taperdesk.model import sources
from taperdesk.model.catalogue import Catalogue, Drug, Product, shipped_catalogue
from taperdesk.model.crossover import Crossover, crossover_for, substitutions
from taperdesk.model.daily import TimedDose, day_doses
from taperdesk.model.doses import Formulary, formulary_for
from taperdesk.model.errors import PlanError
from taperdesk.model.limits import (
    MAX_STEPS,
    check_parameters,
    check_rows,
    limit_days,
    too_long,
)
from taperdesk.model.plan import Hold, Pin, Plan, validate_plan
from taperdesk.model.protocol_rules import StepContext, percent_current_cut
from taperdesk.model.protocols import CUSTOM_SOURCE
from taperdesk.model.record import record
from taperdesk.model.units import format_mg

HOLD_SOURCE = sources.HOLD
BACK_STEP_SOURCE = sources.BACK_STEP


class StepKind(StrEnum):
    """What a schedule row is; the strings are those of JSON exports and stored plans."""

    TAPER = "taper"
    HOLD = "hold"
    BACK_STEP = "back-step"
    SUBSTITUTION = "substitution"
    """A cross-over row: one more dose of the day replaced by diazepam."""


@record
class Step:
    row: int
    start: date
    days: int
    daily_ug: int
    requested_ug: int
    """What the protocol or the clinician asked for, before rounding to the products."""
    doses: tuple[TimedDose, ...]
    kind: StepKind
    taper_no: int
    """The protocol step this row belongs to (holds carry the number of the step they hold)."""
    rationale: str
    source: str
    pinned: bool = False
    edit_index: int | None = None
    """For holds and back-steps: the index of the edit in ``plan.edits`` that made the row."""
    continued: bool = False
    """The rest of a step after a hold or back-step."""
    names_drugs: bool = False
    """A cross-over row: ``daily_ug`` is the diazepam-equivalent total and every dose is
    shown with its drug's name."""

    @cached_property
    def drugs(self) -> tuple[str, ...]:
        """The drugs taken on a day of this step, in the order of the day."""
        return tuple(dict.fromkeys(d.drug for d in self.doses))

    def drug_ug(self, drug: str) -> int:
        """The day's total of one drug in µg (0 when it is not taken)."""
        return sum(d.ug for d in self.doses if d.drug == drug)

    @cached_property
    def end(self) -> date:
        """The last day of the step (inclusive)."""
        return self.start + timedelta(days=self.days - 1)

    @cached_property
    def next_start(self) -> date:
        return self.start + timedelta(days=self.days)

    @property
    def rounded(self) -> bool:
        return self.requested_ug != self.daily_ug


@record
class Schedule:
    plan: Plan
    steps: tuple[Step, ...]
    stop_date: date
    """The first day with no dose."""
    start_ug: int
    """The dose before the taper, as the products make it."""
    drug: Drug = field(compare=False)
    formulary: Formulary = field(compare=False)
    notes: tuple[str, ...] = ()
    crossover: Crossover | None = field(default=None, compare=False)
    """A cross-over schedule: ``drug``/``formulary`` are diazepam's, ``start_ug`` and every
    ``daily_ug`` the diazepam-equivalent total (µg of diazepam)."""

    @property
    def products(self) -> tuple[Product, ...]:
        """The products the plan uses: the plan's, then a cross-over's diazepam products."""
        if self.crossover is None:
            return tuple(self.drug.product(p) for p in self.plan.products)
        own = tuple(self.crossover.from_drug.product(p) for p in self.plan.products)
        return own + self.crossover.to_form.products

    @property
    def drugs(self) -> tuple[str, ...]:
        """Every drug the schedule gives, in order of first appearance."""
        if self.crossover is None:
            return (self.drug.id,)
        return (self.crossover.from_drug.id, self.crossover.to_drug.id)

    @cached_property
    def _starts(self) -> list[date]:
        return [s.start for s in self.steps]

    def step_at(self, day: date) -> Step | None:
        """The step in effect on ``day``, or None before the start or from the stop date."""
        if not self.steps or day < self.plan.start or day >= self.stop_date:
            return None
        return self.steps[bisect.bisect_right(self._starts, day) - 1]

    def dose_on(self, day: date) -> int:
        """Daily dose in µg on ``day``: the starting dose before the plan, 0 from the stop."""
        if day < self.plan.start:
            return self.start_ug
        step = self.step_at(day)
        return step.daily_ug if step else 0

    @property
    def total_days(self) -> int:
        return (self.stop_date - self.plan.start).days


@dataclass
class _Raw:
    ug: int
    requested: int
    days: int
    kind: StepKind
    taper_no: int
    rationale: str
    source: str
    pinned: bool = False
    days_pinned: bool = False
    edit_index: int | None = None
    continued: bool = False
    doses: tuple[TimedDose, ...] | None = None
    """A cross-over row's doses (None: ``day_doses`` of the plan's drug)."""


_STEP_FIELDS = frozenset(f.name for f in fields(Step))


def _new_step(**values: object) -> Step:
    """``Step(**values)``, made without the frozen dataclass's ``__init__`` (one
    ``object.__setattr__`` per field, three quarters of the cost of a new row: a drag move
    makes some 250). Every field must be given: the same Step, equal and hashed alike."""
    if values.keys() != _STEP_FIELDS:
        raise TypeError(f"a Step needs exactly its fields, not {sorted(values)}")
    step = object.__new__(Step)
    step.__dict__.update(values)
    return step


_STEPS: dict[tuple[object, ...], Step] = {}
_STEPS_MAX = 20_000
"""Reused Step objects kept at most (about 1–2 kB each): ~60 drag moves of a 300-row plan
fit, and a long session stays well inside SPEC.md's 200 MB (benchmarks/)."""


def compute(plan: Plan, catalogue: Catalogue | None = None) -> Schedule:
    """The schedule of ``plan``; the same plan always gives the same schedule.

    Re-planning is incremental behind this one pure function: schedules, generations
    and steps are cached, and a plan whose pins differ from one computed before is
    generated again only from the first step they change (``_Trace``); the result is
    exactly what computing from nothing gives (tests/model/test_properties.py).
    """
    return _compute(plan, catalogue or shipped_catalogue())


def clear_caches() -> None:
    """Forget every cached schedule, generation, trace and step, so the next ``compute``
    starts from nothing (tests compare the incremental re-plan with it)."""
    _compute.cache_clear()
    _generate_cached.cache_clear()
    _TRACES.clear()
    _STEPS.clear()
    percent_current_cut.cache_clear()


@lru_cache(maxsize=512)
def _compute(plan: Plan, catalogue: Catalogue) -> Schedule:
    validate_plan(plan, catalogue)
    drug = catalogue.drug(plan.drug)
    form = formulary_for(tuple(drug.product(p) for p in plan.products), plan.allow_quarters)
    check_parameters(plan, form)
    notes: list[str] = []
    xo: Crossover | None = None
    if plan.protocol.info.substitutes:
        xo = crossover_for(plan, catalogue)
        raws = _crossover_raws(plan, xo, notes)
        drug, form = xo.to_drug, xo.to_form
        start_ug = int(xo.start_equivalent.to_integral_value(rounding=ROUND_HALF_UP))
    else:
        raws = _generate(plan, drug, form, notes)
        start_ug = form.nearest(plan.start_ug)
    if not raws:
        check_rows(plan, start_ug, 0, plan.start)
    raws = _apply_holds(plan, form, raws, notes, xo.start_doses if xo else None, start_ug)
    steps: list[Step] = []
    day = plan.start
    for row, r in enumerate(raws):
        # Rows a change leaves as they were (e.g. everything before a new hold) are the
        # same Step objects as last time: building 300 frozen dataclasses costs more than
        # the whole re-plan's budget.
        key = (row, day, r.ug, r.requested, r.days, r.kind, r.taper_no, r.rationale, r.source,
               r.pinned or r.days_pinned, r.edit_index, r.continued, plan.split, form,
               plan.start_ug, r.doses)
        step = _STEPS.get(key)
        if step is None:
            if len(_STEPS) > _STEPS_MAX:
                _STEPS.clear()
            step = _STEPS[key] = _new_step(
                row=row,
                start=day,
                days=r.days,
                daily_ug=r.ug,
                requested_ug=r.requested,
                doses=r.doses if r.doses is not None
                else day_doses(plan.split, plan.start_ug, form, r.ug),
                kind=r.kind,
                taper_no=r.taper_no,
                rationale=r.rationale,
                source=r.source,
                pinned=r.pinned or r.days_pinned,
                edit_index=r.edit_index,
                continued=r.continued,
                names_drugs=xo is not None,
            )
        steps.append(step)
        try:
            day += timedelta(days=r.days)
        except OverflowError:
            raise PlanError("the plan would run past the last date the calendar can show") from None
    check_rows(plan, start_ug, len(steps), day)
    return Schedule(
        plan=plan,
        steps=tuple(steps),
        stop_date=day,
        start_ug=start_ug,
        drug=drug,
        formulary=form,
        notes=tuple(notes),
        crossover=xo,
    )


def _crossover_raws(plan: Plan, xo: Crossover, notes: list[str]) -> list[_Raw]:
    """The substitution rows, then the diazepam taper by ``protocol.then`` (with pins)."""
    proto = plan.protocol
    assert proto.then is not None and proto.every_days is not None
    pins = _pins(plan)
    subs = substitutions(xo, proto.every_days)
    raws = []
    for k, sub in enumerate(subs, 1):
        pin_ug, pin_days = pins.get(k, (None, None))
        why, days = sub.rationale, pin_days or proto.every_days
        if pin_days is not None:
            why += "; length set by the clinician"
        if pin_ug is not None:
            notes.append(f"Step {k} is a substitution: its dose is the equivalent of the dose "
                         "it replaces, so the dose set on it was not applied.")
        ug = int(sub.equivalent.to_integral_value(rounding=ROUND_HALF_UP))
        raws.append(_Raw(ug=ug, requested=ug, days=days, kind=StepKind.SUBSTITUTION,
                         taper_no=k, rationale=why, source=f"{xo.source}; {proto.info.source}",
                         days_pinned=pin_days is not None, doses=sub.doses))
    n = len(subs)
    dz_start = sum(d.ug for d in subs[-1].doses) if subs else 0
    dz_plan = Plan(
        drug=xo.to_drug.id, products=tuple(p.id for p in xo.to_form.products),
        start_ug=dz_start, split=plan.split, start=plan.start, protocol=proto.then,
        edits=tuple(replace(e, taper_no=e.taper_no - n) for e in plan.edits
                    if isinstance(e, Pin) and e.taper_no > n),
        allow_quarters=plan.allow_quarters,
    )
    check_parameters(dz_plan, xo.to_form)
    dz_notes: list[str] = []
    for r in _generate(dz_plan, xo.to_drug, xo.to_form, dz_notes):
        raws.append(_copy(r, taper_no=r.taper_no + n,
                          doses=day_doses(plan.split, dz_start, xo.to_form, r.ug)))
    notes.extend(f"Diazepam taper: {note}" for note in dz_notes)
    return raws


def _pins(plan: Plan) -> dict[int, tuple[int | None, int | None]]:
    pins: dict[int, tuple[int | None, int | None]] = {}
    for e in plan.edits:
        if isinstance(e, Pin):
            ug, days = pins.get(e.taper_no, (None, None))
            pins[e.taper_no] = (e.ug if e.ug is not None else ug, e.days or days)
    return pins


def _generate(plan: Plan, drug: Drug, form: Formulary, notes: list[str]) -> list[_Raw]:
    """The protocol's steps with the clinician's pins (before holds and back-steps).

    Holds and back-steps do not change what the protocol generates, so the result
    is cached on the plan without them: inserting a hold re-plans a 300-step plan
    well inside SPEC.md's 2 ms (benchmarks/). The cached rows are never mutated.
    """
    key = replace(plan, edits=tuple(e for e in plan.edits if isinstance(e, Pin)))
    raws, generated_notes = _generate_cached(key, drug, form)
    notes.extend(generated_notes)
    return list(raws)


@lru_cache(maxsize=256)
def _generate_cached(
    plan: Plan, drug: Drug, form: Formulary
) -> tuple[tuple[_Raw, ...], tuple[str, ...]]:
    notes: list[str] = []
    raws = _generate_uncached(plan, drug, form, notes)
    return tuple(raws), tuple(notes)


@record
class _Trace:
    """One generation of a plan's protocol steps, kept so that the next generation of the
    same plan with other pins starts where the pins first differ: step ``k`` depends only
    on the pins of steps up to ``k``, so a drag, which pins one step again and again,
    re-plans from that step on and reuses every row before it."""

    pins: dict[int, tuple[int | None, int | None]]
    raws: tuple[_Raw, ...]
    """Shared with the generations that resume from this one: never mutated."""
    states: tuple[tuple[int, Decimal, int, int], ...]
    """Before protocol step ``k``, ``states[k - 1]``: the made dose of the step before, its
    requested dose, the days so far and how many notes had been made. One more than
    ``raws``: the last is where the protocol ended."""
    notes: tuple[str, ...]
    """The notes when the protocol ended (before those about pins past the end)."""


_TRACES: dict[tuple[Plan, Drug, Formulary], _Trace] = {}
_TRACES_MAX = 64


def _resume_at(pins: dict[int, tuple[int | None, int | None]], trace: _Trace) -> int:
    """The first protocol step whose generation ``pins`` may change against ``trace``: the
    first step pinned differently, or the step where the traced protocol ended (whatever
    is pinned after it, the protocol ends there again)."""
    differ = [k for k in pins.keys() | trace.pins.keys() if pins.get(k) != trace.pins.get(k)]
    return min(differ + [len(trace.states)])


def _generate_uncached(
    plan: Plan, drug: Drug, form: Formulary, notes: list[str]
) -> list[_Raw]:
    proto = plan.protocol
    pins = _pins(plan)
    base = (replace(plan, edits=()), drug, form)
    trace = _TRACES.get(base)
    raws: list[_Raw] = []
    states: list[tuple[int, Decimal, int, int]] = []
    k, prev, exact, total_days = 1, form.nearest(plan.start_ug), Decimal(plan.start_ug), 0
    if trace is not None:
        # Exactly what generating steps 1 .. k-1 again would give (the same plan and pins).
        k = _resume_at(pins, trace)
        prev, exact, total_days, made_notes = trace.states[k - 1]
        raws, states = list(trace.raws[: k - 1]), list(trace.states[: k - 1])
        notes.extend(trace.notes[:made_notes])
    limit = limit_days(plan.start)
    while True:
        states.append((prev, exact, total_days, len(notes)))
        if k > MAX_STEPS:
            raise PlanError(f"the plan would have more than {MAX_STEPS} steps; choose larger cuts")
        if total_days > limit:
            raise too_long(plan.start)
        ctx = StepContext(k, plan.start_ug, prev, exact, drug, form, plan.allow_quarters, notes)
        step = proto.next_step(ctx)
        if step is None:
            break
        nxt, days, why, src = step.ug, step.days, step.why, step.source
        pin_ug, pin_days = pins.get(k, (None, None))
        if pin_ug is not None:
            nxt = Decimal(pin_ug)
            why, src = "Dose set by the clinician", CUSTOM_SOURCE
        if pin_days is not None:
            days = pin_days
            why += "; length set by the clinician"
        if nxt <= 0:
            break
        requested = int(nxt.to_integral_value(rounding=ROUND_HALF_UP))
        made = form.nearest(requested)
        if made == 0:
            notes.append(
                f"Step {k}: {format_mg(requested)} mg is below the smallest dose these "
                f"products make ({format_mg(form.smallest_ug)} mg); the plan stops before it."
            )
            break
        if made != requested:
            why += f"; {format_mg(requested)} mg asked for, rounded to {format_mg(made)} mg"
        raws.append(
            _Raw(
                ug=made,
                requested=requested,
                days=days,
                kind=StepKind.TAPER,
                taper_no=k,
                rationale=why,
                source=src,
                pinned=pin_ug is not None,
                days_pinned=pin_days is not None,
            )
        )
        prev, exact = made, nxt
        total_days += days
        k += 1
    if len(_TRACES) >= _TRACES_MAX:
        _TRACES.clear()
    _TRACES[base] = _Trace(pins, tuple(raws), tuple(states), tuple(notes))
    for k in pins:
        if k > len(raws) + 1:
            notes.append(f"An edit of step {k} no longer applies: the plan has fewer steps.")
    return raws


def _locate(raws: list[_Raw], start: date, on: date) -> tuple[int, int] | None:
    offset = (on - start).days
    if offset < 0:
        return None
    for i, r in enumerate(raws):
        if offset < r.days:
            return i, offset
        offset -= r.days
    return None


def _apply_holds(
    plan: Plan, form: Formulary, raws: list[_Raw], notes: list[str],
    start_doses: tuple[TimedDose, ...] | None = None, start_ug: int | None = None,
) -> list[_Raw]:
    """Holds and back-steps in the order made; ``start_doses``/``start_ug``: a cross-over's
    starting doses and their diazepam-equivalent total (a back-step to before step 1)."""
    start_ug = form.nearest(plan.start_ug) if start_ug is None else start_ug
    for index, e in enumerate(plan.edits):
        if isinstance(e, Pin):
            continue
        found = _locate(raws, plan.start, e.on)
        what = "hold" if isinstance(e, Hold) else "back-step"
        if found is None:
            notes.append(
                f"The {what} on {e.on.isoformat()} is outside the plan and was not applied."
            )
            continue
        i, offset = found
        r = raws[i]
        if isinstance(e, Hold):
            ug, kind, src, doses = r.ug, StepKind.HOLD, HOLD_SOURCE, r.doses
            why = f"Stay on {format_mg(ug)} mg for {e.days} days"
            if e.stretch_percent > 100:
                why += f"; later steps {e.stretch_percent} % as long"
        else:
            ug, doses = _previous_dose(raws, i, start_ug, start_doses)
            if ug <= r.ug:
                notes.append(
                    f"The back-step on {e.on.isoformat()} has no higher previous dose to return to."
                )
                continue
            kind, src = StepKind.BACK_STEP, BACK_STEP_SOURCE
            why = f"Back to the previous dose of {format_mg(ug)} mg for {e.days} days"
        if e.reason:
            why += f" — {e.reason}"
        inserted = _Raw(
            ug=ug, requested=ug, days=e.days, kind=kind, taper_no=r.taper_no,
            rationale=why, source=src, edit_index=index, doses=doses,
        )
        pieces = []
        if offset:
            pieces.append(_copy(r, days=offset))
        pieces.append(inserted)
        pieces.append(_copy(r, days=r.days - offset, continued=True))
        if isinstance(e, Hold) and e.stretch_percent > 100:
            for j in range(i + 1, len(raws)):
                later = raws[j]
                stretch = later.kind is StepKind.TAPER and not later.days_pinned
                if stretch and later.taper_no > r.taper_no:
                    raws[j] = _copy(later, days=-(-later.days * e.stretch_percent // 100))
        raws = raws[:i] + pieces + raws[i + 1 :]
    return raws


def _previous_dose(
    raws: list[_Raw], i: int, start_ug: int, start_doses: tuple[TimedDose, ...] | None
) -> tuple[int, tuple[TimedDose, ...] | None]:
    """The dose (and a cross-over's doses) of the taper step before the one at ``raws[i]``."""
    no = raws[i].taper_no
    for r in reversed(raws[:i]):
        if r.kind in (StepKind.TAPER, StepKind.SUBSTITUTION) and r.taper_no < no:
            return r.ug, r.doses
    return start_ug, start_doses


def _copy(r: _Raw, **changes: object) -> _Raw:
    new = _Raw(**vars(r))
    for key, value in changes.items():
        setattr(new, key, value)
    return new
