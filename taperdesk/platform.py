"""Frozen-bundle detection, the OS user and a few process facts, in one place.

A PyInstaller bundle sets ``sys.frozen`` and ``sys._MEIPASS``; everything that
must behave differently inside a bundle asks ``IS_FROZEN`` here, never
``sys.frozen`` itself (Picard keeps the same rule in ``picard/const/sys.py``).
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

IS_FROZEN: bool = bool(getattr(sys, "frozen", False)) and hasattr(sys, "_MEIPASS")
IS_WINDOWS: bool = sys.platform.startswith("win")
IS_MACOS: bool = sys.platform == "darwin"


def os_user() -> str:
    """The OS user name recorded as 'who' in the change log."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return os.environ.get("USERNAME") or os.environ.get("USER") or "unknown"


def bundle_dir() -> Path | None:
    """The folder a frozen bundle unpacked its files to, or None when run from source."""
    return Path(getattr(sys, "_MEIPASS", ".")) if IS_FROZEN else None


def ensure_std_streams() -> None:
    """Give a windowed bundle somewhere to write.

    A windowed (no console) executable on Windows starts with ``sys.stdout`` and
    ``sys.stderr`` set to None; a library that writes a warning would then raise.
    Sending them to the null device keeps such writes harmless.
    """
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))


def rss_bytes() -> int | None:
    """This process's resident memory now, in bytes, where the OS tells it cheaply.

    Linux reads ``/proc/self/statm``; elsewhere the peak from ``getrusage`` (bytes on
    macOS, kilobytes on other Unixes); None on Windows. Used by the benchmarks.
    """
    try:
        with open("/proc/self/statm", encoding="ascii") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        pass
    try:
        import resource
    except ImportError:
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return int(peak if IS_MACOS else peak * 1024)
