"""The pharmacy sheet: products, the units of each dose, quantities per prescription period."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from taperdesk.model import StepKind
from taperdesk.model.daily import TimedDose
from taperdesk.model.dispense import dispense, periods
from taperdesk.model.instructions import crossover_line, drug_title, drug_totals, unit_short
from taperdesk.model.plan import TIME_LABELS
from taperdesk.model.units import format_count, format_mg
from taperdesk.report.common import (
    HOLD_FILL,
    QUARTERS_NOTE,
    ReportError,
    build,
    grid_table,
    has_quarters,
    long_date,
    page_size,
    para,
    styles,
)
from taperdesk.report.context import HandoutInput

TITLE = "Pharmacy sheet"


FORM_NAMES = {"tablet": "tablet", "odt": "orally disintegrating tablet (ODT)",
              "solution": "oral solution", "capsule": "capsule"}


def _units(d: TimedDose, named: bool = False) -> str:
    """'0.75 mg: 1½ × 0.5 mg tablet': the model's wording with each product's kind named,
    so a tablet and an orally disintegrating tablet of one strength are not confused;
    ``named`` (a cross-over): '10 mg diazepam: 1 × 10 mg tablet'."""
    drug = f" {d.drug}" if named else ""
    return f"{format_mg(d.ug)} mg{drug}: " + " + ".join(
        f"{unit_short(u)} {FORM_NAMES.get(u.product.form, u.product.form)}" for u in d.units)


def pharmacy_sheet(inp: HandoutInput, period_days: int = 28) -> bytes:
    if not 1 <= period_days <= 365:
        raise ReportError("the prescription period must be 1–365 days")
    s = styles(inp.large_print)
    sched = inp.schedule
    page_size(inp.paper)  # a bad paper name is refused before any work
    story: list[Flowable] = [para(f"{TITLE}: {drug_title(sched)}", s.h1)]
    story.append(para(f"Patient: {inp.patient_name or '—'}. Plan {long_date(sched.plan.start)} "
                      f"to {long_date(sched.stop_date)} (first day with no dose).", s.body))
    story.append(para("Products", s.h2))
    rows: list[list[Any]] = [[para(h, s.cell_bold) for h in ("Product", "Form", "Splitting")]]
    if sched.crossover is not None:
        story.append(para(crossover_line(sched), s.body))
    for p in sched.products:
        split = ("liquid, measure to 0.1 mL" if p.is_liquid else
                 "scored: may be halved" if p.splittable else "do not split")
        rows.append([para(p.name, s.cell), p.form, para(split, s.cell)])
    story.append(grid_table(rows, [90 * mm, 25 * mm, None], s))
    if has_quarters(sched):
        story.append(para(QUARTERS_NOTE, s.body))
    story.append(para("Units per dose", s.h2))
    times = ("morning", "midday", "night")
    heads = ("Dates", "mg/day" if sched.crossover is None else "mg/day of each drug",
             *[TIME_LABELS[t] for t in times])
    rows = [[para(h, s.cell_bold) for h in heads]]
    shade = []
    for st in sched.steps:
        by_time = {d.time: _units(d, st.names_drugs) for d in st.doses}
        rows.append([para(f"{st.start.isoformat()} – {st.end.isoformat()}", s.cell),
                     para(drug_totals(st), s.cell)] +
                    [para(by_time.get(t, "—"), s.cell) for t in ("morning", "midday", "night")])
        if st.kind in (StepKind.HOLD, StepKind.BACK_STEP):
            shade.append(("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), HOLD_FILL))
    total_w = 16 if sched.crossover is None else 28
    story.append(grid_table(rows, [40 * mm, total_w * mm * s.scale, None, None, None], s,
                            extra=shade))
    story.append(para(f"Quantities per {period_days}-day period", s.h2))
    story.append(para("Part tablets (halves, quarters) are rounded up to whole tablets per "
                      "period.", s.small))
    rows = [[para(h, s.cell_bold) for h in ("Period", "Product", "Taken", "Dispense")]]
    for first, last in periods(sched, period_days):
        for item in dispense(sched, first, last):
            unit = "mL" if item.product.is_liquid else "tablets"
            taken = f"{item.taken} mL" if item.product.is_liquid else \
                f"{format_count(item.taken)} {unit}"
            supply = f"{item.dispense} mL" if item.product.is_liquid else \
                f"{item.dispense} {unit}"
            rows.append([para(f"{first.isoformat()} – {last.isoformat()}", s.cell),
                         para(item.product.name, s.cell), para(taken, s.cell),
                         para(supply, s.cell_bold)])
    story.append(grid_table(rows, [42 * mm, None, 30 * mm, 30 * mm], s))
    return build(inp, story, TITLE)
