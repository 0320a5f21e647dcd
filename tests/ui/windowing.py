"""Open a main window on a records file, as the tests need it."""

from __future__ import annotations

from pathlib import Path

import pyqtgraph as pg
from accounts import TESTER, open_signed
from PySide6.QtCore import QSettings

from taperdesk.ui.session import Session
from taperdesk.ui.settings import GEOMETRY
from taperdesk.ui.window import MainWindow

REFERENCE_SIZE = (1366, 768)
"""The size the window tests run at: SPEC's reference screen. The offscreen screen is
800x800, and a first run fits the window to the screen it opens on (tests of that pass
``size=None``); at its first size the chart would be too narrow for the drag tests."""


def open_window(qtbot, db: Path, ini: Path,  # type: ignore[no-untyped-def]
                user: str = TESTER,
                size: tuple[int, int] | None = REFERENCE_SIZE) -> MainWindow:
    """The window on ``db`` with ``user`` signed in (tests/accounts.py; default: the
    tester, a prescriber and the records' admin), at ``size`` (None: as it opens)."""
    pg.setConfigOption("mouseRateLimit", 0)
    store = open_signed(db, user)
    session = Session(store, store.catalogue)
    window = MainWindow(session, QSettings(str(ini), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    if size is not None and not window.settings.contains(GEOMETRY):  # a first run
        window.resize(*size)
    session.open_patient(store.search_patients("")[0].id)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(10)
    return window


def table_rows(window: MainWindow) -> list[tuple[str, ...]]:
    """Every cell of the step table as the user reads it."""
    m = window.steps.model
    return [tuple(m.data(m.index(r, c)) for c in range(m.columnCount()))
            for r in range(m.rowCount())]
