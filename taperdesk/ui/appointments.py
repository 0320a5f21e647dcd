"""The open patient's appointments (visits and phone check-ins): add, change, cancel, and
"Propose check-ins…" from the check-in rule when a plan is made or changed.

Every change goes through the Session (ui/session_appointments.py) as one undoable edit;
this panel only reads and redraws from ``Session.changed``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from taperdesk.model.appointments import Appointment
from taperdesk.store import AppointmentRecord
from taperdesk.ui import dialogs, theme
from taperdesk.ui.access import name
from taperdesk.ui.changes import Changes
from taperdesk.ui.session import Session
from taperdesk.ui.today_words import kind_label


class AppointmentsPanel(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.records: list[AppointmentRecord] = []
        self.list = QTreeWidget()
        self.list.setColumnCount(4)
        self.list.setHeaderLabels([self.tr("Date"), self.tr("Time"), self.tr("Kind"),
                                   self.tr("Note")])
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.itemActivated.connect(lambda _item, _col: self.edit_dialog())
        name(self.list, self.tr("Appointments"), self.tr(
            "The patient's visits and phone check-ins; Enter changes one, Delete cancels it"))
        self.proposal = QLabel()
        theme.follow(self.proposal, lambda: f"background: {theme.tone('hold_row')}; padding: 4px;")
        self.proposal.setWordWrap(True)
        self.message = QLabel()
        theme.follow(self.message, theme.error_style)
        self.message.setWordWrap(True)
        self.add_button = QPushButton(self.tr("Add…"))
        self.edit_button = QPushButton(self.tr("Change…"))
        self.delete_button = QPushButton(self.tr("Cancel it"))
        self.delete_button.setToolTip(self.tr("Cancel the selected appointment (kept on "
                                              "record; Undo brings it back)"))
        self.propose_button = QPushButton(self.tr("Propose check-ins…"))
        self.add_button.clicked.connect(self.add_dialog)
        self.edit_button.clicked.connect(self.edit_dialog)
        self.delete_button.clicked.connect(self.delete_selected)
        self.propose_button.clicked.connect(self.propose_dialog)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.list)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_selected)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(b)
        propose = QHBoxLayout()
        propose.addWidget(self.propose_button)
        propose.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.proposal)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addLayout(propose)
        layout.addWidget(self.message)
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self._refresh)
        session.changed.connect(self._on_changed)
        session.plan_changed.connect(self._on_plan_changed)
        self._refresh()

    # -- showing --------------------------------------------------------------

    def _on_changed(self, changes: Changes) -> None:
        if changes.appointments or changes.patient or changes.plan:
            self._pending.stop()
            self._refresh()

    def _on_plan_changed(self) -> None:
        if not self._session.dragging and not self._session.previewing:
            self._pending.start()

    def _refresh(self) -> None:
        s = self._session
        self.records = s.appointment_list()
        self.list.clear()
        today = s.today()
        for r in self.records:
            a = r.appointment
            item = QTreeWidgetItem([f"{a.on:%a %d %b %Y}", a.at.strftime("%H:%M") if a.at
                                    else "", kind_label(a.kind), a.note])
            item.setData(0, Qt.ItemDataRole.UserRole, r.id)
            item.setToolTip(3, a.note)
            if a.on < today:
                for c in range(4):
                    item.setForeground(c, Qt.GlobalColor.gray)
            self.list.addTopLevelItem(item)
        for c in range(3):
            self.list.resizeColumnToContents(c)
        has_patient = s.patient is not None
        for b in (self.add_button, self.edit_button, self.delete_button):
            b.setEnabled(has_patient)
        proposed = s.proposed_checkins()
        self.propose_button.setEnabled(bool(proposed))
        self.proposal.setVisible(bool(proposed))
        if proposed:
            self.proposal.setText(self.tr("{0} check-ins not booked yet for this plan (the "
                                          "check-in rule). Propose check-ins… books them.")
                                  .format(len(proposed)))

    def select(self, appointment_id: int | None) -> None:
        """Select (and scroll to) one appointment, e.g. opened from Today."""
        for i in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(i)
            if item is not None and item.data(0, Qt.ItemDataRole.UserRole) == appointment_id:
                self.list.setCurrentItem(item)
                self.list.scrollToItem(item)
                return

    def select_on(self, on: object) -> None:
        """Select the first appointment on a day."""
        match = next((r.id for r in self.records if r.appointment.on == on), None)
        self.select(match)

    def selected(self) -> AppointmentRecord | None:
        item = self.list.currentItem()
        if item is None:
            return None
        wanted = item.data(0, Qt.ItemDataRole.UserRole)
        return next((r for r in self.records if r.id == wanted), None)

    # -- editing (through the Session) -----------------------------------------------

    def _say(self, changes: Changes) -> bool:
        self.message.setText(changes.refused)
        return changes.ok

    def add_dialog(self) -> bool:
        if self._session.patient is None:
            return self._say(Changes.refusal(self.tr("Choose a patient first.")))
        # when first used: not part of the start
        from taperdesk.ui.appointments_dialog import AppointmentDialog

        dialog = AppointmentDialog(self._session, self)
        if not dialogs.run(dialog):
            return False
        return self._say(self._session.add_appointments([dialog.appointment()]))

    def edit_dialog(self) -> bool:
        rec = self.selected()
        if rec is None:
            return self._say(Changes.refusal(self.tr("Select an appointment first.")))
        # when first used: not part of the start
        from taperdesk.ui.appointments_dialog import AppointmentDialog

        dialog = AppointmentDialog(self._session, self, start=rec.appointment, editing=rec.id)
        if not dialogs.run(dialog):
            return False
        return self._say(self._session.change_appointment(rec.id, dialog.appointment()))

    def delete_selected(self) -> bool:
        rec = self.selected()
        if rec is None:
            return self._say(Changes.refusal(self.tr("Select an appointment first.")))
        return self._say(self._session.delete_appointment(rec.id))

    def propose_dialog(self) -> bool:
        proposed: list[Appointment] = self._session.proposed_checkins()
        if not proposed:
            return self._say(Changes.refusal(self.tr("Nothing to propose: every check-in of "
                                                     "the plan from today is booked.")))
        # when first used: not part of the start
        from taperdesk.ui.appointments_dialog import ProposeDialog

        return dialogs.run(ProposeDialog(self._session, proposed, self))
