"""What the File and Help menus do with records: plan files, another records file, patient
details, settings, the sources of every rule. Each refuses bad input with a message and
changes nothing then; none computes a dose.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from taperdesk.model import PROTOCOLS, compute
from taperdesk.model.guardrails import RULES
from taperdesk.model.schedule import HOLD_SOURCE
from taperdesk.paths import RECORDS_FILE, is_server_uri
from taperdesk.store import Permission, Store, StoreError
from taperdesk.ui import dialogs
from taperdesk.ui.dialogs import PatientDialog, clip
from taperdesk.ui.model_texts import protocol_name, protocol_rule
from taperdesk.ui.session import Session
from taperdesk.ui.settings import remember_server
from taperdesk.ui.translation import LANGUAGE, QT_TRANSLATE_NOOP, translate

PLAN_FILTER = QT_TRANSLATE_NOOP("FileActions", "TaperDesk plan (*.taper.json *.json)")
RECORDS_FILTER = QT_TRANSLATE_NOOP("FileActions", "TaperDesk records (*.sqlite3)")
ICS_FILTER = QT_TRANSLATE_NOOP("FileActions", "Calendar (*.ics)")
FHIR_FILTER = QT_TRANSLATE_NOOP("FileActions", "FHIR JSON (*.fhir.json *.json)")


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
            self.session.show_error(translate("FileActions", "Open a plan first."))
            return None
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self.parent,
                translate("FileActions", "Export plan file"),
                "plan.taper.json",
                translate("FileActions", PLAN_FILTER),
            )
            if not chosen:
                return None
            path = Path(chosen)
        from taperdesk.store.planfile import write_plan_file  # loaded when first used

        try:
            # the dialog asked before replacing a file; the records file is refused always
            write_plan_file(path, self.session.store.export_document(record.id), force=True,
                            protect=(self.session.store.path,))
        except (OSError, StoreError) as exc:
            self.session.show_error(translate("FileActions", "Could not export: {0}").format(exc))
            return None
        self.session.show_message(translate("FileActions", "Exported to {0}").format(path))
        return path

    def import_plan(self, path: Path | None = None) -> bool:
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self.parent,
                translate("FileActions", "Import plan file"),
                "",
                translate("FileActions", PLAN_FILTER),
            )
            if not chosen:
                return False
            path = Path(chosen)
        from taperdesk.store.planfile import PlanFileError, read_plan_file

        try:
            doc = read_plan_file(path, self.session.catalogue)
        except PlanFileError as exc:
            return self._not_imported(str(exc))
        changes = self.session.import_plan_document(doc)
        return changes.ok or self._not_imported(changes.refused)

    def _not_imported(self, why: str) -> bool:
        QMessageBox.warning(
            self.parent,
            translate("FileActions", "Import plan file"),
            translate("FileActions", "Nothing was imported.\n\n{0}").format(why),
        )
        return False

    # -- calendar and FHIR exports (reads only) ----------------------------

    def export_calendar(self, path: Path | None = None) -> Path | None:
        """The plan's dose changes (and appointments) as an .ics file for a phone."""
        return self._export(
            "ics",
            translate("FileActions", "Export to calendar"),
            "plan.ics",
            translate("FileActions", ICS_FILTER),
            path,
        )

    def export_fhir(self, path: Path | None = None) -> Path | None:
        """The patient and the plan as a FHIR R4 Bundle (JSON) for an EHR."""
        return self._export(
            "fhir",
            translate("FileActions", "Export FHIR"),
            "plan.fhir.json",
            translate("FileActions", FHIR_FILTER),
            path,
        )

    def _export(self, fmt: str, title: str, name: str, filter_: str,
                path: Path | None) -> Path | None:
        from taperdesk.interop.export import WHAT, appointments_of, export_bytes
        from taperdesk.store.outputs import write_output

        record, patient = self.session.record, self.session.patient
        if record is None or patient is None:
            self.session.show_error(translate("FileActions", "Open a plan first."))
            return None
        schedule = compute(record.plan, self.session.catalogue)
        if not schedule.steps:
            self.session.show_error(translate("FileActions", "This plan has no steps to export."))
            return None
        if path is None:
            # The dialog asks before replacing a file, so the write may replace it.
            chosen, _ = QFileDialog.getSaveFileName(self.parent, title, name, filter_)
            if not chosen:
                return None
            path = Path(chosen)
        try:
            data = export_bytes(fmt, schedule, patient, plan_id=record.id,
                                revision=record.revision,
                                appointments=appointments_of(self.session.store, patient.id))
            write_output(path, data, force=True, protect=(self.session.store.path,))
        except (OSError, StoreError) as exc:
            self.session.show_error(translate("FileActions", "Could not export: {0}").format(exc))
            return None
        self.session.show_message(
            translate("FileActions", "Exported the plan as a {0} to {1}").format(WHAT[fmt], path)
        )
        return path

    # -- records files ----------------------------------------------------

    def open_records_file(self, path: Path | None = None) -> Store | None:
        """Open another records file now (e.g. on a clinic share) and from every next start.

        A file that is not a TaperDesk records file (or cannot be created) is refused
        with the reason; the file and the window stay as they were.
        """
        current = self.session.store
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self.parent,
                translate("FileActions", "Open records file"),
                str(current.path.parent),
                translate("FileActions", RECORDS_FILTER),
                options=QFileDialog.Option.DontConfirmOverwrite,
            )
            if not chosen:
                return None
            path = Path(chosen)
        if path.expanduser().absolute() == current.path:
            self.session.show_message(translate("FileActions", "{0} is already open.").format(path))
            return None
        changes = self.session.open_records(path)
        if not changes.ok:
            QMessageBox.warning(
                self.parent,
                translate("FileActions", "Records file"),
                translate("FileActions", "That file cannot be used.\n\n{0}").format(
                    changes.refused
                ),
            )
            return None
        store = self.session.store
        self.settings.setValue(RECORDS_FILE, str(store.path))
        note = ""
        if (store.path.parent / "clinic-products.json").exists() \
                and store.path.parent != current.path.parent:
            note = translate(
                "FileActions", " Its folder's clinic products file is used from the next start."
            )
        self.session.show_message(
            translate("FileActions", "Opened {0}.{1}").format(store.path, note)
        )
        return store

    # -- patient and settings ---------------------------------------------

    def edit_patient(self) -> bool:
        """Name, date of birth, clinic ID and the opioid flag of the open patient."""
        p = self.session.patient
        if p is None:
            self.session.show_error(translate("FileActions", "Choose a patient first."))
            return False
        d = PatientDialog(
            self.parent,
            name=p.name,
            born=p.born,
            clinic_id=p.clinic_id,
            opioid=p.opioid,
            title=translate("FileActions", "Patient details"),
            language=p.language,
        )
        while dialogs.run(d):
            changes = self.session.update_patient(
                translate("FileActions", "Details of {0}").format(p.name), **d.values()
            )
            if changes.ok:
                return True
            d.error.setText(clip(changes.refused))  # said in the dialog, which stays open
        return False

    def settings_dialog(self) -> bool:
        from taperdesk.ui.settings_dialog import SettingsDialog  # loaded when first opened

        chosen = str(self.settings.value(RECORDS_FILE) or "")
        before = str(self.settings.value(LANGUAGE, "") or "")
        why_not = self.session.why_not(Permission.SETTINGS)
        d = SettingsDialog(self.session.store, self.session.store.path,
                           self.open_records_file, self.parent,
                           server=chosen if is_server_uri(chosen) else "", why_not=why_not,
                           window_language=before)
        if not dialogs.run(d):
            return False
        if d.window_language() != before:  # this PC's choice, not the records file's
            self.settings.setValue(LANGUAGE, d.window_language())
            self.session.show_message(translate(
                "FileActions", "The window speaks the chosen language from the next start."))
        saved = True if why_not else self.session.save_settings(d.values()).ok
        remember_server(self.settings, d.server.text().strip(), chosen)
        if d.server.text().strip() != (chosen if is_server_uri(chosen) else ""):
            self.session.show_message(QCoreApplication.translate(
                "FileActions", "The clinic server setting is used from the next start of "
                "TaperDesk."))
        return saved

    # -- help -------------------------------------------------------------

    def about(self) -> None:
        # when first used: not part of the start
        from taperdesk.ui.about import about_box

        about_box(self.parent, str(self.session.store.path)).exec()

    def sources(self) -> None:
        QMessageBox.information(
            self.parent, translate("FileActions", "Clinical sources"), sources_text()
        )


def sources_text() -> str:
    """Every protocol, hold and check TaperDesk applies, with its source."""
    lines = [
        translate("FileActions", "{0}: {1}\nSource: {2}").format(
            protocol_name(p), protocol_rule(p), p.source)
        for p in PROTOCOLS.values()
    ]
    lines.append(translate("FileActions", "Holds: {0}").format(HOLD_SOURCE))
    lines += [translate("FileActions", "{0} [{1}]\nSource: {2}").format(title, code, source)
              for code, (_severity, title, source) in RULES.items()]
    return "\n\n".join(lines)
