"""What the window remembers, and the settings dialog.

Two places, on purpose: QSettings (this PC, this user) keeps the window layout,
the last patient opened and which records file to use; the records file itself
(``Store.set_setting``) keeps the clinic's details, so every PC that opens the
same records prints the same clinic name and phone on handouts.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QLabel, QLineEdit, QMainWindow, QPushButton, QSplitter, QWidget

from taperdesk.store import Store
from taperdesk.ui.dialogs import _Form

GEOMETRY, STATE = "geometry", "state"
LAST_PATIENT = "last_patient"
RECORDS_FILE = "records_file"
CLINIC_FIELDS = (
    ("clinic_name", "Clinic name", "Printed at the top of every handout"),
    ("clinic_phone", "Clinic phone", "Printed in the handout's get-help box"),
    ("next_appointment", "Next appointment",
     "Printed on the handout as written (e.g. 2026-12-14 or 'in two weeks'); "
     "leave empty to print a blank line to fill in by hand"),
)
MAX_SETTING = 200
"""Longest clinic detail kept (a TaperDesk limit so a handout line stays one line)."""


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


class SettingsDialog(_Form):
    """Clinic name, phone and next-appointment default (kept in the records file) and which
    records file this PC opens (kept in QSettings)."""

    def __init__(self, store: Store, records_file: Path,
                 open_file: Callable[[], Store | None], parent: QWidget | None = None) -> None:
        super().__init__("Settings", parent)
        self.fields: dict[str, QLineEdit] = {}
        for key, label, tip in CLINIC_FIELDS:
            edit = QLineEdit(store.setting(key))
            edit.setToolTip(tip)
            edit.setMaxLength(MAX_SETTING)
            self.fields[key] = edit
            self.form.addRow(label, edit)
        note = QLabel("Kept in the records file, so every PC using it prints the same details.")
        note.setStyleSheet("color: #555")
        note.setWordWrap(True)
        self.form.addRow(note)
        self.records = QLineEdit(str(records_file))
        self.records.setReadOnly(True)
        self.records.setMinimumWidth(380)
        self.choose = QPushButton("Open another records file…")
        self.choose.clicked.connect(lambda: self._opened(open_file()))
        self.form.addRow("Records file", self.records)
        self.form.addRow("", self.choose)
        self.finish()

    def _opened(self, store: Store | None) -> None:
        """Another records file was opened: show its path and its clinic details."""
        if store is not None:
            self.records.setText(str(store.path))
            for key, edit in self.fields.items():
                edit.setText(store.setting(key))

    def problem(self) -> str:
        for key, label, _tip in CLINIC_FIELDS:
            if any(ch in self.fields[key].text() for ch in "\n\r\t"):
                return f"{label}: one line of text, please."
        return ""

    def values(self) -> dict[str, str]:
        return {key: edit.text().strip() for key, edit in self.fields.items()}
