"""pyqtgraph loaded sharing PySide6's modules finds every Qt name its own copy would hold."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pyqtgraph
import PySide6.QtCore
import PySide6.QtGui
import PySide6.QtWidgets

from taperdesk.ui import pyqtgraph_import

SHARED = pyqtgraph_import.SHARED

USUAL = """
import json, sys
import PySide6.QtWidgets, pyqtgraph.Qt as Q
import PySide6
from taperdesk.ui.pyqtgraph_import import shares_qt  # after pyqtgraph: it is left as it is
print(json.dumps({"shares": shares_qt(),
                  "copies": {n: {k: type(v).__name__ for k, v in vars(getattr(Q, n)).items()
                                 if not k.startswith("__")} for n in SHARED},
                  "listed": {n: dir(getattr(PySide6, n)) for n in SHARED}}))
"""

LEAN = """
import json, sys
import taperdesk.ui, pyqtgraph.Qt as Q, PySide6.QtCore, PySide6.QtGui, PySide6.QtWidgets
made = {n: len(vars(getattr(PySide6, n))) for n in SHARED}
usual = json.loads(sys.stdin.read())
print(json.dumps({
    "shared": [getattr(Q, n) is getattr(PySide6, n) for n in SHARED],
    "made": made,
    "listed": {n: dir(getattr(PySide6, n)) for n in SHARED},
    "kinds": {n: {k: type(getattr(getattr(Q, n), k)).__name__ for k in names}
              for n, names in usual.items()},
}))
"""


def fresh(code: str, stdin: str = "") -> str:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    code = f"SHARED = {SHARED!r}\n" + code
    r = subprocess.run([sys.executable, "-c", code], input=stdin, capture_output=True,
                       text=True, env=env, timeout=120, check=False)
    assert r.returncode == 0, r.stderr
    return r.stdout


def test_every_name_of_pyqtgraphs_usual_copies_is_pysides_own_object() -> None:
    usual = json.loads(fresh(USUAL))
    copies = usual["copies"]
    assert usual["shares"] is False  # pyqtgraph imported first keeps its own copies
    assert all(len(copies[n]) > 150 for n in SHARED)  # the usual copies hold every class
    lean = json.loads(fresh(LEAN, json.dumps(copies)))
    assert lean["shared"] == [True, True, True]
    assert lean["kinds"] == copies  # each name there, and of the same kind
    # fewer Qt classes were made than the copy makes, and dir() lists them all again, with
    # pyqtgraph's two additions (which the usual import makes to its copies)
    assert all(lean["made"][n] < len(copies[n]) for n in SHARED)
    added = {n: sorted(set(lean["listed"][n]) - set(usual["listed"][n])) for n in SHARED}
    assert added == {"QtCore": [], "QtGui": ["QFileSystemModel"], "QtWidgets": ["QOpenGLWidget"]}
    assert all(set(usual["listed"][n]) <= set(lean["listed"][n]) for n in SHARED)


def test_this_process_runs_on_the_shared_modules() -> None:
    # the tests import taperdesk.ui before pyqtgraph, as the program does
    assert pyqtgraph.Qt.QtCore is PySide6.QtCore
    assert pyqtgraph.Qt.QtGui is PySide6.QtGui and pyqtgraph.Qt.QtWidgets is PySide6.QtWidgets
    assert pyqtgraph_import.import_pyqtgraph() is pyqtgraph  # once: later calls change nothing
    assert pyqtgraph_import.shares_qt() is True


def test_a_pyqtgraph_with_code_in_its_qt_modules_is_imported_as_it_is(tmp_path: Path) -> None:
    for name in SHARED:
        (tmp_path / "Qt" / name).mkdir(parents=True)
        (tmp_path / "Qt" / name / "__init__.py").write_text('"""A copy."""\n# empty\n',
                                                            encoding="utf-8")
    assert pyqtgraph_import.copies_are_empty_shells(tmp_path) is True
    (tmp_path / "Qt" / "QtGui" / "__init__.py").write_text("HELPER = 1\n", encoding="utf-8")
    assert pyqtgraph_import.copies_are_empty_shells(tmp_path) is False
    (tmp_path / "Qt" / "QtGui" / "__init__.py").write_text("def broken(:\n", encoding="utf-8")
    assert pyqtgraph_import.copies_are_empty_shells(tmp_path) is False
    (tmp_path / "Qt" / "QtGui" / "__init__.py").unlink()
    assert pyqtgraph_import.copies_are_empty_shells(tmp_path) is False
    assert pyqtgraph_import.copies_are_empty_shells() is True  # the installed pyqtgraph
