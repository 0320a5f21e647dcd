"""The records the store hands out: frozen values, read from one database row each."""

from __future__ import annotations

from datetime import date, datetime

from taperdesk.model import Plan
from taperdesk.model.appointments import Appointment
from taperdesk.model.record import record
from taperdesk.model.scales import Assessment


@record
class Patient:
    id: int
    name: str
    born: date | None
    clinic_id: str
    opioid: bool
    """Opioid co-prescription flagged (FDA boxed warnings; shown on plan and handout)."""
    archived: bool
    note: str = ""
    language: str = "en"
    """The language of the patient's handouts (a code of model.languages.LANGUAGES)."""


@record
class PlanRecord:
    id: int
    patient_id: int
    revision: int
    """The number of the plan's latest revision (1 for a new plan)."""
    plan: Plan
    active: bool
    title: str
    """E.g. 'Clonazepam taper from 2027-01-04'."""


@record
class Revision:
    plan_id: int
    revision: int
    plan: Plan
    who: str
    when: datetime
    """Timezone-aware, in the computer's local time."""
    why: str


@record
class AssessmentRecord:
    id: int
    patient_id: int
    assessment: Assessment
    who: str
    when: datetime


@record
class Acknowledgement:
    plan_id: int
    key: str
    """PlanWarning.key of the warning acknowledged."""
    code: str
    reason: str
    who: str
    when: datetime


@record
class Change:
    """One row of the append-only change log."""

    id: int
    who: str
    when: datetime
    patient_id: int | None
    plan_id: int | None
    what: str
    """Human-readable, e.g. 'Inserted a hold on 2027-02-01 for 14 days'."""


@record
class AppointmentRecord:
    id: int
    patient_id: int
    appointment: Appointment
    who: str
    when: datetime
