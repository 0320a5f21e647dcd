"""The window's language: a QTranslator loading the Qt Linguist translation
(resources/translations/taperdesk_<code>.qm, built by ``make`` from the committed .ts) of
the "language" QSettings value, or of the system locale when it is not set."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

from taperdesk.model.languages import DEFAULT_LANGUAGE, LANGUAGES
from taperdesk.resources import ResourceError, resource

LANGUAGE = "language"
"""QSettings key: the window's language code ("" or absent: follow the system)."""


def window_language(settings: QSettings) -> str:
    """The language the window speaks: the setting, else the system's, else English."""
    chosen = str(settings.value(LANGUAGE, "") or "")
    if chosen in LANGUAGES:
        return chosen
    system = QLocale.system().name().split("_")[0]
    return system if system in LANGUAGES else DEFAULT_LANGUAGE


def install_translator(app: QCoreApplication, code: str) -> QTranslator | None:
    """Install the translation of ``code`` into ``app``; None for English or when the .qm
    was not built (the window then speaks English)."""
    if code == DEFAULT_LANGUAGE:
        return None
    try:
        qm = resource(f"translations/taperdesk_{code}.qm")
    except ResourceError:
        return None
    translator = QTranslator(app)
    if not translator.load(str(qm)):
        return None
    app.installTranslator(translator)
    return translator
