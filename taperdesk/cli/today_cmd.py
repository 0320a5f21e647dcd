"""`taperdesk today`: who needs the clinic today, as a table, JSON or a printed worklist."""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path

from taperdesk.cli.signing import add_user_option, sign_in
from taperdesk.paths import default_db_path


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "today",
        help="the day's list across all patients (dose changes, check-ins, red flags...)",
        description="Across all active patients: dose changes today and in the next 7 days, "
                    "check-ins and assessments due, unacknowledged red flags, holds to decide, "
                    "plans ending, patients with no plan, appointments. Red flags first.",
        epilog="examples:\n  taperdesk today\n  taperdesk today --date 2027-02-08 --format json\n"
               "  taperdesk today --pdf -o today.pdf\n"
               "  taperdesk today --handouts -o handouts.pdf",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--date", metavar="YYYY-MM-DD", default=None, help="the day (default: today)")
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.add_argument("--db", metavar="PATH", type=Path, default=None,
                   help=f"the records file (default: {default_db_path()})")
    add_user_option(p)
    out = p.add_mutually_exclusive_group()
    out.add_argument("--pdf", action="store_true", help="write the one-page worklist (-o)")
    out.add_argument("--handouts", action="store_true",
                     help="write the handouts of every patient whose dose changes this week "
                          "as one PDF (-o)")
    p.add_argument("-o", "--output", metavar="FILE", type=Path, default=None)
    p.add_argument("--force", action="store_true", help="replace an existing output file")
    p.set_defaults(run=run)


def _day(text: str | None) -> date:
    from taperdesk.cli import UsageError

    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--date {text!r}: write a date as YYYY-MM-DD, e.g. 2027-02-08") \
            from None


def write_new(out: Path, data: bytes, *, force: bool, records: Path) -> None:
    """Write ``data`` to ``out`` through a new temporary file (O_EXCL, mode 0600) renamed
    into place; never the records file, never an existing file unless ``force``."""
    from taperdesk.cli import UsageError

    out = out.expanduser().absolute()
    if out == records.expanduser().absolute():
        raise UsageError(f"{out} is the records file; choose another output file")
    if out.is_dir():
        raise UsageError(f"{out} is a folder; give a file name such as today.pdf")
    if not out.parent.is_dir():
        raise UsageError(f"the folder {out.parent} does not exist")
    if out.exists() and not force:
        raise UsageError(f"{out} already exists; add --force to replace it")
    tmp = out.with_name(f".{out.name}.{os.getpid()}.part")
    try:
        fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        tmp.replace(out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UsageError(f"cannot write {out}: {exc.strerror or exc}") from None


def run(args: argparse.Namespace) -> int:
    from taperdesk.cli import UsageError
    from taperdesk.printday import items_for, week_inputs
    from taperdesk.store import Store, StoreError

    day = _day(args.date)
    if (args.pdf or args.handouts) and args.output is None:
        raise UsageError("--pdf and --handouts need -o FILE.pdf")
    if args.output is not None and not (args.pdf or args.handouts):
        raise UsageError("-o needs --pdf (the worklist) or --handouts")
    db = args.db or default_db_path()
    if not Path(db).exists():
        raise UsageError(f"there is no records file at {db}")
    try:
        with Store.open(db, create=False) as store:
            sign_in(store, args.user)
            items = items_for(store, day)
            if args.pdf:
                from taperdesk.report.worklist import worklist_pdf

                pdf = worklist_pdf(day, items, clinic=store.setting("clinic_name"),
                                   paper=store.setting("paper", "a4"))
                write_new(args.output, pdf, force=args.force, records=db)
                print(f"Wrote {args.output} (worklist of {day.isoformat()}, {len(items)} items)")
                return 0
            if args.handouts:
                from taperdesk.report.worklist import handouts_pdf

                skipped: list[str] = []
                inputs = week_inputs(store, day, items, skipped)
                for name in skipped:
                    print(f"warning: no handout for {name}: a severe warning of the plan is "
                          "not acknowledged (acknowledge it in the window)", file=sys.stderr)
                if not inputs:
                    raise UsageError("no patient's dose changes in the next 7 days; "
                                     "no handouts written")
                write_new(args.output, handouts_pdf(inputs), force=args.force, records=db)
                print(f"Wrote {args.output} ({len(inputs)} patient handouts)")
                return 0
    except StoreError as exc:
        raise UsageError(str(exc)) from None
    if args.format == "json":
        print(json.dumps({"date": day.isoformat(), "items": [
            {"patient": i.patient, "clinic_id": i.clinic_id, "reason": i.reason.value,
             "detail": i.detail, "date": i.on.isoformat()} for i in items]},
            ensure_ascii=False, indent=1))
        return 0
    print(f"Today, {day:%a %d %b %Y}: {len(items)} items")
    for i in items:
        print(f"{i.reason.value:<15} {i.on.isoformat()}  {i.patient[:28]:<28} "
              f"{i.clinic_id[:10]:<10} {i.detail}")
    return 0
