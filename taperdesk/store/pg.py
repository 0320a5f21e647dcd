"""The clinic server's connection, shaped like the SQLite one the store already uses.

The store's SQL is written once, for SQLite, with ``?`` placeholders. ``PgConnection``
runs that same SQL on PostgreSQL (psycopg 3, autocommit, explicit transactions):

- ``?`` becomes ``%s``; the two SQLite-only phrases the store uses are rewritten
  (``INDEXED BY name`` is dropped, ``IS NOT ?`` becomes ``IS DISTINCT FROM ?``);
- rows read by column name or position, like ``sqlite3.Row``;
- an ``INSERT`` into a table with an ``id`` column gets ``RETURNING id``, so
  ``cursor.lastrowid`` works as on SQLite;
- ``BEGIN IMMEDIATE`` (SQLite's write lock) becomes ``BEGIN`` plus one
  transaction-scoped advisory lock that every TaperDesk writer takes: writes are
  serialised exactly as on a file, so a revision check (``expected_revision``), a
  clinic-ID check or a hash chain read inside the transaction cannot race;
- every psycopg error becomes a ``StoreError`` with a message for the user. A lost
  connection (server restarted) is reopened once for a read or before a write
  begins; a write in flight fails cleanly (the server rolls it back) and says so.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any

import psycopg
from psycopg import sql as pgsql

from taperdesk.store.errors import StoreError, StoreLocked
from taperdesk.store.pg_schema import NOTIFY_CHANNEL

WRITE_LOCK = 0x54415052
"""The advisory lock key every TaperDesk write transaction holds ('TAPR')."""
CONNECT_TIMEOUT = 5
"""Seconds to wait for the server to answer before saying it cannot be reached."""

_INSERT = re.compile(r"^\s*INSERT\s+INTO\s+(\w+)", re.IGNORECASE)


@lru_cache(maxsize=512)
def translate_sql(text: str, placeholders: bool = True) -> str:
    """The store's SQLite-flavoured SQL as PostgreSQL takes it through psycopg.

    Without ``placeholders`` (a statement run with no parameters, e.g. DDL) ``%`` and
    ``?`` are left as they are, since psycopg then passes the text on untouched."""
    text = re.sub(r"\s+INDEXED\s+BY\s+\w+", "", text, flags=re.IGNORECASE)
    if not placeholders:
        return text
    text = re.sub(r"\bIS\s+NOT\s+\?", "IS DISTINCT FROM ?", text, flags=re.IGNORECASE)
    return text.replace("%", "%%").replace("?", "%s")


def redact(uri: str) -> str:
    """The URI as shown in messages: any password replaced by ***."""
    return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", uri)


class Row:
    """One result row, by column name (``r["id"]``) or position (``r[0]``)."""

    __slots__ = ("_index", "_values")

    def __init__(self, values: Sequence[Any], index: dict[str, int]) -> None:
        self._values = values
        self._index = index

    def __getitem__(self, key: int | str) -> Any:
        return self._values[self._index[key] if isinstance(key, str) else key]

    def __len__(self) -> int:
        return len(self._values)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._values)

    def keys(self) -> list[str]:
        return list(self._index)


def _rows(cursor: psycopg.Cursor[Any]) -> Any:
    desc = cursor.description
    index = {c.name: i for i, c in enumerate(desc or ())}
    return lambda values: Row(values, index)


class PgCursor:
    """What ``execute`` returns: the rows read, and ``lastrowid`` after an INSERT."""

    def __init__(self, rows: list[Row], lastrowid: int | None, rowcount: int) -> None:
        self._rows = rows
        self.lastrowid = lastrowid
        self.rowcount = rowcount

    def fetchone(self) -> Row | None:
        return self._rows[0] if self._rows else None

    def fetchall(self) -> list[Row]:
        return list(self._rows)

    def __iter__(self) -> Iterator[Row]:
        return iter(self._rows)


def server_error(exc: psycopg.Error, where: str, *, opening: bool = False) -> StoreError:
    """A StoreError whose message says what went wrong with the server and what to do."""
    text = " ".join(str(exc).split())[:300]
    low = text.lower()
    unchanged = " It was not changed." if opening else ""
    if isinstance(exc, psycopg.errors.LockNotAvailable | psycopg.errors.QueryCanceled):
        return StoreLocked(f"The clinic server {where} is busy with another save right now. "
                           "Wait a moment, then try again.")
    if isinstance(exc, psycopg.errors.InsufficientPrivilege):
        return StoreError(f"The clinic server {where} refused this change (the TaperDesk "
                          f"database role lacks a permission: {text}). See docs/SERVER.md.")
    if isinstance(exc, psycopg.errors.RaiseException | psycopg.errors.IntegrityError):
        return StoreError(f"The clinic server {where} refused the change: {text}.")
    if isinstance(exc, psycopg.OperationalError):
        if "invalid" in low and ("option" in low or "value" in low or "uri" in low):
            return StoreError(f"{where} is not a server address TaperDesk can use ({text}). "
                              "Write it as postgresql://USER@HOST/DATABASE (docs/SERVER.md).")
        if "password" in low or "authentication" in low or (
                "role" in low and "does not exist" in low):
            return StoreError(f"The clinic server {where} did not accept the user name or "
                              f"password ({text}). Check the URI with the clinic's IT person "
                              "(docs/SERVER.md).")
        if "database" in low and "does not exist" in low:
            return StoreError(f"The clinic server {where} has no such database ({text}). "
                              "Create it first (docs/SERVER.md).")
        return StoreError(f"The clinic server {where} cannot be reached ({text}). Check that "
                          f"the server is running and this PC is on the clinic network.{unchanged}")
    return StoreError(f"The clinic server {where} could not do this: {text}.{unchanged}")


class PgConnection:
    """A psycopg connection that takes the store's SQLite SQL (see the module docstring)."""

    def __init__(self, uri: str) -> None:
        self.uri = uri
        self.where = redact(uri)
        self._raw: psycopg.Connection[Any] | None = None
        self._in_tx = False
        self._id_tables: frozenset[str] = frozenset()
        self.listening = False
        self.notices = 0
        """Changes other connections committed that this one was told of (NOTIFY)."""
        self._raw = self._connect()

    # -- connection ------------------------------------------------------------

    def _connect(self) -> psycopg.Connection[Any]:
        try:
            raw = psycopg.connect(self.uri, autocommit=True, connect_timeout=CONNECT_TIMEOUT,
                                  row_factory=_rows, application_name="TaperDesk")
        except psycopg.ProgrammingError as exc:
            raise StoreError(f"{self.where} is not a server address TaperDesk can use "
                             f"({' '.join(str(exc).split())}). Write it as "
                             "postgresql://USER@HOST/DATABASE (docs/SERVER.md).") from None
        except psycopg.Error as exc:
            raise server_error(exc, self.where, opening=True) from None
        if self.listening:
            raw.execute(pgsql.SQL("LISTEN {}").format(pgsql.Identifier(NOTIFY_CHANNEL)))
            self.notices += 1  # notifications may have been missed while it was down
        return raw

    def _ready(self) -> psycopg.Connection[Any]:
        if self._raw is None or self._raw.closed or self._raw.broken:
            if self._raw is not None:
                self._raw.close()
            self._raw = self._connect()
        return self._raw

    def learn_tables(self) -> None:
        """Which tables have an ``id`` column (their INSERTs return it, as lastrowid)."""
        rows = self.execute(
            "SELECT table_name FROM information_schema.columns WHERE column_name = 'id'"
            " AND table_schema = current_schema()").fetchall()
        self._id_tables = frozenset(str(r[0]) for r in rows)

    def close(self) -> None:
        if self._raw is not None:
            self._raw.close()
            self._raw = None

    @property
    def in_transaction(self) -> bool:
        return self._in_tx

    @property
    def backend_pid(self) -> int:
        return int(self._ready().info.backend_pid)

    # -- statements ------------------------------------------------------------

    def execute(self, text: str, params: Sequence[Any] = ()) -> PgCursor:
        word = text.strip().upper()
        if word == "BEGIN IMMEDIATE":
            return self._begin_write()
        if word in ("COMMIT", "ROLLBACK"):
            return self._end(word)
        match = _INSERT.match(text)
        returning = (match is not None and match.group(1).lower() in self._id_tables
                     and "RETURNING" not in word)
        query = translate_sql(text, bool(params)) + (" RETURNING id" if returning else "")
        args = tuple(params) if params else None
        retry = not self._in_tx
        while True:
            raw = self._ready()
            try:
                cur = raw.execute(query, args)
                rows = cur.fetchall() if cur.description is not None else []
                lastrowid = int(rows[0][0]) if returning and rows else None
                return PgCursor(rows, lastrowid, cur.rowcount)
            except psycopg.Error as exc:
                if retry and raw.broken:
                    retry = False
                    continue  # the server was restarted: a read is asked once more
                raise self._failed(exc, raw) from None

    def executemany(self, text: str, rows: Sequence[Sequence[Any]]) -> None:
        """Many rows in one go (migrate-to-server), inside the caller's transaction."""
        raw = self._ready()
        try:
            with raw.cursor() as cur:
                cur.executemany(translate_sql(text), [tuple(r) for r in rows])
        except psycopg.Error as exc:
            raise self._failed(exc, raw) from None

    def begin_snapshot(self) -> None:
        """A read-only transaction seeing one consistent moment (backup)."""
        raw = self._ready()
        try:
            raw.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            self._in_tx = True
        except psycopg.Error as exc:
            raise self._failed(exc, raw) from None

    def _begin_write(self) -> PgCursor:
        """SQLite's BEGIN IMMEDIATE: a transaction holding TaperDesk's one write lock."""
        for attempt in (1, 2):
            raw = self._ready()
            try:
                raw.execute("BEGIN")
                self._in_tx = True
                raw.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
                return PgCursor([], None, -1)
            except psycopg.Error as exc:
                self._in_tx = False
                if attempt == 1 and raw.broken:
                    continue  # nothing was written yet: start again on a fresh connection
                raise self._failed(exc, raw) from None
        raise AssertionError("unreachable")

    def _end(self, word: str) -> PgCursor:
        raw = self._raw
        self._in_tx = False
        if raw is None or raw.broken or raw.closed:
            if word == "COMMIT":
                raise self._lost()
            return PgCursor([], None, -1)
        try:
            raw.execute(word)
        except psycopg.Error as exc:
            if word == "COMMIT":
                raise self._failed(exc, raw) from None
        return PgCursor([], None, -1)

    def _lost(self) -> StoreError:
        return StoreError(f"The connection to the clinic server {self.where} was lost during "
                          "this save; the server kept nothing of it. Try again in a moment.")

    def _failed(self, exc: psycopg.Error, raw: psycopg.Connection[Any]) -> StoreError:
        if raw.broken:
            was_writing = self._in_tx
            self._in_tx = False
            if was_writing:
                return self._lost()
        elif self._in_tx:
            try:
                raw.execute("ROLLBACK")
            except psycopg.Error:
                pass
            self._in_tx = False
        return server_error(exc, self.where)

    # -- notifications ---------------------------------------------------------

    def listen(self) -> None:
        """Be told (NOTIFY) of every write other TaperDesks commit."""
        if not self.listening:
            self._ready().execute(
                pgsql.SQL("LISTEN {}").format(pgsql.Identifier(NOTIFY_CHANNEL)))
            self.listening = True

    def poll(self) -> list[str]:
        """The payloads (patient ids, or '') of other connections' writes received since
        the last poll; never blocks. Counts them in ``notices``."""
        if self._in_tx:
            return []
        try:
            raw = self._ready()
            mine = raw.info.backend_pid
            got = [n.payload for n in raw.notifies(timeout=0.0) if n.pid != mine]
        except psycopg.Error:
            if self._raw is not None and self._raw.broken:
                return self.poll_after_reconnect()
            raise StoreError(f"The clinic server {self.where} cannot be reached.") from None
        self.notices += len(got)
        return got

    def poll_after_reconnect(self) -> list[str]:
        try:
            self._ready()
        except StoreError:
            return []
        return [""]
