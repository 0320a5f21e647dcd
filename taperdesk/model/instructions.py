"""How a dose is taken, in words: one wording for the table, the CLI and the handouts."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from taperdesk.model.daily import TimedDose
from taperdesk.model.doses import Unit
from taperdesk.model.plan import TIME_LABELS
from taperdesk.model.schedule import Schedule, Step
from taperdesk.model.units import format_count, format_mg

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_NOUN = {"tablet": "tablet", "odt": "melt-in-the-mouth tablet", "capsule": "capsule"}


def unit_short(u: Unit) -> str:
    """'1½ × 0.5 mg' or '7.5 mL of 0.5 mg/5 mL' (tables, the CLI)."""
    if u.product.is_liquid:
        return f"{u.ml} mL of {format_mg(u.product.ug_per_ml * 5)} mg/5 mL"
    return f"{format_count(u.count)} × {format_mg(u.product.strength_ug)} mg"


def unit_plain(u: Unit) -> str:
    """'1½ tablets of 0.5 mg' (patient handout: plain words)."""
    p = u.product
    if p.is_liquid:
        return f"{u.ml} mL of the liquid ({format_mg(p.ug_per_ml * 5)} mg in 5 mL)"
    noun = _NOUN.get(p.form, "tablet")
    plural = "" if u.count <= Decimal(1) else "s"
    return f"{format_count(u.count)} {noun}{plural} of {format_mg(p.strength_ug)} mg"


def _drug(d: TimedDose, named: bool) -> str:
    """' diazepam' after a dose's mg when two drugs share the day (a cross-over)."""
    return f" {d.drug}" if named else ""


def dose_short(d: TimedDose, named: bool = False) -> str:
    """'0.75 mg: 1½ × 0.5 mg' ('10 mg diazepam: 1 × 10 mg' when ``named``)."""
    return f"{format_mg(d.ug)} mg{_drug(d, named)}: " + " + ".join(unit_short(u) for u in d.units)


def dose_plain(d: TimedDose, named: bool = False) -> str:
    """'Morning: 1½ tablets of 0.5 mg (0.75 mg)'; ``named``: '... of 10 mg diazepam (10 mg)'."""
    units = " and ".join(unit_plain(u) + _drug(d, named) for u in d.units)
    return f"{TIME_LABELS[d.time]}: {units} ({format_mg(d.ug)} mg)"


def step_short(step: Step) -> str:
    """All doses of a step: 'Morning 0.75 mg (1½ × 0.5 mg); Bedtime ...'."""
    return "; ".join(
        f"{TIME_LABELS[d.time]} {format_mg(d.ug)} mg{_drug(d, step.names_drugs)} ("
        + " + ".join(unit_short(u) for u in d.units) + ")"
        for d in step.doses
    )


def daily_text(step: Step) -> str:
    """'1.5 mg a day'; a cross-over step: 'lorazepam 2 mg and diazepam 10 mg a day'."""
    if not step.names_drugs:
        return f"{format_mg(step.daily_ug)} mg a day"
    return " and ".join(f"{drug} {format_mg(step.drug_ug(drug))} mg"
                        for drug in step.drugs) + " a day"


def drug_totals(step: Step) -> str:
    """A day's total as the calendar writes it: '1.5 mg'; a cross-over step names each drug:
    'lorazepam 2 mg + diazepam 10 mg'."""
    if not step.names_drugs:
        return f"{format_mg(step.daily_ug)} mg"
    return " + ".join(f"{drug} {format_mg(step.drug_ug(drug))} mg" for drug in step.drugs)


def crossover_line(schedule: Schedule) -> str:
    """'Cross-over from lorazepam 3 mg/day (30 mg/day diazepam-equivalent; ASAM 2025 Table 7,
    Ashton column ...)' for the clinician summary and pharmacy sheet; '' without one."""
    xo = schedule.crossover
    if xo is None:
        return ""
    return (f"Cross-over from {xo.from_drug.id} {format_mg(xo.start_made_ug)} mg/day "
            f"({format_mg(schedule.start_ug)} mg/day diazepam-equivalent; {xo.source}), "
            f"then a diazepam taper.")


def drug_title(schedule: Schedule) -> str:
    """'Clonazepam'; a cross-over: 'Lorazepam to diazepam' (titles of handouts and exports)."""
    xo = schedule.crossover
    return schedule.drug.name if xo is None else f"{xo.from_drug.name} to {xo.to_drug.id}"


def long_date(d: date) -> str:
    """'Mon 4 January 2027': the date as the handouts and the calendar export write it."""
    return f"{WEEKDAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]} {d.year}"
