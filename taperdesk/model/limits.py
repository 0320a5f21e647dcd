"""Plans no clinician means, refused by ``compute`` (SPEC.md, "Protocols").

``compute`` is the one place that decides: the command line, plan files, the
records and the window all compute the schedule (``plan_from_dict`` does too), so
they refuse the same plans with the same PlanError.

- a starting dose the products cannot make within one makeable step (below the
  smallest dose they make: there is no lower neighbour to round between);
- a fixed cut smaller than the smallest change the products can make;
- a plan with no reduced dose (a first step at zero: a "taper" that stops today);
- a plan running past ``MAX_PLAN_YEARS`` years, or with more than ``MAX_STEPS`` rows
  (TaperDesk limits: editable constants, not clinical numbers).
"""

from __future__ import annotations

import calendar
from datetime import date

from taperdesk.model.doses import Formulary
from taperdesk.model.errors import PlanError
from taperdesk.model.plan import Plan
from taperdesk.model.protocols import ProtocolId
from taperdesk.model.units import format_mg

MAX_STEPS = 2000
"""A plan with more rows than this is refused (TaperDesk limit, editable constant)."""
MAX_PLAN_YEARS = 5
"""A plan running past this many years from its start is refused (TaperDesk limit, editable
constant, not a clinical number)."""


def add_months(day: date, months: int) -> date:
    """The same day ``months`` calendar months later (clamped to the month's last day)."""
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def last_stop(start: date) -> date:
    """The latest stop date (first day with no dose) a plan starting on ``start`` may have."""
    return add_months(start, 12 * MAX_PLAN_YEARS)


def limit_days(start: date) -> int:
    return (last_stop(start) - start).days


def too_long(start: date) -> PlanError:
    return PlanError(
        f"the plan would run past {MAX_PLAN_YEARS} years (beyond {last_stop(start).isoformat()}), "
        f"the TaperDesk limit MAX_PLAN_YEARS (an editable constant, not a clinical number); "
        "choose larger or more frequent cuts"
    )


def check_parameters(plan: Plan, form: Formulary) -> None:
    """Refuse a starting dose or a fixed cut these products cannot carry out."""
    smallest = form.smallest_ug
    if plan.start_ug < smallest:
        raise PlanError(
            f"the current dose {format_mg(plan.start_ug)} mg/day is below the smallest dose "
            f"these products make; the nearest dose they make is {format_mg(smallest)} mg "
            "(check the dose typed, or choose products that make it)"
        )
    step = plan.protocol.step_ug
    if plan.protocol.id == ProtocolId.FIXED and step is not None and step < form.smallest_change_ug:
        raise PlanError(
            f"a fixed cut of {format_mg(step)} mg/day is smaller than the smallest change "
            f"these products can make ({format_mg(form.smallest_change_ug)} mg)"
        )


def check_rows(plan: Plan, start_ug: int, rows: int, stop: date) -> None:
    """Refuse a schedule with no reduced dose, too many rows, or past the year limit."""
    if rows == 0:
        raise PlanError(
            f"the plan has no reduced dose: it would stop on {plan.start.isoformat()} from "
            f"{format_mg(start_ug)} mg/day (a first step at zero, a taper that stops today)"
        )
    if rows > MAX_STEPS:
        raise PlanError(f"the plan would have more than {MAX_STEPS} steps (TaperDesk limit "
                        "MAX_STEPS); choose larger cuts or fewer holds")
    if stop > last_stop(plan.start):
        raise too_long(plan.start)
