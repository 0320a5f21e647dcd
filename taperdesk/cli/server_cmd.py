"""`taperdesk migrate-to-server FILE URI`: a records file copied onto the clinic server.

The server database must be empty (a new one, or one TaperDesk set up and nothing
saved yet). Everything is copied in one transaction and verified (rows and a
SHA-256 per table) before it is kept; each table's figures are printed.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from taperdesk.cli.signing import add_user_option, sign_in
from taperdesk.store import StoreError
from taperdesk.store.pg_copy import migrate_to_server
from taperdesk.store.pg_schema import grant_statements
from taperdesk.store.schema import MIGRATIONS


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    mg = sub.add_parser(
        "migrate-to-server",
        help="copy a records file onto an empty clinic server database",
        description="Copy every record of FILE onto the clinic server at URI (an empty "
                    "database), in one transaction, then check every table's row count and "
                    "content hash against the file. On any failure nothing is kept on the "
                    "server. See docs/SERVER.md.",
        epilog="example:\n  taperdesk migrate-to-server taperdesk.sqlite3 "
               "'postgresql://taperdesk_owner@clinic-server/taperdesk?sslmode=verify-full'",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    mg.add_argument("file", metavar="FILE", type=Path, help="the records file to copy")
    mg.add_argument("uri", metavar="URI", help="the server database (postgresql://…)")
    add_user_option(mg)
    mg.set_defaults(run=run_migrate)

    gr = sub.add_parser(
        "server-grants",
        help="print the SQL that gives the program's database role its rights",
        description="Print the GRANT statements for the program's own role on the clinic "
                    "server: the change log, plan history and acknowledgements may only be "
                    "added to (no UPDATE, DELETE or TRUNCATE). Run them as the database's "
                    "owner after TaperDesk has set the database up (docs/SERVER.md).",
    )
    gr.add_argument("role", metavar="ROLE", help="the program's role, e.g. taperdesk_app")
    gr.add_argument("--database", default="taperdesk", help="the database (default: taperdesk)")
    gr.set_defaults(run=run_grants)


def run_migrate(args: argparse.Namespace) -> int:
    from taperdesk.cli import UsageError

    _check_admin(args.file, args.user)
    try:
        copied, where = migrate_to_server(args.file, args.uri)
    except StoreError as exc:
        raise UsageError(f"nothing copied: {exc}") from None
    width = max(len(c.table) for c in copied)
    for c in copied:
        print(f"  {c.table:<{width}}  {c.rows:>7} rows  sha256 {c.sha256}")
    total = sum(c.rows for c in copied)
    print(f"Copied {total} rows in {len(copied)} tables from {args.file} to {where}; every "
          "table's rows and hash match the file.")
    return 0


def _check_admin(file: Path, user: str | None) -> None:
    """A file with accounts is copied only by one who may manage them (the admin): the
    copy carries every account and record. A file with none yet is copied as before."""
    from taperdesk.cli import UsageError
    from taperdesk.store import Permission, Store

    if not file.is_file():
        return  # migrate_to_server says so, with nothing copied
    try:
        with Store.open(file, create=False, read_only=True) as source:
            sign_in(source, user)
            source.require(Permission.USERS)
    except StoreError as exc:
        raise UsageError(f"nothing copied: {exc}") from None


def run_grants(args: argparse.Namespace) -> int:
    from taperdesk.cli import UsageError

    ddl = [sql for m in MIGRATIONS for sql in (m.postgres or ())]
    try:
        print("\n".join(grant_statements(args.role, ddl, args.database)))
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    return 0
