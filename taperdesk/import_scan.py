"""A quicker answer to PySide6's question about every module imported after it.

Once PySide6 is loaded it asks, of each module imported afterwards, whether the module
uses PySide (for its ``from __feature__ import ...`` switching): it reads the module's
source through ``inspect.getsource`` (linecache, tokenize's encoding check, one string
per line, joined again) and looks for the text "PySide6". TaperDesk's start imports some
400 modules after Qt (pyqtgraph and numpy's, the records and model code, the window's),
and that reading was about a tenth of the start (docs/PERFORMANCE.md).

``quicken`` puts in its place a check that gives the same answer (the file's bytes are
searched for the same text; a module with no readable ``.py`` file is left to PySide's
own check), so nothing about PySide's behaviour changes; tests/ui/test_import_scan.py
compares both answers on every module the window loads. Where a PySide6 release no
longer has this check, ``quicken`` does nothing.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

FEATURE_MODULES = ("PySide6.support.feature", "shibokensupport.feature")


def feature_module() -> ModuleType | None:
    """PySide6's loaded feature module (named by the release), or None."""
    return next((sys.modules[n] for n in FEATURE_MODULES if n in sys.modules), None)


def quicken() -> bool:
    """Install the quicker check; True if PySide6's check was found and replaced."""
    feature = feature_module()
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(original):
        return False
    if getattr(original, "quickened", False):
        return True
    setattr(feature, "_mod_uses_pyside", quick_check(original))  # noqa: B010 (module doc)
    return True


def quick_check(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    """PySide6's ``_mod_uses_pyside`` answered from the module's ``.py`` file's bytes."""

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)  # built-in, compiled or source-less: PySide's own rule
        try:
            with open(path, "rb") as fh:
                return b"PySide6" in fh.read()
        except OSError:
            return original(module)  # e.g. a module inside a zip: PySide's own rule

    uses_pyside.quickened = True  # type: ignore[attr-defined]
    uses_pyside.original = original  # type: ignore[attr-defined]
    return uses_pyside
