"""The taper model: pure Python, no Qt, no reportlab, no sqlite3.

Plans are frozen values; operations return new plans; the schedule is a pure
function of the plan; guardrails and scales are pure functions too.
"""

from __future__ import annotations

from taperdesk.model.catalogue import Catalogue, CatalogueError, Drug, Product, load_catalogue
from taperdesk.model.daily import TimedDose
from taperdesk.model.dispense import Dispensed, dispense, periods
from taperdesk.model.doses import Formulary, MadeDose, Unit
from taperdesk.model.errors import PlanError
from taperdesk.model.guardrails import PlanWarning, check, unacknowledged_severe
from taperdesk.model.holds import (
    describe_symptom_hold,
    holds_by_date,
    in_date_order,
    symptom_hold,
    symptom_hold_days,
)
from taperdesk.model.operations import (
    back_step,
    insert_hold,
    remove_edit,
    remove_hold,
    set_protocol,
    set_step_days,
    set_step_dose,
    snap_dose,
    update_plan,
)
from taperdesk.model.plan import SPLITS, TIME_LABELS, TIMES, BackStep, Hold, Pin, Plan
from taperdesk.model.protocols import (
    PROTOCOLS,
    CustomStep,
    Protocol,
    ProtocolId,
    make_protocol,
)
from taperdesk.model.schedule import Schedule, Step, StepKind, compute
from taperdesk.model.units import DoseError, format_mg, parse_mg

__all__ = [
    "PROTOCOLS", "SPLITS", "TIMES", "TIME_LABELS", "BackStep", "Catalogue", "CatalogueError",
    "CustomStep", "Dispensed", "DoseError", "Drug", "Formulary", "Hold", "MadeDose", "Pin",
    "Plan", "PlanError", "PlanWarning", "Product", "Protocol", "ProtocolId", "Schedule", "Step",
    "StepKind", "TimedDose",
    "Unit", "back_step", "check", "compute", "describe_symptom_hold", "dispense", "format_mg",
    "holds_by_date", "in_date_order", "insert_hold", "load_catalogue", "make_protocol",
    "parse_mg", "periods", "remove_edit", "remove_hold", "set_protocol", "set_step_days",
    "set_step_dose", "snap_dose", "symptom_hold", "symptom_hold_days", "unacknowledged_severe",
    "update_plan",
]
