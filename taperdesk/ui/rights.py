"""Editing the plan from the window, for a role that may not: refused before it starts.

The store refuses a write the role may not make, and the Session says why afterwards;
here the window says so beforehand (docs/WINDOW.md, "Signing in"): the step table's days
and dose cells are not editable (``plan_edit_refusal``, asked by its ``flags()``; the
reason is their tooltip), a press on a step of the chart is refused before any preview
(the reason in the status bar, a forbidden cursor over the steps), and Undo / Redo are
disabled, the reason as their tooltip, when what they would undo or redo is an edit the
role may not make (with nothing to undo, the tooltip still says a role without plans
why). Installed by ui/signin_gate.py; everything is read again when the user changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QMouseEvent, QUndoCommand
from shiboken6 import isValid

from taperdesk.store import Permission
from taperdesk.ui.appointments_undo import BookCommand, CancelCommand, ChangeCommand
from taperdesk.ui.commands import AddAssessmentCommand, PatientEditCommand, PlanEditCommand
from taperdesk.ui.user_texts import refusal

if TYPE_CHECKING:
    from taperdesk.ui.dose_chart import DoseChart
    from taperdesk.ui.session import Session

COMMAND_PERMISSIONS: tuple[tuple[type[QUndoCommand], Permission], ...] = (
    (PlanEditCommand, Permission.PLANS),
    (AddAssessmentCommand, Permission.ASSESSMENTS),
    (PatientEditCommand, Permission.PATIENTS),
    (BookCommand, Permission.APPOINTMENTS),
    (ChangeCommand, Permission.APPOINTMENTS),
    (CancelCommand, Permission.APPOINTMENTS),
)
"""The right an undo step needs to be undone or redone (the right it needed to be made)."""


class _Nobody(QObject):
    """Why nobody signed in may not edit plans, kept: it asks the records whether they have
    accounts, and the step table asks for every cell it paints. Forgotten at each sign-in
    or sign-out and each change (another program may have made the first account)."""

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.why: str | None = None
        session.user_changed.connect(self.forget)
        session.changed.connect(self.forget)

    def forget(self, *_args: object) -> None:
        self.why = None


_NOBODY: WeakKeyDictionary[Session, _Nobody] = WeakKeyDictionary()


def watch(session: Session) -> None:
    """Start keeping ``session``'s answer for nobody signed in (before anything connects to
    its signals that asks, so it is forgotten first)."""
    if session not in _NOBODY:
        _NOBODY[session] = _Nobody(session)


def plan_edit_refusal(session: Session) -> str:
    """Why the signed-in user may not edit the open plan ('' when they may): the step
    table's ``flags()`` and tooltips ask it, so it follows a sign-in at once."""
    user = session.user
    if user is not None:  # the usual case, asked per cell: no query of the records
        return "" if user.may(Permission.PLANS) else refusal(user, Permission.PLANS)
    watch(session)
    kept = _NOBODY[session]
    if kept.why is None:
        kept.why = session.why_not(Permission.PLANS)
    return kept.why


def command_refusal(session: Session, command: QUndoCommand | None) -> str:
    """Why the signed-in user may not undo or redo ``command`` ('' when they may)."""
    if command is None:
        return ""
    for kind, permission in COMMAND_PERMISSIONS:
        if isinstance(command, kind):
            return session.why_not(permission)
    return ""


class UndoGuard(QObject):
    """Undo and Redo as the undo stack enables them, and disabled with the reason when the
    step they would undo or redo is one the signed-in user's role may not make.

    Connected after the stack's own actions, to the same signals, so this runs last."""

    def __init__(self, session: Session, undo: QAction, redo: QAction) -> None:
        super().__init__(undo)
        self.session, self.undo, self.redo = session, undo, redo
        stack = session.undo_stack
        for signal in (stack.indexChanged, stack.canUndoChanged, stack.canRedoChanged,
                       stack.undoTextChanged, stack.redoTextChanged, stack.cleanChanged):
            signal.connect(self.update)
        session.user_changed.connect(self.update)
        session.changed.connect(self.update)
        self.update()

    def update(self, *_args: object) -> None:
        stack = self.session.undo_stack
        if not (isValid(stack) and isValid(self.undo) and isValid(self.redo)):
            return  # the window is being taken down (the stack clears itself as it goes)
        index = stack.index()
        for action, can, command in (
                (self.undo, stack.canUndo(), stack.command(index - 1) if index > 0 else None),
                (self.redo, stack.canRedo(),
                 stack.command(index) if index < stack.count() else None)):
            why = (command_refusal(self.session, command) if command is not None
                   else plan_edit_refusal(self.session))
            action.setEnabled(can and not why)
            action.setToolTip(why)  # '' gives back Qt's own: the text, "Undo Set step 1…"
            action.setStatusTip(why)


class ChartGuard(QObject):
    """A press on a step's level or right end (the start of a drag) is refused, before any
    preview, for a user who may not edit plans: the status bar says why; over those
    steps the pointer is a forbidden one, and the chart's tooltip is the reason."""

    def __init__(self, session: Session, chart: DoseChart) -> None:
        super().__init__(chart)
        self.session, self.chart = session, chart
        self.tip = chart.plot.toolTip()
        chart.plot.viewport().installEventFilter(self)
        chart.plot.scene().sigMouseMoved.connect(self._on_hover)  # after the chart's own
        session.user_changed.connect(self.update)
        session.changed.connect(self.update)
        self.update()

    def update(self, *_args: object) -> None:
        self.chart.plot.setToolTip(plan_edit_refusal(self.session) or self.tip)

    def _target(self, viewport_pos: object) -> bool:
        return self.chart.grab_target(self.chart.plot.mapToScene(viewport_pos)) is not None

    def _on_hover(self, scene_pos: object) -> None:
        if (plan_edit_refusal(self.session)
                and self.chart.grab_target(scene_pos) is not None):  # type: ignore[arg-type]
            self.chart.plot.viewport().setCursor(Qt.CursorShape.ForbiddenCursor)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (event.type() == QEvent.Type.MouseButtonPress
                and isinstance(event, QMouseEvent)
                and event.button() == Qt.MouseButton.LeftButton):
            why = plan_edit_refusal(self.session)
            if why and self._target(event.position().toPoint()):
                self.session.show_error(why)
                return True  # pyqtgraph never sees the press: no drag, no preview
        return False
