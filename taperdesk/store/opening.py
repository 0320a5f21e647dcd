"""Opening a records file safely: check it is ours, sound and not too new, then upgrade.

Nothing is written to a file until it is known to be a TaperDesk database of
this or an older version that SQLite reads without complaint; a new file is
built under a temporary name and moved into place complete (mode 0600).
"""

from __future__ import annotations

import os
import sqlite3
import stat
import threading
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from taperdesk.store.errors import OlderRecords, StoreError, StoreLocked
from taperdesk.store.outputs import OutputRefused, write_output
from taperdesk.store.schema import (
    APPLICATION_ID,
    Migration,
    current_version,
    migrate,
    read_version,
    tables,
)

SQLITE_MAGIC = b"SQLite format 3\x00"
FILE_MODE = 0o600
UNCHANGED = "It was not changed."


def translate(exc: sqlite3.Error, path: Path, *, opening: bool = False) -> StoreError:
    """A StoreError with a message for the user in place of an sqlite3 error."""
    text = _one_line(str(exc))
    low = text.lower()
    unchanged = f" {UNCHANGED}" if opening else ""
    if "locked" in low or "busy" in low:
        return StoreLocked(
            f"The records file {path} is in use by another program right now (it is locked)."
            f"{unchanged} Wait a moment or close the other program, then try again."
        )
    if "not a database" in low or "malformed" in low or "corrupt" in low:
        return StoreError(
            f"The records file {path} is damaged ({text}).{unchanged} Restore it from a backup "
            "copy (see 'Backing up' in docs/RECORDS.md)."
        )
    if "readonly" in low or "read-only" in low:
        return StoreError(f"The records file {path} cannot be written (it is read-only).")
    if "full" in low:
        return StoreError(f"The records file {path} cannot be saved: the disk is full.")
    return StoreError(f"The records file {path} cannot be used: {text}.")


def _one_line(text: str) -> str:
    """The first informative line of an SQLite message, at most 200 characters."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("***")]
    line = lines[0] if lines else text.strip()
    return line if len(line) <= 200 else line[:197] + "..."


class IntegrityCheck:
    """SQLite's quick check of a records file, run in a thread while the program starts.

    The window program starts this before it loads Qt's widgets and the chart, so the
    check (it reads the whole file: tens of ms for 10 000 patients, more on a share)
    overlaps that work instead of adding to it. ``connect`` waits for the answer where
    it would otherwise run the check itself, so nothing is written before the file is
    known to be sound. It does only what ``connect`` would do before that answer (read
    the header, open, read): a file it cannot check is checked again by ``connect``,
    which then gives the usual message.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path).expanduser().absolute()
        self._problems: list[str] | None = None
        self._thread = threading.Thread(target=self._run, name="records-check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            _check_header(self.path, current_version())
            conn = sqlite3.connect(self.path, timeout=0, isolation_level=None)
            try:
                self._problems = _quick_check(conn)
            finally:
                conn.close()
        except (StoreError, OSError, sqlite3.Error):
            # not ours, too new, locked, unreadable: connect says so when it opens it
            self._problems = None

    def problems(self, path: Path) -> list[str] | None:
        """The check's findings for ``path`` (``["ok"]`` when sound), or None if it could
        not check that file."""
        self._thread.join()
        return self._problems if path == self.path else None


def _quick_check(conn: sqlite3.Connection) -> list[str]:
    return [str(r[0]) for r in conn.execute("PRAGMA quick_check(5)").fetchall()]


def is_read_only(path: Path) -> bool:
    """Whether the records file is to be opened read-only: it (or its folder, where
    SQLite keeps its -wal and -shm files) cannot be written, or it is marked read-only
    (no write permission for its owner; the Windows read-only attribute), which is
    respected even by an administrator, who could write it anyway."""
    try:
        marked = not path.stat().st_mode & stat.S_IWUSR
    except OSError:
        return False
    return marked or not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK)


def _open_read_only(path: Path, timeout: float) -> sqlite3.Connection:
    uri = path.as_uri() + "?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None)
        conn.execute("PRAGMA user_version").fetchone()
        return conn
    except sqlite3.OperationalError:
        # A write-ahead-log file in a folder we cannot write: no -shm can be made, so
        # read it as it is on the disk (nobody can be writing it: it is read-only).
        return sqlite3.connect(uri + "&immutable=1", uri=True, timeout=timeout,
                               isolation_level=None)


def connect(
    path: Path,
    *,
    create: bool,
    timeout: float,
    migrations: Sequence[Migration] | None = None,
    checked: IntegrityCheck | None = None,
    read_only: bool = False,
) -> sqlite3.Connection:
    """An open, checked, upgraded connection to ``path`` (autocommit mode, WAL, FKs on).

    ``checked``: a quick check of ``path`` already started (see IntegrityCheck).
    ``read_only``: open for reading only (nothing is upgraded or written)."""
    if not path.exists():
        if not create:
            raise StoreError(f"There is no records file at {path}.")
        _create(path, migrations)
    newest = current_version(migrations)
    _check_header(path, newest)
    try:
        conn = (_open_read_only(path, timeout) if read_only else
                sqlite3.connect(path, timeout=timeout, isolation_level=None))
    except sqlite3.Error as exc:
        raise translate(exc, path, opening=True) from None
    try:
        version = _check_contents(conn, path, newest, checked)
        if read_only:
            if version < newest:
                raise OlderRecords(
                    f"The records file {path} is read-only and comes from an older TaperDesk "
                    f"(records version {version}); it must be upgraded before this TaperDesk "
                    f"can read it. Make it writable, then open it again. {UNCHANGED}", version)
            _check_tables(conn, path)
            return conn
        if version < newest:
            backup = backup_before_upgrade(conn, path, version)
            try:
                migrate(conn, migrations)
            except sqlite3.OperationalError as exc:
                if "locked" in str(exc).lower() or "busy" in str(exc).lower():
                    raise
                raise StoreError(_upgrade_failed(path, version, backup, exc)) from None
            except (sqlite3.Error, ValueError, LookupError, TypeError) as exc:
                raise StoreError(_upgrade_failed(path, version, backup, exc)) from None
        _check_tables(conn, path, migrations)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = FULL")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise StoreError(
                f"The records file {path} cannot be shared safely here (the folder does not "
                "allow SQLite's write-ahead log). Choose a folder on this computer."
            )
    except sqlite3.Error as exc:
        conn.close()
        raise translate(exc, path, opening=True) from None
    except BaseException:
        conn.close()
        raise
    return conn


