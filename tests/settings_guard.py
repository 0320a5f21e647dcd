"""The tests' throwaway settings and data folders, set before anything imports Qt
(tests/conftest.py imports this first), and a snapshot of the user's real ones."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

HOME = Path.home()
REAL_CONFIG = Path(os.environ.get("XDG_CONFIG_HOME") or HOME / ".config")
REAL_DATA = Path(os.environ.get("XDG_DATA_HOME") or HOME / ".local" / "share")
THROWAWAY = Path(tempfile.mkdtemp(prefix="taperdesk-tests-home-"))
"""Where QSettings and the default records folder point during the tests (and in every
program a test starts, which inherits the environment)."""
for _name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    _folder = THROWAWAY / _name.lower()
    _folder.mkdir()
    os.environ[_name] = str(_folder)


def real_folders() -> list[Path]:
    """The user's own TaperDesk settings and data (whatever a test must never write)."""
    found = sorted(REAL_CONFIG.glob("TaperDesk*")) if REAL_CONFIG.is_dir() else []
    return [*found, REAL_DATA / "TaperDesk", REAL_DATA / "taperdesk"]


def snapshot(paths: list[Path]) -> dict[str, tuple[int, int] | None]:
    """Every file and folder under ``paths`` with its change time and size (None: absent)."""
    seen: dict[str, tuple[int, int] | None] = {}
    for top in paths:
        if not top.exists():
            seen[str(top)] = None
            continue
        for p in [top, *top.rglob("*")]:
            st = p.stat()
            seen[str(p)] = (st.st_mtime_ns, st.st_size)
    return seen
