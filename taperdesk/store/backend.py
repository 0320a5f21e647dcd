"""What differs between a records file (SQLite) and the clinic server (PostgreSQL).

The store's SQL is the same on both (store/pg.py makes PostgreSQL take it); the
few things that are not SQL statements live here, one class per backend:
the schema version, the integrity check, a consistent copy (``backup``), the
"someone else changed the records" counter the window polls (``data_version``)
and closing.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any, Protocol

from taperdesk.store.errors import StoreError
from taperdesk.store.opening import copy_database, translate
from taperdesk.store.sharelock import ShareLock


class Backend(Protocol):
    name: str
    """'sqlite' or 'postgresql'."""
    location: str
    """The records file's path, or the server URI without its password."""
    notices: list[str]
    """Things the user should be told about the opening (another copy open here, a stale
    holder taken over); shown once by the window or the command."""

    def schema_version(self, conn: Any) -> int: ...
    def integrity_problems(self, conn: Any) -> list[str]: ...
    def data_version(self, conn: Any) -> int: ...
    def backup(self, conn: Any, target: Path, *, force: bool = False) -> None: ...
    def close(self) -> None: ...


class SqliteBackend:
    name = "sqlite"

    def __init__(self, path: Path, lock: ShareLock | None = None) -> None:
        self.path = path
        self.location = str(path)
        self.lock = lock
        self.notices: list[str] = list(lock.notices) if lock else []

    def schema_version(self, conn: sqlite3.Connection) -> int:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])

    def integrity_problems(self, conn: sqlite3.Connection) -> list[str]:
        try:
            rows = [str(r[0]) for r in conn.execute("PRAGMA integrity_check").fetchall()]
        except sqlite3.Error as exc:
            raise translate(exc, self.path) from None
        return [] if rows == ["ok"] else rows

    def data_version(self, conn: sqlite3.Connection) -> int:
        """SQLite's PRAGMA data_version: changes when ANOTHER connection commits."""
        try:
            return int(conn.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error as exc:
            raise translate(exc, self.path) from None

    def backup(self, conn: sqlite3.Connection, target: Path, *, force: bool = False) -> None:
        if target == self.path:
            raise StoreError("The copy must be a different file from the records file.")
        copy_database(conn, target, force=force, protect=(self.path,))

    def close(self) -> None:
        if self.lock is not None:
            self.lock.release()


class PgBackend:
    name = "postgresql"

    def __init__(self, location: str) -> None:
        self.location = location
        self.notices: list[str] = []

    def schema_version(self, conn: Any) -> int:
        from taperdesk.store.pg_open import schema_version

        return schema_version(conn)

    def integrity_problems(self, conn: Any) -> list[str]:
        """The server keeps its own pages sound; what is checked here is that the
        append-only guards (triggers) are all still in place."""
        from taperdesk.store.pg_copy import missing_guards

        return missing_guards(conn)

    def data_version(self, conn: Any) -> int:
        """Bumped once per write another TaperDesk committed (LISTEN/NOTIFY), as SQLite's
        data_version is; never by this store's own writes."""
        conn.listen()
        conn.poll()
        return int(conn.notices)

    def backup(self, conn: Any, target: Path, *, force: bool = False) -> None:
        """The server's records at one moment, in a new records file; with ``force`` an
        older copy is replaced only once the new one is complete (renamed over it)."""
        import os

        from taperdesk.store.pg_copy import server_to_file

        if not force or not target.exists():
            server_to_file(conn, target)
            return
        fresh = target.with_name(f".{target.name}.{os.getpid()}.new")
        fresh.unlink(missing_ok=True)
        server_to_file(conn, fresh)
        os.replace(fresh, target)

    def close(self) -> None:
        pass
