"""Open a main window on a records file, as the tests need it."""

from __future__ import annotations

from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QSettings

from taperdesk.store import Store
from taperdesk.ui.session import Session
from taperdesk.ui.window import MainWindow


def open_window(qtbot, db: Path, ini: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    pg.setConfigOption("mouseRateLimit", 0)
    store = Store.open(db)
    session = Session(store, store.catalogue)
    window = MainWindow(session, QSettings(str(ini), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
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
