"""The Session's writes that are not plan edits: patients, assessments, acknowledgements,
decisions, settings and imported plan files. Mixed into ``Session`` (ui/session.py);
each returns a ``Changes`` and emits it, so views never write to the store themselves.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from taperdesk.model.guardrails import PlanWarning
from taperdesk.model.scales import Assessment
from taperdesk.store import Store, StoreError
from taperdesk.ui.changes import Changes
from taperdesk.ui.commands import AddAssessmentCommand, PatientEditCommand
from taperdesk.ui.translation import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    from taperdesk.store import AssessmentRecord, Patient, PlanDocument, PlanRecord
    from taperdesk.ui.session import Session

READ_ONLY = QT_TRANSLATE_NOOP(
    "Session", "This records file is read-only: changes cannot be saved.")


def is_read_only(store: Store) -> bool:
    """The records file cannot be written (the store says so, or the OS does)."""
    said = getattr(store, "read_only", None)  # the store's own flag, where it has one
    if isinstance(said, bool):
        return said
    return store.path.exists() and not os.access(store.path, os.W_OK)


class RecordOperations:
    """Patients, assessments, acknowledgements and settings, written for the Session."""

    store: Store
    patient: Patient | None
    record: PlanRecord | None
    assessments: list[AssessmentRecord]
    last_assessment_id: int | None
    undo_stack: QUndoStack

    if TYPE_CHECKING:  # provided by Session
        def announce(self, changes: Changes, *, say: bool = True) -> Changes: ...
        def open_patient(self, patient_id: int | None, *, quiet: bool = False) -> Changes: ...
        def show_message(self, text: str) -> None: ...
        def switch_store(self, store: Store) -> Changes: ...
        def _recompute(self) -> None: ...
        def _refuse_write(self) -> str: ...
        def _writing(self) -> AbstractContextManager[None]: ...

    def _stored(self, changes: Changes, write: Any, *args: Any, **kwargs: Any) -> Changes:
        """Run one store write; ``changes`` on success, else a refusal naming why."""
        refused = self._refuse_write()
        if refused:
            return Changes.refusal(refused)
        try:
            with self._writing():
                write(*args, **kwargs)
        except StoreError as exc:
            return Changes.refusal(str(exc))
        return changes

    # -- patients ----------------------------------------------------------

    def add_patient(self, *, say: bool = True, **values: Any) -> Changes:
        """Add a patient and open them; ``say=False``: a refusal is left to the caller's
        dialog (e.g. a clinic ID already in use), not shown in the status bar."""
        refused = self._refuse_write()
        try:
            if refused:
                raise StoreError(refused)
            with self._writing():
                patient = self.store.add_patient(**values)
        except StoreError as exc:
            return self.announce(Changes.refusal(str(exc)), say=say)
        self.announce(Changes(patients=True))
        return self.open_patient(patient.id) | Changes(patients=True)

    def update_patient(self, text: str, **values: Any) -> Changes:
        """Change the open patient's details as one undoable edit (the opioid flag changes
        the plan's warnings). The refusal is returned, not shown: the dialog shows it."""
        p = self.patient
        if p is None:
            return Changes.refusal(translate("Session", "Choose a patient first."))
        before = {key: getattr(p, key) for key in values}
        changes = self.save_patient(p.id, values, say=False)
        if changes.ok:  # saved: the command only records how to undo and redo it
            self.undo_stack.push(PatientEditCommand(cast("Session", self), p.id, before,
                                                    dict(values), text))
        return changes

    def save_patient(self, patient_id: int, values: Mapping[str, Any], *,
                     say: bool = True) -> Changes:
        """Write a patient's details and show them (PatientEditCommand calls it)."""
        changes = self._stored(Changes(), self.store.update_patient, patient_id, **values)
        if not changes.ok:
            return self.announce(changes, say=say)
        return self.reload_patient(patient_id)

    def set_archived(self, archived: bool) -> Changes:
        """Archive or restore the open patient (the plan's undo history stays)."""
        p = self.patient
        if p is None:
            return self.announce(Changes.refusal(translate("Session", "Choose a patient first.")))
        changes = self._stored(Changes(), self.store.set_archived, p.id, archived)
        if not changes.ok:
            return self.announce(changes)
        return self.reload_patient(p.id)

    def reload_patient(self, patient_id: int) -> Changes:
        """Re-read the open patient (not the plan, nor the undo history) and redraw."""
        refused = ""
        try:
            self.patient = self.store.patient(patient_id)
        except StoreError as exc:
            refused = str(exc)
        self._recompute()
        return self.announce(Changes(patients=True, patient=True, plan=True, refused=refused))

    # -- assessments ---------------------------------------------------------

    def add_assessment(self, assessment: Assessment) -> Changes:
        """Record an assessment as one undoable edit (undo withdraws it)."""
        if self.patient is None:
            return Changes.refusal(translate("Session", "Choose a patient first."))
        self.last_assessment_id = None
        command = AddAssessmentCommand(cast("Session", self), assessment)
        self.undo_stack.push(command)
        return command.changes

    def save_assessment(self, assessment: Assessment) -> Changes:
        """Write an assessment of the open patient (AddAssessmentCommand calls it)."""
        if self.patient is None:
            return Changes.refusal(translate("Session", "Choose a patient first."))
        refused = self._refuse_write()
        try:
            if refused:
                raise StoreError(refused)
            with self._writing():
                self.last_assessment_id = self.store.add_assessment(self.patient.id,
                                                                    assessment).id
        except StoreError as exc:
            return self.announce(Changes.refusal(
                translate("Session", "The assessment was not saved: {0}").format(exc)))
        return self.reload_assessments()

    def withdraw_assessment(self, assessment_id: int) -> Changes:
        """Withdraw an assessment (kept in the file, marked withdrawn): its undo."""
        changes = self._stored(Changes(), self.store.delete_assessment, assessment_id,
                               why="Undo")
        if not changes.ok:
            return self.announce(Changes.refusal(
                translate("Session", "The assessment was not withdrawn: {0}").format(
                    changes.refused)))
        return self.reload_assessments()

    def reload_assessments(self) -> Changes:
        refused = ""
        if self.patient is not None:
            try:
                self.assessments = self.store.assessments(self.patient.id)
            except StoreError as exc:
                refused = str(exc)
        return self.announce(Changes(assessments=True, refused=refused))

    # -- acknowledgements and decisions --------------------------------------

    def acknowledge_warning(self, warning: PlanWarning, reason: str) -> Changes:
        """Record why a warning of the open plan is acceptable here."""
        record = self.record
        if record is None or not reason.strip():
            return Changes.refusal(
                translate("Session", "Give a reason to acknowledge the warning."))
        return self.announce(self._stored(Changes(acknowledgements=True), self.store.acknowledge,
                                          record.id, warning.key, warning.code, reason.strip()))

    def record_decisions(self, whats: list[str], reason: str, *, failed: str = "") -> Changes:
        """Log decisions (on a suggested hold, a red flag) for the open patient, each its
        own change-log row; ``failed`` starts the message if one cannot be recorded."""
        p = self.patient
        if p is None:
            return self.announce(Changes.refusal(translate("Session", "Choose a patient first.")))
        plan_id = self.record.id if self.record else None
        for what in whats:
            changes = self._stored(Changes(), self.store.record_decision, p.id, plan_id,
                                   what, reason.strip())
            if not changes.ok:
                return self.announce(Changes(acknowledgements=True,
                                             refused=f"{failed}{changes.refused}"))
        return self.announce(Changes(acknowledgements=True))

    # -- settings, records files and plan files ----------------------------------

    def open_records(self, path: Path) -> Changes:
        """Open (or create) another records file and use it from now on; a file that cannot
        be used is refused (returned, for the caller's message box) and nothing changes."""
        try:
            store = Store.open(path)
        except (StoreError, OSError) as exc:
            return Changes.refusal(str(exc))
        return self.switch_store(store)


    def save_settings(self, values: Mapping[str, str]) -> Changes:
        """The clinic's details kept in the records file (one write each)."""
        for key, value in values.items():
            changes = self._stored(Changes(), self.store.set_setting, key, value)
            if not changes.ok:
                return self.announce(Changes.refusal(
                    translate("Session", "Settings not saved: {0}").format(changes.refused)))
        self.show_message(translate("Session", "Settings saved."))
        return self.announce(Changes())

    def import_plan_document(self, doc: PlanDocument) -> Changes:
        """Add an imported plan (and its patient, if new) and open that patient; a refusal
        is returned for the caller's message box."""
        refused = self._refuse_write()
        try:
            if refused:
                raise StoreError(refused)
            with self._writing():
                imported = self.store.import_document(doc)
        except StoreError as exc:
            return Changes.refusal(str(exc))
        self.announce(Changes(patients=True))
        return self.open_patient(imported.patient.id) | Changes(patients=True)

