"""The chart's description for a screen reader: the plan in a sentence, and for a
cross-over to diazepam each drug's dose on every day that gives two drugs (the model's
per-drug totals, ``Step.drug_ug``, in exact mg)."""

from __future__ import annotations

from taperdesk.model import Schedule, Step, StepKind, format_mg
from taperdesk.ui.translation import translate


def plan_summary(sched: Schedule | None) -> str:
    if sched is None or not sched.steps:
        return translate("DoseChart", "No plan is open.")
    holds = sum(1 for s in sched.steps if s.kind in (StepKind.HOLD, StepKind.BACK_STEP))
    first, last = sched.steps[0].start, sched.steps[-1].end
    xo = sched.crossover
    if xo is None:
        return translate(
            "DoseChart",
            "{0}: from {1} mg/day, {2} steps ({3} holds or back-steps) from {4:%d %b %Y}, last "
            "dose on {5:%d %b %Y}, stop {6:%d %b %Y}.",
        ).format(sched.drug.name, format_mg(sched.start_ug), len(sched.steps), holds, first,
                 last, sched.stop_date)
    names = {xo.from_drug.id: xo.from_drug.name, xo.to_drug.id: xo.to_drug.name}
    head = translate(
        "ChartSummary",
        "{0} to {1}: from {2} mg/day of {0} ({3} mg/day diazepam-equivalent), {4} steps ({5} "
        "holds or back-steps) from {6:%d %b %Y}, last dose on {7:%d %b %Y}, stop {8:%d %b %Y}.",
    ).format(xo.from_drug.name, xo.to_drug.name, format_mg(xo.start_made_ug),
             format_mg(sched.start_ug), len(sched.steps), holds, first, last, sched.stop_date)
    both = [s for s in sched.steps if len(s.drugs) > 1]
    if not both:
        return head
    return head + " " + translate("ChartSummary", "Two drugs a day on {0} steps: {1}.").format(
        len(both), "; ".join(_two_drug_step(s, names) for s in both))


def _two_drug_step(step: Step, names: dict[str, str]) -> str:
    """'step 1, 04 Jan 2027 to 10 Jan 2027: Lorazepam 2 mg + Diazepam 5 mg a day (15 mg/day
    diazepam-equivalent)'."""
    doses = translate("ChartSummary", " + ").join(
        translate("ChartSummary", "{0} {1} mg").format(names.get(d, d), format_mg(step.drug_ug(d)))
        for d in step.drugs)
    return translate(
        "ChartSummary",
        "step {0}, {1:%d %b %Y} to {2:%d %b %Y}: {3} a day ({4} mg/day diazepam-equivalent)",
    ).format(step.row + 1, step.start, step.end, doses, format_mg(step.daily_ug))
