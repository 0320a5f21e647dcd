"""Writing an export file: complete or not at all, and never over a file by accident.

The one place the exports write (the CLI and the window both call ``write_export``), so
it can move to the shared safe-output helper in one edit.
"""

from __future__ import annotations

import os
from pathlib import Path


class OutputExists(FileExistsError):
    """The output file exists and ``force`` was not given."""


def write_export(path: Path, data: bytes, *, force: bool = False) -> None:
    """Write ``data`` to ``path`` through a new temporary file (O_EXCL, mode 0600), then
    put it in place: by a hard link that fails if ``path`` appeared meanwhile, or, with
    ``force``, by a rename over it. Raises OutputExists, or OSError; nothing is left
    behind either way."""
    if not force and os.path.lexists(path):
        raise _exists(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    try:
        _fill(fd, data)
        if force:
            tmp.replace(path)
        else:
            try:
                os.link(tmp, path)
            except FileExistsError:
                raise _exists(path) from None
            except OSError:
                _write_exclusive(path, data)  # a file system without hard links (FAT, SMB)
    finally:
        tmp.unlink(missing_ok=True)


def _write_exclusive(path: Path, data: bytes) -> None:
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        raise _exists(path) from None
    try:
        _fill(fd, data)
    except BaseException:
        path.unlink(missing_ok=True)
        raise


def _exists(path: Path) -> OutputExists:
    return OutputExists(f"{path} exists; give another name or --force to replace it")


def _fill(fd: int, data: bytes) -> None:
    """Write all of ``data`` to the new file ``fd`` and onto the disk, then close it."""
    with os.fdopen(fd, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
