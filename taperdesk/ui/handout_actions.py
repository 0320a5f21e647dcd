"""Handouts from the window: build a HandoutInput from the session and its records, make the
PDF with taperdesk.report and preview, print or save it with ui/printing.py.

reportlab and QtPdf are imported on first use, to keep the window's start-up short.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from taperdesk.store import StoreError
from taperdesk.ui.session import Session
from taperdesk.ui.translation import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from taperdesk.report import HandoutInput
    from taperdesk.ui.printing import PrintPreview

KINDS = {
    "patient": QT_TRANSLATE_NOOP("HandoutActions", "Patient handout"),
    "clinician": QT_TRANSLATE_NOOP("HandoutActions", "Clinician summary"),
    "pharmacy": QT_TRANSLATE_NOOP("HandoutActions", "Pharmacy sheet"),
}


def severe_refusal(session: Session) -> str:
    """Why no handout may be made yet ('' when one may): a severe warning of the open plan
    that is not acknowledged (SPEC.md, "Guardrails"; the Checks panel acknowledges it)."""
    from taperdesk.model import unacknowledged_severe

    record = session.record
    try:
        acked = [a.key for a in session.store.acknowledgements(record.id)] if record else []
    except StoreError as exc:
        return translate("HandoutActions", "The acknowledgements could not be read: {0}").format(
            exc
        )
    severe = unacknowledged_severe(session.warnings, acked)
    if not severe:
        return ""
    return translate(
        "HandoutActions",
        'No handout yet: the severe warning "{0}" is not acknowledged. Acknowledge it in '
        "Checks first (select it, then Acknowledge… with a reason).",
    ).format(severe[0].title)


def handout_input(session: Session, *, large_print: bool = False) -> HandoutInput | None:
    """Everything a handout needs, read from the session and its store; None with no plan."""
    from taperdesk.report import HandoutInput
    from taperdesk.report.context import handout_settings

    sched, patient, record = session.schedule, session.patient, session.record
    if sched is None or patient is None or record is None:
        return None
    store = session.store
    settings = handout_settings(store.setting)
    from datetime import date

    from taperdesk.printday import next_booked

    # The patient's own next booked appointment, else the clinic-wide setting.
    clinic = settings.clinic.booked(next_booked(store, patient.id, date.today()))
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
        paper=settings.paper,
        large_print=large_print or store.setting("large_print") == "1",
        born=patient.born,
        clinic_id=patient.clinic_id,
        week_start=settings.week_start,
        language=patient.language,
    )


def handout_pdf(session: Session, kind: str) -> bytes | None:
    """The PDF of one kind of handout for the open plan; None (and a message) without one."""
    from taperdesk.report import ReportError, clinician_summary, patient_handout, pharmacy_sheet

    if not session.ensure_current():  # never a handout from a plan older than the stored one
        return None
    refusal = severe_refusal(session)
    if refusal:
        session.show_error(refusal)
        return None
    try:
        inp = handout_input(session)
    except StoreError as exc:
        session.show_error(
            translate("HandoutActions", "The handout could not be made: {0}").format(exc)
        )
        return None
    if inp is None:
        session.show_error(translate("HandoutActions", "Open a patient with a plan first."))
        return None
    make = {"patient": patient_handout, "clinician": clinician_summary,
            "pharmacy": pharmacy_sheet}[kind]
    try:
        return make(inp)
    except ReportError as exc:  # e.g. a paper size typed into the records by hand
        session.show_error(
            translate("HandoutActions", "The {0} could not be made: {1}").format(
                translate("HandoutActions", KINDS[kind]).lower(), exc
            )
        )
        return None


def file_name(session: Session, kind: str) -> str:
    who = session.patient.name if session.patient else "plan"
    return translate("HandoutActions", "{0}-{1}.pdf").format(kind, who).replace(" ", "_")


def preview(session: Session, parent: QWidget, kind: str = "patient") -> PrintPreview | None:
    """Show the print preview of a handout (non-modal); returns the dialog."""
    from taperdesk.ui import printing

    pdf = handout_pdf(session, kind)
    if pdf is None:
        return None
    return printing.preview_pdf(
        pdf, parent, translate("HandoutActions", KINDS[kind]), file_name(session, kind)
    )


# -- missing details: asked once before a patient handout is printed or saved -----------

PRINT_ANYWAY = QT_TRANSLATE_NOOP("HandoutActions", "Print anyway")


def details_ok(session: Session, parent: QWidget, kind: str) -> bool:
    """Whether to go on: a patient handout without the clinic's phone, or with a next
    appointment before the plan starts, is pointed out in one question ("Print anyway"
    or Cancel). The handout says so too, so printing anyway is safe."""
    from PySide6.QtWidgets import QMessageBox

    from taperdesk.report.context import notices
    from taperdesk.ui import dialogs

    if kind != "patient":
        return True
    try:
        inp = handout_input(session)
    except StoreError:
        return True  # handout_pdf says what is wrong
    said = notices(inp) if inp is not None else []
    if not said:
        return True
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        translate("HandoutActions", "Check the handout's details"),
        "\n\n".join(said)
        + translate("HandoutActions", "\n\nClinic details are in File ▸ Settings."),
        QMessageBox.StandardButton.Cancel,
        parent,
    )
    anyway = box.addButton(
        translate("HandoutActions", PRINT_ANYWAY), QMessageBox.ButtonRole.AcceptRole
    )
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    dialogs.run(box)  # through the one place every dialog is shown (tests answer it)
    return box.clickedButton() is anyway


def print_handout(session: Session, parent: QWidget, kind: str = "patient") -> bool:
    from taperdesk.ui import printing

    if not details_ok(session, parent, kind):
        return False
    pdf = handout_pdf(session, kind)
    return pdf is not None and bool(printing.print_pdf(pdf, parent))


def save_handout(session: Session, parent: QWidget, kind: str = "patient") -> None:
    from taperdesk.ui import printing

    if not details_ok(session, parent, kind):
        return
    pdf = handout_pdf(session, kind)
    if pdf is not None:
        printing.save_pdf_as(pdf, parent, file_name(session, kind))
