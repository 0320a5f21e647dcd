"""The start's quicker answer to PySide6's per-import source scan gives PySide's answers."""

from __future__ import annotations

import sys

import taperdesk.ui.window  # noqa: F401  (every module the window loads, to compare on)
from taperdesk import import_scan


def pyside_check():
    feature = import_scan.feature_module()
    assert feature is not None
    check = feature._mod_uses_pyside  # noqa: SLF001
    return getattr(check, "original", check)


def test_the_quick_check_agrees_with_pysides_on_every_loaded_module() -> None:
    original = pyside_check()
    quick = import_scan.quick_check(original)
    modules = [m for m in list(sys.modules.values()) if m is not None]
    assert len(modules) > 300
    answers = {getattr(m, "__name__", repr(m)): original(m) for m in modules}
    assert {getattr(m, "__name__", repr(m)): quick(m) for m in modules} == answers
    # both kinds of answer occur, so the comparison means something
    assert answers["taperdesk.ui.window"] is True and answers["taperdesk.model.plan"] is False
    assert answers["pyqtgraph.Qt"] is True
    assert answers["pyqtgraph.graphicsItems.PlotItem.PlotItem"] is False


def test_quicken_replaces_pysides_check_once() -> None:
    feature = import_scan.feature_module()
    assert feature is not None
    before = feature._mod_uses_pyside  # noqa: SLF001
    try:
        assert import_scan.quicken() is True
        installed = feature._mod_uses_pyside  # noqa: SLF001
        assert installed.quickened is True
        assert import_scan.quicken() is True
        assert feature._mod_uses_pyside is installed  # noqa: SLF001  (not wrapped twice)
    finally:
        feature._mod_uses_pyside = before  # noqa: SLF001
