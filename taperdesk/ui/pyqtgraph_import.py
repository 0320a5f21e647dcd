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

Then pyqtgraph's package file itself: it imports some ninety modules to copy their names
into ``pyqtgraph`` (image views, colour-map editors and their parameter trees, a remote
view with its process pool, ...), and the chart uses a few of them. ``load_lean`` runs
that file with the imports of the modules in ``NEEDED`` done as written and the others
left for later; the first time anything asks ``pyqtgraph`` for a name it does not hold
(``pg.ImageView``, ``from pyqtgraph import ...``, ``dir``), the left-over imports run,
in the file's order, and their names are copied in as the file would have copied them.
Functions of the package file that would look up a left-over name run those imports
first. Nothing is lost, only made later: tests/ui/test_pyqtgraph_import.py checks, in
fresh interpreters, that the names ``pyqtgraph`` ends up with are the usual ones, each
the same object, and tests/e2e/test_start_loads.py that the window starts without the
left-over modules (docs/PERFORMANCE.md, seventh round).
"""

from __future__ import annotations

import builtins
import dis
import functools
import importlib
import importlib.util
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from types import CodeType, FunctionType, ModuleType
from typing import Any

SHARED = ("QtCore", "QtGui", "QtWidgets")  # pyqtgraph.Qt.<name> is PySide6.<name>

NEEDED = frozenset({
    "colors", "Qt", "colormap", "functions",  # the package file's own first imports
    "graphicsItems.AxisItem", "graphicsItems.ButtonItem", "graphicsItems.GraphicsItem",
    "graphicsItems.GraphicsObject", "graphicsItems.GraphicsWidget",
    "graphicsItems.GraphicsWidgetAnchor", "graphicsItems.InfiniteLine",
    "graphicsItems.ItemGroup", "graphicsItems.LabelItem", "graphicsItems.LegendItem",
    "graphicsItems.LinearRegionItem", "graphicsItems.PlotCurveItem",
    "graphicsItems.PlotDataItem", "graphicsItems.PlotItem", "graphicsItems.ScatterPlotItem",
    "graphicsItems.TextItem", "graphicsItems.UIGraphicsItem", "graphicsItems.ViewBox",
    "GraphicsScene", "Point", "SignalProxy", "SRTTransform", "ThreadsafeTimer",
    "widgets.GraphicsView", "widgets.PlotWidget",
})
"""The modules (relative to ``pyqtgraph``) whose imports the package file does at once:
what the chart and its layers use (plots, axes, view boxes, lines, text, regions, pens)
and what those are made of. Any other name is still there, loaded when first asked for."""


def import_pyqtgraph(lean: bool = True) -> ModuleType:
    """Import pyqtgraph (once) sharing PySide6's modules where that is safe, and with
    ``load_lean`` unless ``lean`` is False; returns it."""
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
            return load_lean() if lean else importlib.import_module("pyqtgraph")
    except BaseException:
        for name in SHARED:
            sys.modules.pop(f"pyqtgraph.Qt.{name}", None)
        raise


def shares_qt() -> bool:
    """True if the loaded pyqtgraph runs on PySide6's own modules (``--bench-ready`` says
    so, and the tests of the program and of the clinic bundle check it)."""
    qt = sys.modules.get("pyqtgraph.Qt")
    return qt is not None and getattr(qt, "QtCore", None) is sys.modules.get("PySide6.QtCore")


def is_lean(module: ModuleType | None = None) -> bool:
    """True if ``pyqtgraph`` (or ``module``) was loaded by ``load_lean`` and has not yet
    needed the imports it left for later (``--bench-ready`` says so)."""
    module = module if module is not None else sys.modules.get("pyqtgraph")
    return module is not None and isinstance(vars(module).get("__getattr__"), _Later)


def load_lean(name: str = "pyqtgraph", needed: frozenset[str] = NEEDED) -> ModuleType:
    """Import package ``name`` running at once only the imports of the modules in
    ``needed`` (see the module's docstring); if that fails, the usual import is tried."""
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None or not spec.submodule_search_locations:
        return importlib.import_module(name)  # not a package: the usual error or module
    before = set(sys.modules)
    module = importlib.util.module_from_spec(spec)
    namespace = vars(module)
    left: list[tuple[str, tuple[str, ...]]] = []  # (module, names) in the file's order
    later = object()  # stands for each name a left-over `from .x import name` binds

    def only_needed(target: str, globals: Any = None, locals: Any = None,  # noqa: A002
                    fromlist: Any = (), level: int = 0) -> Any:
        if level == 1 and globals is namespace and target and fromlist \
                and target not in needed:
            left.append((target, tuple(fromlist)))
            nothing = ModuleType(f"{name}.{target}")  # `import *` copies none of its names
            nothing.__all__ = []  # type: ignore[attr-defined]
            for bound in fromlist:
                if bound != "*":
                    setattr(nothing, bound, later)
            return nothing
        return real_import(target, globals, locals, fromlist, level)

    real_import = builtins.__import__
    own = dict(vars(builtins), __import__=only_needed)  # the file's own imports only
    namespace["__builtins__"] = own
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except Exception:
        for loaded in set(sys.modules) - before:
            del sys.modules[loaded]
        own["__import__"] = real_import
        return importlib.import_module(name)
    own["__import__"] = real_import  # the functions made in the file keep this dict
    namespace["__builtins__"] = vars(builtins)
    for key in [k for k, v in namespace.items() if v is later]:
        del namespace[key]
    _Later(module, left).install()
    return module


class _Later:
    """A package's imports left for later, run on the first name it is asked for and
    does not hold (PEP 562's module ``__getattr__`` and ``__dir__``)."""

    def __init__(self, module: ModuleType, left: list[tuple[str, tuple[str, ...]]]) -> None:
        self.module = module
        self.left = left
        self.wrapped: dict[str, tuple[FunctionType, Callable[..., Any]]] = {}
        """name -> (the package file's function, the wrapper standing in for it)"""

    def install(self) -> None:
        namespace = vars(self.module)
        namespace["__getattr__"] = self
        namespace["__dir__"] = self.listing
        held = set(namespace) | set(vars(builtins))
        for key, value in list(namespace.items()):  # functions that would miss a name
            if isinstance(value, FunctionType) and value.__globals__ is namespace \
                    and not _globals_read(value.__code__) <= held:
                wrapper = self.first(value)
                self.wrapped[key] = (value, wrapper)
                namespace[key] = wrapper

    def __call__(self, key: str) -> Any:
        self.run()
        try:
            return vars(self.module)[key]
        except KeyError:
            raise AttributeError(f"module {self.module.__name__!r} has no attribute "
                                 f"{key!r}") from None

    def listing(self) -> list[str]:
        self.run()
        return sorted(vars(self.module))

    def first[**P, R](self, function: Callable[P, R]) -> Callable[P, R]:
        """``function``, run after the left-over imports."""
        @functools.wraps(function)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            self.run()
            return function(*args, **kwargs)

        return wrapper

    def run(self) -> None:
        namespace = vars(self.module)
        if namespace.get("__getattr__") is not self:
            return  # done already (or running: a left-over module asking for a name)
        del namespace["__getattr__"], namespace["__dir__"]
        for key, (function, wrapper) in self.wrapped.items():
            if namespace.get(key) is wrapper:  # not rebound since
                namespace[key] = function
        for target, names in self.left:  # as the package file would have run them
            sub = builtins.__import__(target, namespace, None, names, 1)
            if "*" in names:
                public = getattr(sub, "__all__", None)
                names = tuple(public if public is not None
                              else (k for k in vars(sub) if not k.startswith("_")))
            for bound in names:  # a name the file binds itself stays; a submodule that
                # loaded early (its parent's attribute) the file's import rebinds
                if bound not in namespace \
                        or _is_submodule(namespace[bound], self.module.__name__, bound):
                    namespace[bound] = getattr(sub, bound)


def _is_submodule(value: object, package: str, key: str) -> bool:
    """True if ``value`` is module ``package.key``, which importing it bound there."""
    return isinstance(value, ModuleType) and value.__name__ == f"{package}.{key}"


def _globals_read(code: CodeType) -> set[str]:
    """The global names ``code`` (and the code nested in it) looks up."""
    names = {i.argval for i in dis.get_instructions(code)
             if i.opname in ("LOAD_GLOBAL", "LOAD_NAME")}
    for const in code.co_consts:
        if isinstance(const, CodeType):
            names |= _globals_read(const)
    return names


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
