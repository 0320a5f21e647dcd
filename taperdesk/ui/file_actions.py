"""What the File and Help menus do with records: plan files, another records file, patient
details, settings, the sources of every rule. Each refuses bad input with a message and
changes nothing then; none computes a dose.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from taperdesk import __version__
from taperdesk.model import PROTOCOLS
from taperdesk.model.guardrails import RULES
from taperdesk.model.schedule import HOLD_SOURCE
from taperdesk.store import PlanFileError, Store, StoreError, read_plan_file, write_plan_file
from taperdesk.ui import dialogs
from taperdesk.ui.dialogs import PatientDialog, clip
from taperdesk.ui.session import Session
from taperdesk.ui.settings import RECORDS_FILE, SettingsDialog

PLAN_FILTER = "TaperDesk plan (*.taper.json *.json)"
RECORDS_FILTER = "TaperDesk records (*.sqlite3)"


class FileActions:
    """The records side of the menus, for one window (``parent``) and its session."""

    def __init__(self, session: Session, parent: QWidget, settings: QSettings) -> None:
        self.session = session
        self.parent = parent
        self.settings = settings

    # -- plan files -------------------------------------------------------

    def export_plan(self, path: Path | None = None) -> Path | None:
        record = self.session.record
        if record is None:
            self.session.error.emit("Open a plan first.")
            return None
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(self.parent, "Export plan file",
                                                    "plan.taper.json", PLAN_FILTER)
            if not chosen:
                return None
            path = Path(chosen)
        try:
            # the dialog asked before replacing a file; the records file is refused always
            write_plan_file(path, self.session.store.export_document(record.id), force=True,
                            protect=(self.session.store.path,))
        except (OSError, StoreError) as exc:
            self.session.error.emit(f"Could not export: {exc}")
            return None
        self.session.message.emit(f"Exported to {path}")
        return path

    def import_plan(self, path: Path | None = None) -> bool:
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(self.parent, "Import plan file", "",
                                                    PLAN_FILTER)
            if not chosen:
                return False
            path = Path(chosen)
        try:
            doc = read_plan_file(path, self.session.catalogue)
            imported = self.session.store.import_document(doc)
        except (PlanFileError, StoreError) as exc:
            QMessageBox.warning(self.parent, "Import plan file", f"Nothing was imported.\n\n{exc}")
            return False
        self.session.patients_changed.emit()
        self.session.open_patient(imported.patient.id)
        return True

    # -- records files ----------------------------------------------------

    def open_records_file(self, path: Path | None = None) -> Store | None:
        """Open another records file now (e.g. on a clinic share) and from every next start.

        A file that is not a TaperDesk records file (or cannot be created) is refused
        with the reason; the file and the window stay as they were.
        """
        current = self.session.store
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self.parent, "Open records file", str(current.path.parent), RECORDS_FILTER,
                options=QFileDialog.Option.DontConfirmOverwrite)
            if not chosen:
                return None
            path = Path(chosen)
        if path.expanduser().absolute() == current.path:
            self.session.message.emit(f"{path} is already open.")
            return None
        try:
            store = Store.open(path)
        except (StoreError, OSError) as exc:
            QMessageBox.warning(self.parent, "Records file", f"That file cannot be used.\n\n{exc}")
            return None
        self.session.switch_store(store)
        self.settings.setValue(RECORDS_FILE, str(store.path))
        note = ""
        if (store.path.parent / "clinic-products.json").exists() \
                and store.path.parent != current.path.parent:
            note = " Its folder's clinic products file is used from the next start."
        self.session.message.emit(f"Opened {store.path}.{note}")
        return store

    # -- patient and settings ---------------------------------------------

    def edit_patient(self) -> bool:
        """Name, date of birth, clinic ID and the opioid flag of the open patient."""
        p = self.session.patient
        if p is None:
            self.session.error.emit("Choose a patient first.")
            return False
        d = PatientDialog(self.parent, name=p.name, born=p.born, clinic_id=p.clinic_id,
                          opioid=p.opioid, title="Patient details")
        while dialogs.run(d):
            refused = self.session.update_patient(f"Details of {p.name}", **d.values())
            if not refused:
                return True
            d.error.setText(clip(refused))  # said in the dialog, which stays open
        return False

    def settings_dialog(self) -> bool:
        d = SettingsDialog(self.session.store, self.session.store.path,
                           self.open_records_file, self.parent)
        if not dialogs.run(d):
            return False
        try:
            for key, value in d.values().items():
                self.session.store.set_setting(key, value)
        except StoreError as exc:
            self.session.error.emit(f"Settings not saved: {exc}")
            return False
        self.session.message.emit("Settings saved.")
        return True

    # -- help -------------------------------------------------------------

    def about(self) -> None:
        QMessageBox.about(self.parent, "About TaperDesk",
                          f"TaperDesk {__version__}\nPlan, adjust, document and print "
                          "benzodiazepine tapers. Offline; records stay on this PC.\n\n"
                          f"Records file: {self.session.store.path}")

    def sources(self) -> None:
        QMessageBox.information(self.parent, "Clinical sources", sources_text())


def sources_text() -> str:
    """Every protocol, hold and check TaperDesk applies, with its source."""
    lines = [f"{p.name}: {p.rule}\nSource: {p.source}" for p in PROTOCOLS.values()]
    lines.append(f"Holds: {HOLD_SOURCE}")
    lines += [f"{title} [{code}]\nSource: {source}"
              for code, (_severity, title, source) in RULES.items()]
    return "\n\n".join(lines)
