"""The patient list: search as you type, new patient, archive, show archived."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from taperdesk.store import Patient, StoreError
from taperdesk.ui import dialogs
from taperdesk.ui.dialogs import PatientDialog, clip
from taperdesk.ui.session import Session
from taperdesk.ui.translation import translate


class PatientList(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.search = QLineEdit()
        self.search.setPlaceholderText(translate("PatientList", "Search name or clinic ID…"))
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.show_archived = QCheckBox(translate("PatientList", "Show archived"))
        self.new_button = QPushButton(translate("PatientList", "&New…"))
        self.archive_button = QPushButton(translate("PatientList", "Archive"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.archive_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        layout.addWidget(self.show_archived)
        layout.addLayout(buttons)
        self.search.textChanged.connect(self.refresh)
        self.show_archived.toggled.connect(self.refresh)
        self.list.currentItemChanged.connect(self._on_current)
        self.new_button.clicked.connect(self.new_patient_dialog)
        self.archive_button.clicked.connect(self.toggle_archive)
        session.patients_changed.connect(self.refresh)
        session.patient_changed.connect(self._on_patient_changed)
        self.refresh()

    def refresh(self) -> None:
        try:
            found = self._session.store.search_patients(
                self.search.text(), include_archived=self.show_archived.isChecked())
        except StoreError as exc:
            self._session.show_error(str(exc))
            return
        current = self._session.patient.id if self._session.patient else None
        self.list.blockSignals(True)
        self.list.clear()
        for p in found:
            item = QListWidgetItem(self._label(p))
            item.setData(Qt.ItemDataRole.UserRole, p.id)
            self.list.addItem(item)
            if p.id == current:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)

    @staticmethod
    def _label(p: Patient) -> str:
        extra = [p.clinic_id] if p.clinic_id else []
        if p.born:
            extra.append(translate("PatientList", "born {0:%d %b %Y}").format(p.born))
        if p.opioid:
            extra.append("opioid")
        if p.archived:
            extra.append("archived")
        return p.name + (f"  ({', '.join(extra)})" if extra else "")

    def _on_current(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        pid = item.data(Qt.ItemDataRole.UserRole)
        if self._session.patient is None or self._session.patient.id != pid:
            self._session.open_patient(pid)

    def _on_patient_changed(self) -> None:
        p = self._session.patient
        self.list.blockSignals(True)  # the list follows the open patient, whoever opened it
        self.list.setCurrentRow(-1)
        for i in range(self.list.count()):
            if p is not None and self.list.item(i).data(Qt.ItemDataRole.UserRole) == p.id:
                self.list.setCurrentRow(i)
        self.list.blockSignals(False)
        self.archive_button.setEnabled(p is not None)
        self.archive_button.setText(
            translate("PatientList", "Restore")
            if p and p.archived
            else translate("PatientList", "Archive")
        )

    def add_patient(self, **values: Any) -> Patient | None:
        """Add and open a patient (the Session writes it); None, said, when refused."""
        if not self._session.add_patient(**values).ok:
            return None
        return self._session.patient

    def new_patient_dialog(self) -> Patient | None:
        """Ask until the records accept the patient (a clinic ID already in use, a birth date
        in the future: said in the dialog, which stays open) or the user cancels."""
        dialog = PatientDialog(self)
        while dialogs.run(dialog):
            changes = self._session.add_patient(say=False, **dialog.values())
            if changes.ok:
                return self._session.patient
            dialog.error.setText(clip(changes.refused))
        return None

    def toggle_archive(self) -> None:
        p = self._session.patient
        if p is not None:
            self._session.set_archived(not p.archived)  # the undo history of the plan stays
