"""`taperdesk export` / `taperdesk import` / `taperdesk backup`: plan files and copies.

Built on taperdesk.store. Bad input (an unknown patient, a bad plan file, a
records file that is not TaperDesk's) exits 2 with one line and changes nothing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from taperdesk.cli.signing import add_user_option, sign_in
from taperdesk.model import CatalogueError, load_catalogue
from taperdesk.model.catalogue import Catalogue
from taperdesk.paths import default_db_path, is_server_uri, records_location
from taperdesk.store import PlanFileError, Store, StoreError, read_plan_file, write_plan_file
from taperdesk.store.outputs import check_output
from taperdesk.store.records import PlanRecord


def add_db(p: argparse.ArgumentParser, products: bool = True) -> None:
    p.add_argument("--db", metavar="PATH-OR-URI", type=records_location, default=None,
                   help=f"the records file (default: {default_db_path()}), or the clinic "
                        "server as postgresql://USER@HOST/DATABASE (docs/SERVER.md)")
    add_user_option(p)
    if products:
        p.add_argument("--products-file", metavar="FILE", type=Path,
                       help="the clinic's own products file, if its plans use those products")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    ex = sub.add_parser(
        "export",
        help="write a patient's plan to a plan file, a calendar (.ics) or FHIR",
        description="Write a plan (its latest revision) and its patient's name to a plan file, "
                    "or the plan as a calendar for the patient's phone (--format ics) or as a "
                    "FHIR R4 Bundle for an EHR (--format fhir); see docs/INTEROP.md.",
        epilog="PATIENT-OR-PLAN is a patient id, a clinic ID, a patient's full name, or "
               "plan:ID.\nexamples:\n  taperdesk export 'Demo Patient (example)' -o demo.taper.json"
               "\n  taperdesk export DEMO-1 --format ics -o plan.ics"
               "\n  taperdesk export DEMO-1 --format fhir -o plan.fhir.json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ex.add_argument("ref", metavar="PATIENT-OR-PLAN")
    ex.add_argument("-o", "--output", metavar="FILE", type=Path, required=True,
                    help="the file to write (e.g. plan.taper.json, plan.ics, plan.fhir.json); "
                         "never the records file")
    ex.add_argument("--format", choices=["json", "ics", "fhir"], default="json",
                    help="json: the plan file (default); ics: calendar; fhir: FHIR R4 Bundle")
    add_force(ex)
    add_db(ex)
    ex.set_defaults(run=run_export)

    im = sub.add_parser(
        "import",
        help="add the plan in a plan file to the records",
        description="Check a plan file completely, then add its plan as the active plan of its "
                    "patient (found by clinic ID or exact name, or created). A bad file is "
                    "refused and nothing is imported.",
    )
    im.add_argument("file", metavar="FILE", type=Path)
    im.add_argument("--patient", metavar="PATIENT",
                    help="import for this patient (id, clinic ID or full name) instead")
    add_db(im)
    im.set_defaults(run=run_import)

    bk = sub.add_parser(
        "backup",
        help="write a consistent copy of the records file (or of the clinic server)",
        description="Copy the records file safely, even while TaperDesk is open (mode 0600). "
                    "With --db postgresql://…, the server's records at one moment are "
                    "copied into a new records file.",
    )
    bk.add_argument("-o", "--output", metavar="FILE", type=Path, required=True,
                    help="the copy to write (a new file; never the records file itself)")
    add_force(bk)
    add_db(bk, products=False)
    bk.set_defaults(run=run_backup)


def add_force(p: argparse._ActionsContainer) -> None:
    p.add_argument("--force", action="store_true",
                   help="replace the output file if it exists (never a records file)")


def checked_output(args: argparse.Namespace, *protect: Path, records_ok: bool = False) -> Path:
    """``args.output`` if it may be written (store/outputs.py), else a one-line UsageError."""
    from taperdesk.cli import UsageError

    try:
        return check_output(args.output, force=args.force, protect=protect,
                            records_ok=records_ok)
    except StoreError as exc:
        raise UsageError(f"nothing written: {exc}") from None


def db_path(args: argparse.Namespace) -> Path:
    """The records file that outputs must never overwrite: --db's file, or with the clinic
    server this PC's default records file."""
    where = args.db or default_db_path()
    return default_db_path() if is_server_uri(where) else Path(where).expanduser().absolute()


