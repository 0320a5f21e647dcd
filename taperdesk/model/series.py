"""A schedule as chart lines: the daily total and, for a cross-over, one line per drug.

Shared by the window's chart (taperdesk/ui) and the clinician summary's chart
(taperdesk/report), so both draw the same numbers. x is days from the plan's start, y mg.
"""

from __future__ import annotations

from decimal import Decimal

from taperdesk.model.record import record
from taperdesk.model.schedule import Schedule


@record
class Series:
    key: str
    """The drug id, or 'total' for a cross-over's diazepam-equivalent total."""
    label: str
    points: tuple[tuple[int, Decimal], ...]
    """Corners of a step curve: (day, mg) at each step's first day and the day after it."""


def drug_lines(schedule: Schedule) -> tuple[Series, ...]:
    """One step curve per drug of a cross-over, then the diazepam-equivalent total; empty
    for a single-drug plan (its one line is the daily dose)."""
    xo = schedule.crossover
    if xo is None:
        return ()
    origin = schedule.plan.start
    out = []
    for drug in schedule.drugs:
        start = xo.start_made_ug if drug == xo.from_drug.id else 0
        pts = [(-1, _mg(start))]
        for s in schedule.steps:
            x0 = (s.start - origin).days
            pts += [(x0, _mg(s.drug_ug(drug))), (x0 + s.days, _mg(s.drug_ug(drug)))]
        pts.append(((schedule.stop_date - origin).days, Decimal(0)))
        name = xo.from_drug.name if drug == xo.from_drug.id else xo.to_drug.name
        out.append(Series(drug, f"{name} (mg/day)", tuple(pts)))
    total = [(-1, _mg(schedule.start_ug))]
    for s in schedule.steps:
        x0 = (s.start - origin).days
        total += [(x0, _mg(s.daily_ug)), (x0 + s.days, _mg(s.daily_ug))]
    total.append(((schedule.stop_date - origin).days, Decimal(0)))
    out.append(Series("total", "Diazepam-equivalent total (mg/day)", tuple(total)))
    return tuple(out)


def _mg(ug: int) -> Decimal:
    return Decimal(ug) / 1000
