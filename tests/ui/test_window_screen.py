"""The main window's first size fits the screen it opens on (1280x720 at 150 % on a
1920x1080 screen, 1366x768 less a taskbar), and a saved layout keeps its own size."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from windowing import open_window

TITLE_BAR = 30  # offscreen draws no frame: allow a title bar, as the dialog tests do


def on_screen(window) -> QRect:  # type: ignore[no-untyped-def]
    frame = window.frameGeometry()
    if frame.size() == window.size():
        frame.setTop(frame.top() - TITLE_BAR)
    return frame


@pytest.mark.parametrize("screen", [QRect(0, 0, 1280, 680), QRect(0, 0, 1366, 728),
                                    QRect(1920, 0, 1280, 680)])
def test_a_first_run_window_fits_a_small_screen(qtbot, db: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                 monkeypatch, screen: QRect) -> None:
    monkeypatch.setattr("taperdesk.ui.window.available_geometry", lambda _w=None: screen,
                        raising=False)
    window = open_window(qtbot, db, tmp_path / "first-run.ini", size=None)  # a first run
    try:
        assert screen.contains(on_screen(window)), (on_screen(window), screen)
        # all the room there is, not a dialog's share of it
        assert window.width() >= screen.width() - 10 and window.height() >= screen.height() - 40
    finally:
        window.close()
        window.session.store.close()


def test_a_big_screen_gets_the_usual_first_size(qtbot, db: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                monkeypatch) -> None:
    screen = QRect(0, 0, 1920, 1040)
    monkeypatch.setattr("taperdesk.ui.window.available_geometry", lambda _w=None: screen,
                        raising=False)
    window = open_window(qtbot, db, tmp_path / "first-run.ini", size=None)
    try:
        assert window.size().toTuple() == (1366, 768)
        assert screen.contains(on_screen(window))
    finally:
        window.close()
        window.session.store.close()


def test_a_saved_layout_keeps_its_size_on_a_small_screen(qtbot, db: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                        monkeypatch) -> None:
    ini = tmp_path / "settings.ini"
    first = open_window(qtbot, db, ini)
    # the right column emptied, so the window is narrow enough for the offscreen screen
    # (restoring clamps a window to the real screen)
    first.docks["symptoms"].hide()
    first.docks["appointments"].hide()
    first.removeDockWidget(first.docks["checks"])
    first.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, first.docks["checks"])
    first.docks["checks"].show()
    first.resize(700, 520)
    assert first.width() == 700
    kept = first.size()
    first.close()  # saves the layout
    first.session.store.close()
    monkeypatch.setattr("taperdesk.ui.window.available_geometry",
                        lambda _w=None: QRect(0, 0, 1280, 680), raising=False)
    again = open_window(qtbot, db, ini)
    try:
        # its own width, not the first-run fit (the height follows the offscreen screen's
        # own limits, as in test_main_window's close-and-reopen test)
        assert again.width() == kept.width() == 700
    finally:
        again.close()
        again.session.store.close()