def catalogue(args: argparse.Namespace) -> Catalogue:
    from taperdesk.cli import UsageError

    products_file = getattr(args, "products_file", None)
    if products_file is not None and not products_file.is_file():
        raise UsageError(f"--products-file {str(products_file)!r} does not exist")
    try:
        return load_catalogue(products_file)
    except CatalogueError as exc:
        raise UsageError(str(exc)) from None


def _open(args: argparse.Namespace, *, create: bool) -> Store:
    from taperdesk.cli import UsageError

    try:
        store = Store.open(args.db or default_db_path(), create=create,
                           catalogue=catalogue(args))
    except StoreError as exc:
        raise UsageError(str(exc)) from None
    try:
        sign_in(store, args.user)
    except BaseException:
        store.close()
        raise
    for notice in store.notices:
        print(f"taperdesk: note: {notice}", file=sys.stderr)
    for problem in store.opening_problems:
        print(f"taperdesk: warning: the records at {store.location} do not verify: {problem}. "
              f"Run 'taperdesk verify --db {store.location}'.", file=sys.stderr)
    return store


def _resolve(store: Store, ref: str) -> PlanRecord:
    """The plan that PATIENT-OR-PLAN names (a patient's active plan)."""
    text = ref.strip()
    if text.lower().startswith("plan:"):
        number = text[5:].strip()
        if not number.isdigit():
            raise StoreError(f"{ref!r}: write plan:ID with a plan number, e.g. plan:3")
        return store.plan_record(int(number))
    return store.active_plan(_patient_id(store, text)) or _no_plan(store, text)


def _patient_id(store: Store, ref: str) -> int:
    found = store.find_patients(ref)
    if not found:
        raise StoreError(f"no patient with the id, clinic ID or name {ref!r}")
    if len(found) > 1:
        ids = ", ".join(str(p.id) for p in found)
        raise StoreError(f"{len(found)} patients are named {ref!r} (ids {ids}); give the id")
    return found[0].id


def _no_plan(store: Store, ref: str) -> PlanRecord:
    p = store.patient(_patient_id(store, ref))
    raise StoreError(f"{p.name} (patient {p.id}) has no active plan")


def run_export(args: argparse.Namespace) -> int:
    from taperdesk.cli import UsageError

    out = checked_output(args, db_path(args))
    if args.format != "json":
        from taperdesk.cli.export_cmd import run_interop

        return run_interop(args, _open(args, create=False), _resolve)
    with _open(args, create=False) as store:
        try:
            record = _resolve(store, args.ref)
            doc = store.export_document(record.id)
        except StoreError as exc:
            raise UsageError(str(exc)) from None
    try:
        write_plan_file(out, doc, force=args.force, protect=(db_path(args),))
    except StoreError as exc:
        raise UsageError(f"nothing written: {exc}") from None
    print(f"Exported plan {record.id} (revision {record.revision}, {record.title}) of "
          f"{doc.patient_name} to {out}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from taperdesk.cli import UsageError

    try:
        doc = read_plan_file(args.file, catalogue(args))  # checked before opening the records
    except PlanFileError as exc:
        raise UsageError(f"nothing imported: {exc}") from None
    with _open(args, create=True) as store:
        try:
            target = _patient_id(store, args.patient) if args.patient else None
            done = store.import_document(doc, patient_id=target,
                                         source=f"plan file {args.file.name}")
        except StoreError as exc:
            raise UsageError(f"nothing imported: {exc}") from None
    who = f"{done.patient.name} (patient {done.patient.id}" + (
        ", new patient)" if done.new_patient else ")")
    n = len(doc.plan.edits)
    print(f"Imported plan {done.record.id} ({done.record.title}, {n} edit{'' if n == 1 else 's'}) "
          f"for {who}; it is now the active plan.")
    if done.flagged_opioid:
        print("The file flags an opioid co-prescription; the patient's record is now flagged.")
    return 0


def run_backup(args: argparse.Namespace) -> int:
    from taperdesk.cli import UsageError

    checked_output(args, db_path(args), records_ok=True)
    with _open(args, create=False) as store:
        try:
            target = store.backup(args.output, force=args.force)
        except StoreError as exc:
            raise UsageError(str(exc)) from None
    print(f"Copied the records in {store.location} to {target}")
    return 0
