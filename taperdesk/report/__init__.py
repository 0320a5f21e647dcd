"""Handouts as PDF bytes (reportlab): imports the model only, never Qt or the store.

The names load on first use, so ``taperdesk.report.context`` (plain data: what a handout
is made from, the clinic settings it reads) is importable without loading reportlab, as
the command line's option help and the window's settings dialog need it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from taperdesk.report.context import ClinicInfo, HandoutInput

if TYPE_CHECKING:
    from taperdesk.report.clinician import clinician_summary
    from taperdesk.report.common import ReportError
    from taperdesk.report.patient import patient_handout
    from taperdesk.report.pharmacy import pharmacy_sheet

_WHERE = {"clinician_summary": "clinician", "ReportError": "common",
          "patient_handout": "patient", "pharmacy_sheet": "pharmacy"}


def __getattr__(name: str) -> Any:
    if name == "KINDS":
        from taperdesk.report.clinician import clinician_summary
        from taperdesk.report.patient import patient_handout
        from taperdesk.report.pharmacy import pharmacy_sheet

        return {"patient": patient_handout, "clinician": clinician_summary,
                "pharmacy": pharmacy_sheet}
    if name in _WHERE:
        import importlib

        return getattr(importlib.import_module(f"taperdesk.report.{_WHERE[name]}"), name)
    raise AttributeError(f"module 'taperdesk.report' has no attribute {name!r}")


__all__ = ["KINDS", "ClinicInfo", "HandoutInput", "ReportError", "clinician_summary",
           "patient_handout", "pharmacy_sheet"]
