"""What the window remembers on this PC: its layout, the last patient opened and which
records file (or clinic server) to use, in QSettings (this PC, this user).

The clinic's details are kept in the records file itself (``Store.set_setting``), so
every PC that opens the same records prints the same clinic name and phone on handouts;
they are edited in the settings dialog (ui/settings_dialog.py, loaded when it is first
opened: the window's start needs only what is here).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

from taperdesk.paths import RECORDS_FILE, is_server_uri

if TYPE_CHECKING:
    from taperdesk.ui.settings_dialog import SettingsDialog as SettingsDialog

GEOMETRY, STATE = "geometry", "state"
LAST_PATIENT = "last_patient"


def __getattr__(name: str) -> Any:
    if name == "SettingsDialog":  # where it was before it had a module of its own
        from taperdesk.ui.settings_dialog import SettingsDialog

        return SettingsDialog
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def save_layout(window: QMainWindow, settings: QSettings, *splitters: QSplitter) -> None:
    settings.setValue(GEOMETRY, window.saveGeometry())
    settings.setValue(STATE, window.saveState())
    for split in splitters:
        settings.setValue(split.objectName(), split.saveState())
    settings.sync()


def restore_layout(window: QMainWindow, settings: QSettings, *splitters: QSplitter) -> bool:
    """Put back the size, docks, toolbar and splitters of the last run; False on a first run."""
    geometry, state = settings.value(GEOMETRY), settings.value(STATE)
    if isinstance(geometry, QByteArray):
        window.restoreGeometry(geometry)
    for split in splitters:
        saved = settings.value(split.objectName())
        if isinstance(saved, QByteArray):
            split.restoreState(saved)
    return isinstance(state, QByteArray) and window.restoreState(state)


def last_patient_key(records: Path) -> str:
    """The QSettings key of the last patient opened from one records file: patient 3 of
    one file is nobody in another (a hash, so the key is short and has no path syntax)."""
    digest = hashlib.sha256(str(Path(records).expanduser().absolute()).encode()).hexdigest()
    return f"{LAST_PATIENT}/{digest[:16]}"


def last_patient(settings: QSettings, records: Path) -> int | None:
    value = settings.value(last_patient_key(records))
    try:
        return int(str(value)) if value is not None else None
    except ValueError:
        return None


def remember_patient(settings: QSettings, records: Path, patient_id: int) -> None:
    settings.setValue(last_patient_key(records), patient_id)


def remember_server(settings: QSettings, uri: str, was: str) -> None:
    """The clinic server this PC opens from the next start (kept where the records file
    chosen is, RECORDS_FILE, which app.py reads); '' forgets a server given before."""
    if uri:
        settings.setValue(RECORDS_FILE, uri)
    elif is_server_uri(was):
        settings.remove(RECORDS_FILE)  # back to the default records file
    settings.sync()
