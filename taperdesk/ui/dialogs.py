"""Small dialogs: patient, acknowledgement (hold and back-step: ui/hold_dialogs.py).
Each validates at the field.

Dialogs are plain classes: tests fill the fields and call ``accept()``; the
window calls ``exec()``.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from taperdesk.store.codec import MAX_CLINIC_ID, MAX_NAME


def run(dialog: QDialog) -> bool:
    """Show a dialog modally; True if accepted.

    Every dialog of the window is shown through here, so a test replaces this one
    function (monkeypatch ``taperdesk.ui.dialogs.run``) to fill and accept dialogs.
    """
    return bool(dialog.exec())


def clip(text: str, limit: int = 300) -> str:
    """A message short enough for a label (a pasted 5000-digit number is quoted back in
    full by the model's message; a label would grow past the screen)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def to_qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def from_qdate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class _Form(QDialog):
    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout(self)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def finish(self) -> None:
        self.form.addRow(self.error)
        self.form.addRow(self.buttons)

    def problem(self) -> str:
        return ""

    def accept(self) -> None:
        msg = self.problem()
        if msg:
            self.error.setText(msg)
            return
        super().accept()


class PatientDialog(_Form):
    """New patient or edit details: name, date of birth, clinic ID, opioid co-prescription."""

    def __init__(self, parent: QWidget | None = None, *, name: str = "", born: date | None = None,
                 clinic_id: str = "", opioid: bool = False, title: str = "New patient") -> None:
        super().__init__(title, parent)
        self.name = QLineEdit(name)
        self.name.setMaxLength(MAX_NAME)
        self.has_born = QCheckBox("known")
        self.born = QDateEdit(to_qdate(born or date(1970, 1, 1)))
        self.born.setDisplayFormat("d MMM yyyy")
        self.born.setCalendarPopup(True)
        self.has_born.setChecked(born is not None)
        self.born.setMaximumDate(QDate.currentDate())
        self.clinic_id = QLineEdit(clinic_id)
        self.clinic_id.setMaxLength(MAX_CLINIC_ID)
        self.opioid = QCheckBox("Also prescribed an opioid (FDA boxed warning)")
        self.opioid.setChecked(opioid)
        self.form.addRow("Name", self.name)
        self.form.addRow("Date of birth", self.born)
        self.form.addRow("", self.has_born)
        self.form.addRow("Clinic ID", self.clinic_id)
        self.form.addRow("", self.opioid)
        self.finish()

    def problem(self) -> str:
        return "" if self.name.text().strip() else "Give the patient's name."

    def values(self) -> dict[str, object]:
        return {
            "name": self.name.text().strip(),
            "born": from_qdate(self.born.date()) if self.has_born.isChecked() else None,
            "clinic_id": self.clinic_id.text().strip(),
            "opioid": self.opioid.isChecked(),
        }


class ReasonDialog(_Form):
    """Ask for a reason (acknowledging a warning, declining a suggested hold)."""

    def __init__(self, title: str, prompt: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        label = QLabel(prompt)
        label.setWordWrap(True)
        self.reason = QLineEdit()
        self.form.addRow(label)
        self.form.addRow("Reason", self.reason)
        self.finish()

    def problem(self) -> str:
        return "" if self.reason.text().strip() else "A reason is required; it is recorded."

    def value(self) -> str:
        return self.reason.text().strip()
