"""The appointment dialog (visit or phone check-in, date, time, note) and the dialog that
lists the check-ins the rule proposes (book them all, or untick and edit some first).

Both check at the field before anything is saved: the Session says why an appointment
cannot be booked (in the past, overlapping, archived patient) and warns, without
refusing, when it is on or after the plan's stop date.
"""

from __future__ import annotations

from datetime import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from taperdesk.model.appointments import MAX_APPOINTMENT_NOTE, Appointment, Kind
from taperdesk.ui import dialogs, theme
from taperdesk.ui.dialogs import _Form, date_edit, from_qdate
from taperdesk.ui.today_words import kind_label

if TYPE_CHECKING:
    from taperdesk.ui.session import Session



def parse_time(text: str) -> time | None:
    """'10:30' or '9:05' (blank: no time set); ValueError with a message for the field."""
    text = text.strip()
    if not text:
        return None
    try:
        hours, minutes = text.replace(".", ":").split(":")
        return time(int(hours), int(minutes))
    except ValueError:
        raise ValueError(f"{text[:10]!r} is not a time: type it as HH:MM, e.g. 10:30, "
                         "or leave it blank.") from None


class AppointmentDialog(_Form):
    """Book or change one appointment; OK is refused with the reason at the field."""

    def __init__(self, session: Session, parent: QWidget | None = None, *,
                 start: Appointment | None = None, editing: int | None = None,
                 check: bool = True) -> None:
        super().__init__(QCoreApplication.translate(
            "AppointmentDialog", "Change appointment" if editing is not None
            else "New appointment"), parent)
        self._session, self._editing, self._check = session, editing, check
        a = start or Appointment(session.today(), None, Kind.VISIT)
        self.kind = QComboBox()
        for k in Kind:
            self.kind.addItem(kind_label(k), k)
        self.kind.setCurrentIndex(self.kind.findData(a.kind))
        self.on = date_edit(a.on)
        self.at = QLineEdit(a.at.strftime("%H:%M") if a.at else "")
        self.at.setPlaceholderText(self.tr("HH:MM (blank: any time that day)"))
        self.at.setMaxLength(8)
        self.note = QLineEdit(a.note)
        self.note.setMaxLength(MAX_APPOINTMENT_NOTE)
        self.warning = QLabel()
        theme.follow(self.warning, lambda: f"color: {theme.tone('warning')}")
        self.warning.setWordWrap(True)
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("Date"), self.on)
        self.form.addRow(self.tr("Time"), self.at)
        self.form.addRow(self.tr("Note"), self.note)
        self.form.addRow(self.warning)
        self.finish()
        self.on.dateChanged.connect(self._on_date)
        self._on_date()

    def _on_date(self) -> None:
        self.warning.setText(self._session.appointment_warning(
            Appointment(from_qdate(self.on.date()))))

    def appointment(self) -> Appointment:
        """What the fields say; ValueError for a time that is not one."""
        return Appointment(from_qdate(self.on.date()), parse_time(self.at.text()),
                           self.kind.currentData(), self.note.text().strip())

    def problem(self) -> str:
        try:
            a = self.appointment()
        except ValueError as exc:
            self.at.setFocus()
            return str(exc)
        msg = self._session.appointment_refusal(a, self._editing) if self._check else ""
        if msg:
            self.on.setFocus()
        return msg


class ProposeDialog(QDialog):
    """The proposed check-ins, each ticked: untick one to leave it out, double-click to
    change its day, time or note; OK books the ticked ones as one edit."""

    def __init__(self, session: Session, proposed: list[Appointment],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.setWindowTitle(self.tr("Propose check-ins"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("From the check-in rule (a TaperDesk default, editable): a "
                               "phone check-in on day {0} after every cut, and a visit at "
                               "least weekly while the dose falls.").format(
                                   session.store.checkin_day()))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget()
        for a in proposed:
            self._add(a)
        self.list.itemDoubleClicked.connect(self.edit_item)
        layout.addWidget(self.list)
        self.error = QLabel()
        theme.follow(self.error, theme.error_style)
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.book = buttons.addButton(self.tr("Book ticked"),
                                      QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 380)

    def _add(self, a: Appointment, row: int | None = None) -> None:
        item = QListWidgetItem(_line(a))
        item.setData(Qt.ItemDataRole.UserRole, a)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked)
        if row is None:
            self.list.addItem(item)
        else:
            self.list.insertItem(row, item)

    def edit_item(self, item: QListWidgetItem) -> bool:
        """Change one proposed check-in before booking (checked again when booked)."""
        dialog = AppointmentDialog(self._session, self, start=item.data(
            Qt.ItemDataRole.UserRole), check=False)
        if not dialogs.run(dialog):
            return False
        a = dialog.appointment()
        item.setData(Qt.ItemDataRole.UserRole, a)
        item.setText(_line(a))
        return True

    def chosen(self) -> list[Appointment]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def accept(self) -> None:
        chosen = self.chosen()
        if not chosen:
            self.error.setText(self.tr("Nothing is ticked: tick the check-ins to book, or "
                                       "Cancel."))
            return
        changes = self._session.add_appointments(
            chosen, self.tr("{0} proposed check-ins").format(len(chosen)))
        if not changes.ok:
            self.error.setText(changes.refused)
            return
        super().accept()


def _line(a: Appointment) -> str:
    return a.describe() + (f" — {a.note}" if a.note else "")
