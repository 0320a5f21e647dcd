"""The window in Spanish through Qt Linguist: the .qm built by make from the committed
.ts (built here too, so the test does not depend on an earlier make), loaded by a
QTranslator chosen by the "language" setting."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QTranslator
from windowing import open_window

from taperdesk.resources import resource
from taperdesk.ui.translation import LANGUAGE, install_translator, window_language

TS = Path(str(resource("translations/taperdesk_es.ts")))


def test_with_the_spanish_translator_the_menus_are_spanish(qtbot, db: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    qm = TS.with_suffix(".qm")
    if not qm.is_file():  # make builds it; build it here when the test runs alone
        lrelease = Path(sys.executable).with_name("pyside6-lrelease")
        subprocess.run([str(lrelease), "-silent", str(TS), "-qm", str(qm)], check=True)
    settings = QSettings(str(tmp_path / "lang.ini"), QSettings.Format.IniFormat)
    settings.setValue(LANGUAGE, "es")
    assert window_language(settings) == "es"
    app = QCoreApplication.instance()
    assert app is not None
    translator = install_translator(app, window_language(settings))
    assert isinstance(translator, QTranslator)
    try:
        w = open_window(qtbot, db, tmp_path / "settings.ini")
        try:
            titles = [a.text() for a in w.menuBar().actions()]
            assert titles[:4] == ["&Archivo", "&Editar", "&Ver", "A&yuda"]
            from taperdesk.ui.action_registry import Act
            assert w.registry[Act.NEW_PATIENT].text() == "&Nuevo paciente…"
        finally:
            w.close()
            w.session.store.close()
    finally:
        app.removeTranslator(translator)
    assert QCoreApplication.translate("Actions", "&Quit") == "&Quit"  # English again


def test_english_needs_no_translator(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "lang.ini"), QSettings.Format.IniFormat)
    settings.setValue(LANGUAGE, "en")
    app = QCoreApplication.instance()
    assert app is not None
    assert window_language(settings) == "en" and install_translator(app, "en") is None
