"""The window's side of signing in: who is signed in (status bar), Sign out, the idle lock,
and the actions the signed-in user's role may not do, disabled with a tooltip saying why.

``install(window)`` is the main window's one call (ui/window.py keeps its own edits
small). Roles and rights are the store's (store/roles.py, SPEC.md "A clinic on several
PCs"); the store refuses a write the role may not make in any case, this only says so
before the user tries.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QLabel, QWidget

from taperdesk.store import Permission
from taperdesk.ui.action_registry import SPECS, Act
from taperdesk.ui.idle import IdleLock
from taperdesk.ui.rights import ChartGuard, UndoGuard, plan_edit_refusal, watch
from taperdesk.ui.signin import sign_in_dialog
from taperdesk.ui.steps import COLUMNS
from taperdesk.ui.user_texts import user_label

if TYPE_CHECKING:
    from taperdesk.ui.window import MainWindow

ACT_PERMISSIONS: dict[Act, Permission] = {
    Act.NEW_PATIENT: Permission.PATIENTS,
    Act.EDIT_PATIENT: Permission.PATIENTS,
    Act.ARCHIVE: Permission.PATIENTS,
    Act.NEW_PLAN: Permission.PLANS,
    Act.IMPORT: Permission.PLANS,
    Act.HOLD: Permission.PLANS,
    Act.HOLD_1W: Permission.PLANS,
    Act.HOLD_2W: Permission.PLANS,
    Act.REMOVE_HOLD: Permission.PLANS,
    Act.BACK_STEP: Permission.PLANS,
    Act.ADD_ASSESSMENT: Permission.ASSESSMENTS,
    Act.ACKNOWLEDGE: Permission.PLAN_WARNINGS,
}
"""Which right each window action needs (the others only read or print: every role)."""
PANEL_PERMISSIONS = {"plan_form": Permission.PLANS}
"""Window panels that only change records, disabled as a whole without the right."""
BUTTON_PERMISSIONS = {
    ("patients", "new_button"): Permission.PATIENTS,
    ("patients", "archive_button"): Permission.PATIENTS,
    ("symptoms", "add_button"): Permission.ASSESSMENTS,
    ("checks", "ack_button"): Permission.PLAN_WARNINGS,
    ("banner", "button"): Permission.RED_FLAGS,
}
"""Panel buttons that change records; their panels enable them as the patient or plan
changes, so the role's say is applied again after each change."""


class SignInGate(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.session = session = window.session
        watch(session)  # before the guards below connect (ui/rights.py)
        self.who = QLabel()
        self.who.setObjectName("signed-in-user")
        window.statusBar().addPermanentWidget(self.who)
        self.idle = IdleLock(window, session, self.sign_out)
        window.registry.connect(Act.SIGN_OUT, self.sign_out)
        session.user_changed.connect(self._on_user)
        session.changed.connect(lambda _c: self.idle.reload())  # the idle time may change
        for signal in (session.changed, session.patient_changed, session.plan_changed,
                       session.acknowledgements_changed, session.assessments_changed):
            signal.connect(self._on_buttons)  # after the panels' own handlers
        # Plan edits a role may not make are refused before they start (ui/rights.py).
        self.undo = UndoGuard(session, window.undo_action, window.redo_action)
        self.chart = ChartGuard(session, window.chart)
        window.steps.view.doubleClicked.connect(self._on_cell)
        self._on_user()

    def _on_cell(self, index: QModelIndex) -> None:
        """A double-click on a days or dose cell the role may not edit says why."""
        why = plan_edit_refusal(self.session)
        if why and COLUMNS[index.column()].editable:
            self.session.show_error(why)

    def _on_user(self) -> None:
        s, a = self.session, self.window.registry
        user = s.user
        self.who.setText(self.tr("Signed in: {0}").format(user_label(user)) if user else "")
        a[Act.SIGN_OUT].setEnabled(user is not None)
        for act, permission in ACT_PERMISSIONS.items():
            why = s.why_not(permission)
            text, _key, tip_text = SPECS[act]
            tip = (QCoreApplication.translate("Actions", str(tip_text)) if tip_text else
                   QCoreApplication.translate("Actions", str(text)).replace("&", ""))
            a[act].setEnabled(not why)
            a[act].setToolTip(why or tip)
            a[act].setStatusTip(why or tip)
        for attr, permission in PANEL_PERMISSIONS.items():
            panel: QWidget = getattr(self.window, attr)
            why = s.why_not(permission)
            panel.setEnabled(not why)
            panel.setToolTip(why)
        self._on_buttons()

    def _on_buttons(self, *_args: object) -> None:
        for (panel, attr), permission in BUTTON_PERMISSIONS.items():
            button: QWidget | None = getattr(getattr(self.window, panel, None), attr, None)
            why = self.session.why_not(permission)
            if button is not None and why:
                button.setEnabled(False)
                button.setToolTip(why)

    def sign_out(self) -> bool:
        """Hide patient data, sign out, and ask for a sign-in; True when someone signed in
        (the window goes on as them), False when the sign-in was cancelled (it closes)."""
        if self.idle.dialog is not None:
            self.idle.dialog.hide()
            self.idle.dialog.deleteLater()
            self.idle.dialog = None
        dropped = drop_unfinished_cells(self.window)
        self.idle.hide_data()
        self.session.sign_out()
        if sign_in_dialog(self.session, self.window):
            self.idle.unlock()
            if dropped:  # said to whoever signed in, after their "Signed in as …"
                self.window.statusBar().showMessage(QCoreApplication.translate(
                    "SignIn", "A table cell still being typed in was dropped at sign-out; "
                              "nothing of it was saved."), 15000)
            return True
        self.window.close()
        return False


def drop_unfinished_cells(window: QWidget) -> bool:
    """Close every table cell editor of ``window`` without saving what it holds: a value
    not yet entered when someone signs out must not be saved in the next user's name.
    True if there was one."""
    dropped = False
    direct = Qt.FindChildOption.FindDirectChildrenOnly
    for view in window.findChildren(QAbstractItemView):
        if view.state() != QAbstractItemView.State.EditingState:
            continue
        delegate = view.itemDelegateForIndex(view.currentIndex()) or view.itemDelegate()
        for editor in view.viewport().findChildren(QWidget, options=direct):
            editor.removeEventFilter(delegate)  # its focus-out would commit the cell
            editor.blockSignals(True)
            view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.RevertModelCache)
            dropped = True
    return dropped


def install(window: MainWindow) -> SignInGate:
    return SignInGate(window)
