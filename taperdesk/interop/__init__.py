"""Exports that travel: the plan as an iCalendar file and as a FHIR R4 Bundle.

Imports ``taperdesk.model`` only (never Qt, the store or reportlab): the CLI and the
window hand it a schedule and plain patient data (docs/INTEROP.md).
"""

from __future__ import annotations

from taperdesk.interop.wording import DoseChange, dose_changes

FORMATS = {"json": "plan file (.taper.json)", "ics": "calendar (.ics)",
           "fhir": "FHIR R4 Bundle (.fhir.json)"}

__all__ = ["FORMATS", "DoseChange", "dose_changes"]
