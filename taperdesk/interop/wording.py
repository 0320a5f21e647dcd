"""The days a patient's dose changes, in the handout's words: shared by every export.

A *change* is the first day of a step whose daily dose differs from the day before (a
hold or back-step that starts with a new dose included: the patient changes dose that
day), the first day of a hold or back-step that keeps the dose ("stay on the same
dose"), and the stop date (the first day with no dose). The rest of a step after a hold
(``continued``, same dose) is nothing new. Each says until when its dose lasts: the day
before the next change. Wording comes from ``taperdesk.model.instructions``, as on the
patient handout.
"""

from __future__ import annotations

from datetime import date, timedelta

from taperdesk.model import StepKind
from taperdesk.model.instructions import daily_text, dose_plain, drug_title, long_date
from taperdesk.model.record import record
from taperdesk.model.schedule import Schedule, Step

START, CHANGE, HOLD, BACK_STEP, STOP = "start", "change", "hold", "back-step", "stop"


@record
class DoseChange:
    on: date
    kind: str
    """START (the first step), CHANGE (a new dose), BACK_STEP (back up to the previous
    dose), HOLD (a hold or back-step that keeps today's dose) or STOP."""
    step: Step | None
    """The step that begins on ``on``; None for STOP."""
    headline: str
    """'Clonazepam: 1.5 mg a day' (the evening-before reminder says it)."""
    summary: str
    """The headline and, for a new dose or the stop, 'from today' (the day's event)."""
    description: str


def how_to_take(step: Step) -> str:
    """'Bedtime: 1 tablet of 1 mg and 1 tablet of 0.5 mg (1.5 mg)', one line per time."""
    return "\n".join(dose_plain(d, step.names_drugs) for d in step.doses)


def step_text(step: Step) -> str:
    """A step as the handout's plan-at-a-glance row says it, in one paragraph."""
    head = f"{long_date(step.start)} to {long_date(step.end)}: {daily_text(step)}"
    if step.kind == StepKind.HOLD:
        head += " (stay on this dose)"
    elif step.kind == StepKind.BACK_STEP:
        head += " (back to the previous dose)"
    return f"{head}. " + "; ".join(dose_plain(d, step.names_drugs) for d in step.doses) + "."


def _kind(schedule: Schedule, step: Step) -> str | None:
    """What the patient does on the step's first day; None: nothing new (same dose)."""
    if step.row == 0:
        return START
    before = schedule.steps[step.row - 1]
    # A cross-over's substitution keeps the equivalent total but changes the doses.
    changed = before.daily_ug != step.daily_ug or before.doses != step.doses
    if changed:
        # A hold that starts on the day a new dose starts is a change of dose that day.
        return BACK_STEP if step.kind == StepKind.BACK_STEP else CHANGE
    return HOLD if step.kind in (StepKind.HOLD, StepKind.BACK_STEP) else None


def _words(drug: str, kind: str, step: Step, last: date) -> tuple[str, str, str]:
    mg = daily_text(step)
    until = f"until {long_date(last)}"
    if kind == HOLD:
        head = f"{drug}: stay on the same dose ({mg})"
        return head, head, f"Stay on the same dose: {mg} {until}.\n{how_to_take(step)}"
    if kind == BACK_STEP:
        head = f"{drug}: back to {mg}"
        return (head, f"{head} from today",
                f"From today: back to the previous dose, {mg}, {until}.\n{how_to_take(step)}")
    head = f"{drug}: {mg}"
    return head, f"{head} from today", f"From today: {mg}, {until}.\n{how_to_take(step)}"


def dose_changes(schedule: Schedule) -> tuple[DoseChange, ...]:
    """Every day the patient's dose changes (and each hold), then the stop date."""
    drug, title = schedule.drug.name, drug_title(schedule)
    starts = [(s, k) for s in schedule.steps if (k := _kind(schedule, s)) is not None]
    out: list[DoseChange] = []
    for i, (step, kind) in enumerate(starts):
        # The dose stays until the day before the next change (the rest of a step after a
        # hold is the same dose), or the last day of the plan.
        nxt = starts[i + 1][0].start if i + 1 < len(starts) else schedule.stop_date
        words = _words(title, kind, step, nxt - timedelta(days=1))
        out.append(DoseChange(step.start, kind, step, *words))
    if schedule.steps:
        last = schedule.stop_date - timedelta(days=1)
        out.append(DoseChange(
            schedule.stop_date, STOP, None, f"{drug}: no more doses",
            f"{drug}: no more doses from today",
            f"No more doses: from today you take no more {drug.lower()}. "
            f"Your last dose was on {long_date(last)}."))
    return tuple(out)
