"""Build a handout from the open patient and plan (records + settings) for preview/print."""

from __future__ import annotations

from taperdesk.report import ClinicInfo, HandoutInput
from taperdesk.ui.session import Session

CLINIC_KEYS = ("clinic_name", "clinic_phone", "next_appointment")


def handout_input(session: Session, *, large_print: bool = False) -> HandoutInput | None:
    """Everything a handout needs, read from the session and its store; None with no plan."""
    sched, patient, record = session.schedule, session.patient, session.record
    if sched is None or patient is None or record is None:
        return None
    store = session.store
    clinic = ClinicInfo(*(store.setting(k) for k in CLINIC_KEYS))
    acks = tuple((a.key, a.reason, a.who, a.when.isoformat())
                 for a in store.acknowledgements(record.id))
    changes = tuple((c.when.isoformat(), c.who, c.what)
                    for c in reversed(store.changes(patient_id=patient.id, limit=200)))
    return HandoutInput(
        schedule=sched,
        warnings=session.warnings,
        patient_name=patient.name,
        opioid=patient.opioid,
        clinic=clinic,
        assessments=tuple(r.assessment for r in session.assessments),
        acknowledgements=acks,
        changes=changes,
        paper=store.setting("paper", "a4"),
        large_print=large_print or store.setting("large_print") == "1",
    )
