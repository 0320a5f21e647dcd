"""Plan operations: pure functions that take a plan and return a new one.

Each is what one user edit does; the window wraps each in one undo command.
Rows are rows of the plan's current schedule, as the table and chart show them.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from taperdesk.model.catalogue import Catalogue
from taperdesk.model.errors import PlanError
from taperdesk.model.plan import BackStep, Hold, Pin, Plan, validate_plan
from taperdesk.model.protocols import MAX_DAYS, Protocol, validate_protocol
from taperdesk.model.schedule import Schedule, Step, compute


def _row(schedule: Schedule, row: int) -> Step:
    if not 0 <= row < len(schedule.steps):
        raise PlanError(f"there is no step {row + 1}; the plan has {len(schedule.steps)} steps")
    return schedule.steps[row]


def _inside(schedule: Schedule, on: date, what: str) -> None:
    if not schedule.plan.start <= on < schedule.stop_date:
        raise PlanError(
            f"a {what} on {on.isoformat()} is outside the plan "
            f"({schedule.plan.start.isoformat()} to {schedule.stop_date.isoformat()})"
        )


def _days(days: int) -> None:
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= MAX_DAYS:
        raise PlanError(f"days must be a whole number from 1 to {MAX_DAYS}")


def insert_hold(
    plan: Plan,
    on: date,
    days: int,
    *,
    stretch_percent: int = 100,
    reason: str = "",
    catalogue: Catalogue | None = None,
) -> Plan:
    """Hold the dose in effect on ``on`` for ``days`` days; later steps move ``days`` later.

    ``stretch_percent`` over 100 resumes at a slower pace (later steps longer).
    """
    _days(days)
    _inside(compute(plan, catalogue), on, "hold")
    new = replace(plan, edits=plan.edits + (Hold(on, days, stretch_percent, reason),))
    validate_plan(new, catalogue)
    return new


def back_step(
    plan: Plan, on: date, days: int, reason: str, *, catalogue: Catalogue | None = None
) -> Plan:
    """Return to the previous dose for ``days`` days from ``on``, with the reason logged."""
    _days(days)
    if not reason.strip():
        raise PlanError("a back-step needs a reason")
    schedule = compute(plan, catalogue)
    _inside(schedule, on, "back-step")
    new = replace(plan, edits=plan.edits + (BackStep(on, days, reason.strip()),))
    if len(compute(new, catalogue).notes) > len(schedule.notes):
        raise PlanError(f"there is no higher previous dose to return to on {on.isoformat()}")
    return new


def remove_edit(plan: Plan, edit_index: int, *, catalogue: Catalogue | None = None) -> Plan:
    if not 0 <= edit_index < len(plan.edits):
        raise PlanError("that edit is not in the plan")
    return replace(plan, edits=plan.edits[:edit_index] + plan.edits[edit_index + 1 :])


def remove_hold(plan: Plan, row: int, *, catalogue: Catalogue | None = None) -> Plan:
    """Remove the hold or back-step shown at ``row``; everything after moves back."""
    step = _row(compute(plan, catalogue), row)
    if step.edit_index is None:
        raise PlanError(f"step {row + 1} is not a hold or back-step")
    return remove_edit(plan, step.edit_index)


def _pin(plan: Plan, taper_no: int, ug: int | None = None, days: int | None = None) -> Plan:
    """Record a pin, merged with an earlier pin of the same step so edits stay tidy."""
    edits = list(plan.edits)
    for i, e in enumerate(edits):
        if isinstance(e, Pin) and e.taper_no == taper_no:
            edits[i] = Pin(taper_no, ug if ug is not None else e.ug, days or e.days)
            return replace(plan, edits=tuple(edits))
    return replace(plan, edits=tuple(edits) + (Pin(taper_no, ug, days),))


def set_step_dose(plan: Plan, row: int, ug: int, *, catalogue: Catalogue | None = None) -> Plan:
    """Pin the daily dose of the step at ``row``; later generated steps re-plan from it.

    A dose the products cannot make is kept as asked and rounded in the schedule,
    where it is flagged. 0 ends the plan before this step.
    """
    if isinstance(ug, bool) or not isinstance(ug, int) or ug < 0:
        raise PlanError("the dose must be 0 mg or more")
    schedule = compute(plan, catalogue)
    step = _row(schedule, row)
    if step.kind == "hold":
        raise PlanError("a hold keeps the dose in effect; change the step it holds instead")
    if step.kind == "back-step":
        raise PlanError("a back-step returns to the previous dose; remove it to change it")
    new = _pin(plan, step.taper_no, ug=ug)
    validate_plan(new, catalogue)
    return new


def set_step_days(plan: Plan, row: int, days: int, *, catalogue: Catalogue | None = None) -> Plan:
    """Set how many days the step at ``row`` lasts; everything after moves."""
    _days(days)
    schedule = compute(plan, catalogue)
    step = _row(schedule, row)
    if step.edit_index is not None:
        edit = plan.edits[step.edit_index]
        assert isinstance(edit, Hold | BackStep)
        edits = list(plan.edits)
        edits[step.edit_index] = replace(edit, days=days)
        return replace(plan, edits=tuple(edits))
    # A step split by holds: its total length is the sum of its taper parts.
    parts = [s for s in schedule.steps if s.taper_no == step.taper_no and s.kind == "taper"]
    total = sum(s.days for s in parts) - step.days + days
    if total > MAX_DAYS:
        raise PlanError(f"a step can last at most {MAX_DAYS} days")
    return _pin(plan, step.taper_no, days=total)


def set_protocol(plan: Plan, protocol: Protocol, *, catalogue: Catalogue | None = None) -> Plan:
    """Change the protocol or its parameters; the clinician's edits are kept."""
    validate_protocol(protocol)
    new = replace(plan, protocol=protocol)
    compute(new, catalogue)
    return new


def update_plan(plan: Plan, catalogue: Catalogue | None = None, **fields: object) -> Plan:
    """Change plan fields (drug, products, start_ug, split, start, ...), validated."""
    allowed = {"drug", "products", "start_ug", "split", "start", "allow_quarters", "indication"}
    unknown = set(fields) - allowed
    if unknown:
        raise PlanError(f"cannot change {', '.join(sorted(unknown))}")
    new = replace(plan, **fields)  # type: ignore[arg-type]
    validate_plan(new, catalogue)
    compute(new, catalogue)
    return new


def snap_dose(plan: Plan, ug: int, *, catalogue: Catalogue | None = None) -> int:
    """The makeable dose nearest ``ug`` for this plan's products (for dragging)."""
    return compute(plan, catalogue).formulary.nearest(max(ug, 0))
