"""The Session's appointment operations: book, change, cancel, accept proposed check-ins.

Mixed into ``Session`` (ui/session.py), like ui/session_records.py. Each user edit is
saved first (so a refusal stays at the dialog's field and nothing is pushed), then
recorded as one undoable command (ui/appointments_undo.py) whose undo and redo call
``book_stored`` / ``cancel_stored`` / ``change_stored`` below. Every operation returns a
``Changes`` with ``appointments`` set, and emits it.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from datetime import date
from typing import TYPE_CHECKING, Any, cast

from taperdesk.model.appointments import (
    Appointment,
    appointment_problem,
    appointment_warning,
    propose_checkins,
)
from taperdesk.store import AppointmentRecord, StoreError
from taperdesk.ui.appointments_undo import (
    BookCommand,
    CancelCommand,
    ChangeCommand,
)
from taperdesk.ui.changes import Changes

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    from taperdesk.model import Schedule
    from taperdesk.store import Patient, Store
    from taperdesk.ui.session import Session

APPOINTMENTS = Changes(appointments=True)


class AppointmentOperations:
    """Appointments of the open patient, written for the Session."""

    store: Store
    patient: Patient | None
    schedule: Schedule | None
    undo_stack: QUndoStack

    if TYPE_CHECKING:  # provided by Session
        def announce(self, changes: Changes, *, say: bool = True) -> Changes: ...
        def show_message(self, text: str) -> None: ...
        def _refuse_write(self) -> str: ...
        def _writing(self) -> AbstractContextManager[None]: ...

    # -- reading -----------------------------------------------------------------

    def today(self) -> date:
        """The day on the records' clock (the store refuses bookings before it)."""
        return self.store.clock().astimezone().date()

    def appointment_list(self) -> list[AppointmentRecord]:
        """The open patient's appointments by date ([] if none or unreadable)."""
        if self.patient is None:
            return []
        try:
            return self.store.appointments(self.patient.id)
        except StoreError:
            return []

    def appointment_refusal(self, a: Appointment, editing: int | None = None) -> str:
        """Why ``a`` cannot be booked for the open patient ('' when it can): for the dialog's
        field, before anything is saved (the store checks it again when it writes)."""
        p = self.patient
        if p is None:
            return "Choose a patient first."
        refused = self._refuse_write()
        if refused:
            return refused
        others = tuple(r.appointment for r in self.appointment_list() if r.id != editing)
        return appointment_problem(a, today=self.today(), others=others, archived=p.archived)

    def appointment_warning(self, a: Appointment) -> str:
        """A note (not a refusal): on or after the open plan's stop date."""
        return appointment_warning(a, self.schedule.stop_date if self.schedule else None)

    def proposed_checkins(self) -> list[Appointment]:
        """The check-ins the rule proposes for the open plan from today, less the days
        already booked (SPEC "Symptoms and holds", check-ins; model.propose_checkins)."""
        if self.schedule is None:
            return []
        booked = {r.appointment.on for r in self.appointment_list()}
        day = self.store.checkin_day()
        return [a for a in propose_checkins(self.schedule, today=self.today(), day_after=day)
                if a.on not in booked]

    # -- user edits (each one undo step) --------------------------------------------

    def add_appointments(self, appointments: list[Appointment], text: str = "") -> Changes:
        """Book one or more appointments for the open patient as one undoable edit; all or
        nothing: the first refusal is returned (not shown: the dialog shows it)."""
        p = self.patient
        if p is None or not appointments:
            return Changes.refusal("Choose a patient first." if p is None
                                   else "There is nothing to book.")
        for n, a in enumerate(appointments):
            problem = self.appointment_refusal(a)
            clash = next((b for b in appointments[:n] if (b.on, b.at) == (a.on, a.at)), None)
            if problem or clash is not None:
                return Changes.refusal(problem or f"Two of these are on {a.on:%a %d %b %Y} at "
                                       "the same time.")
        ids: list[int] = []
        for a in appointments:
            changes, rec = self._write(self.store.add_appointment, p.id, a)
            if not changes.ok or rec is None:
                for i in ids:  # all or nothing
                    self._write(self.store.cancel_appointment, i, why="Not booked")
                return self.announce(changes, say=False)
            ids.append(rec.id)
        what = text or (appointments[0].describe() if len(appointments) == 1
                        else f"{len(appointments)} appointments")
        self.undo_stack.push(BookCommand(cast("Session", self), ids, f"Book {what}"))
        return self.announce(APPOINTMENTS)

    def change_appointment(self, appointment_id: int, a: Appointment) -> Changes:
        """Change an appointment as one undoable edit (refusal returned for the dialog)."""
        old = next((r for r in self.appointment_list() if r.id == appointment_id), None)
        if old is None:
            return Changes.refusal("That appointment is no longer in the records.")
        problem = self.appointment_refusal(a, editing=appointment_id)
        if problem:
            return Changes.refusal(problem)
        if a == old.appointment:
            return Changes()
        changes = self.change_stored(appointment_id, a, say=False)
        if changes.ok:
            self.undo_stack.push(ChangeCommand(cast("Session", self), appointment_id,
                                               old.appointment, a,
                                               f"Change {old.appointment.describe()}"))
        return changes

    def delete_appointment(self, appointment_id: int) -> Changes:
        """Cancel an appointment (kept in the file, marked cancelled) as one undoable edit."""
        old = next((r for r in self.appointment_list() if r.id == appointment_id), None)
        if old is None:
            return self.announce(Changes.refusal("That appointment is no longer in the records."))
        changes = self.cancel_stored([appointment_id])
        if changes.ok:
            self.undo_stack.push(CancelCommand(cast("Session", self), [appointment_id],
                                               f"Cancel {old.appointment.describe()}"))
        return changes

    # -- what the commands call ----------------------------------------------------

    def book_stored(self, ids: list[int]) -> Changes:
        """Bring back cancelled appointments (Redo of a booking, Undo of a cancel)."""
        for i in ids:
            changes, _rec = self._write(self.store.restore_appointment, i)
            if not changes.ok:
                return self.announce(changes)
        return self.announce(APPOINTMENTS)

    def cancel_stored(self, ids: list[int], why: str = "") -> Changes:
        """Cancel appointments (Undo of a booking, a delete, Redo of a delete)."""
        for i in ids:
            changes, _rec = self._write(self.store.cancel_appointment, i, why=why)
            if not changes.ok:
                return self.announce(changes)
        return self.announce(APPOINTMENTS)

    def change_stored(self, appointment_id: int, a: Appointment, *, say: bool = True
                      ) -> Changes:
        changes, _rec = self._write(self.store.update_appointment, appointment_id, a)
        return self.announce(changes, say=say)

    def _write(self, write: Any, *args: Any, **kwargs: Any
               ) -> tuple[Changes, AppointmentRecord | None]:
        refused = self._refuse_write()
        if refused:
            return Changes.refusal(refused), None
        try:
            with self._writing():
                result = write(*args, **kwargs)
        except StoreError as exc:
            return Changes.refusal(str(exc)), None
        return APPOINTMENTS, result if isinstance(result, AppointmentRecord) else None
