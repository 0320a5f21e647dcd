"""Opening the clinic server's database safely: check it is ours and not too new, then upgrade.

The server's twin of opening.py. A database is TaperDesk's when its
``taperdesk_meta`` table says so (application = TaperDesk); an empty database is
set up; a database holding other tables is another program's and is refused
untouched; one written by a newer TaperDesk is refused. Pending migrations run
in ONE transaction under the write lock, so an upgrade completes or leaves the
database as it was, and two PCs upgrading at once do the work once.
"""

from __future__ import annotations

from collections.abc import Sequence

from taperdesk.paths import is_server_uri
from taperdesk.store.errors import StoreError
from taperdesk.store.pg import PgConnection
from taperdesk.store.pg_schema import META
from taperdesk.store.schema import MIGRATIONS, Migration, current_version, tables

APPLICATION = "TaperDesk"
UNCHANGED = "It was not changed."


def _meta(conn: PgConnection) -> dict[str, str] | None:
    if conn.execute("SELECT to_regclass('taperdesk_meta') IS NOT NULL").fetchone()[0]:  # type: ignore[index]
        return {str(r["key"]): str(r["value"])
                for r in conn.execute("SELECT key, value FROM taperdesk_meta").fetchall()}
    return None


def _other_tables(conn: PgConnection) -> list[str]:
    rows = conn.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        " ORDER BY table_name").fetchall()
    return [str(r[0]) for r in rows]


def schema_version(conn: PgConnection) -> int:
    meta = _meta(conn) or {}
    return int(meta.get("schema_version", "0"))


def connect_server(
    uri: str, *, create: bool = True, migrations: Sequence[Migration] | None = None
) -> PgConnection:
    """An open, checked, upgraded connection to the clinic server's database."""
    if not is_server_uri(uri):
        raise StoreError(f"{uri!r} is not a server address; write postgresql://HOST/DATABASE.")
    conn = PgConnection(uri.strip())
    try:
        newest = current_version(migrations)
        where = conn.where
        meta = _meta(conn)
        if meta is None:
            others = _other_tables(conn)
            if others:
                raise StoreError(
                    f"The database {where} belongs to another program (it holds tables such as "
                    f"{', '.join(others[:3])}, and no TaperDesk marker). {UNCHANGED} Give "
                    "TaperDesk a database of its own (docs/SERVER.md).")
            if not create:
                raise StoreError(f"The database {where} holds no TaperDesk records yet.")
        elif meta.get("application") != APPLICATION:
            raise StoreError(f"The database {where} belongs to another program "
                             f"({meta.get('application', 'unknown')!r}). {UNCHANGED}")
        version = int((meta or {}).get("schema_version", "0"))
        if version > newest:
            raise StoreError(
                f"The database {where} was written by a newer TaperDesk (records version "
                f"{version}; this TaperDesk reads up to version {newest}). Update TaperDesk "
                f"on this PC to use it. {UNCHANGED}")
        if version < newest:
            migrate_server(conn, migrations)
        missing = [t for t in tables(migrations) if t not in _other_tables(conn)]
        if missing:
            raise StoreError(f"The database {where} is damaged: table {missing[0]!r} is "
                             f"missing. {UNCHANGED}")
        conn.learn_tables()
    except BaseException:
        conn.close()
        raise
    return conn


def migrate_server(conn: PgConnection, migrations: Sequence[Migration] | None = None) -> int:
    """Bring the server database to the newest version in one transaction."""
    steps = MIGRATIONS if migrations is None else migrations
    for i, m in enumerate(steps):
        if m.version != i + 1:
            raise RuntimeError(f"migration {i} produces version {m.version}, not {i + 1}")
        if m.postgres is None and m.statements:
            raise RuntimeError(f"migration {m.version} ({m.description}) has no PostgreSQL twin")
    conn.execute("BEGIN IMMEDIATE")
    try:
        found = schema_version(conn)
        if found < len(steps):
            if found == 0 and _meta(conn) is None:
                for sql in META:
                    conn.execute(sql)
            for m in steps[found:]:
                for sql in m.postgres or ():
                    conn.execute(sql)
                run = m.postgres_run if m.postgres_run is not None else m.run
                if run is not None:
                    run(conn)  # type: ignore[arg-type]
            for key, value in (("application", APPLICATION), ("schema_version", str(len(steps)))):
                conn.execute("INSERT INTO taperdesk_meta (key, value) VALUES (?, ?) ON CONFLICT "
                             "(key) DO UPDATE SET value = excluded.value", (key, value))
        conn.execute("COMMIT")
    except StoreError as exc:
        conn.execute("ROLLBACK")
        raise StoreError(f"Upgrading the records on {conn.where} failed ({exc}); they were "
                         "left as they were.") from None
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return max(found, len(steps))


def check_server(uri: str) -> str:
    """Whether ``uri`` is a clinic server TaperDesk can use, changing nothing there: ''
    for an empty database or TaperDesk's own (older ones are upgraded when opened), else
    one message saying what is wrong (the settings dialog's test on OK)."""
    if not is_server_uri(uri):
        return f"{uri!r} is not a server address; write postgresql://USER@HOST/DATABASE."
    try:
        conn = PgConnection(uri.strip())
    except StoreError as exc:
        return str(exc)
    try:
        meta = _meta(conn)
        if meta is None:
            others = _other_tables(conn)
            return "" if not others else (
                f"The database {conn.where} belongs to another program (it holds tables such "
                f"as {', '.join(others[:3])}, and no TaperDesk marker). Give TaperDesk a "
                "database of its own (docs/SERVER.md).")
        if meta.get("application") != APPLICATION:
            return (f"The database {conn.where} belongs to another program "
                    f"({meta.get('application', 'unknown')!r}).")
        version = int(meta.get("schema_version", "0"))
        if version > current_version():
            return (f"The database {conn.where} was written by a newer TaperDesk (records "
                    f"version {version}); update TaperDesk on this PC to use it.")
        return ""
    except StoreError as exc:
        return str(exc)
    finally:
        conn.close()
