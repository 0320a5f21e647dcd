"""`taperdesk export --format ics|fhir`: the plan as a calendar or a FHIR R4 Bundle.

Bad input (an unknown patient, one without a plan, an output file that exists without
--force) exits 2 with one line, and nothing is written.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from taperdesk.interop.export import WHAT, appointments_of, export_bytes
from taperdesk.model import CatalogueError, DoseError, PlanError, compute
from taperdesk.store import Store, StoreError
from taperdesk.store.outputs import write_output
from taperdesk.store.records import PlanRecord


def run_interop(args: argparse.Namespace, store: Store,
                resolve: Callable[[Store, str], PlanRecord]) -> int:
    from taperdesk.cli import UsageError

    out: Path = args.output
    if out.is_dir():
        raise UsageError(f"{out} is a folder; give a file name such as plan.ics")
    if not out.parent.is_dir():
        raise UsageError(f"the folder {out.parent} does not exist")
    with store:
        try:
            record = resolve(store, args.ref)
            patient = store.patient(record.patient_id)
            schedule = compute(record.plan, store.catalogue)
            data = export_bytes(args.format, schedule, patient, plan_id=record.id,
                                revision=record.revision,
                                appointments=appointments_of(store, patient.id))
        except (StoreError, PlanError, CatalogueError, DoseError) as exc:
            raise UsageError(" ".join(str(exc).split())) from None
    if not schedule.steps:
        raise UsageError(f"plan {record.id} of {patient.name} has no steps to export")
    try:
        write_output(out, data, force=args.force, protect=(store.path,))
    except StoreError as exc:
        raise UsageError(f"nothing written: {exc}") from None
    print(f"Exported plan {record.id} (revision {record.revision}, {record.title}) of "
          f"{patient.name} as a {WHAT[args.format]} to {out}")
    return 0
