"""One QUndoCommand per user edit (orange-canvas-core style).

A command holds the plan before and after; redo and undo only hand a plan to the
session, which saves it as a new revision. No widget is involved, so commands
are tested without any window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from taperdesk.model import Plan

if TYPE_CHECKING:
    from taperdesk.ui.session import Session


class PlanEditCommand(QUndoCommand):
    """Replace the open plan with ``after``; undo puts ``before`` back."""

    def __init__(self, session: Session, before: Plan, after: Plan, text: str) -> None:
        super().__init__(text)
        self._session = session
        self.before = before
        self.after = after

    def redo(self) -> None:
        self._session._commit_plan(self.after, self.text())

    def undo(self) -> None:
        self._session._commit_plan(self.before, f"Undo: {self.text()}")


class CallbackCommand(QUndoCommand):
    """An edit that is not a plan change (an assessment, a patient flag): two callables."""

    def __init__(self, text: str, do, undo) -> None:  # type: ignore[no-untyped-def]
        super().__init__(text)
        self._do = do
        self._undo = undo

    def redo(self) -> None:
        self._do()

    def undo(self) -> None:
        self._undo()
