"""The window's layout comes back whatever language it was saved in: docks are named by
their fixed English keys (QMainWindow.restoreState matches docks by object name), the
same names the English window gave them before, so older layouts still restore."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from test_window_language import build_qm
from windowing import open_window

from taperdesk.ui.translation import install_translator, remove_translator

LEFT, RIGHT = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
NAMES = {"patients": "dock-patients", "plan": "dock-plan", "checks": "dock-checks",
         "symptoms": "dock-symptoms", "today": "dock-today",
         "appointments": "dock-appointments"}
"""The names the English window of the previous version gave its docks."""


def _in[T](qapp, code: str, run: Callable[[], T]) -> T:  # type: ignore[no-untyped-def]
    """``run()`` with the window's texts in ``code`` (as the language setting does at start)."""
    translator = install_translator(qapp, code)
    try:
        return run()
    finally:
        remove_translator(qapp, translator)


def _lay_out_and_close(qtbot, db: Path, ini: Path) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """Open the window, move Checks to the left, float Plan, hide Appointments; close it
    (which saves the layout). Returns the Checks and Plan titles, to see the language."""
    w = open_window(qtbot, db, ini)
    assert {k: d.objectName() for k, d in w.docks.items()} == NAMES
    assert w.dockWidgetArea(w.docks["checks"]) == RIGHT and not w.docks["plan"].isFloating()
    w.addDockWidget(LEFT, w.docks["checks"])
    w.docks["plan"].setFloating(True)
    w.docks["appointments"].hide()
    titles = w.docks["checks"].windowTitle(), w.docks["plan"].windowTitle()
    w.close()
    w.session.store.close()
    return titles


def _restored(qtbot, db: Path, ini: Path) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    w = open_window(qtbot, db, ini)
    assert w.dockWidgetArea(w.docks["checks"]) == LEFT
    assert w.docks["plan"].isFloating()
    assert w.docks["appointments"].isHidden() and not w.docks["symptoms"].isHidden()
    titles = w.docks["checks"].windowTitle(), w.docks["symptoms"].windowTitle()
    w.close()
    w.session.store.close()
    return titles


def test_a_layout_saved_in_spanish_comes_back_in_english(qtbot, qapp, db: Path,  # type: ignore[no-untyped-def]
                                                         tmp_path: Path) -> None:
    build_qm()
    ini = tmp_path / "settings.ini"
    saved = _in(qapp, "es", lambda: _lay_out_and_close(qtbot, db, ini))
    assert saved[0] == "Comprobaciones"  # saved in Spanish
    assert _in(qapp, "en", lambda: _restored(qtbot, db, ini)) == ("Checks", "Symptoms")


def test_a_layout_saved_in_english_comes_back_in_spanish(qtbot, qapp, db: Path,  # type: ignore[no-untyped-def]
                                                         tmp_path: Path) -> None:
    build_qm()
    ini = tmp_path / "settings.ini"
    assert _in(qapp, "en", lambda: _lay_out_and_close(qtbot, db, ini))[0] == "Checks"
    checks, symptoms = _in(qapp, "es", lambda: _restored(qtbot, db, ini))
    assert (checks, symptoms) == ("Comprobaciones", "Síntomas")  # restored in Spanish
