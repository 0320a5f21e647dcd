"""Plan operations: pure functions that take a plan and return a new one.

Each is what one user edit does; the window wraps each in one undo command.
Rows are rows of the plan's current schedule, as the table and chart show them.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from taperdesk.model.catalogue import Catalogue
from taperdesk.model.errors import PlanError
from taperdesk.model.plan import BackStep, Edit, Hold, Pin, Plan, validate_plan
from taperdesk.model.protocols import MAX_DAYS, Protocol, validate_protocol
from taperdesk.model.schedule import Schedule, Step, StepKind, compute


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


def check_days(days: int) -> None:
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
    check_days(days)
    _inside(compute(plan, catalogue), on, "hold")
    new = replace(plan, edits=plan.edits + (Hold(on, days, stretch_percent, reason),))
    validate_plan(new, catalogue)
    compute(new, catalogue)  # e.g. past the 5-year TaperDesk limit (model/limits.py)
    return new


def back_step(
    plan: Plan, on: date, days: int, reason: str, *, catalogue: Catalogue | None = None
) -> Plan:
    """Return to the previous dose for ``days`` days from ``on``, with the reason logged."""
    check_days(days)
    if not reason.strip():
        raise PlanError("a back-step needs a reason")
    schedule = compute(plan, catalogue)
    _inside(schedule, on, "back-step")
    new = replace(plan, edits=plan.edits + (BackStep(on, days, reason.strip()),))
    if len(compute(new, catalogue).notes) > len(schedule.notes):
        raise PlanError(f"there is no higher previous dose to return to on {on.isoformat()}")
    return new


def _edit_rows(schedule: Schedule) -> dict[int, list[int]]:
    """Edit index -> the schedule rows a hold or back-step made (in order)."""
    rows: dict[int, list[int]] = {}
    for st in schedule.steps:
        if st.edit_index is not None:
            rows.setdefault(st.edit_index, []).append(st.row)
    return rows


def _moved(edit: Edit, days: int) -> Edit:
    assert isinstance(edit, Hold | BackStep)
    return replace(edit, on=edit.on + timedelta(days=days))


def remove_edit(plan: Plan, edit_index: int, *, catalogue: Catalogue | None = None) -> Plan:
    """Remove one edit. Removing a hold or back-step moves everything after it back.

    Holds and back-steps made later than the removed one and lying after it in the
    schedule keep their place in the taper (their dates move back with the steps).
    """
    if not 0 <= edit_index < len(plan.edits):
        raise PlanError("that edit is not in the plan")
    removed = plan.edits[edit_index]
    edits = list(plan.edits)
    if isinstance(removed, Hold | BackStep):
        schedule = compute(plan, catalogue)
        rows = _edit_rows(schedule)
        own = rows.get(edit_index, [])
        for j in range(edit_index + 1, len(edits)):
            if not own or j not in rows:
                continue
            first = rows[j][0]
            if first > own[-1]:
                edits[j] = _moved(edits[j], -removed.days)
            elif first > own[0]:
                # Inside the removed span: it moves to where the removed rows began.
                inside = sum(schedule.steps[r].days for r in own if r < first)
                edits[j] = _moved(edits[j], -inside)
    del edits[edit_index]
    return replace(plan, edits=tuple(edits))


def remove_hold(plan: Plan, row: int, *, catalogue: Catalogue | None = None) -> Plan:
    """Remove the hold or back-step shown at ``row``; everything after moves back."""
    step = _row(compute(plan, catalogue), row)
    if step.edit_index is None:
        raise PlanError(f"step {row + 1} is not a hold or back-step")
    return remove_edit(plan, step.edit_index, catalogue=catalogue)


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
    where it is flagged. 0 ends the plan before this step (refused on the first step: a
    plan that stops today).
    """
    if isinstance(ug, bool) or not isinstance(ug, int) or ug < 0:
        raise PlanError("the dose must be 0 mg or more")
    schedule = compute(plan, catalogue)
    step = _row(schedule, row)
    if step.kind == StepKind.HOLD:
        raise PlanError("a hold keeps the dose in effect; change the step it holds instead")
    if step.kind == StepKind.BACK_STEP:
        raise PlanError("a back-step returns to the previous dose; remove it to change it")
    if step.kind == StepKind.SUBSTITUTION:
        raise PlanError("a substitution's doses are the diazepam equivalent of the doses it "
                        "replaces; change the equivalence or the current dose instead")
    new = _pin(plan, step.taper_no, ug=ug)
    validate_plan(new, catalogue)
    compute(new, catalogue)  # e.g. step 1 at 0 mg: a plan that stops today is refused
    return new


def set_step_days(plan: Plan, row: int, days: int, *, catalogue: Catalogue | None = None) -> Plan:
    """Make the step at ``row`` last ``days`` days; every row after it moves, unchanged.

    Holds and back-steps after the row move with the steps (they keep their place
    in the taper). On a row that is part of a step split by a hold, only that part
    changes length.
    """
    check_days(days)
    schedule = compute(plan, catalogue)
    step = _row(schedule, row)
    delta = days - step.days
    if delta == 0:
        return plan
    edits = list(plan.edits)
    changed = step.edit_index
    if changed is not None:
        edit = edits[changed]
        assert isinstance(edit, Hold | BackStep)
        if not 1 <= edit.days + delta <= MAX_DAYS:
            raise PlanError(f"a hold or back-step can last at most {MAX_DAYS} days")
        edits[changed] = replace(edit, days=edit.days + delta)
    rows = _edit_rows(schedule)
    for j, rs in rows.items():
        # An edit made before the changed one does not see its length: leave it.
        if rs[0] > row and (changed is None or j > changed):
            edits[j] = _moved(edits[j], delta)
    new = replace(plan, edits=tuple(edits))
    if changed is not None:
        compute(new, catalogue)
        return new
    # A step split by holds: its total length is the sum of its taper parts.
    parts = [s for s in schedule.steps if s.taper_no == step.taper_no
             and s.kind in (StepKind.TAPER, StepKind.SUBSTITUTION)]
    total = sum(s.days for s in parts) + delta
    if total > MAX_DAYS:
        raise PlanError(f"a step can last at most {MAX_DAYS} days")
    new = _pin(new, step.taper_no, days=total)
    compute(new, catalogue)
    return new


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
    """The makeable dose nearest ``ug`` for this plan's products (for dragging).

    Below half the smallest makeable dose it snaps to 0 (dragging a step to the floor).
    """
    form = compute(plan, catalogue).formulary
    if ug * 2 < form.smallest_ug:
        return 0
    return form.nearest(ug)
