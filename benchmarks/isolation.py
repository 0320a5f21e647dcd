"""A throwaway settings and data location for a benchmark run, so measuring never writes
the user's real QSettings (the last patient, the records file chosen) or data folder.

Set in the environment before Qt is imported, so this process and every child it
launches (the timed ``taperdesk-gui --bench-ready``) read and write only under
``root``; QSettings' own paths are pointed there too once Qt is loaded.
"""

from __future__ import annotations

import os
from pathlib import Path

VARIABLES = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")


def isolate(root: Path) -> dict[str, str]:
    """Point the settings and data folders at ``root`` (made here); returns what was set."""
    chosen = {}
    for name in VARIABLES:
        folder = root / name.removeprefix("XDG_").removesuffix("_HOME").lower()
        folder.mkdir(parents=True, exist_ok=True)
        chosen[name] = str(folder)
    os.environ.update(chosen)
    point_qsettings(Path(chosen["XDG_CONFIG_HOME"]))
    return chosen


def point_qsettings(config: Path) -> None:
    """QSettings' user-scope files (native and INI format) under ``config``, if Qt is
    already loaded (otherwise the environment above is read when it loads)."""
    import sys

    if "PySide6.QtCore" not in sys.modules:
        return
    from PySide6.QtCore import QSettings

    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(config))
