"""The patient list: search as you type, new patient, archive, show archived."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from taperdesk.store import Patient, StoreError
from taperdesk.ui import dialogs
from taperdesk.ui.dialogs import PatientDialog, clip
from taperdesk.ui.session import Session
from taperdesk.ui.translation import translate, ui_date

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
_SHOWN, _ID = int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.UserRole)
"""As plain ints: each paint asks ``data`` for several roles of every row shown."""


class PatientRows(QAbstractListModel):
    """The patients a search found (up to its limit, 200), each row worded when it is first
    shown: a list shows a screenful, so typing words a screenful per keystroke, not 200."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._patients: list[Patient] = []
        self._labels: dict[int, str] = {}
        self._born = self._opioid = self._archived = ""

    def rowCount(self, parent: Index = ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._patients)

    def data(self, index: Index, role: int = _SHOWN) -> Any:
        row = index.row()
        if not 0 <= row < len(self._patients):  # an invalid index (row -1) included
            return None
        if role == _SHOWN:
            label = self._labels.get(row)
            if label is None:
                label = self._labels[row] = self._label(self._patients[row])
            return label
        if role == _ID:
            return self._patients[row].id
        return None

    def show(self, patients: list[Patient]) -> None:
        """Show ``patients`` in place of the rows (nothing happens when they are the same)."""
        if patients == self._patients:
            return
        self.beginResetModel()
        self._patients = patients
        self._labels = {}
        self._born = translate("PatientList", "born {0}")
        self._opioid = translate("PatientList", "opioid")
        self._archived = translate("PatientList", "archived")
        self.endResetModel()

    def row_of(self, patient_id: int | None) -> int:
        """The row of the patient, or -1 when the list does not show them."""
        return next((i for i, p in enumerate(self._patients) if p.id == patient_id), -1)

    def labels(self) -> list[str]:
        """Every row as the list words it."""
        return [self.data(self.index(i)) for i in range(len(self._patients))]

    def _label(self, p: Patient) -> str:
        extra = [p.clinic_id] if p.clinic_id else []
        if p.born:
            extra.append(self._born.format(ui_date(p.born, "%d %b %Y")))
        if p.opioid:
            extra.append(self._opioid)
        if p.archived:
            extra.append(self._archived)
        return p.name + (f"  ({', '.join(extra)})" if extra else "")


class PatientList(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._following = False
        self.search = QLineEdit()
        self.search.setPlaceholderText(translate("PatientList", "Search name or clinic ID…"))
        self.search.setClearButtonEnabled(True)
        self.rows = PatientRows(self)
        self.list = QListView()
        self.list.setModel(self.rows)
        # One line of text a row: the view lays out 200 rows from one row's size.
        self.list.setUniformItemSizes(True)
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
        self.list.selectionModel().currentChanged.connect(self._on_current)
        self.list.activated.connect(self._on_current)
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
        self._following = True
        try:
            self.rows.show(found)
        finally:
            self._following = False
        self._follow()

    def labels(self) -> list[str]:
        """What the list shows, row by row."""
        return self.rows.labels()

    def select(self, row: int) -> None:
        """Make ``row`` the list's current row (as a click or an arrow key does): it opens
        that patient."""
        self.list.setCurrentIndex(self.rows.index(row))

    def _on_current(self, index: QModelIndex) -> None:
        if self._following or not index.isValid():
            return
        pid = index.data(Qt.ItemDataRole.UserRole)
        if self._session.patient is None or self._session.patient.id != pid:
            self._session.open_patient(pid)

    def _follow(self) -> None:
        """Make the open patient the current row, or none when the list does not show them
        (whoever opened the patient: this opens no one)."""
        p = self._session.patient
        row = self.rows.row_of(p.id if p is not None else None)
        if row == self.list.currentIndex().row():
            return
        self._following = True
        try:
            self.list.setCurrentIndex(self.rows.index(row) if row >= 0 else QModelIndex())
        finally:
            self._following = False

    def _on_patient_changed(self) -> None:
        p = self._session.patient
        self._follow()
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
