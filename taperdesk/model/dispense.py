"""Dispensing: how much of each product a date range of the schedule uses."""

from __future__ import annotations

import math
from datetime import date, timedelta
from decimal import Decimal

from taperdesk.model.catalogue import Product
from taperdesk.model.record import record
from taperdesk.model.schedule import Schedule


@record
class Dispensed:
    product: Product
    taken: Decimal
    """Tablets (0.5 = half) or mL the patient takes in the range."""
    dispense: Decimal
    """What to supply: tablets rounded up to whole ones; mL to 0.1 mL."""


def dispense(schedule: Schedule, first: date, last: date) -> tuple[Dispensed, ...]:
    """Totals per product for the days ``first``..``last`` (inclusive), halves rounded up."""
    if last < first:
        return ()
    taken: dict[str, Decimal] = {}
    products: dict[str, Product] = {}
    for step in schedule.steps:
        lo = max(first, step.start)
        hi = min(last, step.end)
        if hi < lo:
            continue
        days = (hi - lo).days + 1
        for dose in step.doses:
            for u in dose.units:
                amount = u.ml if u.product.is_liquid else u.count
                taken[u.product.id] = taken.get(u.product.id, Decimal(0)) + amount * days
                products[u.product.id] = u.product
    out = []
    # By drug (a cross-over's own drug first, then diazepam), then tablets before liquid.
    order = {drug: i for i, drug in enumerate(schedule.drugs)}
    for pid in sorted(taken, key=lambda p: (order.get(products[p].drug, len(order)),
                                            products[p].is_liquid, -products[p].strength_ug, p)):
        t = taken[pid]
        supply = t if products[pid].is_liquid else Decimal(math.ceil(t))
        out.append(Dispensed(products[pid], t, supply))
    return tuple(out)


def periods(schedule: Schedule, days: int) -> list[tuple[date, date]]:
    """Consecutive prescription periods of ``days`` days covering the schedule."""
    out = []
    day = schedule.plan.start
    while day < schedule.stop_date:
        end = min(day + timedelta(days=days - 1), schedule.stop_date - timedelta(days=1))
        out.append((day, end))
        day = end + timedelta(days=1)
    return out
