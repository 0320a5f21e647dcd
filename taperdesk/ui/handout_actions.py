"""Handouts from the window: build a HandoutInput from the session and its records, make the
PDF with taperdesk.report and preview, print or save it with ui/printing.py.

reportlab and QtPdf are imported on first use, to keep the window's start-up short.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from taperdesk.store import StoreError
from taperdesk.ui.session import Session

if TYPE_CHECKING:
    from taperdesk.report import HandoutInput
    from taperdesk.ui.printing import PrintPreview

CLINIC_KEYS = ("clinic_name", "clinic_phone", "next_appointment")
KINDS = {"patient": "Patient handout", "clinician": "Clinician summary",
         "pharmacy": "Pharmacy sheet"}


def handout_input(session: Session, *, large_print: bool = False) -> HandoutInput | None:
    """Everything a handout needs, read from the session and its store; None with no plan."""
    from taperdesk.report import ClinicInfo, HandoutInput

    sched, patient, record = session.schedule, session.patient, session.record
    if sched is None or patient is None or record is None:
        return None
    store = session.store
    from datetime import date

    from taperdesk.printday import next_appointment_text

    clinic = ClinicInfo(store.setting("clinic_name"), store.setting("clinic_phone"),
                        next_appointment_text(store, patient.id, date.today()))
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


def handout_pdf(session: Session, kind: str) -> bytes | None:
    """The PDF of one kind of handout for the open plan; None (and a message) without one."""
    from taperdesk.report import ReportError, clinician_summary, patient_handout, pharmacy_sheet

    try:
        inp = handout_input(session)
    except StoreError as exc:
        session.error.emit(f"The handout could not be made: {exc}")
        return None
    if inp is None:
        session.error.emit("Open a patient with a plan first.")
        return None
    make = {"patient": patient_handout, "clinician": clinician_summary,
            "pharmacy": pharmacy_sheet}[kind]
    try:
        return make(inp)
    except ReportError as exc:  # e.g. a paper size typed into the records by hand
        session.error.emit(f"The {KINDS[kind].lower()} could not be made: {exc}")
        return None


def file_name(session: Session, kind: str) -> str:
    who = session.patient.name if session.patient else "plan"
    return f"{kind}-{who}.pdf".replace(" ", "_")


def preview(session: Session, parent: QWidget, kind: str = "patient") -> PrintPreview | None:
    """Show the print preview of a handout (non-modal); returns the dialog."""
    from taperdesk.ui import printing

    pdf = handout_pdf(session, kind)
    if pdf is None:
        return None
    return printing.preview_pdf(pdf, parent, KINDS[kind], file_name(session, kind))


def print_handout(session: Session, parent: QWidget, kind: str = "patient") -> bool:
    from taperdesk.ui import printing

    pdf = handout_pdf(session, kind)
    return pdf is not None and bool(printing.print_pdf(pdf, parent))


def save_handout(session: Session, parent: QWidget, kind: str = "patient") -> None:
    from taperdesk.ui import printing

    pdf = handout_pdf(session, kind)
    if pdf is not None:
        printing.save_pdf_as(pdf, parent, file_name(session, kind))
