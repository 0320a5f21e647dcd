"""The window program (PySide6 and pyqtgraph).

Importing any part of it first loads Qt and pyqtgraph the quick way, so the program, its
tests and its benchmarks all run on the same footing: PySide6's source scan of each
later import answered from the file's bytes (import_scan), and pyqtgraph sharing
PySide6's modules instead of copying every Qt class (pyqtgraph_import).
"""

import PySide6.QtWidgets  # noqa: F401  (first: quicken replaces a check PySide6 installs)

from taperdesk.import_scan import quicken
from taperdesk.ui.pyqtgraph_import import import_pyqtgraph

quicken()
import_pyqtgraph()
