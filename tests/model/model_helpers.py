"""Small builders shared by the model tests (plans on the shipped catalogue)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from taperdesk.model import Plan, Protocol, Schedule, compute, make_protocol
from taperdesk.model.catalogue import shipped_catalogue
from taperdesk.model.doses import Formulary
from taperdesk.model.protocols import CustomStep

START = date(2027, 1, 4)
US = ("clonazepam-tab-0.5-us", "clonazepam-tab-1-us", "clonazepam-tab-2-us")
US_ODT = US + ("clonazepam-odt-0.125", "clonazepam-odt-0.25")
UK = ("clonazepam-tab-0.5-uk", "clonazepam-tab-2-uk")
ODT = ("clonazepam-odt-0.125", "clonazepam-odt-0.25", "clonazepam-odt-0.5")
SOL_01 = ("clonazepam-sol-0.1",)
SOL_04 = ("clonazepam-sol-0.4",)


def ug(mg: str) -> int:
    """'0.75' -> 750, exactly."""
    return int(Decimal(mg) * 1000)


def plan(
    protocol: Protocol | str = "nardi",
    start_mg: str = "3",
    *,
    products: tuple[str, ...] = US,
    split: str = "night",
    start: date = START,
    drug: str = "clonazepam",
    **kw: object,
) -> Plan:
    proto = make_protocol(protocol) if isinstance(protocol, str) else protocol
    return Plan(drug, products, ug(start_mg), split, start, proto, **kw)  # type: ignore[arg-type]


def custom(*steps: tuple[str, int]) -> Protocol:
    return make_protocol("custom", custom_steps=tuple(CustomStep(ug(m), d) for m, d in steps))


def formulary(*ids: str, quarters: bool = False) -> Formulary:
    drug = shipped_catalogue().drug("clonazepam")
    return Formulary(tuple(drug.product(i) for i in ids), allow_quarters=quarters)


def table(s: Schedule) -> list[tuple[str, int, str, str]]:
    """(start ISO date, days, daily mg, kind) for every row: what a clinician reads."""
    from taperdesk.model import format_mg

    return [(st.start.isoformat(), st.days, format_mg(st.daily_ug), st.kind) for st in s.steps]


def doses_by_day(s: Schedule) -> list[int]:
    """The daily dose of each day from the plan start to the day before the stop."""
    out: list[int] = []
    for st in s.steps:
        out += [st.daily_ug] * st.days
    return out


def sched(p: Plan) -> Schedule:
    return compute(p)


def same_as_from_nothing(plans: list[Plan]) -> int:
    """Each plan's schedule as the edits were made (re-planned incrementally from the
    schedules before it, compute's caches warm) is exactly what computing it from nothing
    gives: every row, date, dose, unit, note. Returns how many plans were compared."""
    from taperdesk.model.schedule import clear_caches

    got = [compute(p) for p in plans]
    for p, s in zip(plans, got, strict=True):
        clear_caches()
        full = compute(p)
        assert full is not s
        assert s.steps == full.steps
        assert (s.stop_date, s.start_ug, s.notes) == (full.stop_date, full.start_ug, full.notes)
        assert s == full
    return len(got)
