"""Synthetic data the suite makes for itself: a ~300-step plan and 10 000 patients.

Everything is deterministic (a fixed random seed), so two runs measure the
same work. Names are made up from short lists; no real person is meant.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from taperdesk.model import Hold, Plan, compute, make_protocol

PLAN_START = date(2027, 1, 4)
LONG_PLAN_PRODUCTS = ("clonazepam-sol-0.1",)
"""Clonazepam oral solution 0.5 mg/5 mL: doses in 0.1 mL (10 µg) steps, so tiny cuts."""


def long_plan(quick: bool = False) -> Plan:
    """A plan of at least 300 rows (quick: a short one for the smoke test).

    3 mg/day of clonazepam as oral solution, cutting 0.5 % of the current dose
    every 5 days (percent-current), with one 14-day hold already in it; the tiny
    cuts and 10 µg dose grid give 299 taper steps, and the hold splits one step
    into three rows. 5 days, not 7: 299 weekly steps would run past the 5-year
    TaperDesk limit (model/limits.py), which refuses such a plan.
    """
    if quick:
        protocol = make_protocol("nardi")
        plan = Plan("clonazepam", ("clonazepam-tab-0.5-us",), 2000, "morning-night",
                    PLAN_START, protocol)
    else:
        protocol = make_protocol("percent-current", percent=Decimal("0.5"), every_days=5)
        plan = Plan("clonazepam", LONG_PLAN_PRODUCTS, 3000, "morning-night", PLAN_START, protocol)
    schedule = compute(plan)
    hold_on = schedule.steps[len(schedule.steps) // 3].start + timedelta(days=2)
    return replace(plan, edits=(Hold(hold_on, 14, reason="synthetic hold"),))


def twelve_month_plan() -> Plan:
    """About a year: 2 mg/day, 10 % of the current dose every 28 days, tablets + ODT, a hold."""
    protocol = make_protocol("percent-current", percent=Decimal(10), every_days=28)
    products = ("clonazepam-tab-0.5-us", "clonazepam-tab-1-us", "clonazepam-odt-0.125")
    plan = Plan("clonazepam", products, 2000, "morning-night", PLAN_START, protocol)
    schedule = compute(plan)
    hold_on = schedule.steps[4].start
    return replace(plan, edits=(Hold(hold_on, 14, reason="symptoms at visit"),))


FIRST = (
    "Alex", "Ana", "Ben", "Carla", "Chen", "Dana", "Eli", "Emma", "Farah", "Gus", "Hana",
    "Ivan", "Jo", "Kai", "Lena", "Luis", "Mara", "Nico", "Olu", "Pia", "Raj", "Rosa", "Sam",
    "Tess", "Uma", "Vik", "Wen", "Yara", "Zoe", "Omar",
)
LAST = (
    "Adler", "Baker", "Costa", "Dubois", "Evans", "Fischer", "Garcia", "Haddad", "Ito",
    "Jensen", "Kowalski", "Lopez", "Meyer", "Nguyen", "Okafor", "Petrov", "Quinn", "Rossi",
    "Schmidt", "Tanaka", "Ulrich", "Varga", "Weber", "Xu", "Young", "Zhang", "Smith", "Novak",
    "Moreau", "Silva", "Brown", "Jones", "Müller", "Öztürk", "Łukasz", "Søren",
)


def patient_names(count: int, seed: int = 6) -> list[tuple[str, str, date]]:
    """``count`` (name, clinic id, birth date) triples, distinct names."""
    rng = random.Random(seed)
    out: list[tuple[str, str, date]] = []
    seen: set[str] = set()
    while len(out) < count:
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        if name in seen:
            name = f"{name}-{rng.choice(LAST)}"
        if name in seen:
            name = f"{name} {len(out)}"
        seen.add(name)
        born = date(1940, 1, 1) + timedelta(days=rng.randrange(0, 60 * 365))
        out.append((name, f"C{100000 + len(out):06d}", born))
    return out


SEARCHES = ("Rosa", "nov", "C10423", "Müll")
"""What a user looks for in the patient list: a first name, part of a surname, a clinic id."""


def keystrokes() -> list[str]:
    """The search text after each keystroke of typing every word of SEARCHES."""
    return [w[:n] for w in SEARCHES for n in range(1, len(w) + 1)]
