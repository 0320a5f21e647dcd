"""The languages TaperDesk ships patient handouts in (SPEC.md, "Interop and languages").

Plain data, so the store can check a patient's language and the report can pick its texts
(resources/handout/<code>/); adding a language is docs/HANDOUTS.md, "Adding a language"."""

from __future__ import annotations

LANGUAGES: dict[str, str] = {"en": "English", "es": "Español"}
"""Code (ISO 639-1, also the Babel locale) -> the language's name in itself."""
DEFAULT_LANGUAGE = "en"


class LanguageError(ValueError):
    """A language code TaperDesk has no handout texts for."""


def check_language(code: str) -> str:
    """``code`` if TaperDesk ships it; otherwise a LanguageError saying which it ships."""
    if code not in LANGUAGES:
        raise LanguageError(f"unknown language {code!r} (known: {', '.join(LANGUAGES)})")
    return code
