"""The open records (a file or the clinic server): connection, transactions, change log,
settings, copies.

Every write goes through ``_write`` (one ``BEGIN IMMEDIATE`` transaction that
also appends to the change log), so each user edit is all-or-nothing and a
crash loses at most the edit in flight. The same code runs on the clinic server
(store/pg.py takes this SQL there; store/backend.py holds what differs).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from taperdesk.model.catalogue import Catalogue, shipped_catalogue
from taperdesk.paths import is_server_uri
from taperdesk.platform import os_user
from taperdesk.store.backend import Backend, PgBackend, SqliteBackend
from taperdesk.store.codec import check_text, decode_time, encode_time, now_utc
from taperdesk.store.errors import StoreError
from taperdesk.store.evidence import change_hash, last_change
from taperdesk.store.opening import IntegrityCheck, connect, is_read_only, translate
from taperdesk.store.outputs import check_output
from taperdesk.store.records import Change
from taperdesk.store.roles import Permission, User
from taperdesk.store.schema import USERS, Migration
from taperdesk.store.sharelock import ShareLock

DEFAULT_TIMEOUT = 5.0
"""Seconds to wait for another program's save to finish before saying the file is busy."""
MAX_SETTING = 10_000


def _change(r: sqlite3.Row) -> Change:
    return Change(r["id"], r["who"], decode_time(r["at"], f"changes row {r['id']}", "at"),
                  r["patient_id"], r["plan_id"], r["what"])


