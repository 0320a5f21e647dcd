"""The one Qt-side owner of the open patient and plan.

Views take the session in ``__init__``, connect to its signals there and only
read from it in their ``_on_*`` handlers. Every edit goes through ``edit``
(one undo command) and is saved at once through the store; a failed save keeps
what is on the screen and says why.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from taperdesk.model import Plan, PlanError, Schedule, check, compute
from taperdesk.model.catalogue import Catalogue
from taperdesk.model.guardrails import PlanWarning
from taperdesk.store import (
    AssessmentRecord,
    ConflictError,
    Patient,
    PlanRecord,
    Store,
    StoreError,
)
from taperdesk.ui.commands import CallbackCommand, PlanEditCommand


class Session(QObject):
    patient_changed = Signal()
    """Another patient (or none) is open, or the open patient's details changed."""
    plan_changed = Signal()
    """The open plan (and so its schedule and warnings) changed; also while dragging."""
    assessments_changed = Signal()
    acknowledgements_changed = Signal()
    patients_changed = Signal()
    """The patient list changed (added, archived, renamed)."""
    message = Signal(str)
    """A status-bar message (e.g. 'Saved')."""
    error = Signal(str)
    """Something failed (a save, a conflict); shown to the user, nothing lost."""
    selection_changed = Signal(tuple)
    """Rows of the schedule to highlight (e.g. the steps a selected warning concerns)."""

    def __init__(self, store: Store, catalogue: Catalogue, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.catalogue = catalogue
        self.undo_stack = QUndoStack(self)
        self.patient: Patient | None = None
        self.record: PlanRecord | None = None
        self.schedule: Schedule | None = None
        self.warnings: tuple[PlanWarning, ...] = ()
        self.assessments: list[AssessmentRecord] = []
        self._preview: Plan | None = None
        self.dragging = False

    # -- reading ---------------------------------------------------------

    @property
    def plan(self) -> Plan | None:
        return self.record.plan if self.record else None

    # -- opening ---------------------------------------------------------

    def open_patient(self, patient_id: int | None) -> None:
        """Open a patient and their active plan; the undo history starts afresh."""
        self.undo_stack.clear()
        if patient_id is None:
            self.patient, self.record, self.assessments = None, None, []
        else:
            try:
                self.patient = self.store.patient(patient_id)
                self.record = self.store.active_plan(patient_id)
                self.assessments = self.store.assessments(patient_id)
            except StoreError as exc:
                self.error.emit(str(exc))
                return
        self._recompute()
        self.patient_changed.emit()
        self.assessments_changed.emit()
        self.acknowledgements_changed.emit()
        self.plan_changed.emit()

    def switch_store(self, store: Store) -> None:
        """Use another records file from now on (File ▸ Open records file…).

        The open patient closes, the undo history starts afresh (its edits were
        saved in the other file) and the first patient of the new file opens.
        """
        old = self.store
        store.catalogue = self.catalogue
        self.store = store
        self._preview = None
        self.patient, self.record, self.assessments = None, None, []
        self.patients_changed.emit()
        try:
            first = store.search_patients("", limit=1)
        except StoreError as exc:
            self.error.emit(str(exc))
            first = []
        self.open_patient(first[0].id if first else None)
        if old is not store:
            old.close()

    def update_patient(self, text: str, **values: Any) -> str:
        """Change the open patient's details as one undoable edit (the opioid flag changes
        the plan's warnings); returns the records' refusal, or "" when saved."""
        p = self.patient
        if p is None:
            return "Choose a patient first."
        before = {key: getattr(p, key) for key in values}
        try:
            self.store.update_patient(p.id, **values)
        except StoreError as exc:
            return str(exc)
        pushed = False

        def redo() -> None:
            nonlocal pushed
            if pushed:
                self._put_patient(p.id, values)
            else:  # saved above; the push only shows it
                pushed = True
                self.reload_patient(p.id)

        self.undo_stack.push(CallbackCommand(text, redo, lambda: self._put_patient(p.id, before)))
        return ""

    def _put_patient(self, patient_id: int, values: dict[str, Any]) -> None:
        try:
            self.store.update_patient(patient_id, **values)
        except StoreError as exc:
            self.error.emit(f"Could not save the patient's details: {exc}")
        self.reload_patient(patient_id)

    def reload_patient(self, patient_id: int) -> None:
        """Re-read the open patient (not the plan, nor the undo history) and redraw."""
        try:
            self.patient = self.store.patient(patient_id)
        except StoreError as exc:
            self.error.emit(str(exc))
        self._recompute()
        self.patients_changed.emit()
        self.patient_changed.emit()
        self.plan_changed.emit()

    def open_plan(self, plan_id: int) -> None:
        """Make another plan of the open patient the active one."""
        try:
            self.record = self.store.set_active_plan(plan_id)
        except StoreError as exc:
            self.error.emit(str(exc))
            return
        self.undo_stack.clear()
        self._recompute()
        self.acknowledgements_changed.emit()
        self.plan_changed.emit()

    def create_plan(self, plan: Plan, why: str = "New plan") -> bool:
        if self.patient is None:
            return False
        try:
            compute(plan, self.catalogue)
            self.record = self.store.create_plan(self.patient.id, plan, why=why)
        except (PlanError, StoreError) as exc:
            self.error.emit(str(exc))
            return False
        self.undo_stack.clear()
        self._recompute()
        self.acknowledgements_changed.emit()
        self.plan_changed.emit()
        return True

    # -- editing ---------------------------------------------------------

    def edit(self, after: Plan, text: str) -> bool:
        """Push one undoable edit that replaces the open plan with ``after``."""
        before = self.plan
        if before is None or after == before:
            self.end_preview()
            return False
        try:
            compute(after, self.catalogue)
        except PlanError as exc:
            self.end_preview()
            self.error.emit(str(exc))
            return False
        self._preview = None
        self.dragging = False
        self.undo_stack.push(PlanEditCommand(self, before, after, text))
        return True

    def apply(self, text: str, op: Callable[..., Plan], *args: Any, **kwargs: Any) -> bool:
        """Run a model operation on the open plan and push it as one edit.

        ``op`` is a pure function from taperdesk.model.operations taking the plan
        first (``insert_hold``, ``set_step_dose``, ...). A PlanError is shown and
        nothing changes.
        """
        if self.plan is None:
            return False
        try:
            after = op(self.plan, *args, catalogue=self.catalogue, **kwargs)
        except PlanError as exc:
            self.end_preview()
            self.error.emit(str(exc))
            return False
        return self.edit(after, text)

    def refusal(self, op: Callable[..., Plan], *args: Any, **kwargs: Any) -> str:
        """What the model says against ``op`` on the open plan ('' if it would be made), so
        a dialog shows it at its fields instead of closing on an edit that cannot be made."""
        if self.plan is None:
            return "Open a plan first."
        try:
            op(self.plan, *args, catalogue=self.catalogue, **kwargs)
        except PlanError as exc:
            return f"This cannot be done: {exc}."
        return ""

    def preview(self, plan: Plan, *, dragging: bool = False) -> None:
        """Show ``plan`` without saving it or recording an undo step.

        ``dragging``: a stream of previews from the chart; slower views (the step table,
        the checks panel) may catch up a few times a second instead of at every move.
        """
        self._preview = plan
        self.dragging = dragging
        self._recompute()
        self.plan_changed.emit()

    def end_preview(self) -> None:
        self.dragging = False
        if self._preview is not None:
            self._preview = None
            self._recompute()
            self.plan_changed.emit()

    def _commit_plan(self, plan: Plan, why: str) -> None:
        """Called by undo commands only: save ``plan`` as a new revision and show it.

        A failure is reported after the views have redrawn, so the message stays in view.
        """
        record = self.record
        if record is None:
            return
        problem = ""
        try:
            self.record = self.store.save_revision(
                record.id, plan, expected_revision=record.revision, why=why
            )
        except ConflictError as exc:
            # Someone else saved a newer version: show theirs, drop our history.
            self.record = exc.current
            self.undo_stack.clear()
            problem = ("This plan was changed elsewhere (another TaperDesk on the same records). "
                       "The newer version is shown; your last edit was not saved.")
        except StoreError as exc:
            # Keep the edit on screen so nothing is lost from view; say it was not saved.
            self.record = PlanRecord(
                record.id, record.patient_id, record.revision, plan, record.active, record.title
            )
            problem = f"Could not save: {exc}"
        self._preview = None
        self._recompute()
        self.plan_changed.emit()
        if problem:
            self.error.emit(problem)
        else:
            self.message.emit(f"Saved: {why}")

    # -- derived ---------------------------------------------------------

    def _recompute(self) -> None:
        plan = self._preview or self.plan
        if plan is None:
            self.schedule, self.warnings = None, ()
            return
        try:
            self.schedule = compute(plan, self.catalogue)
        except PlanError as exc:
            self.error.emit(str(exc))
            self.schedule, self.warnings = None, ()
            return
        opioid = bool(self.patient and self.patient.opioid)
        self.warnings = check(self.schedule, opioid=opioid)

    def reload_assessments(self) -> None:
        if self.patient is not None:
            self.assessments = self.store.assessments(self.patient.id)
        self.assessments_changed.emit()

    def highlight(self, rows: tuple[int, ...]) -> None:
        self.selection_changed.emit(rows)
