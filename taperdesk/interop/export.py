"""One export, whatever its format: the bytes the CLI and the window write."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from taperdesk.interop.fhir import PatientLike
from taperdesk.model.appointments import Appointment
from taperdesk.model.schedule import Schedule

SUFFIXES = {"ics": ".ics", "fhir": ".fhir.json"}
WHAT = {"ics": "calendar", "fhir": "FHIR R4 Bundle"}


def appointments_of(records: object, patient_id: int) -> tuple[Appointment, ...]:
    """The patient's booked appointments (``Store.appointments(patient_id)``, records that
    carry a ``model.appointments.Appointment``). Duck-typed so this package never imports
    the store."""
    read = getattr(records, "appointments", None)
    if not callable(read):
        return ()
    return tuple(getattr(r, "appointment", r) for r in read(patient_id))


def export_bytes(
    fmt: str,
    schedule: Schedule,
    patient: PatientLike,
    *,
    plan_id: int,
    revision: int = 0,
    appointments: Iterable[Appointment] = (),
    today: date | None = None,
) -> bytes:
    """The ``ics`` or ``fhir`` export of a patient's plan record.

    UIDs and Bundle ids are made from the patient (clinic ID, else name) and the plan's
    record id, so the same plan exported again keeps them (a calendar updates its
    events); ``revision`` is the calendar events' SEQUENCE."""
    from taperdesk.interop.ical import plan_key

    key = plan_key(schedule, patient.clinic_id or patient.name, f"plan{plan_id}")
    if fmt == "ics":
        from taperdesk.interop.ical import plan_calendar

        return plan_calendar(schedule, patient.name, key=key, revision=revision,
                             appointments=appointments)
    if fmt == "fhir":
        from taperdesk.interop.fhir import bundle_json, plan_bundle

        return bundle_json(plan_bundle(schedule, patient, key=key,
                                       authored=today or date.today()))
    raise ValueError(f"unknown export format {fmt!r} (ics or fhir)")
