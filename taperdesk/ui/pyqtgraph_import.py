"""pyqtgraph imported without making every Qt class at once.

On import, ``pyqtgraph.Qt`` fills its own empty ``QtCore``, ``QtGui`` and ``QtWidgets``
modules with a copy of every name in PySide6's (``_copy_attrs``: ``dir`` of PySide6's
module, then ``getattr`` of each name). PySide6 makes its classes lazily, on first use;
asking for all of them makes every class and its Python enums (646 enums), most of which
the window never uses, and that was a fifth of TaperDesk's start (docs/PERFORMANCE.md).

``import_pyqtgraph`` hands pyqtgraph PySide6's modules themselves in place of its empty
copies (through ``sys.modules``), and while pyqtgraph loads, ``dir`` of those modules
lists only what they have already made, so the copy finds nothing to do. Every name
pyqtgraph asks for afterwards is PySide6's own object, made when first used, exactly the
object the copy would have held. This is done only while pyqtgraph's three modules are
the empty shells the copy fills (a pyqtgraph that defines names of its own in them is
imported as it is); tests/ui/test_pyqtgraph_import.py checks, in fresh interpreters, that
every name of pyqtgraph's usual copies is there, of the same kind.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from types import CodeType, ModuleType

SHARED = ("QtCore", "QtGui", "QtWidgets")  # pyqtgraph.Qt.<name> is PySide6.<name>


def import_pyqtgraph() -> ModuleType:
    """Import pyqtgraph (once) sharing PySide6's modules where that is safe; returns it."""
    loaded = sys.modules.get("pyqtgraph")
    if loaded is not None:
        return loaded
    if not copies_are_empty_shells():
        import pyqtgraph  # noqa: F401

        return sys.modules["pyqtgraph"]
    modules = [importlib.import_module(f"PySide6.{name}") for name in SHARED]
    for name, module in zip(SHARED, modules, strict=True):
        sys.modules[f"pyqtgraph.Qt.{name}"] = module
    try:
        with only_made_names_listed(modules):
            import pyqtgraph  # noqa: F401
    except BaseException:
        for name in SHARED:
            sys.modules.pop(f"pyqtgraph.Qt.{name}", None)
        raise
    return sys.modules["pyqtgraph"]


def shares_qt() -> bool:
    """True if the loaded pyqtgraph runs on PySide6's own modules (``--bench-ready`` says
    so, and the tests of the program and of the clinic bundle check it)."""
    qt = sys.modules.get("pyqtgraph.Qt")
    return qt is not None and getattr(qt, "QtCore", None) is sys.modules.get("PySide6.QtCore")


def copies_are_empty_shells(package: Path | None = None) -> bool:
    """True if pyqtgraph's Qt/QtCore, Qt/QtGui and Qt/QtWidgets define nothing of their own
    (``package``: pyqtgraph's folder; the installed one's by default). Their code is read
    as Python would load it (from the .py file or, in the clinic bundle, the archive)."""
    if package is None:
        spec = importlib.util.find_spec("pyqtgraph")
        if spec is None or not spec.submodule_search_locations:
            return False
        folders = [Path(p) for p in spec.submodule_search_locations]
    else:
        folders = [package]
    for name in SHARED:
        code = module_code(f"pyqtgraph.Qt.{name}", [str(f / "Qt") for f in folders])
        if code is None or set(code.co_names) - {"__doc__"}:
            return False
    return True


def module_code(fullname: str, path: list[str]) -> CodeType | None:
    """The code of module ``fullname`` found on ``path`` (the parent package's folders),
    without importing it or its parents; None if it cannot be read."""
    for finder in sys.meta_path:
        find = getattr(finder, "find_spec", None)
        if find is None:
            continue
        try:
            spec = find(fullname, path)
        except (ImportError, OSError):
            return None
        if spec is None:
            continue
        get_code = getattr(spec.loader, "get_code", None)
        try:
            return get_code(fullname) if get_code is not None else None
        except (ImportError, OSError, SyntaxError, ValueError):
            return None
    return None


@contextmanager
def only_made_names_listed(modules: list[ModuleType]) -> Iterator[None]:
    """While inside, ``dir(module)`` lists only the names the module already holds."""
    missing = object()
    saved = [vars(m).get("__dir__", missing) for m in modules]
    for module in modules:
        vars(module)["__dir__"] = partial(list, vars(module))  # the names it holds now
    try:
        yield
    finally:
        for module, before in zip(modules, saved, strict=True):
            if before is missing:
                vars(module).pop("__dir__", None)
            else:
                vars(module)["__dir__"] = before
