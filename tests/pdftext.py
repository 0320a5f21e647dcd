"""Read a PDF back with pypdf: page texts and positioned text runs."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from pypdf import PdfReader


@dataclass(frozen=True)
class Run:
    text: str
    x: float
    y: float
    size: float
    bold: bool


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def page_texts(pdf: bytes) -> list[str]:
    return [p.extract_text() or "" for p in reader(pdf).pages]


def flat(text: str) -> str:
    """Whitespace folded to single spaces, so wrapped lines read as one."""
    return re.sub(r"\s+", " ", text)


def runs(page) -> list[Run]:  # type: ignore[no-untyped-def]
    out: list[Run] = []

    def visit(text, cm, tm, font, size):  # type: ignore[no-untyped-def]
        if not text.strip():
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        name = str(font.get("/BaseFont", "")) if font else ""
        out.append(Run(text.strip(), round(x, 1), round(y, 1), float(size), "Bold" in name))

    page.extract_text(visitor_text=visit)
    return out


def embedded_fonts(pdf: bytes) -> set[str]:
    """Base names of fonts whose program is embedded in the PDF."""
    names: set[str] = set()
    for page in reader(pdf).pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            desc = font.get("/FontDescriptor")
            if desc is None and "/DescendantFonts" in font:
                desc = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            if desc is not None:
                d = desc.get_object()
                if any(k in d for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                    names.add(str(font["/BaseFont"]).split("+")[-1])
    return names
