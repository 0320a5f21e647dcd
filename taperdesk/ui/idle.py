"""The idle lock: after a while with no key or mouse input, patient data is hidden and the
signed-in user's password is asked again (SPEC.md "A clinic on several PCs").

The wait is a labelled, editable TaperDesk default (15 minutes; the clinic setting
``idle_lock_minutes``, changed in the settings dialog). Locking only hides: the window's
panels are hidden and every other open window (a dialog half filled in) is covered,
nothing is closed or reset, so an edit in progress is there again after the unlock.
The password check is the Session's (ui/session_users.py); "Sign out" hands over to the
sign-in dialog (ui/signin_gate.py).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from taperdesk.ui import theme
from taperdesk.ui.session import Session
from taperdesk.ui.user_texts import user_label

IDLE_SETTING = "idle_lock_minutes"
DEFAULT_IDLE_MINUTES = 15
"""TaperDesk default: minutes without input before the window locks (not a clinical
number; SPEC.md gives 15 minutes as the default; editable in Settings)."""
MAX_IDLE_MINUTES = 240
INPUT = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel,
                   QEvent.Type.MouseMove, QEvent.Type.TouchBegin})


def idle_minutes(text: str) -> int | None:
    """The idle time of the settings (a whole number of minutes, 1 to MAX_IDLE_MINUTES), or
    None if ``text`` is not one."""
    try:
        value = int(text.strip())
    except ValueError:
        return None
    return value if 1 <= value <= MAX_IDLE_MINUTES else None


class LockDialog(QDialog):
    """Asks the signed-in user's password again; "Sign out" lets someone else sign in."""

    def __init__(self, lock: IdleLock, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("idle-lock")
        self.setWindowTitle(self.tr("TaperDesk is locked"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self._lock = lock
        user = lock.session.user
        layout = QVBoxLayout(self)
        self.text = QLabel(self.tr(
            "Locked after {0} minutes without use; patient data is hidden. {1}: type your "
            "password to go on where you left off.").format(
                lock.minutes, user_label(user) if user else ""))
        self.text.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        theme.follow(self.error, theme.error_style)
        self.buttons = QDialogButtonBox()
        self.unlock_button = self.buttons.addButton(self.tr("Unlock"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_out_button = self.buttons.addButton(self.tr("Sign out"),
                                                      QDialogButtonBox.ButtonRole.ResetRole)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.sign_out_button.clicked.connect(lock.sign_out_requested)
        for w in (self.text, self.password, self.error, self.buttons):
            layout.addWidget(w)
        self.password.setFocus()

    def try_unlock(self) -> bool:
        if self._lock.session.check_password(self.password.text()):
            self._lock.unlock()
            return True
        self.password.clear()
        self.error.setText(self.tr("That is not the password of the signed-in user."))
        return False

    def reject(self) -> None:  # Escape must not unlock
        pass


class IdleLock(QObject):
    """Watches the input to the program's windows; locks ``window`` after ``minutes`` of
    none."""

    def __init__(self, window: QMainWindow, session: Session,
                 sign_out: Callable[[], object]) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.sign_out_requested = sign_out
        self.minutes = 0
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.dialog: LockDialog | None = None
        self._hidden: list[QWidget] = []
        self._covers: list[QWidget] = []
        self._focus: QWidget | None = None
        # Input reaches the program through its windows (the main window's, a dialog's):
        # the lock watches those, not the whole application, whose filter would see every
        # event of every object (paints, timers, the style's), each a call into Python
        # that made Python types for what it was passed. Watching starts when the event
        # loop first runs, once the window is on screen (no input reaches it before).
        QTimer.singleShot(0, self, self._watch)
        self.reload()

    def _watch(self) -> None:
        self.watch(self.window.windowHandle())
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.connect(self.watch)  # a dialog, a second window

    def watch(self, window: QWindow | None) -> None:
        """Count input to ``window`` too (installing twice still filters once: Qt)."""
        if window is not None:
            window.installEventFilter(self)

    @property
    def locked(self) -> bool:
        return self.dialog is not None or bool(self._hidden)

    def reload(self) -> None:
        """Take the idle time from the clinic settings (the TaperDesk default if unset)."""
        got = idle_minutes(self.session.store.setting(IDLE_SETTING, str(DEFAULT_IDLE_MINUTES)))
        minutes = got or DEFAULT_IDLE_MINUTES
        if minutes != self.minutes or not self.timer.interval():
            self.start(minutes)  # changed (another save must not postpone the lock)

    def start(self, minutes: int, *, ms: int | None = None) -> None:
        """Count ``minutes`` of no input from now (``ms``: tests use a short interval)."""
        self.minutes = minutes
        self.timer.setInterval(ms if ms is not None else minutes * 60_000)
        if not self.locked:
            self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in INPUT and not self.locked:
            self.timer.start()  # input: count again from now
        return False

    def hide_data(self) -> None:
        """Hide the window's panels and cover every other open window (nothing closed)."""
        if self._hidden:
            return
        self._focus = QApplication.focusWidget()
        w = self.window
        parts = w.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
        self._hidden = [p for p in parts  # docks, toolbars, menus, the chart and table
                        if p.isVisible() and not p.isWindow() and p is not w.statusBar()]
        for p in self._hidden:
            p.hide()
        for top in QApplication.topLevelWidgets():
            if top is not w and top.isVisible() and not isinstance(top, LockDialog):
                self._covers.append(_cover(top, self.tr("Locked: sign in on the main window.")))

    def show_data(self) -> None:
        for p in self._hidden:
            p.show()
        for c in self._covers:
            window = c.parentWidget()
            if window is not None:
                window.setEnabled(True)
            c.deleteLater()
        self._hidden, self._covers = [], []
        if self._focus is not None:
            self._focus.setFocus()
        self._focus = None

    def lock(self) -> None:
        """Hide patient data and ask the password again (not on records with no accounts:
        nobody could unlock)."""
        if self.locked or self.session.user is None:
            return
        self.timer.stop()
        self.hide_data()
        self.dialog = LockDialog(self, self.window)
        self.dialog.show()

    def unlock(self) -> None:
        if self.dialog is not None:
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None
        self.show_data()
        self.timer.start()


def _cover(window: QWidget, text: str) -> QWidget:
    """An opaque label over the whole of ``window``, which is also disabled meanwhile (its
    fields keep what was typed)."""
    cover = QLabel(text, window)
    cover.setAlignment(Qt.AlignmentFlag.AlignCenter)
    cover.setAutoFillBackground(True)
    cover.setGeometry(window.rect())
    cover.raise_()
    cover.show()
    window.setEnabled(False)
    return cover
