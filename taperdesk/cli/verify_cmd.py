"""`taperdesk verify`: check a records file completely and say what, if anything, changed.

Exit 0 and "clean" with what was checked; exit 1 and one line per problem (the row or
revision named) when anything does not verify; exit 2 when the file cannot be opened.
The file is opened read-only: verifying never changes it.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
from contextlib import closing
from pathlib import Path

from taperdesk.cli.records_cmd import add_db, db_path
from taperdesk.cli.signing import sign_in
from taperdesk.store import Store, StoreError
from taperdesk.store.errors import OlderRecords


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


def _check(where: object, args: argparse.Namespace,
           upgrade: bool = False) -> tuple[list[str], dict[str, int], str]:
    """(problems, record counts, location) of the records at ``where``, opened read-only
    (``upgrade``: a private copy, opened writable so an older version is upgraded)."""
    from taperdesk.cli.records_cmd import catalogue

    with Store.open(where, create=False, catalogue=catalogue(args),  # type: ignore[arg-type]
                    read_only=not upgrade) as store:
        sign_in(store, args.user)
        return list(store.verify()), dict(store.record_counts()), str(store.location)


def run(args: argparse.Namespace) -> int:
    from taperdesk.cli import UsageError

    where = args.db or db_path(args)
    older = ""
    try:
        try:
            problems, counts, path = _check(where, args)
        except OlderRecords as exc:
            # verify never writes the records: an older file is checked on an upgraded
            # private copy (SQLite's backup API, so a consistent one), the file untouched.
            older = (f" (records version {exc.version}, checked on an upgraded copy; the "
                     "file itself was not changed)")
            with tempfile.TemporaryDirectory(prefix="taperdesk-verify-") as tmp:
                copy = Path(tmp) / "copy.sqlite3"
                with closing(sqlite3.connect(f"file:{Path(where)}?mode=ro", uri=True)) as src, \
                        closing(sqlite3.connect(copy)) as dst:
                    src.backup(dst)
                problems, counts, _ = _check(copy, args, upgrade=True)
            path = str(where)
    except (StoreError, sqlite3.Error) as exc:
        raise UsageError(str(exc)) from None
    out = sys.stdout
    if hasattr(out, "reconfigure"):
        out.reconfigure(errors="backslashreplace")
    if not problems:
        what = ", ".join(f"{n} {table}" for table, n in counts.items())
        print(f"clean: {path}{older}: {what} checked (every revision's content hash, the "
              "change log's hash chain, every date, SQLite's integrity check)")
        return 0
    print(f"NOT clean: {path}{older}: {len(problems)} problem{'s' * (len(problems) != 1)}:")
    for p in problems:
        print(f"  {p}")
    print("Restore the records file from a backup copy (see 'Backing up' and 'Tamper "
          "evidence' in docs/RECORDS.md).")
    return 1
