"""Writing an output file (plan file, handout PDF, backup copy) without ever destroying
the records: the one helper every ``-o`` of the commands and every Save of the window uses.

- The records file and its ``-wal``, ``-shm`` and ``-journal`` companions are refused
  always, whatever the path says (symbolic links and hard links are followed:
  the comparison is of the files themselves). Any other TaperDesk records file is
  refused too, unless the caller writes records (a backup may replace an older backup).
- An existing file is refused unless ``force`` (the command's ``--force``, or the
  window's save dialog, which has asked the user already).
- The data goes into a new temporary file beside the target (``O_CREAT | O_EXCL |
  O_NOFOLLOW``, mode 0600: outputs name a patient), is flushed to the disk, and only
  then renamed onto the target: a crash leaves the old file or the new one, never half.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from taperdesk.store.errors import StoreError
from taperdesk.store.schema import APPLICATION_ID

OUTPUT_MODE = 0o600
COMPANIONS = ("-wal", "-shm", "-journal")
"""SQLite's files beside a database; overwriting one damages the records."""
_SQLITE_MAGIC = b"SQLite format 3\x00"


class OutputRefused(StoreError):
    """An output file that must not be written; the message says why (one line)."""


def is_records_file(path: Path) -> bool:
    """Whether ``path`` (followed if a link) holds a TaperDesk records database."""
    try:
        with open(path, "rb") as f:
            head = f.read(100)
    except OSError:
        return False
    return (len(head) == 100 and head.startswith(_SQLITE_MAGIC)
            and int.from_bytes(head[68:72], "big") == APPLICATION_ID)


def _same(a: Path, b: Path) -> bool:
    try:
        if os.path.samefile(a, b):
            return True
    except OSError:
        pass
    return os.path.normcase(a.resolve()) == os.path.normcase(b.resolve())


def _guarded(protect: Iterable[Path]) -> list[tuple[Path, str]]:
    """Each protected file and its companions, with what to call it in a message."""
    out: list[tuple[Path, str]] = []
    for db in protect:
        db = Path(db).expanduser().absolute()
        out.append((db, "the records file"))
        out += [(db.with_name(db.name + c), f"the records file's {c[1:]} file")
                for c in COMPANIONS]
    return out


def check_output(target: Path, *, force: bool = False, protect: Iterable[Path] = (),
                 records_ok: bool = False) -> Path:
    """The absolute target if it may be written; OutputRefused (one line) if not."""
    target = Path(target).expanduser().absolute()
    for guarded, what in _guarded(protect):
        if _same(target, guarded):
            raise OutputRefused(f"{target} is {what} and is never overwritten; choose another "
                                "file name.")
    resolved = target.resolve()
    for c in COMPANIONS:
        if resolved.name.endswith(c) and is_records_file(
                resolved.with_name(resolved.name[: -len(c)])):
            raise OutputRefused(f"{target} belongs to a TaperDesk records file and is never "
                                "overwritten; choose another file name.")
    if target.is_dir():
        raise OutputRefused(f"{target} is a folder; give a file name.")
    if not target.parent.is_dir():
        raise OutputRefused(f"the folder {target.parent} does not exist.")
    if not records_ok and is_records_file(target):
        raise OutputRefused(f"{target} is a TaperDesk records file and is never overwritten; "
                            "choose another file name.")
    if (target.exists() or target.is_symlink()) and not force:
        raise OutputRefused(f"{target} already exists; choose another name, or add --force "
                            "to replace it.")
    return target


def write_output(
    target: Path,
    data: bytes | Callable[[Path], None],
    *,
    force: bool = False,
    protect: Iterable[Path] = (),
    records_ok: bool = False,
) -> Path:
    """Write ``data`` (bytes, or a function that fills the given new file) to ``target``.

    Checked by ``check_output`` first; written to a new temporary file beside the
    target, flushed, then renamed onto it. Returns the absolute target.
    """
    target = check_output(target, force=force, protect=protect, records_ok=records_ok)
    import secrets  # here, not at the top: the window's start writes no output

    tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
    flags = os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(
        os, "O_BINARY", 0)
    try:
        fd = os.open(tmp, flags, OUTPUT_MODE)
        try:
            if isinstance(data, bytes):
                view = memoryview(data)
                while view:
                    view = view[os.write(fd, view):]
            if hasattr(os, "fchmod"):
                os.fchmod(fd, OUTPUT_MODE)  # whatever the umask
        finally:
            os.close(fd)
        if not isinstance(data, bytes):
            data(tmp)
        _fsync(tmp)
        os.replace(tmp, target)
        _fsync_folder(target.parent)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise StoreError(f"cannot write {target}: {exc.strerror or exc}") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows has no folder handles to flush."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
