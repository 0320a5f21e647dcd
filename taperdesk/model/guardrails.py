"""Guardrails: warnings about a schedule, each with a stable code and its source.

They apply to every schedule whatever produced it: a published protocol can
break a guardrail, and the program says so (SPEC.md, "Guardrails").
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from taperdesk.model import sources
from taperdesk.model.limits import add_months
from taperdesk.model.record import record
from taperdesk.model.schedule import Schedule, Step, StepKind
from taperdesk.model.units import format_mg, percent_of

ASAM = sources.ASAM

RULES: dict[str, tuple[str, str, str]] = {
    # code: (severity, title, source)
    "over-max-daily-dose": (
        "severe",
        "Above the maximum daily dose",
        f"{sources.US_LABEL}: maximum daily dose",
    ),
    "cut-over-25pct-in-2-weeks": (
        "warning",
        "More than 25 % cut within 2 weeks",
        f"{ASAM}: reductions should typically not exceed 25 % every 2 weeks",
    ),
    "first-cut-over-10pct": (
        "advisory",
        "First cut larger than 10 %",
        f"{ASAM}: start with reductions of 5–10 %",
    ),
    "dose-rise": (
        "warning",
        "A step raises the dose",
        f"{ASAM}: a return to a higher dose is a temporary back-step, for rare cases and "
        "with a reason; TaperDesk rule: any other rise is shown",
    ),
    "dose-not-makeable": (
        "warning",
        "Dose the products cannot make",
        "TaperDesk dose rule: a dose the chosen products cannot make is rounded to the "
        "nearest one they can (ties to the higher dose), and shown",
    ),
    "abrupt-stop": (
        "warning",
        "Last step stops from more than the smallest dose",
        f"FDA boxed warning (2020) and {sources.US_LABEL}: do not stop abruptly; TaperDesk "
        "rule: the last step should be the smallest dose the products make",
    ),
    "longer-than-6-months": (
        "advisory",
        "Plan longer than 6 months",
        f"{sources.ASHTON}: a withdrawal drawn out past about 6 months may become a focus in "
        "itself; ASAM 2025 notes tapers of a year or more can be appropriate",
    ),
    "opioid-co-prescription": (
        "alert",
        "Opioid co-prescription",
        f"{sources.FDA_BOXED}: benzodiazepines with opioids can cause profound "
        "sedation, respiratory depression, coma and death",
    ),
}
SEVERITY_ORDER = ("severe", "alert", "warning", "advisory")
"""check() lists warnings in this order (severe first), each kind in rule order."""

WINDOW_DAYS = 14
MAX_CUT_PERCENT = 25
FIRST_CUT_PERCENT = 10
MAX_MONTHS = 6


@record
class PlanWarning:
    code: str
    severity: str
    """'severe' (must be acknowledged before a handout prints), 'alert', 'warning' or
    'advisory'."""
    message: str
    source: str
    rows: tuple[int, ...] = ()
    """Rows of the schedule concerned."""
    dates: tuple[date, ...] = ()

    @property
    def title(self) -> str:
        return RULES[self.code][1]

    @property
    def key(self) -> str:
        """Stable identity for acknowledgements: the code and the first date concerned."""
        return f"{self.code}@{self.dates[0].isoformat()}" if self.dates else self.code


def _warn(
    code: str, message: str, rows: tuple[int, ...] = (), dates: tuple[date, ...] = ()
) -> PlanWarning:
    severity, _title, source = RULES[code]
    return PlanWarning(code, severity, message, source, rows, dates)


def check(schedule: Schedule, *, opioid: bool = False) -> tuple[PlanWarning, ...]:
    """Every warning of ``schedule``; ``opioid``: the patient is flagged as co-prescribed."""
    out: list[PlanWarning] = []
    if opioid:
        out.append(
            _warn(
                "opioid-co-prescription",
                "This patient is also prescribed an opioid. Together they can slow breathing "
                "dangerously; review the need for both and warn the patient.",
            )
        )
    out += _over_max(schedule)
    out += _cuts(schedule)
    out += _first_cut(schedule)
    out += _rises(schedule)
    out += _not_makeable(schedule)
    out += _abrupt_stop(schedule)
    out += _too_long(schedule)
    out.sort(key=lambda w: SEVERITY_ORDER.index(w.severity))
    return tuple(out)


def unacknowledged_severe(
    warnings: tuple[PlanWarning, ...], acknowledged_keys: Iterable[str]
) -> tuple[PlanWarning, ...]:
    """The severe warnings not yet acknowledged: a handout is not printed while any is."""
    done = set(acknowledged_keys)
    return tuple(w for w in warnings if w.severity == "severe" and w.key not in done)


def _label(step: Step) -> str:
    return f"step {step.row + 1} ({step.start.isoformat()})"


def _cuts(s: Schedule) -> list[PlanWarning]:
    """Each cut (a row whose dose is below the row before) against the 2 weeks before it.

    Rows that do not lower the dose (holds, the rest of a held step) are not cuts;
    the cut that led to their dose was checked already, so no warning is lost.
    """
    out = []
    steps = s.steps
    # Rows are consecutive, so a row ends where the next begins.
    starts = [st.start for st in steps]
    for i, step in enumerate(steps):
        before = steps[i - 1].daily_ug if i else s.start_ug
        if step.daily_ug >= before:
            continue
        window_start = step.start - timedelta(days=WINDOW_DAYS)
        # The highest dose in the 2 weeks before this step began (the starting dose before
        # the plan counts too).
        ref, ref_row = (s.start_ug, None) if window_start < s.plan.start else (0, None)
        for j in range(i - 1, -1, -1):
            prior = steps[j]
            if starts[j + 1] <= window_start:
                break
            if prior.daily_ug > ref:
                ref, ref_row = prior.daily_ug, j
        if ref and (ref - step.daily_ug) * 100 > MAX_CUT_PERCENT * ref:
            rows = (i,) if ref_row is None else (ref_row, i)
            out.append(
                _warn(
                    "cut-over-25pct-in-2-weeks",
                    f"{_label(step).capitalize()}: from {format_mg(ref)} mg to "
                    f"{format_mg(step.daily_ug)} mg within 2 weeks is a "
                    f"{percent_of(ref - step.daily_ug, ref)} % cut (more than "
                    f"{MAX_CUT_PERCENT} %).",
                    rows,
                    (step.start,),
                )
            )
    return out


def _first_cut(s: Schedule) -> list[PlanWarning]:
    """The first row below the patient's current dose, compared to that dose.

    The baseline is the dose taken before the plan, not an earlier step: a first
    step above it is a rise (``dose-rise``), not the start of the first cut.
    """
    before = s.start_ug
    for first in s.steps:
        if first.daily_ug < before:
            break
    else:
        return []
    cut = before - first.daily_ug
    if cut * 100 <= FIRST_CUT_PERCENT * before:
        return []
    return [
        _warn(
            "first-cut-over-10pct",
            f"The first cut, {format_mg(before)} mg to {format_mg(first.daily_ug)} mg on "
            f"{first.start.isoformat()}, is {percent_of(cut, before)} % (more than "
            f"{FIRST_CUT_PERCENT} %).",
            (first.row,),
            (first.start,),
        )
    ]


def _rises(s: Schedule) -> list[PlanWarning]:
    """Each row above the row before it (the current dose before the first), except
    back-steps, whose return to a higher dose is the point (ASAM 2025), and holds (a hold
    keeps the dose in effect, so it is higher only inside a back-step)."""
    out = []
    before = s.start_ug
    for step in s.steps:
        if step.daily_ug > before and step.kind not in (StepKind.BACK_STEP, StepKind.HOLD):
            was = "the current dose" if step.row == 0 else f"step {step.row}"
            out.append(
                _warn(
                    "dose-rise",
                    f"{_label(step).capitalize()} raises the dose from {was} of "
                    f"{format_mg(before)} mg to {format_mg(step.daily_ug)} mg/day "
                    f"(+{format_mg(step.daily_ug - before)} mg/day), outside a back-step.",
                    (step.row,),
                    (step.start,),
                )
            )
        before = step.daily_ug
    return out


def _not_makeable(s: Schedule) -> list[PlanWarning]:
    out = []
    # A cross-over's start_ug is a diazepam equivalent: compare the drug's own made dose.
    made = s.crossover.start_made_ug if s.crossover else s.start_ug
    if made != s.plan.start_ug:
        out.append(
            _warn(
                "dose-not-makeable",
                f"The current dose {format_mg(s.plan.start_ug)} mg cannot be made with these "
                f"products; it was rounded to {format_mg(made)} mg.",
                (),
                (s.plan.start,),
            )
        )
    seen: set[int] = set()
    for step in s.steps:
        # A step split by a hold is flagged once, on its first taper row.
        if step.kind != StepKind.TAPER or step.taper_no in seen:
            continue
        seen.add(step.taper_no)
        if step.rounded:
            out.append(
                _warn(
                    "dose-not-makeable",
                    f"{_label(step).capitalize()}: {format_mg(step.requested_ug)} mg cannot be "
                    f"made with these products; it was rounded to {format_mg(step.daily_ug)} mg.",
                    (step.row,),
                    (step.start,),
                )
            )
    return out


def _abrupt_stop(s: Schedule) -> list[PlanWarning]:
    """The last dose before the stop (the starting dose if there are no steps)."""
    last_ug = s.steps[-1].daily_ug if s.steps else s.start_ug
    smallest = s.formulary.smallest_ug
    if last_ug <= smallest:
        return []
    rows = (s.steps[-1].row,) if s.steps else ()
    return [
        _warn(
            "abrupt-stop",
            f"The plan stops on {s.stop_date.isoformat()} from {format_mg(last_ug)} mg/day; "
            f"these products can make {format_mg(smallest)} mg, so a smaller last step is "
            "possible.",
            rows,
            (s.stop_date,),
        )
    ]


def _over_max(s: Schedule) -> list[PlanWarning]:
    limit = s.drug.max_daily_for(s.plan.indication)
    if limit is None:
        return []
    over = [st for st in s.steps if st.daily_ug > limit.ug]
    start_over = s.start_ug > limit.ug
    if not over and not start_over:
        return []
    what = f"the maximum of {format_mg(limit.ug)} mg/day ({limit.indication}, {limit.source})"
    if over:
        msg = (
            f"{len(over)} step(s) from {over[0].start.isoformat()} are above {what}; "
            f"the highest is {format_mg(max(st.daily_ug for st in over))} mg."
        )
    else:
        msg = f"The current dose {format_mg(s.start_ug)} mg/day is above {what}."
    return [
        _warn(
            "over-max-daily-dose",
            msg,
            tuple(st.row for st in over),
            tuple(st.start for st in over) or (s.plan.start,),
        )
    ]


def _too_long(s: Schedule) -> list[PlanWarning]:
    limit = add_months(s.plan.start, MAX_MONTHS)
    if s.stop_date <= limit:
        return []
    return [
        _warn(
            "longer-than-6-months",
            f"The plan runs from {s.plan.start.isoformat()} to {s.stop_date.isoformat()} "
            f"({s.total_days} days), longer than {MAX_MONTHS} months.",
            (),
            (s.stop_date,),
        )
    ]
