"""Dispensing per prescription period: units taken, halves rounded up to whole tablets."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from model_helpers import plan

from taperdesk.model import compute, dispense, periods


def amounts(s: object, first: date, last: date) -> dict[str, tuple[str, str]]:
    return {d.product.id: (str(d.taken), str(d.dispense))
            for d in dispense(s, first, last)}  # type: ignore[arg-type]


def test_nardi_from_3_mg_in_28_day_periods() -> None:
    s = compute(plan("nardi", "3"))
    assert periods(s, 28) == [
        (date(2027, 1, 4), date(2027, 1, 31)),
        (date(2027, 2, 1), date(2027, 2, 28)),
        (date(2027, 3, 1), date(2027, 3, 21)),
    ]
    # Days 1-14: 2.5 mg = 2 mg + 0.5 mg; days 15-28: one 2 mg tablet.
    assert amounts(s, date(2027, 1, 4), date(2027, 1, 31)) == {
        "clonazepam-tab-2-us": ("28", "28"),
        "clonazepam-tab-0.5-us": ("14", "14"),
    }
    # The last 3 weeks: 1½, 1 and ½ of a 0.5 mg tablet a day, 7 days each: 21 tablets.
    assert amounts(s, date(2027, 3, 1), date(2027, 3, 21)) == {
        "clonazepam-tab-0.5-us": ("21.0", "21")
    }


def test_halves_are_rounded_up_to_whole_tablets() -> None:
    s = compute(plan("nardi", "3"))
    got = dispense(s, date(2027, 3, 1), date(2027, 3, 7))  # 7 x 1½ tablets
    assert [(d.taken, d.dispense) for d in got] == [(Decimal("10.5"), Decimal(11))]


def test_liquid_is_dispensed_in_ml_and_empty_ranges_give_nothing() -> None:
    s = compute(plan("nardi", "1", products=("clonazepam-sol-0.1",)))
    got = dispense(s, date(2027, 1, 4), date(2027, 1, 10))  # 0.75 mg = 7.5 mL a day
    assert [(d.taken, d.dispense) for d in got] == [(Decimal("52.5"), Decimal("52.5"))]
    assert dispense(s, date(2027, 1, 10), date(2027, 1, 4)) == ()
    assert dispense(s, date(2026, 1, 1), date(2026, 1, 31)) == ()
