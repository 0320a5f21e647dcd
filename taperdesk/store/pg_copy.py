"""Copies between a records file and the clinic server, verified table by table.

- ``server_to_file``: ``taperdesk backup`` on the server: one REPEATABLE READ
  snapshot (a consistent moment, while others keep saving) copied into a new
  records file, so a clinic can keep a file copy anywhere a file goes.
- ``file_to_server``: ``taperdesk migrate-to-server``: a records file copied onto an
  EMPTY server database in ONE transaction; the rows count and the SHA-256 of each
  table's canonical rows are compared before it commits, so a failure leaves the
  server as empty as it was.

Both copy every table the file's schema has, column by column, so tables that
later migrations add are copied without a change here.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from taperdesk.model.record import record
from taperdesk.store.errors import StoreError
from taperdesk.store.schema import MIGRATIONS

if TYPE_CHECKING:
    from taperdesk.store.pg import PgConnection


@record
class TableCopy:
    table: str
    rows: int
    sha256: str
    """Of the table's rows in a canonical form (each row as JSON, sorted)."""


def digest(rows: Iterable[Sequence[Any]]) -> tuple[int, str]:
    """(row count, SHA-256) of rows in a canonical form, whatever order they come in."""
    lines = sorted(json.dumps([v.hex() if isinstance(v, bytes) else v for v in r],
                              ensure_ascii=False, separators=(",", ":")) for r in rows)
    return len(lines), hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def file_tables(conn: sqlite3.Connection) -> list[tuple[str, list[str]]]:
    """The records file's tables in the order they were made (parents before children),
    each with its columns."""
    names = [str(r[0]) for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        " ORDER BY rowid")]
    return [(n, [str(c[1]) for c in conn.execute(f'PRAGMA table_info("{n}")')]) for n in names]


def _select(table: str, columns: list[str]) -> str:
    return f"SELECT {', '.join(columns)} FROM {table}"


def _insert(table: str, columns: list[str]) -> str:
    return (f"INSERT INTO {table} ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' for _ in columns)})")


def server_to_file(pg: PgConnection, target: Path) -> list[TableCopy]:
    """A consistent copy of the server's records in a new records file at ``target``."""
    from taperdesk.store.opening import _create

    _create(target, None)
    done: list[TableCopy] = []
    try:
        dest = sqlite3.connect(target, isolation_level=None)
        try:
            dest.execute("BEGIN IMMEDIATE")
            pg.begin_snapshot()
            try:
                for table, columns in file_tables(dest):
                    rows = [tuple(r) for r in pg.execute(_select(table, columns)).fetchall()]
                    dest.executemany(_insert(table, columns), rows)
                    done.append(TableCopy(table, *digest(rows)))
            finally:
                pg.execute("ROLLBACK")  # a read-only snapshot: nothing to keep
            dest.execute("COMMIT")
            for copy in done:
                table_cols = dict(file_tables(dest))[copy.table]
                if digest(dest.execute(_select(copy.table, table_cols))) != (copy.rows,
                                                                             copy.sha256):
                    raise StoreError(f"the copy of table {copy.table} does not match the server")
        finally:
            dest.close()
    except (StoreError, sqlite3.Error, OSError) as exc:
        target.unlink(missing_ok=True)
        raise StoreError(f"Cannot write the copy {target}: {exc}") from None
    return done


def file_to_server(src: sqlite3.Connection, pg: PgConnection) -> list[TableCopy]:
    """Copy every row of the records file onto the (empty) server, verified, in one
    transaction; StoreError and nothing kept if the server is not empty or a check fails."""
    tables = file_tables(src)
    for table, _ in tables:
        if pg.execute(f"SELECT count(*) FROM {table}").fetchone()[0]:  # type: ignore[index]
            raise StoreError(
                f"The server database {pg.where} already holds records (table {table} is "
                "not empty); migrate-to-server only copies onto an empty one. Nothing was "
                "copied.")
    done: list[TableCopy] = []
    src.execute("BEGIN")  # one consistent read of the file
    try:
        pg.execute("BEGIN IMMEDIATE")
        try:
            for table, columns in tables:
                rows = [tuple(r) for r in src.execute(_select(table, columns))]
                pg.executemany(_insert(table, columns), rows)
                if "id" in columns and rows:
                    pg.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                               f" (SELECT max(id) FROM {table}))")
                want = digest(rows)
                got = digest(tuple(r) for r in pg.execute(_select(table, columns)).fetchall())
                if got != want:
                    raise StoreError(f"table {table} on the server does not match the file "
                                     f"({got[0]} rows, expected {want[0]})")
                done.append(TableCopy(table, *want))
            pg.execute("COMMIT")
        except BaseException:
            pg.execute("ROLLBACK")
            raise
    finally:
        src.execute("ROLLBACK")
    return done


def missing_guards(pg: PgConnection) -> list[str]:
    """The append-only and notify triggers the migrations made that are not in place."""
    wanted = [name for m in MIGRATIONS for sql in (m.postgres or ())
              for name in re.findall(r"CREATE TRIGGER (\w+)", sql)]
    found = {str(r[0]) for r in pg.execute(
        "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal").fetchall()}
    return [f"the guard {name} (a trigger) is missing on the server"
            for name in wanted if name not in found]


def migrate_to_server(file: Path, uri: str) -> tuple[list[TableCopy], str]:
    """``taperdesk migrate-to-server``: the records file's rows onto the empty server
    database, verified; (what was copied, the server as shown to the user)."""
    from taperdesk.paths import is_server_uri
    from taperdesk.store.pg_open import connect_server
    from taperdesk.store.store import Store

    if not is_server_uri(uri):
        raise StoreError(f"{uri!r} is not a server address; write postgresql://HOST/DATABASE.")
    file = Path(file).expanduser().absolute()
    with Store.open(file, create=False) as source:
        pg = connect_server(uri, create=True)
        try:
            return file_to_server(source._conn, pg), pg.where
        finally:
            pg.close()
