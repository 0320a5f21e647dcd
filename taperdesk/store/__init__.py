"""Records: patients, plans, revisions and assessments in a local SQLite file.

Imports the model; never Qt or reportlab. See docs/RECORDS.md.

The demo patient and plan files are loaded when first named (``from taperdesk.store
import load_demo``, ``taperdesk.store.read_plan_file``): the window's start needs
neither, and it imports this package before its first paint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from taperdesk.paths import default_db_path
from taperdesk.store.errors import ConflictError, StoreError, StoreLocked
from taperdesk.store.opening import IntegrityCheck
from taperdesk.store.outputs import OutputRefused, write_output
from taperdesk.store.records import (
    Acknowledgement,
    AppointmentRecord,
    AssessmentRecord,
    Change,
    Patient,
    PlanRecord,
    Revision,
)
from taperdesk.store.roles import Permission, Role, User
from taperdesk.store.store import Store
from taperdesk.store.transfer import Imported

if TYPE_CHECKING:
    from taperdesk.store.demo import DEMO_NAME, load_demo
    from taperdesk.store.planfile import (
        PlanDocument,
        PlanFileError,
        read_plan_file,
        write_plan_file,
    )

_DEMO = ("DEMO_NAME", "load_demo")
_PLAN_FILE = ("PlanDocument", "PlanFileError", "read_plan_file", "write_plan_file")


def __getattr__(name: str) -> Any:
    """The demo's and the plan files' names, loaded when first asked for (PEP 562; static
    imports, so the bundle's analysis still finds the modules)."""
    if name in _DEMO:
        from taperdesk.store import demo

        value = getattr(demo, name)
    elif name in _PLAN_FILE:
        from taperdesk.store import planfile

        value = getattr(planfile, name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


__all__ = [
    "DEMO_NAME", "Acknowledgement", "AppointmentRecord", "AssessmentRecord", "Change",
    "ConflictError", "Imported", "IntegrityCheck", "OutputRefused", "Permission", "Role",
    "User", "write_output",
    "Patient", "PlanDocument", "PlanFileError", "PlanRecord", "Revision", "Store", "StoreError",
    "StoreLocked", "default_db_path", "load_demo", "read_plan_file", "write_plan_file",
]
