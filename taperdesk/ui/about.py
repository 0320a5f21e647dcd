"""Help ▸ About: the version, the records file, and the licence notice for the LGPL Qt
libraries the window is built on (PySide6/Qt are LGPLv3; the notice and the licence
texts ship in the bundle, packaging/licenses/)."""

from __future__ import annotations

from pathlib import Path

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from taperdesk import __version__
from taperdesk.platform import bundle_dir
from taperdesk.ui.translation import translate

QT_SOURCE = "https://download.qt.io/official_releases/qt/"
PYSIDE_SOURCE = "https://download.qt.io/official_releases/QtForPython/"
NOTICE_FILE = "THIRD-PARTY-NOTICES.txt"
LICENCE_FOLDER = "licenses"
"""Where packaging/taperdesk.spec puts packaging/licenses/ inside the bundle."""


def licence_folder() -> Path:
    """The licence texts: in the bundle's folder, or packaging/licenses/ from source."""
    inside = bundle_dir()
    if inside is not None:
        return inside / LICENCE_FOLDER
    return Path(__file__).resolve().parents[2] / "packaging" / LICENCE_FOLDER


def about_text(records: str) -> str:
    """The About box's text (plain text; what the box shows)."""
    return "\n\n".join([
        translate("About", "TaperDesk {0}").format(__version__),
        translate("About", "Plan, adjust, document and print benzodiazepine tapers. "
                  "Offline; records stay on this PC."),
        translate("About", "Records file: {0}").format(records),
        translate("About", "TaperDesk's window uses Qt {0} through PySide6 {1} (Qt for "
            "Python), used under the GNU Lesser General Public License version 3 (LGPLv3). "
            "They are unchanged and are separate libraries you may replace with your own "
            "build. Their source code: {2} (Qt) and {3} (PySide6, Shiboken6).").format(
                qVersion(), PySide6.__version__, QT_SOURCE, PYSIDE_SOURCE),
        translate("About", "The licence texts (LGPL-3.0.txt, GPL-3.0.txt) and the other "
                  "libraries' notices are in {0}.").format(licence_folder() / NOTICE_FILE),
    ])


def about_box(parent: QWidget | None, records: str) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Information,
                      translate("About", "About TaperDesk"),
                      about_text(records), QMessageBox.StandardButton.Close, parent)
    box.setObjectName("about-box")
    return box
