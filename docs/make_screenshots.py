"""Take the window's screenshots for the docs (docs/screenshot-*.png).

Run under Xvfb at the screen size wanted, e.g.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python docs/make_screenshots.py \\
        docs/screenshot-1366.png
    QT_SCALE_FACTOR=1.5 xvfb-run -a -s "-screen 0 1920x1080x24" \\
        .venv/bin/python docs/make_screenshots.py docs/screenshot-1920-150.png
    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python docs/make_screenshots.py \\
        --dark docs/screenshot-1366-dark.png

It opens the demo patient on a throwaway records file and settings, shows the window
maximised on that screen, selects the first warning and saves what the screen shows.
``--dark`` sets a dark Fusion palette first, as a system in dark mode gives Qt.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from taperdesk.store import Store, load_demo
from taperdesk.ui.session import Session
from taperdesk.ui.window import MainWindow

DARK = {"Window": "#2b2b2b", "WindowText": "#eeeeee", "Base": "#1e1e1e",
        "AlternateBase": "#262626", "Text": "#eeeeee", "Button": "#353535",
        "ButtonText": "#eeeeee", "ToolTipBase": "#1e1e1e", "ToolTipText": "#eeeeee",
        "PlaceholderText": "#a0a0a0", "Highlight": "#2f65ca", "HighlightedText": "#ffffff",
        "Mid": "#555555", "Dark": "#202020", "Light": "#505050", "Midlight": "#404040"}


def dark_palette() -> QPalette:
    p = QPalette()
    for role, colour in DARK.items():
        p.setColor(getattr(QPalette.ColorRole, role), QColor(colour))
    for role in ("WindowText", "Text", "ButtonText"):
        p.setColor(QPalette.ColorGroup.Disabled, getattr(QPalette.ColorRole, role),
                   QColor("#808080"))
    return p


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--dark", action="store_true")
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    if args.dark:
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
    folder = Path(tempfile.mkdtemp(prefix="taperdesk-shot-"))
    store = Store.open(folder / "records.sqlite3")
    load_demo(store, today=date.today())
    session = Session(store, store.catalogue)
    window = MainWindow(session, QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat))
    session.open_patient(store.search_patients("")[0].id)
    window.show()
    # Xvfb has no window manager to maximise it: fill the screen as maximised would.
    window.setGeometry(window.screen().availableGeometry())
    window.default_layout()

    def shoot() -> None:
        if window.checks.list.count():
            window.checks.list.setCurrentRow(0)
        app.processEvents()
        screen = window.screen()
        screen.grabWindow(0).save(str(args.out))
        print(f"{args.out}: {screen.size().width()}x{screen.size().height()} screen, "
              f"window {window.width()}x{window.height()}, scale "
              f"{screen.devicePixelRatio():g}")
        app.quit()

    QTimer.singleShot(1500, shoot)
    app.exec()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
