"""`taperdesk verify`: check a records file completely and say what, if anything, changed.

Exit 0 and "clean" with what was checked; exit 1 and one line per problem (the row or
revision named) when anything does not verify; exit 2 when the file cannot be opened.
The file is opened read-only: verifying never changes it.
"""

from __future__ import annotations

import argparse
import sys

from taperdesk.cli.records_cmd import add_db, db_path
from taperdesk.cli.signing import sign_in
from taperdesk.store import Store, StoreError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "verify",
        help="check the records file for damage and changes made outside TaperDesk",
        description="Check every plan revision against its content hash, the change log's "
                    "hash chain, every stored date, and SQLite's integrity check. The file is "
                    "only read. Exit 0 when clean, 1 listing each problem.",
        epilog="example:\n  taperdesk verify --db D:\\clinic\\taperdesk.sqlite3",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_db(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from taperdesk.cli import UsageError
    from taperdesk.cli.records_cmd import catalogue

    where = args.db or db_path(args)
    try:
        with Store.open(where, create=False, catalogue=catalogue(args), read_only=True) as store:
            sign_in(store, args.user)
            problems = store.verify()
            counts = store.record_counts()
            path = store.location
    except StoreError as exc:
        raise UsageError(str(exc)) from None
    out = sys.stdout
    if hasattr(out, "reconfigure"):
        out.reconfigure(errors="backslashreplace")
    if not problems:
        what = ", ".join(f"{n} {table}" for table, n in counts.items())
        print(f"clean: {path}: {what} checked (every revision's content hash, the change "
              "log's hash chain, every date, SQLite's integrity check)")
        return 0
    print(f"NOT clean: {path}: {len(problems)} problem{'s' * (len(problems) != 1)}:")
    for p in problems:
        print(f"  {p}")
    print("Restore the records file from a backup copy (see 'Backing up' and 'Tamper "
          "evidence' in docs/RECORDS.md).")
    return 1
