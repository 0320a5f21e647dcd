"""The sign-in dialog shown at start (and after Sign out): the records' users and a password;
on records with no account yet, "create the first (admin) user" instead.

Users are TaperDesk accounts kept in the records (never OS accounts); the Session signs
them in (ui/session_users.py), so this dialog never touches the store. A wrong password
keeps the dialog open with one message and changes nothing.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from taperdesk.store import Role
from taperdesk.store.users import MIN_PASSWORD
from taperdesk.ui import theme
from taperdesk.ui.dialogs import _Form
from taperdesk.ui.session import Session

ROLE_TEXT = {
    Role.PRESCRIBER: "prescriber (plans, holds, plan warnings; patients and assessments too)",
    Role.NURSE: "nurse (patients, assessments, appointments, red flags)",
    Role.PHARMACIST: "pharmacist (reads and prints)",
    Role.ADMIN: "admin (users and settings only)",
}
"""SPEC.md "A clinic on several PCs": what each role may do, as the dialog says it."""


class SignInDialog(_Form):
    """Sign in (``first`` False) or create the records' first account (``first`` True)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        self.session = session
        self.first = session.needs_first_account()
        super().__init__(self.tr("Create the first (admin) user") if self.first
                         else self.tr("Sign in to TaperDesk"), parent)
        self.setObjectName("sign-in")
        where = QLabel(self.tr("Records: {0}").format(session.location))
        where.setWordWrap(True)
        theme.follow(where, theme.muted_style)
        self.form.addRow(where)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setObjectName("password")
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.role = QComboBox()
        if self.first:
            self._first_rows()
        else:
            self.name_box = QComboBox()
            self.name_box.setEditable(True)
            self.name_box.setObjectName("user-name")
            self.name_box.addItems([u.name for u in session.accounts()])
            self.form.addRow(self.tr("User"), self.name_box)
            self.form.addRow(self.tr("Password"), self.password)
        self.finish()
        self.password.setFocus()

    def _first_rows(self) -> None:
        note = QLabel(self.tr(
            "These records have no users yet. The first user you create is also their "
            "admin (adds the other users and changes the clinic settings). Everyone then "
            "signs in with their own name and password."))
        note.setWordWrap(True)
        self.form.addRow(note)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("user-name")
        self.name_edit.setMaxLength(100)
        self.form.addRow(self.tr("Your name"), self.name_edit)
        for role in Role:
            self.role.addItem(ROLE_TEXT[role], role.value)
        self.form.addRow(self.tr("Your role"), self.role)
        self.password.setPlaceholderText(
            self.tr("at least {0} characters").format(MIN_PASSWORD))
        self.form.addRow(self.tr("Password"), self.password)
        self.form.addRow(self.tr("Password again"), self.repeat)

    def user_name(self) -> str:
        return self.name_edit.text() if self.first else self.name_box.currentText()

    def problem(self) -> str:
        """Signs in (or makes the first account) on OK; the refusal keeps the dialog open."""
        name, password = self.user_name().strip(), self.password.text()
        if not name:
            return self.tr("Type your user name.")
        if self.first:
            if password != self.repeat.text():
                return self.tr("The two passwords differ; type the same one twice.")
            done = self.session.create_first_account(name, str(self.role.currentData()),
                                                     password)
        else:
            done = self.session.sign_in(name, password)
        if not done.ok:
            self.password.clear()
            self.repeat.clear()
            self.password.setFocus()
        return done.refused


def sign_in_dialog(session: Session, parent: QWidget | None = None) -> bool:
    """Ask until someone signs in (True) or the dialog is cancelled (False)."""
    from taperdesk.ui import dialogs

    return dialogs.run(SignInDialog(session, parent))


def sign_in_at_start(session: Session, user: str | None, *, bench: bool) -> bool:
    """Who uses the window from its start: ``user`` (``--user`` or $TAPERDESK_USER) with
    the password in $TAPERDESK_PASSWORD signs in without a dialog (scripts, tests, the
    benchmarks); otherwise the sign-in dialog (or "create the first (admin) user").
    ``bench`` (--bench-ready) never shows a dialog: a problem is printed and False
    returned. Records with no accounts start as before under --bench-ready only."""
    import os
    import sys

    if bench and not user and session.needs_first_account():
        return True  # records with no accounts: no dialog, and no cli package to load
    from taperdesk.cli.signing import PASSWORD_ENV

    if user:
        done = session.sign_in(user, os.environ.get(PASSWORD_ENV, ""))
        if done.ok:
            return True
        if bench:
            print(f"error: {done.refused}", file=sys.stderr)
            return False
    elif bench:
        print(f"error: the records have user accounts: give --user NAME and "
              f"${PASSWORD_ENV}", file=sys.stderr)
        return False
    return sign_in_dialog(session)
