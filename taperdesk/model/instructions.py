"""How a dose is taken, in words: one wording for the table, the CLI and the handouts."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from taperdesk.model.daily import TimedDose
from taperdesk.model.doses import Unit
from taperdesk.model.plan import TIME_LABELS
from taperdesk.model.schedule import Step
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


def dose_short(d: TimedDose) -> str:
    """'0.75 mg: 1½ × 0.5 mg'."""
    return f"{format_mg(d.ug)} mg: " + " + ".join(unit_short(u) for u in d.units)


def dose_plain(d: TimedDose) -> str:
    """'Morning: 1½ tablets of 0.5 mg (0.75 mg)'."""
    units = " and ".join(unit_plain(u) for u in d.units)
    return f"{TIME_LABELS[d.time]}: {units} ({format_mg(d.ug)} mg)"


def step_short(step: Step) -> str:
    """All doses of a step: 'Morning 0.75 mg (1½ × 0.5 mg); Bedtime ...'."""
    return "; ".join(
        f"{TIME_LABELS[d.time]} {format_mg(d.ug)} mg ("
        + " + ".join(unit_short(u) for u in d.units) + ")"
        for d in step.doses
    )


def long_date(d: date) -> str:
    """'Mon 4 January 2027': the date as the handouts and the calendar export write it."""
    return f"{WEEKDAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]} {d.year}"
