"""The window's language: a QTranslator loading the Qt Linguist translation
(resources/translations/taperdesk_<code>.qm, built by ``make`` from the committed .ts) of
the "language" QSettings value, or of the system locale when it is not set."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QLocale,
    QSettings,
    QTime,
    QTranslator,
)

from taperdesk.model.languages import DEFAULT_LANGUAGE, LANGUAGES
from taperdesk.resources import ResourceError, resource

_QT_DATE = {"%a": "ddd", "%d": "dd", "%b": "MMM", "%Y": "yyyy", "%H": "HH", "%M": "mm",
            "%m": "MM"}


def ui_date(d: date | datetime, spec: str) -> str:
    """``d`` written by a strftime ``spec`` (%a %d %b %Y %H %M %m) in the window's language:
    strftime's own for English, QLocale's day and month names otherwise."""
    locale = QLocale()
    if locale.language() in (QLocale.Language.English, QLocale.Language.C):
        return format(d, spec)
    out = spec
    for code, qt in _QT_DATE.items():
        out = out.replace(code, "\x00" + qt + "\x01")
    parts = []
    for piece in out.split("\x00"):
        fmt, _, rest = piece.partition("\x01") if "\x01" in piece else ("", "", piece)
        if fmt:
            when = (QDateTime(QDate(d.year, d.month, d.day), QTime(d.hour, d.minute))
                    if isinstance(d, datetime) else QDate(d.year, d.month, d.day))
            parts.append(locale.toString(when, fmt).rstrip("."))
        parts.append(rest)
    return "".join(parts)


class _LocalDate:
    """A date argument of a translated text's ``format``: "{0:%d %b %Y}" in its language."""

    def __init__(self, d: date) -> None:
        self._d = d

    def __format__(self, spec: str) -> str:
        return ui_date(self._d, spec) if spec else str(self._d)


class Translated(str):
    """A translated window text; its ``format`` writes date arguments' strftime fields
    ("{0:%a %d %b}") with the window language's day and month names."""

    __slots__ = ()

    def format(self, *args: object, **kwargs: object) -> str:
        def local(a: object) -> object:
            return _LocalDate(a) if isinstance(a, date) else a
        return str.format(self, *map(local, args), **{k: local(v) for k, v in kwargs.items()})


def translate(context: str, text: str, disambiguation: str | None = None,
              n: int = -1) -> Translated:
    """``translate("Context", "text")``: Qt Linguist's call (pyside6-lupdate finds it by this
    name) for window text outside a QObject's ``self.tr``; %n plurals with ``n``."""
    return Translated(QCoreApplication.translate(context, text, disambiguation, n))



def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (Qt Linguist's name)
    """Mark ``text`` for pyside6-lupdate in ``context`` and give it back untranslated (a
    module-level constant, translated with ``translate(context, text)`` where shown);
    typed ``str``, unlike PySide6's."""
    return text


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
    QLocale.setDefault(QLocale(code))  # day and month names, decimal commas (ui_date)
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


def remove_translator(app: QCoreApplication, translator: QTranslator | None) -> None:
    """Undo ``install_translator``: English texts and the system's locale again."""
    if translator is not None:
        app.removeTranslator(translator)
    QLocale.setDefault(QLocale.system())
