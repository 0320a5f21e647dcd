"""The Session's part about who is signed in: sign in, the first (admin) account, sign out,
the idle lock's password check, and what the signed-in user's role may do.

Mixed into ``Session`` (ui/session.py) like session_records.py: the sign-in dialog and the
idle lock never touch the store themselves. Every write the Session makes then names the
signed-in user (``Store.who``), and the store refuses what the role may not do; views ask
``may``/``why_not`` to disable those actions beforehand (ui/signin_gate.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from taperdesk.store import Permission, Store, StoreError, User
from taperdesk.ui.changes import Changes
from taperdesk.ui.user_texts import refusal, user_label

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtGui import QUndoStack


class UserOperations:
    """Signing in and out, for the Session (``user_changed`` is emitted after each)."""

    store: Store
    undo_stack: QUndoStack
    _unsaved: list[Any]
    if TYPE_CHECKING:  # provided by Session
        user_changed: SignalInstance

        def announce(self, changes: Changes, *, say: bool = True) -> Changes: ...
        def show_message(self, text: str) -> None: ...

    @property
    def location(self) -> str:
        """Where the records are (a file or the clinic server), for the user to read."""
        return str(self.store.location)

    @property
    def user(self) -> User | None:
        """The signed-in account (None before a sign-in, or on records with no accounts)."""
        return self.store.user

    def accounts(self) -> list[User]:
        """The records' accounts that may sign in (not the disabled ones), by name."""
        return [u for u in self.store.users() if not u.disabled]

    def needs_first_account(self) -> bool:
        """The records have no account yet: the first one made is their admin."""
        return not self.store.has_users()

    def sign_in(self, name: str, password: str) -> Changes:
        """Sign ``name`` in; the refusal (one message, whatever was wrong) changes nothing."""
        try:
            user = self.store.sign_in(name, password)
        except StoreError as exc:
            return Changes.refusal(str(exc))
        return self._signed(user)

    def create_first_account(self, name: str, role: str, password: str) -> Changes:
        """Make the records' first account (their admin, whatever its role) and sign it in."""
        if not self.needs_first_account():
            return Changes.refusal(QCoreApplication.translate(
                "Session", "These records already have accounts: sign in."))
        try:
            self.store.add_user(name, role, password)
            user = self.store.sign_in(name, password)
        except StoreError as exc:
            return Changes.refusal(str(exc))
        return self._signed(user)

    def sign_out(self) -> Changes:
        """Nobody is signed in; the undo history and unsaved edits go too (the next user
        must not undo or save the last one's edits in their own name)."""
        self.store.sign_out()
        self._forget_edits()
        self.user_changed.emit()
        return self.announce(Changes())

    def check_password(self, password: str) -> bool:
        """The signed-in user's password again (the idle lock); changes nothing."""
        return self.store.check_password(password)

    def may(self, permission: Permission) -> bool:
        """Whether the signed-in user's role may do ``permission`` (records with no
        accounts are not guarded)."""
        return not self.why_not(permission)

    def why_not(self, permission: Permission) -> str:
        """Why the signed-in user may not do ``permission`` ('' when they may), for a
        disabled action's tooltip and the Session's own refusals."""
        user = self.store.user
        if user is None:
            first = QCoreApplication.translate("Session", "Sign in first.")
            return first if self.store.has_users() else ""
        return "" if user.may(permission) else refusal(user, permission)

    def _forget_edits(self) -> None:
        """The undo history and any edit whose save failed belong to the user who made
        them: never undone or saved later in another's name."""
        self.undo_stack.clear()
        self._unsaved = []

    def _signed(self, user: User) -> Changes:
        self._forget_edits()
        self.user_changed.emit()
        self.show_message(
            QCoreApplication.translate("Session", "Signed in as {0}.").format(user_label(user)))
        return self.announce(Changes())
