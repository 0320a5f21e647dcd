"""What a symptom hold holds, and holds in date order (SPEC.md, "Symptoms and holds").

A hold suggested by an assessment keeps the dose the patient takes *on the
assessment's date* and postpones the next cut by the hold's length:

- on a step's first day that is the new dose of that step;
- before the plan starts it is the pre-plan (current) dose: the start moves later;
- on a hold day the hold grows.

Holds typed on the command line or written in a plan file apply in date order
(each starts on its own date in the final schedule), whatever order they were
given in; the window keeps edit order (docs/MODEL.md says how the two meet).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from taperdesk.model.catalogue import Catalogue
from taperdesk.model.errors import PlanError
from taperdesk.model.operations import check_days, insert_hold, set_step_days
from taperdesk.model.plan import BackStep, Edit, Hold, Plan
from taperdesk.model.protocols import MAX_DAYS
from taperdesk.model.schedule import Schedule, StepKind, compute
from taperdesk.model.units import format_mg


def _moved_later(edits: tuple[Edit, ...], days: int) -> tuple[Edit, ...]:
    return tuple(replace(e, on=e.on + timedelta(days=days)) if isinstance(e, Hold | BackStep)
                 else e for e in edits)


def _next_change(schedule: Schedule, after: date, held_ug: int) -> date:
    """The first day after ``after`` whose dose differs from ``held_ug`` (the stop date if
    the held dose runs to the last dose)."""
    for step in schedule.steps:
        if step.start > after and step.daily_ug != held_ug:
            return step.start
    return schedule.stop_date


def symptom_hold_days(
    plan: Plan, on: date, days: int, *, catalogue: Catalogue | None = None
) -> int:
    """How many days ``symptom_hold`` adds: 0 when the plan already keeps the dose taken on
    ``on`` until ``on + days`` or later. Raises PlanError on or after the stop date."""
    check_days(days)
    schedule = compute(plan, catalogue)
    if on >= schedule.stop_date:
        raise PlanError(
            f"the plan's last dose is on {schedule.steps[-1].end.isoformat()}; an assessment on "
            f"{on.isoformat()} has no dose left to hold"
        )
    due = _next_change(schedule, on, schedule.dose_on(on))
    return max(0, (on + timedelta(days=days) - due).days)


def symptom_hold(
    plan: Plan,
    on: date,
    days: int,
    *,
    stretch_percent: int = 100,
    reason: str = "",
    catalogue: Catalogue | None = None,
) -> Plan:
    """Keep the dose taken on ``on`` for ``days`` days counted from ``on``: the next cut
    falls on ``on + days`` (SPEC.md, "What a symptom hold holds").

    Only the days the plan lacks are added (``symptom_hold_days``); when it already keeps
    that dose long enough the plan is returned unchanged. Before the plan starts the
    current dose is held: the start (and every hold and back-step, which keep their place
    in the taper) moves later. On a hold day that hold grows (when it stays within one
    hold's limit); elsewhere a hold of the missing days starts on ``on``. Raises
    PlanError on or after the plan's stop date (there is no dose left to hold).
    """
    extra = symptom_hold_days(plan, on, days, catalogue=catalogue)
    if extra == 0:
        return plan
    if on < plan.start:
        new = replace(plan, start=plan.start + timedelta(days=extra),
                      edits=_moved_later(plan.edits, extra))
        compute(new, catalogue)
        return new
    step = compute(plan, catalogue).step_at(on)
    assert step is not None
    if step.kind == StepKind.HOLD and stretch_percent == 100 and step.days + extra <= MAX_DAYS:
        return set_step_days(plan, step.row, step.days + extra, catalogue=catalogue)
    return insert_hold(plan, on, extra, stretch_percent=stretch_percent, reason=reason,
                       catalogue=catalogue)


def _day(d: date, other: date) -> str:
    """'Mon 8 Feb', with the year when it differs from ``other``'s."""
    text = f"{d:%a} {d.day} {d:%b}"
    return text if d.year == other.year else f"{text} {d.year}"


def _change_words(schedule: Schedule, when: date, held_ug: int, the: str = "the") -> str:
    """'the cut to 1 mg' / 'the change to 2 mg' for the change on ``when``."""
    ug = schedule.dose_on(when)
    return f"{the} {'cut' if ug < held_ug else 'change'} to {format_mg(ug)} mg"


def describe_symptom_hold(
    plan: Plan, on: date, days: int, *, catalogue: Catalogue | None = None
) -> str:
    """The hold in words, with the dates of the schedule it makes: 'Stay on 1.5 mg/day for
    14 days, from Mon 8 Feb; the cut to 1 mg moves to Mon 22 Feb', or, when the plan
    already keeps the dose that long, 'The plan already keeps 1.5 mg/day until Sun 14 Feb;
    the next cut is on Mon 15 Feb'. Raises PlanError as ``symptom_hold`` does."""
    before = compute(plan, catalogue)
    held_ug = before.dose_on(on)
    if symptom_hold_days(plan, on, days, catalogue=catalogue) == 0:
        due = _next_change(before, on, held_ug)
        last = _day(due - timedelta(days=1), on)
        text = f"The plan already keeps {format_mg(held_ug)} mg/day until {last}; "
        if due == before.stop_date:
            return text + "that is the last dose"
        return text + f"{_change_words(before, due, held_ug, 'the next')} is on {_day(due, on)}"
    after = compute(symptom_hold(plan, on, days, catalogue=catalogue), catalogue)
    span = f"{days} day{'s' if days != 1 else ''}"
    text = f"Stay on {format_mg(held_ug)} mg/day for {span}, from {_day(on, on)}; "
    when = _next_change(after, on, held_ug)
    if when == after.stop_date:
        return text + f"the last dose moves to {_day(when - timedelta(days=1), on)}"
    return text + f"{_change_words(after, when, held_ug)} moves to {_day(when, on)}"


def holds_by_date(plan: Plan) -> Plan:
    """The plan with its holds and back-steps listed in date order (pins keep their place).

    compute applies them in list order, so each then starts on its own date.
    """
    slots = [i for i, e in enumerate(plan.edits) if isinstance(e, Hold | BackStep)]
    held: list[Hold | BackStep] = [e for e in plan.edits if isinstance(e, Hold | BackStep)]
    dated = sorted(held, key=lambda e: e.on)
    if held == dated:
        return plan
    edits = list(plan.edits)
    for i, e in zip(slots, dated, strict=True):
        edits[i] = e
    return replace(plan, edits=tuple(edits))


def in_date_order(plan: Plan, catalogue: Catalogue | None = None) -> Plan:
    """An equivalent plan (the same dose every day) whose holds and back-steps are in date
    order, each dated the day it starts in the schedule: what a plan file holds, so that
    reading it back in date order gives the window's schedule."""
    dates = [e.on for e in plan.edits if isinstance(e, Hold | BackStep)]
    if all(a < b for a, b in zip(dates, dates[1:], strict=False)):
        return plan
    first: dict[int, date] = {}
    for step in compute(plan, catalogue).steps:
        if step.edit_index is not None:
            first.setdefault(step.edit_index, step.start)
    edits = tuple(replace(e, on=first.get(i, e.on)) if isinstance(e, Hold | BackStep) else e
                  for i, e in enumerate(plan.edits))
    dated = holds_by_date(replace(plan, edits=edits))
    if _daily(compute(dated, catalogue)) != _daily(compute(plan, catalogue)):
        # E.g. a hold made later on the first day of a back-step holds the back-step's
        # dose: in date order it would come first and hold the dose before it.
        raise PlanError(
            "this plan's holds and back-steps cannot be listed in date order with the same "
            "doses (a hold starts on the first day of a back-step); move one of them by a day"
        )
    return dated


def _daily(schedule: Schedule) -> list[int]:
    return [st.daily_ug for st in schedule.steps for _ in range(st.days)]
