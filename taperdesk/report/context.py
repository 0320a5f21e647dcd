"""What a handout is made from: plain model data, no Qt and no database."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from taperdesk.model.guardrails import PlanWarning
from taperdesk.model.scales import Assessment
from taperdesk.model.schedule import Schedule

PAPERS = ("a4", "letter")


@dataclass(frozen=True)
class ClinicInfo:
    name: str = ""
    phone: str = ""
    next_appointment: str = ""
    """Free text or an ISO date (YYYY-MM-DD)."""

    @property
    def next_date(self) -> date | None:
        try:
            return date.fromisoformat(self.next_appointment.strip())
        except ValueError:
            return None


@dataclass(frozen=True)
class HandoutInput:
    schedule: Schedule
    warnings: tuple[PlanWarning, ...] = ()
    patient_name: str = ""
    opioid: bool = False
    clinic: ClinicInfo = field(default_factory=ClinicInfo)
    assessments: tuple[Assessment, ...] = ()
    acknowledgements: tuple[tuple[str, str, str, str], ...] = ()
    """(warning key, reason, who, when ISO)."""
    changes: tuple[tuple[str, str, str], ...] = ()
    """(when ISO, who, what)."""
    diary_scale: str = "checklist"
    diary_days: int = 28
    diary_start: date | None = None
    """First day of the symptom diary; default: the plan's start."""
    paper: str = "a4"
    large_print: bool = False
