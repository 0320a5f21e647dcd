"""One QUndoCommand per user edit (orange-canvas-core style).

A command holds what it changes before and after; redo and undo only call the
Session's public operations, which write to the records. No widget is involved,
so commands are tested without any window (tests/ui/test_commands.py).

A command never touches the undo stack: when its write is refused (another
TaperDesk saved first, the file is locked) it marks itself obsolete, so Qt drops
it once redo/undo returns, and the Session clears the rest of the history after
the command has finished (``Session._settle``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from taperdesk.model import Plan
from taperdesk.model.scales import Assessment
from taperdesk.ui.changes import NOTHING, Changes
from taperdesk.ui.translation import translate

if TYPE_CHECKING:
    from taperdesk.ui.session import Session


class PlanEditCommand(QUndoCommand):
    """Replace the open plan with ``after``; undo puts ``before`` back.

    Every write after the first is from the history (Undo, Redo): the Session writes it
    only over a revision this window made, so an Undo never writes over another PC's
    newer save; that is refused and shown, not overwritten.
    """

    def __init__(self, session: Session, before: Plan, after: Plan, text: str) -> None:
        super().__init__(text)
        self._session = session
        self.before = before
        self.after = after
        self.pushed = False
        self.changes: Changes = NOTHING

    def redo(self) -> None:
        self._save(self.after, self.text())

    def undo(self) -> None:
        self._save(self.before, translate("Commands", "Undo: {0}").format(self.text()))

    def _save(self, plan: Plan, why: str) -> None:
        self.changes = self._session.save_plan(plan, why, history=self.pushed)
        self.pushed = True
        if not self.changes.ok:
            self.setObsolete(True)  # Qt drops it after this returns; nothing to undo


class PatientEditCommand(QUndoCommand):
    """A patient's details (name, born, clinic ID, opioid flag). The Session saves the
    change before pushing (so a refusal stays in the dialog); the first redo only shows it."""

    def __init__(self, session: Session, patient_id: int, before: Mapping[str, Any],
                 after: Mapping[str, Any], text: str) -> None:
        super().__init__(text)
        self._session = session
        self._patient_id = patient_id
        self._before, self._after = dict(before), dict(after)
        self._saved = True

    def redo(self) -> None:
        if self._saved:  # saved before the push
            self._saved = False
            return
        self._session.save_patient(self._patient_id, self._after)

    def undo(self) -> None:
        self._session.save_patient(self._patient_id, self._before)


class AddAssessmentCommand(QUndoCommand):
    """Record an assessment; undo withdraws it (kept in the file, marked withdrawn)."""

    def __init__(self, session: Session, assessment: Assessment) -> None:
        super().__init__(
            translate("Commands", "Add assessment of {0:%d %b %Y}").format(assessment.on)
        )
        self._session = session
        self._assessment = assessment
        self.saved_id: int | None = None
        self.changes: Changes = NOTHING

    def redo(self) -> None:
        s = self._session
        self.changes = s.save_assessment(self._assessment)
        if not self.changes.ok:
            self.setObsolete(True)  # nothing to undo: push() drops the command
            return
        self.saved_id = s.last_assessment_id

    def undo(self) -> None:
        if self.saved_id is not None:
            self.changes = self._session.withdraw_assessment(self.saved_id)
            if self.changes.ok:
                self.saved_id = None
            else:
                self.setObsolete(True)  # still recorded: Qt drops this step of the history


class CallbackCommand(QUndoCommand):
    """An edit that is not a plan change: two callables (kept for callers elsewhere)."""

    def __init__(self, text: str, do: Callable[[], object], undo: Callable[[], object]) -> None:
        super().__init__(text)
        self._do = do
        self._undo = undo

    def redo(self) -> None:
        self._do()

    def undo(self) -> None:
        self._undo()
