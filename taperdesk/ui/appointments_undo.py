"""Undo commands of appointments (book, change, cancel), in the shape of ui/commands.py.

The Session saves the edit before pushing (so a refusal stays at the dialog's field);
the first redo only records it. Undo and redo call the Session's ``*_stored`` operations.
A refused undo or redo (the slot was taken meanwhile, the file is locked) marks the
command obsolete, so Qt drops it once it returns; the message is shown by the Session.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from taperdesk.model.appointments import Appointment
from taperdesk.ui.changes import NOTHING, Changes

if TYPE_CHECKING:
    from taperdesk.ui.session import Session


class _Saved(QUndoCommand):
    def __init__(self, session: Session, text: str) -> None:
        super().__init__(text)
        self._session = session
        self._first = True
        self.changes: Changes = NOTHING

    def redo(self) -> None:
        if self._first:  # saved before the push
            self._first = False
            return
        self._done(self.forward())

    def undo(self) -> None:
        self._done(self.backward())

    def _done(self, changes: Changes) -> None:
        self.changes = changes
        if not changes.ok:
            self.setObsolete(True)

    def forward(self) -> Changes:
        raise NotImplementedError

    def backward(self) -> Changes:
        raise NotImplementedError


class BookCommand(_Saved):
    """Appointments booked (one, or every proposed check-in at once)."""

    def __init__(self, session: Session, ids: list[int], text: str) -> None:
        super().__init__(session, text)
        self.ids = list(ids)

    def forward(self) -> Changes:
        return self._session.book_stored(self.ids)

    def backward(self) -> Changes:
        return self._session.cancel_stored(self.ids, why="Undo")


class CancelCommand(BookCommand):
    """Appointments cancelled: undo brings them back."""

    def forward(self) -> Changes:
        return self._session.cancel_stored(self.ids)

    def backward(self) -> Changes:
        return self._session.book_stored(self.ids)


class ChangeCommand(_Saved):
    def __init__(self, session: Session, appointment_id: int, before: Appointment,
                 after: Appointment, text: str) -> None:
        super().__init__(session, text)
        self._id, self._before, self._after = appointment_id, before, after

    def forward(self) -> Changes:
        return self._session.change_stored(self._id, self._after)

    def backward(self) -> Changes:
        return self._session.change_stored(self._id, self._before)
