"""Handouts as PDF bytes (reportlab): imports the model only, never Qt or the store."""

from __future__ import annotations

from taperdesk.report.clinician import clinician_summary
from taperdesk.report.common import ReportError
from taperdesk.report.context import ClinicInfo, HandoutInput
from taperdesk.report.patient import patient_handout
from taperdesk.report.pharmacy import pharmacy_sheet

KINDS = {"patient": patient_handout, "clinician": clinician_summary, "pharmacy": pharmacy_sheet}

__all__ = ["KINDS", "ClinicInfo", "HandoutInput", "ReportError", "clinician_summary",
           "patient_handout", "pharmacy_sheet"]
