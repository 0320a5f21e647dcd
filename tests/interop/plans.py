"""Plans the interop tests export: every kind of step, several times of day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from taperdesk.model import Plan, back_step, compute, insert_hold, make_protocol
from taperdesk.model.schedule import Schedule


@dataclass(frozen=True)
class Person:
    """The patient fields the exports read (the store's Patient has the same)."""

    name: str
    born: date | None
    clinic_id: str


ANN = Person("Ann Lee", date(1970, 5, 1), "MRN-1")


def mixed_plan() -> Plan:
    """Clonazepam 3 mg morning and bedtime, Nardi, a 14-day hold and a back-step."""
    plan = Plan(drug="clonazepam", products=("clonazepam-tab-0.5-us", "clonazepam-tab-1-us",
                                             "clonazepam-tab-2-us"),
                start_ug=3000, split="morning-night", start=date(2027, 1, 4),
                protocol=make_protocol("nardi"))
    plan = insert_hold(plan, date(2027, 2, 10), 14)
    return back_step(plan, date(2027, 3, 22), 7, "withdrawal symptoms")


def mixed() -> Schedule:
    return compute(mixed_plan())


def three_times() -> Schedule:
    """Diazepam three times a day: the times of day take different doses in some steps."""
    return compute(Plan(drug="diazepam", products=("diazepam-tab-2", "diazepam-tab-5"),
                        start_ug=25000, split="three-times", start=date(2027, 3, 1),
                        protocol=make_protocol("percent-current", percent="10",
                                               every_days=14)))


def hold_on_a_change() -> Schedule:
    """A hold inserted on the first day of a lower dose (as in the demo plan)."""
    plan = Plan(drug="clonazepam", products=("clonazepam-tab-0.5-us", "clonazepam-tab-1-us"),
                start_ug=2000, split="night", start=date(2027, 1, 4),
                protocol=make_protocol("nardi"))
    return compute(insert_hold(plan, date(2027, 1, 18), 7))
