"""List the Qt Linguist entries still to translate: ``python packaging/untranslated.py
FILE.ts...`` prints one line per entry that is unfinished, empty, or whose {0}-style
placeholders differ from the English text, and exits 1 if there is any (``make
translations`` runs it after pyside6-lupdate; tests/ui/test_window_language.py too)."""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

PLACEHOLDER = re.compile(r"\{\d+[^{}]*\}")


def untranslated(ts: Path) -> list[str]:
    """'context: source' of every entry of ``ts`` not (correctly) translated."""
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            translation = message.find("translation")
            if translation is None:
                texts: list[str | None] = [None]
            elif message.get("numerus") == "yes":  # %n plurals: one text per form
                texts = [f.text for f in translation.iter("numerusform")] or [None]
            else:
                texts = [translation.text]
            if (translation is None or translation.get("type") in ("unfinished", "vanished")
                    or not all(texts)):
                out.append(f"{name}: {source!r}")
                continue
            for text in texts:
                if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text or "")):
                    out.append(f"{name}: {source!r} (placeholders differ: {text!r})")
                    break
    return out


def main(paths: list[str]) -> int:
    problems = [f"{p}: {line}" for p in paths for line in untranslated(Path(p))]
    print("\n".join(problems) if problems else f"all entries translated in {', '.join(paths)}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
