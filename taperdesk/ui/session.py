"""The one Qt-side owner of the open patient and plan, and the window's only writer.

Views take the session in ``__init__``, connect to its signals there and only
read from it in their ``_on_*`` handlers. Every write to the records is a public
Session operation that returns a ``Changes`` record (ui/changes.py) and emits it
(``changed``) besides the older specific signals; views never write to the store
nor emit the session's signals (tests/ui/test_one_writer.py checks the source).
Plan edits are undo commands (ui/commands.py) that call ``save_plan``.

A save refused as a conflict (another TaperDesk saved first) shows the newer
plan; the undo history is cleared only after the running command has returned.
Another program's saves are noticed by polling ``Store.data_version`` (live.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QUndoStack

from taperdesk.model import Plan, PlanError, Schedule, check, compute
from taperdesk.model.catalogue import Catalogue
from taperdesk.model.guardrails import PlanWarning
from taperdesk.store import (
    AssessmentRecord,
    ConflictError,
    Patient,
    Permission,
    PlanRecord,
    Store,
    StoreError,
)
from taperdesk.ui.changes import NOTHING, Changes
from taperdesk.ui.commands import PlanEditCommand
from taperdesk.ui.live import LiveRecords
from taperdesk.ui.session_appointments import AppointmentOperations
from taperdesk.ui.session_records import READ_ONLY, RecordOperations, is_read_only
from taperdesk.ui.session_users import UserOperations
from taperdesk.ui.translation import QT_TRANSLATE_NOOP, translate

CONFLICT = QT_TRANSLATE_NOOP(
    "Session", "This plan was changed elsewhere (another TaperDesk on the same records). "
    "The newer version is shown; your last edit was not saved.")
UPDATED_PLAN = QT_TRANSLATE_NOOP(
    "Session", "Updated: another TaperDesk saved this plan; the newer version is shown.")
UPDATED = QT_TRANSLATE_NOOP(
    "Session", "Updated: another TaperDesk saved changes to these records.")
WAITING = QT_TRANSLATE_NOOP("Session", "Waiting for the records file…")
"""Shown while a write waits for another program to finish with the records file."""
UNDO_REFUSED = QT_TRANSLATE_NOOP(
    "Session", "Undo was refused: the stored plan is a newer revision this window did not "
    "make (another TaperDesk saved it). The newer version is shown.")


class Session(RecordOperations, UserOperations, AppointmentOperations, QObject):
    patient_changed = Signal()
    """Another patient (or none) is open, or the open patient's details changed."""
    plan_changed = Signal()
    """The open plan (and so its schedule and warnings) changed; also while dragging."""
    assessments_changed = Signal()
    acknowledgements_changed = Signal()
    patients_changed = Signal()
    """The patient list changed (added, archived, renamed)."""
    changed = Signal(object)
    """A ``Changes``: what one operation (or another program's save) changed."""
    message = Signal(str)
    """A status-bar message (e.g. 'Saved')."""
    error = Signal(str)
    """Something failed (a save, a conflict); shown to the user, nothing lost."""
    busy = Signal(str)
    """'Waiting for the records file…' while a write may wait for a lock; '' when done."""
    selection_changed = Signal(tuple)
    """Rows of the schedule to highlight (e.g. the steps a selected warning concerns)."""
    # -- users (ui/session_users.py) ----
    user_changed = Signal()
    """Someone signed in or out: views enable what the new user's role may do."""

    def __init__(self, store: Store, catalogue: Catalogue, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.catalogue = catalogue
        self.undo_stack = QUndoStack(self)
        self.patient: Patient | None = None
        self.record: PlanRecord | None = None
        self.schedule: Schedule | None = None
        self._warnings: tuple[PlanWarning, ...] = ()
        self._unchecked: tuple[Schedule, bool] | None = None
        self.assessments: list[AssessmentRecord] = []
        self.last_assessment_id: int | None = None
        """The id of the assessment ``save_assessment`` saved last (its undo withdraws it)."""
        self.read_only = is_read_only(store)
        self._preview: Plan | None = None
        self._unsaved: list[tuple[Plan, str]] = []
        """Edits on screen whose save failed, each saved with its own text at the next save."""
        self._settle_pending = False
        self._made: set[tuple[int, int]] = set()
        """(plan id, revision) of every revision this window saved."""
        self.dragging = False
        self.live = LiveRecords(self)

    # -- reading ---------------------------------------------------------

    @property
    def plan(self) -> Plan | None:
        return self.record.plan if self.record else None

    @property
    def unsaved(self) -> tuple[str, ...]:
        """The texts of edits shown but not yet saved (their save failed)."""
        return tuple(why for _plan, why in self._unsaved)

    def announce(self, changes: Changes, *, say: bool = True) -> Changes:
        """Emit the signals of ``changes`` (and ``changed`` itself); its refusal as an error
        unless ``say`` is False (a dialog shows it instead). Returns ``changes``."""
        if changes.patients:
            self.patients_changed.emit()
        if changes.patient:
            self.patient_changed.emit()
        if changes.assessments:
            self.assessments_changed.emit()
        if changes.acknowledgements:
            self.acknowledgements_changed.emit()
        if changes.plan:
            self.plan_changed.emit()
        self.changed.emit(changes)
        if changes.refused and say:
            self.error.emit(changes.refused)
        return changes

    def show_error(self, text: str) -> None:
        """Say something went wrong (status bar, in red); for views, which never emit."""
        self.error.emit(text)

    def show_message(self, text: str) -> None:
        self.message.emit(text)

    # -- opening ---------------------------------------------------------

    def open_patient(self, patient_id: int | None, *, quiet: bool = False) -> Changes:
        """Open a patient and their active plan; the undo history starts afresh.

        ``quiet``: a patient no longer in the records is not an error (the last patient
        remembered from a previous run)."""
        self.undo_stack.clear()
        self._unsaved = []
        if patient_id is None:
            self.patient, self.record, self.assessments = None, None, []
        else:
            try:
                patient = self.store.patient(patient_id)
                self.record = self.store.active_plan(patient_id)
                self.patient = patient
                self.assessments = self.store.assessments(patient_id)
            except StoreError as exc:
                return NOTHING if quiet else self.announce(Changes.refusal(str(exc)))
        self._recompute()
        return self.announce(Changes(plan=True, patient=True, assessments=True,
                                     acknowledgements=True, appointments=True))

    def switch_store(self, store: Store) -> Changes:
        """Use another records file from now on (File ▸ Open records file…).

        The open patient closes, the undo history starts afresh (its edits were
        saved in the other file) and the first patient of the new file opens.
        """
        old = self.store
        store.catalogue = self.catalogue
        self.store = store
        self.read_only = is_read_only(store)
        self.live.restart()
        self._preview = None
        self.patient, self.record, self.assessments = None, None, []
        self.patients_changed.emit()
        try:
            first = store.search_patients("", limit=1)
        except StoreError as exc:
            self.error.emit(str(exc))
            first = []
        changes = self.open_patient(first[0].id if first else None)
        if old is not store:
            old.close()
        return changes | Changes(patients=True)

    def open_plan(self, plan_id: int) -> Changes:
        """Make another plan of the open patient the active one."""
        refused = self._refuse_write()
        if refused:
            return self.announce(Changes.refusal(refused))
        try:
            with self._writing():
                self.record = self.store.set_active_plan(plan_id)
        except StoreError as exc:
            return self.announce(Changes.refusal(str(exc)))
        self.undo_stack.clear()
        self._unsaved = []
        self._recompute()
        return self.announce(Changes(plan=True, acknowledgements=True))

    def create_plan(self, plan: Plan, why: str = "New plan") -> bool:
        if self.patient is None:
            return False
        refused = self._refuse_write()
        try:
            if refused:
                raise StoreError(refused)
            compute(plan, self.catalogue)
            with self._writing():
                self.record = self.store.create_plan(self.patient.id, plan, why=why)
        except (PlanError, StoreError) as exc:
            self.announce(Changes.refusal(str(exc)))
            return False
        self.undo_stack.clear()
        self._unsaved = []
        self._recompute()
        self.announce(Changes(plan=True, acknowledgements=True))
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
        refused = self._refuse_write() or self.why_not(Permission.PLANS)
        if refused:
            self.end_preview()
            self.error.emit(refused)
            return False
        self._preview = None
        self.dragging = False
        command = PlanEditCommand(self, before, after, text)
        self.undo_stack.push(command)
        self._settle()  # push has returned: a conflict may now clear the history safely
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
            return translate("Session", "Open a plan first.")
        try:
            op(self.plan, *args, catalogue=self.catalogue, **kwargs)
        except PlanError as exc:
            return translate("Session", "This cannot be done: {0}.").format(exc)
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

    def save_plan(self, plan: Plan, why: str, *, history: bool = False) -> Changes:
        """Save ``plan`` as the next revision of the open plan and show it (commands call it).

        The stored revision must still be the one on screen; otherwise it is a conflict:
        nothing is written, the newer plan is shown, and the undo history is cleared once
        the running command has returned. ``history`` (an Undo or Redo): the revision on
        screen must also be one this window made, so an Undo never writes over a revision
        it did not make. Any other failure keeps the edit on screen, unsaved; it is saved
        with its own text before the next save.
        """
        record = self.record
        if record is None:
            return Changes.refusal(translate("Session", "Open a plan first."))
        refused = self._refuse_write()
        if refused:
            return self.announce(Changes.refusal(refused))
        if history:
            self._unsaved = []  # undo/redo replaces what was on screen, saved or not
            if (record.id, record.revision) not in self._made:
                self._settle_later()
                refused = translate("Session", UNDO_REFUSED)
                return self.announce(Changes(plan=True, refused=refused))
        expected = record.revision
        problem = ""
        try:
            with self._writing():
                for pending, pending_why in list(self._unsaved):
                    saved = self.store.save_revision(record.id, pending,
                                                     expected_revision=expected, why=pending_why)
                    expected = saved.revision
                    self._made.add((saved.id, saved.revision))
                    self._unsaved.pop(0)
                self.record = self.store.save_revision(record.id, plan,
                                                       expected_revision=expected, why=why)
            self._made.add((self.record.id, self.record.revision))
        except ConflictError as exc:
            self.record = exc.current
            self._unsaved = []
            problem = translate("Session", UNDO_REFUSED if history else CONFLICT)
            self._settle_later()
        except StoreError as exc:
            self.record = PlanRecord(record.id, record.patient_id, record.revision, plan,
                                     record.active, record.title)
            self._unsaved.append((plan, why))
            problem = translate("Session", "Could not save: {0}").format(exc)
        self._preview = None
        self._recompute()
        if not problem:
            self.message.emit(translate("Session", "Saved: {0}").format(why))
        return self.announce(Changes(plan=True, refused=problem))

    def _settle_later(self) -> None:
        """After a conflict: clear the undo history, but never inside the running command
        (clearing there deletes the command Qt is executing). ``edit`` settles right after
        its push; an Undo or Redo from the menu settles on the next turn of the event loop."""
        if not self._settle_pending:
            self._settle_pending = True
            QTimer.singleShot(0, self, self._settle)

    def _settle(self) -> None:
        if self._settle_pending:
            self._settle_pending = False
            self.undo_stack.clear()

    # -- another program's saves (live.py polls) -----------------------------

    @property
    def previewing(self) -> bool:
        return self._preview is not None

    def refresh(self) -> Changes:
        """Re-read the open patient, their active plan, assessments and acknowledgements and
        the patient list (another program saved) and say so. If the plan moved on, the undo
        history goes (its steps were made on an older revision) and any unsaved edit with it."""
        old, p = self.record, self.patient
        try:
            patient = self.store.patient(p.id) if p else None
            record = self.store.active_plan(p.id) if p else None
            assessments = self.store.assessments(p.id) if p else []
        except StoreError as exc:
            return self.announce(Changes(patients=True, refused=str(exc)))
        moved = (None if old is None else (old.id, old.revision)) != \
            (None if record is None else (record.id, record.revision))
        text: str = translate("Session", UPDATED)
        if moved:
            text = translate("Session", UPDATED_PLAN)
            if self._unsaved:
                text += translate("Session", " Not saved (made on the older version): {0}."
                                  ).format("; ".join(self.unsaved))
            self.record, self._unsaved = record, []
            self._settle_later()  # never clear the history inside a running command
        self.patient, self.assessments = patient, assessments
        self._recompute()
        self.message.emit(text)
        return self.announce(Changes(plan=True, patient=True, patients=True, assessments=True,
                                     acknowledgements=True, appointments=True))

    def ensure_current(self) -> bool:
        """Before a handout is made: True when the window shows the stored, saved plan.
        Otherwise nothing is printed: a newer stored plan is shown first, and either way
        the user is told why (a handout never pairs an old schedule with a newer log)."""
        if self._unsaved:
            self.error.emit(translate(
                "Session", "Not printed: some edits are not saved yet ({0}). A handout is made "
                "only from the saved plan.").format("; ".join(self.unsaved)))
            return False
        record, p = self.record, self.patient
        if p is None or record is None:
            return True
        try:
            stored = self.store.active_plan(p.id)
        except StoreError:
            return True  # the handout itself reads the records and says what is wrong
        if stored is not None and (stored.id, stored.revision) == (record.id, record.revision):
            return True
        self.live.restart()
        self.refresh()
        self.error.emit(translate(
            "Session", "Not printed: another TaperDesk saved a newer version of this plan. "
            "The newer plan is now shown; check it, then print again."))
        return False

    # -- writing ---------------------------------------------------------

    def _refuse_write(self) -> str:
        """Why nothing may be written ('' when a write may go ahead)."""
        return translate("Session", READ_ONLY) if self.read_only else ""

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """Around every write: the status bar says the window waits (another program may
        hold the records file for up to the store's timeout) and the cursor is busy."""
        app = QCoreApplication.instance()
        gui = isinstance(app, QGuiApplication)
        if gui:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self.busy.emit(translate("Session", WAITING))
        try:
            yield
        finally:
            self.busy.emit("")
            if gui:
                QGuiApplication.restoreOverrideCursor()

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
        # Checked when first asked for: not at each move of a drag (the checks panel
        # waits for the release; docs/PERFORMANCE.md).
        self._unchecked = (self.schedule, bool(self.patient and self.patient.opioid))

    # -- warnings (computed lazily) ----------------------------------------

    @property
    def warnings(self) -> tuple[PlanWarning, ...]:
        """The open plan's warnings (check() of its schedule)."""
        if self._unchecked is not None:
            schedule, opioid = self._unchecked
            self._unchecked = None
            self._warnings = check(schedule, opioid=opioid)
        return self._warnings

    @warnings.setter
    def warnings(self, value: tuple[PlanWarning, ...]) -> None:
        self._unchecked = None
        self._warnings = value

    def highlight(self, rows: tuple[int, ...]) -> None:
        self.selection_changed.emit(rows)
