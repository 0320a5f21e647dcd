"""Noticing another program's saves: the Session polls the records file's
``Store.data_version`` (SQLite's ``PRAGMA data_version``, which moves only when
another connection commits) and re-reads what the window shows when it moves.

An edit in progress is never discarded: while the chart is being dragged, a plan
is being previewed, a dialog is open or a field is being typed into, the refresh
waits for a later tick.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit

from taperdesk.store import StoreError
from taperdesk.ui.changes import NOTHING, Changes

if TYPE_CHECKING:
    from taperdesk.ui.session import Session

LIVE_CHECK_MS = 1000
"""TaperDesk default: how often the window looks for another TaperDesk's saves (SPEC.md,
Records, 'Live': every open window shows another PC's save within 2 seconds)."""


class LiveRecords(QObject):
    """The timer that keeps one Session's window in step with the records file."""

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self._session = session
        self._seen = self._version()
        self.timer = QTimer(self)
        self.timer.setInterval(LIVE_CHECK_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def _version(self) -> int | None:
        try:
            return self._session.store.data_version()
        except StoreError:
            return None  # closed or unreadable: the next write says why

    def restart(self) -> None:
        """Another records file is open (or the window has just re-read this one)."""
        self._seen = self._version()

    def editing(self) -> bool:
        """An edit is in progress that a refresh would throw away: a drag or preview, an
        open dialog, or a text field typed into and not yet entered."""
        s = self._session
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return s.dragging or s.previewing
        focus = app.focusWidget()
        typing = isinstance(focus, QLineEdit) and focus.isModified()
        return s.dragging or s.previewing or typing or app.activeModalWidget() is not None

    def changed_elsewhere(self) -> bool:
        version = self._version()
        return version is not None and version != self._seen

    def check(self) -> Changes:
        """Re-read the open patient, plan and lists if another program saved (not while
        an edit is in progress: then at a later tick)."""
        if not self.changed_elsewhere() or self.editing():
            return NOTHING
        self.restart()
        return self._session.refresh()