def _upgrade_failed(path: Path, version: int, backup: Path, exc: BaseException) -> str:
    return (
        f"Upgrading the records file {path} from version {version} failed ({exc}); "
        f"it was left as it was. A backup copy was saved as {backup}."
    )


def _create(path: Path, migrations: Sequence[Migration] | None) -> None:
    """Build a new, empty database beside ``path`` and move it into place complete."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"Cannot create the folder {path.parent}: {exc.strerror or exc}") from None
    tmp = path.with_name(f".{path.name}.{os.getpid()}.new")
    try:
        fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, FILE_MODE)
        os.close(fd)
        os.chmod(tmp, FILE_MODE)
        conn = sqlite3.connect(tmp, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode = DELETE")
            migrate(conn, migrations)
        finally:
            conn.close()
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass  # another program created it meanwhile: use theirs
        except OSError:
            if not path.exists():
                os.replace(tmp, path)
    except OSError as exc:
        raise StoreError(f"Cannot create the records file {path}: {exc.strerror or exc}") from None
    except sqlite3.Error as exc:
        raise StoreError(f"Cannot create the records file {path}: {exc}") from None
    finally:
        for leftover in (tmp, tmp.with_name(tmp.name + "-journal")):
            try:
                leftover.unlink()
            except FileNotFoundError:
                pass
            except OSError:
                pass


def _check_header(path: Path, newest: int) -> None:
    """Refuse, without opening it in SQLite, a file that is not a TaperDesk database."""
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a TaperDesk records file.")
    try:
        with path.open("rb") as f:
            head = f.read(100)
    except OSError as exc:
        raise StoreError(f"The records file {path} cannot be read: {exc.strerror or exc}") from None
    if len(head) < 100 or not head.startswith(SQLITE_MAGIC):
        raise StoreError(f"{path} is not a TaperDesk records file (not a database). {UNCHANGED}")
    app_id = int.from_bytes(head[68:72], "big")
    if app_id != APPLICATION_ID:
        raise StoreError(
            f"{path} is a database of another program, not TaperDesk records. {UNCHANGED}"
        )
    _refuse_newer(path, int.from_bytes(head[60:64], "big"), newest)


def _refuse_newer(path: Path, version: int, newest: int) -> None:
    if version > newest:
        raise StoreError(
            f"The records file {path} was written by a newer TaperDesk (records version "
            f"{version}; this TaperDesk reads up to version {newest}). Update TaperDesk to "
            f"open it. {UNCHANGED}"
        )


def _check_contents(conn: sqlite3.Connection, path: Path, newest: int,
                    checked: IntegrityCheck | None = None) -> int:
    """Read-only checks through SQLite: identity, version, and a quick integrity check
    (the one ``checked`` made, if it could)."""
    if int(conn.execute("PRAGMA application_id").fetchone()[0]) != APPLICATION_ID:
        raise StoreError(
            f"{path} is a database of another program, not TaperDesk records. {UNCHANGED}"
        )
    version = read_version(conn)
    _refuse_newer(path, version, newest)
    problems = checked.problems(path) if checked is not None else None
    if problems is None:
        problems = _quick_check(conn)
    if problems != ["ok"]:
        raise StoreError(
            f"The records file {path} is damaged ({_one_line(problems[0])}). {UNCHANGED} "
            "Restore it from "
            "a backup copy (see 'Backing up' in docs/RECORDS.md)."
        )
    return version


def _check_tables(conn: sqlite3.Connection, path: Path,
                  migrations: Sequence[Migration] | None = None) -> None:
    found = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    missing = [t for t in tables(migrations) if t not in found]
    if missing:
        raise StoreError(
            f"The records file {path} is damaged: table {missing[0]!r} is missing. {UNCHANGED}"
        )


def backup_before_upgrade(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.v{version}-backup-{stamp}{path.suffix}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.stem}.v{version}-backup-{stamp}-{n}{path.suffix}")
    return copy_database(conn, target, protect=(path,))


def copy_database(conn: sqlite3.Connection, target: Path, *, force: bool = False,
                  protect: Sequence[Path] = ()) -> Path:
    """A consistent copy of the open database (WAL included) at ``target``, mode 0600.

    Written as every output is (store/outputs.py): a new file beside the target,
    renamed onto it once complete; the records file itself is never the target."""

    def fill(tmp: Path) -> None:
        dest = sqlite3.connect(tmp)
        try:
            conn.backup(dest)
        except sqlite3.Error as exc:
            raise StoreError(f"Cannot write the copy {target}: {exc}") from None
        finally:
            dest.close()

    try:
        return write_output(target, fill, force=force, protect=protect, records_ok=True)
    except OutputRefused:
        raise
    except StoreError as exc:
        raise StoreError(f"Cannot write the copy: {exc}") from None