class StoreBase:
    """Core of ``Store``; the patient, plan and assessment parts are mixed in."""

    def __init__(self, conn: sqlite3.Connection, path: Path, catalogue: Catalogue,
                 backend: Backend | None = None) -> None:
        self._db: sqlite3.Connection | None = conn
        self.path = path
        """The records file; for the clinic server, this PC's data folder entry (its
        clinic-products.json sits beside it). ``location`` names either for the user."""
        self.backend: Backend = backend or SqliteBackend(path)
        self.location = self.backend.location
        self.notices: list[str] = list(self.backend.notices)
        """What the user should be told about the opening (another copy open on this
        PC, a stale holder taken over): shown once by the window or the command."""
        self.catalogue = catalogue
        self.user: User | None = None
        """The signed-in account (``sign_in``); once the records have accounts, every
        write needs one whose role has the right (``require``)."""
        self.clock: Callable[[], datetime] = now_utc
        self._depth = 0
        self.read_only = False
        """Opened read-only (the file or its folder cannot be written, or it is marked
        read-only): reading works, every write raises StoreError saying so."""
        self.opening_problems: list[str] = []
        """What the checks made on opening found (``check_on_opening``); [] when sound."""

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        create: bool = True,
        catalogue: Catalogue | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        migrations: Sequence[Migration] | None = None,
        checked: IntegrityCheck | None = None,
        read_only: bool | None = None,
    ) -> Self:
        """Open (or create) the records file at ``path``; StoreError with a clear message.

        A file that is not TaperDesk's, is damaged, comes from a newer TaperDesk
        or is locked is refused and left unchanged. An older file is copied to a
        backup beside it, then upgraded in one transaction. ``migrations`` is for
        tests only. ``checked``: the file's quick check, started earlier in a thread.
        ``read_only``: None (the default) opens a file that cannot be written (or is
        marked read-only) for reading only, with ``read_only`` True; True forces that.
        The quick tamper checks (``check_on_opening``) fill ``opening_problems``.
        ``path`` may be a libpq URI (postgresql://…): the clinic server (docs/SERVER.md).
        """
        if is_server_uri(path):
            # psycopg loads only for the server: a records file's start-up never pays for it
            from taperdesk.paths import data_dir
            from taperdesk.store.pg_open import connect_server

            server = connect_server(str(path), create=create, migrations=migrations)
            return cls(server, data_dir() / "clinic-server",  # type: ignore[arg-type]
                       catalogue or shipped_catalogue(), PgBackend(server.where))
        path = Path(path).expanduser().absolute()
        if read_only is None:
            read_only = path.exists() and is_read_only(path)
        try:
            conn = connect(path, create=create, timeout=timeout, migrations=migrations,
                           checked=checked, read_only=read_only)
        except OSError as exc:
            raise StoreError(
                f"The records file {path} cannot be used: {exc.strerror or exc}"
            ) from None
        try:
            lock = ShareLock(path)
        except BaseException:
            conn.close()
            raise
        conn.row_factory = sqlite3.Row
        store = cls(conn, path, catalogue or shipped_catalogue(), SqliteBackend(path, lock))
        store.read_only = read_only
        try:
            store.opening_problems = store.check_on_opening()
        except BaseException:
            store.close()
            raise
        return store

    def check_on_opening(self) -> list[str]:
        """Quick checks made on every opening (see VerifyMixin); [] here."""
        return []

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
            self.backend.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @property
    def _conn(self) -> sqlite3.Connection:
        if self._db is None:
            raise StoreError("The records file is closed.")
        return self._db

    @property
    def who(self) -> str:
        """Recorded as 'who' on every change: the signed-in user's name. Read-only; only
        records with no accounts yet (made before users) still name the OS account."""
        return self.user.name if self.user is not None else os_user()

    def has_users(self) -> bool:
        """Whether the records have any account (records made before users had none)."""
        if self.read_only and self.schema_version < USERS.version:
            return False  # an older file opened read-only, never upgraded: no accounts
        return bool(self._rows("SELECT 1 FROM users LIMIT 1"))

    def require(self, permission: Permission) -> User | None:
        """The signed-in user if they may do ``permission``, else StoreError saying why.

        Called first by every method that writes, so a refusal changes nothing. Records
        with no accounts yet are not guarded (None): the window's first start, or
        ``taperdesk users add``, creates their admin (docs/RECORDS.md "Users and roles").
        """
        user = self.user
        if user is None:
            if self.has_users():
                raise StoreError("Sign in first: these records are changed only by a "
                                 "signed-in user (--user NAME, or the window's sign-in).")
            return None
        if not user.may(permission):
            raise StoreError(user.refusal(permission))
        return user

    @property
    def schema_version(self) -> int:
        return self.backend.schema_version(self._conn)

    @property
    def server(self) -> bool:
        """True when the records are on the clinic server (PostgreSQL)."""
        return self.backend.name == "postgresql"

    # -- plumbing ----------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One transaction holding the write lock; commits on success, else rolls back.

        Nested uses join the outermost transaction (see ``transaction``).
        """
        conn = self._conn
        if self.read_only:
            raise StoreError(
                f"The records file {self.path} is open read-only (it cannot be written, or "
                "it is marked read-only): nothing was saved. Make it writable and open it "
                "again to make changes.")
        if self._depth:
            yield from self._nested(conn)
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise translate(exc, self.path) from None
        self._depth = 1
        try:
            yield conn
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback(conn)
            raise translate(exc, self.path) from None
        except BaseException:
            self._rollback(conn)
            raise
        finally:
            self._depth = 0

    def _nested(self, conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
        """Inside an outer transaction: a savepoint, so a failed call undoes only itself."""
        name = f"edit_{self._depth}"
        self._depth += 1
        try:
            conn.execute(f"SAVEPOINT {name}")
            try:
                yield conn
            except BaseException:
                conn.execute(f"ROLLBACK TO {name}")
                conn.execute(f"RELEASE {name}")
                raise
            conn.execute(f"RELEASE {name}")
        except sqlite3.Error as exc:
            raise translate(exc, self.path) from None
        finally:
            self._depth -= 1

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Make several store calls one all-or-nothing edit (e.g. loading the demo)."""
        with self._write():
            yield

    @staticmethod
    def _rollback(conn: sqlite3.Connection) -> None:
        if conn.in_transaction:
            try:
                conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise translate(exc, self.path) from None

    def _log(
        self,
        conn: sqlite3.Connection,
        what: str,
        *,
        patient_id: int | None = None,
        plan_id: int | None = None,
        at: str | None = None,
    ) -> Change:
        """Append one change-log row inside the caller's transaction, chained to the one
        before it (store/evidence.py; the write lock makes the newest row ours to follow)."""
        at = at or self._stamp()
        last_id, prev = last_change(conn)
        row_id = last_id + 1
        conn.execute(
            "INSERT INTO changes (id, who, at, patient_id, plan_id, what, hash)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (row_id, self.who, at, patient_id, plan_id, what,
             change_hash(prev, row_id, self.who, at, patient_id, plan_id, what)),
        )
        return Change(row_id, self.who, decode_time(at), patient_id, plan_id, what)

    def _stamp(self) -> str:
        return encode_time(self.clock())

    # -- change log ----------------------------------------------------------

    def changes(
        self, *, patient_id: int | None = None, plan_id: int | None = None, limit: int = 1000
    ) -> list[Change]:
        """The change log, newest first; only one patient's or one plan's if given."""
        where, params = [], []
        if patient_id is not None:
            where.append("patient_id = ?")
            params.append(patient_id)
        if plan_id is not None:
            where.append("plan_id = ?")
            params.append(plan_id)
        sql = "SELECT id, who, at, patient_id, plan_id, what FROM changes"
        if where:
            sql += " WHERE " + " AND ".join(where)
        rows = self._rows(sql + " ORDER BY id DESC LIMIT ?", (*params, max(0, limit)))
        return [_change(r) for r in rows]

    # -- settings --------------------------------------------------------------

    def setting(self, key: str, default: str = "") -> str:
        rows = self._rows("SELECT value FROM settings WHERE key = ?", (key,))
        return str(rows[0]["value"]) if rows else default

    def set_setting(self, key: str, value: str) -> None:
        """Keep a clinic setting (an admin's right); setting the value it has is no change."""
        key = check_text(key, "setting name", 100, required=True)
        if not isinstance(value, str) or len(value) > MAX_SETTING:
            raise StoreError(f"setting {key}: expected text of at most {MAX_SETTING} characters")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise StoreError(f"setting {key}: contains characters that cannot be saved") from None
        if self.setting(key, default="\0") == value:
            return
        self.require(Permission.SETTINGS)
        with self._write() as conn:
            conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )
            self._log(conn, f"Setting '{key}' set to {value!r}")

    # -- copies and checks -----------------------------------------------------

    def backup(self, target: Path, *, force: bool = False) -> Path:
        """Write a consistent copy of the records to ``target`` (mode 0600).

        An existing file is replaced only with ``force``; the records file itself never.
        """
        target = Path(target).expanduser().absolute()
        check_output(target, force=force, protect=() if self.server else (self.path,),
                     records_ok=True)
        self.backend.backup(self._conn, target, force=force)
        return target

    def integrity_problems(self) -> list[str]:
        """SQLite's full integrity check (on the server: the append-only guards are in
        place): [] when the records are sound."""
        return self.backend.integrity_problems(self._conn)

    # -- live ------------------------------------------------------------------

    def data_version(self) -> int:
        """A number that changes when ANOTHER program (another window, another PC) has
        committed a change; never for this store's own writes. Cheap: poll it on a
        timer (SQLite's PRAGMA data_version; on the server, NOTIFYs received)."""
        return self.backend.data_version(self._conn)

    def last_change_id(self) -> int:
        """The newest change-log row's id (0 when empty): a token for ``changes_after``."""
        return int(self._rows("SELECT coalesce(max(id), 0) FROM changes")[0][0])

    def changes_after(self, change_id: int) -> list[Change]:
        """Change-log rows newer than ``change_id``, oldest first: who changed what (and
        which patient) since the window last looked."""
        rows = self._rows("SELECT id, who, at, patient_id, plan_id, what FROM changes"
                          " WHERE id > ? ORDER BY id", (change_id,))
        return [_change(r) for r in rows]
