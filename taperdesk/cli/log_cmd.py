"""`taperdesk log [PATIENT]`: the change log, newest first: when, who, what.

Reads only (the records file is opened read-only). PATIENT is a patient id, clinic ID or
whole name, as for `taperdesk export`; without it, every change in the records.
"""

from __future__ import annotations

import argparse
import json
import sys

from taperdesk.cli.records_cmd import _patient_id, add_db, catalogue, db_path
from taperdesk.cli.signing import sign_in
from taperdesk.store import Store, StoreError

MAX_ROWS = 100_000


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "log",
        help="print the change log (when, who, what), newest first",
        description="Print the records' append-only change log, newest first: when (this "
                    "computer's local time), who made the change, what it was. Only reads.",
        epilog="examples:\n  taperdesk log\n  taperdesk log MRN-0042 --limit 20\n"
               "  taperdesk log 'Demo Patient (example)' --format json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("patient", nargs="?", default=None, metavar="PATIENT",
                   help="only this patient's changes (id, clinic ID or whole name)")
    p.add_argument("--limit", type=int, default=50, metavar="N",
                   help="at most N rows (default: 50)")
    p.add_argument("--format", choices=["table", "json"], default="table")
    add_db(p, products=False)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from taperdesk.cli import UsageError

    if not 1 <= args.limit <= MAX_ROWS:
        raise UsageError(f"--limit {args.limit}: give a number from 1 to {MAX_ROWS}")
    where = args.db or db_path(args)
    try:
        with Store.open(where, create=False, catalogue=catalogue(args),
                        read_only=True) as store:
            sign_in(store, args.user)
            patient_id = None if args.patient is None else _patient_id(store, args.patient)
            rows = store.changes(patient_id=patient_id, limit=args.limit)
    except StoreError as exc:
        raise UsageError(" ".join(str(exc).split())) from None
    out = sys.stdout
    if hasattr(out, "reconfigure"):
        out.reconfigure(errors="backslashreplace")
    if args.format == "json":
        json.dump([{"id": c.id, "when": c.when.isoformat(), "who": c.who,
                    "patient_id": c.patient_id, "plan_id": c.plan_id, "what": c.what}
                   for c in rows], out, ensure_ascii=False, indent=1)
        out.write("\n")
        return 0
    if not rows:
        print("No changes recorded.")
        return 0
    who_w = max(3, *(len(c.who) for c in rows))
    print(f"{'When':<16}  {'Who':<{who_w}}  What")
    for c in rows:
        print(f"{c.when:%Y-%m-%d %H:%M}  {c.who:<{who_w}}  {c.what}")
    return 0
