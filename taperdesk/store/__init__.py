"""Records: patients, plans, revisions and assessments in a local SQLite file.

Imports the model; never Qt or reportlab. See docs/RECORDS.md.
"""

from __future__ import annotations

from taperdesk.paths import default_db_path
from taperdesk.store.demo import DEMO_NAME, load_demo
from taperdesk.store.errors import ConflictError, StoreError, StoreLocked
from taperdesk.store.opening import IntegrityCheck
from taperdesk.store.outputs import OutputRefused, write_output
from taperdesk.store.planfile import (
    PlanDocument,
    PlanFileError,
    read_plan_file,
    write_plan_file,
)
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

__all__ = [
    "DEMO_NAME", "Acknowledgement", "AppointmentRecord", "AssessmentRecord", "Change",
    "ConflictError", "Imported", "IntegrityCheck", "OutputRefused", "Permission", "Role",
    "User", "write_output",
    "Patient", "PlanDocument", "PlanFileError", "PlanRecord", "Revision", "Store", "StoreError",
    "StoreLocked", "default_db_path", "load_demo", "read_plan_file", "write_plan_file",
]
