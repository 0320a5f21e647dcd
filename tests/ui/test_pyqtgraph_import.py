"""pyqtgraph loaded sharing PySide6's modules finds every Qt name its own copy would hold."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pyqtgraph
import PySide6.QtCore
import PySide6.QtGui
import PySide6.QtWidgets
import pytest

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


# -- the lean package file ---------------------------------------------------

NAMES = """
import json, sys, types
def describe(v):
    if isinstance(v, types.ModuleType):
        return "module " + v.__name__
    if isinstance(v, (type, types.FunctionType, types.BuiltinFunctionType)):
        return f"{type(v).__name__} {v.__module__}.{v.__qualname__}"
    if isinstance(v, (int, str, float, bool, type(None), tuple, list, dict)):
        return f"{type(v).__name__} {v!r}"
    return type(v).__name__
def report(pg, **extra):
    loaded = sorted(m for m in sys.modules if m == "pyqtgraph" or m.startswith("pyqtgraph."))
    print(json.dumps({"names": {k: describe(v) for k, v in vars(pg).items()
                                if k != "__builtins__"}, "loaded": loaded, **extra}))
"""

USUAL_SHARED = NAMES + """
import importlib.util, PySide6.QtWidgets
spec = importlib.util.spec_from_file_location("plain_import", sys.argv[1])
plain = importlib.util.module_from_spec(spec)
spec.loader.exec_module(plain)  # not through taperdesk.ui, which imports pyqtgraph lean
pg = plain.import_pyqtgraph(lean=False)
report(pg)
"""

LEAN_THEN_ALL = NAMES + """
import taperdesk.ui, pyqtgraph as pg
from taperdesk.ui.pyqtgraph_import import is_lean
lean, at_start = is_lean(), sorted(m for m in sys.modules if m.startswith("pyqtgraph"))
def ours(v):  # run after the left-over imports: the package file's own function, wrapped
    return getattr(getattr(v, "__wrapped__", None), "__globals__", None) is vars(pg)
wrapped = sorted(k for k, v in vars(pg).items() if ours(v))
names = dir(pg)  # the first name it does not hold: the left-over imports run
report(pg, lean=lean, at_start=at_start, wrapped=wrapped, after=is_lean(),
       unwrapped=[k for k, v in vars(pg).items() if ours(v)],
       image_view=pg.ImageView is sys.modules["pyqtgraph.imageview"].ImageView)
"""


def fresh_args(code: str, *args: str) -> dict[str, object]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    r = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                       env=env, timeout=120, check=False)
    assert r.returncode == 0, r.stderr
    return dict(json.loads(r.stdout))


def test_pyqtgraph_loaded_lean_ends_up_with_the_usual_names() -> None:
    usual = fresh_args(USUAL_SHARED, pyqtgraph_import.__file__)
    lean = fresh_args(LEAN_THEN_ALL)
    assert lean["lean"] is True and lean["after"] is False
    at_start, loaded = set(lean["at_start"]), set(usual["loaded"])
    assert len(at_start) < len(loaded) / 2  # most of pyqtgraph's modules wait
    for later in ("pyqtgraph.imageview", "pyqtgraph.parametertree", "pyqtgraph.multiprocess",
                  "pyqtgraph.widgets.ColorMapWidget", "pyqtgraph.graphicsItems.ROI"):
        assert later in loaded and later not in at_start
    assert at_start < loaded
    # once asked, every name the usual import binds is there, and it is the same object
    assert lean["names"] == usual["names"]
    assert set(lean["loaded"]) == loaded
    assert lean["image_view"] is True
    # pg.image() would look up ImageView: it ran the left-over imports first, until they ran
    assert "image" in lean["wrapped"] and lean["unwrapped"] == []


def _package(root: Path, files: dict[str, str]) -> None:
    (root / "leanpkg").mkdir()
    for name, text in files.items():
        (root / "leanpkg" / f"{name}.py").write_text(text, encoding="utf-8")


@pytest.fixture
def leanpkg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path
    for name in [m for m in sys.modules if m == "leanpkg" or m.startswith("leanpkg.")]:
        del sys.modules[name]


PACKAGE = {
    "__init__": (
        "from .kept import *\n"
        "from .later import *\n"
        "from .other import Thing\n"
        "from .grp import *\n"
        "OWN = 'the file'\n"
        "def uses_later():\n"
        "    return LaterClass\n"
        "def plain():\n"
        "    return KeptClass, OWN\n"
    ),
    "kept": "from . import grp  # loads leanpkg.grp early\nclass KeptClass: pass\n",
    "later": "class LaterClass: pass\nOWN = 'later'\n",
    "other": "class Thing: pass\n",
    "grp": "class grp: pass\n",
}


def test_a_left_over_name_is_loaded_when_first_asked_for(leanpkg: Path) -> None:
    _package(leanpkg, PACKAGE)
    pkg = pyqtgraph_import.load_lean("leanpkg", frozenset({"kept"}))
    assert pyqtgraph_import.is_lean(pkg)
    assert "leanpkg.later" not in sys.modules and "leanpkg.other" not in sys.modules
    assert pkg.plain() == (pkg.KeptClass, "the file")  # reads only what is there: as it is
    assert not hasattr(vars(pkg)["plain"], "__wrapped__")
    assert hasattr(vars(pkg)["uses_later"], "__wrapped__")
    assert pkg.uses_later() is sys.modules["leanpkg.later"].LaterClass
    assert not pyqtgraph_import.is_lean(pkg)
    assert pkg.Thing is sys.modules["leanpkg.other"].Thing
    assert pkg.grp is sys.modules["leanpkg.grp"].grp  # `import *` rebinds the submodule
    assert pkg.OWN == "the file"  # what the file binds itself stays (a later module's too)
    assert "__getattr__" not in vars(pkg) and "__wrapped__" not in vars(vars(pkg)["uses_later"])
    with pytest.raises(AttributeError, match="has no attribute 'Nothing'"):
        pkg.Nothing  # noqa: B018


def test_from_import_of_a_left_over_name_works(leanpkg: Path) -> None:
    _package(leanpkg, PACKAGE)
    pyqtgraph_import.load_lean("leanpkg", frozenset({"kept"}))
    from leanpkg import Thing  # type: ignore[import-not-found]

    assert Thing is sys.modules["leanpkg.other"].Thing


def test_a_package_that_fails_to_load_fails_as_usual_and_leaves_nothing(leanpkg: Path) -> None:
    _package(leanpkg, {**PACKAGE, "kept": "raise RuntimeError('kept is broken')\n"})
    with pytest.raises(RuntimeError, match="kept is broken"):
        pyqtgraph_import.load_lean("leanpkg", frozenset({"kept"}))
    assert not [m for m in sys.modules if m == "leanpkg" or m.startswith("leanpkg.")]
