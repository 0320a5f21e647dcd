"""Shared pieces of every handout: fonts, styles, page frame, header and footer."""

from __future__ import annotations

import io
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle

from taperdesk import __version__
from taperdesk.model.instructions import MONTHS as MONTHS
from taperdesk.model.instructions import WEEKDAYS as WEEKDAYS
from taperdesk.model.instructions import long_date as long_date
from taperdesk.model.record import record
from taperdesk.report.context import PAPERS, WEEK_STARTS, HandoutInput
from taperdesk.report.lang import Lang, lang, text_file
from taperdesk.resources import read_json, resource

FONT = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
HOLD_FILL = colors.HexColor("#dbe9f7")
GRID = colors.HexColor("#9aa5b1")
ACCENT = colors.HexColor("#1d4f91")
ALERT = colors.HexColor("#b00020")


QUARTERS_NOTE = ("Quarter tablets (¼, ¾) in this plan: a scored tablet is cut into four with a "
                 "tablet cutter; the patient needs one (the pharmacy supplies it) and is shown "
                 "how on the handout.")


class ReportError(ValueError):
    """A handout that cannot be made from its input; the message says why."""


_registered = False


def register_fonts() -> None:
    """Register the DejaVu fonts shipped in resources/fonts (embedded in every PDF)."""
    global _registered
    if _registered:
        return
    for name, file in ((FONT, "fonts/DejaVuSans.ttf"), (BOLD, "fonts/DejaVuSans-Bold.ttf")):
        with resource(file).open("rb") as fh:
            pdfmetrics.registerFont(TTFont(name, io.BytesIO(fh.read())))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT, boldItalic=BOLD)
    _registered = True


@record
class Styles:
    scale: float
    body: ParagraphStyle
    small: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle


def styles(large: bool) -> Styles:
    register_fonts()
    k = 1.35 if large else 1.0

    def st(name: str, size: float, font: str = FONT, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=size * k, leading=size * k * 1.25,
                              alignment=TA_LEFT, **kw)

    return Styles(
        scale=k,
        body=st("body", 11, spaceAfter=4),
        small=st("small", 8.5, textColor=colors.HexColor("#333333")),
        h1=st("h1", 18, BOLD, spaceAfter=6, textColor=ACCENT),
        h2=st("h2", 13, BOLD, spaceBefore=8, spaceAfter=4, textColor=ACCENT),
        cell=st("cell", 9),
        cell_bold=st("cellb", 9, BOLD),
    )


def page_size(paper: str) -> tuple[float, float]:
    if paper not in PAPERS:
        raise ReportError(f"paper must be one of {', '.join(PAPERS)}, not {paper!r}")
    w, h = A4 if paper == "a4" else LETTER
    return float(w), float(h)


def texts(name: str, drug: str, language: str = "en") -> dict[str, Any]:
    """The editable handout texts of resources/handout/<name>.json (English) or
    resources/handout/<language>/<name>.json, with {drug} filled in."""
    data = read_json(text_file(name, language))

    def fill(v: Any) -> Any:
        if isinstance(v, str):
            return v.replace("{drug}", drug)
        if isinstance(v, list):
            return [fill(x) for x in v]
        return v

    return {k: fill(v) for k, v in data.items()}


def esc(text: str) -> str:
    """Escape text for a reportlab Paragraph."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def grid_table(rows: Sequence[Sequence[Any]], widths: Sequence[float | None], s: Styles,
               header: bool = True, extra: Sequence[tuple[Any, ...]] = ()) -> Table:
    """A plain bordered table with a shaded header row; repeats the header on page breaks."""
    t = Table([list(r) for r in rows], colWidths=list(widths), repeatRows=1 if header else 0)
    cmds: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), FONT, 9 * s.scale),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        cmds += [("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8edf3")),
                 ("FONT", (0, 0), (-1, 0), BOLD, 9 * s.scale)]
    t.setStyle(TableStyle(cmds + list(extra)))
    return t


def identity(inp: HandoutInput, words: Lang | None = None) -> str:
    """The patient's name and a second identifier (date of birth and/or clinic ID), for the
    header of every page; blanks to fill in by hand where the record has none."""
    w = words or lang()
    t = w.t["identity"]
    name = inp.patient_name.strip() or t["name_blank"]
    ids = []
    if inp.born is not None:
        ids.append(t["born"].format(date=w.date(inp.born, "born")))
    if inp.clinic_id.strip():
        ids.append(t["clinic_id"].format(id=inp.clinic_id.strip()))
    return " · ".join([name, *(ids or [t["born_blank"]])])


def build(inp: HandoutInput, story: list[Flowable], title: str,
          words: Lang | None = None) -> bytes:
    """Lay out ``story`` on the chosen paper with the patient's identifiers at the top and a
    footer on every page, in ``words``' language (English by default); PDF bytes. The title
    metadata names the document, never the patient (it shows in print queues and file
    browsers)."""
    size = page_size(inp.paper)
    buf = io.BytesIO()
    w = words or lang()
    who = identity(inp, w)
    clinic = inp.clinic.name

    def frame(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFillColor(colors.HexColor("#222222"))
        canvas.setFont(BOLD, 8)
        canvas.drawString(15 * mm, size[1] - 9 * mm, who)
        canvas.setFont(FONT, 8)
        canvas.drawRightString(size[0] - 15 * mm, size[1] - 9 * mm, title)
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(colors.HexColor("#555555"))
        left = f"{title} — {who}" + (f" — {clinic}" if clinic else "")
        canvas.drawString(15 * mm, 9 * mm, left)
        canvas.drawRightString(size[0] - 15 * mm, 9 * mm,
                               w.t["page"].format(page=doc.page)
                               + f" · TaperDesk {__version__}")
        canvas.restoreState()

    doc = SimpleDocTemplate(
        buf, pagesize=size, leftMargin=15 * mm, rightMargin=15 * mm, topMargin=14 * mm,
        bottomMargin=16 * mm, title=title, author=clinic or "TaperDesk",
        creator=f"TaperDesk {__version__}", initialFontName=FONT, initialFontSize=10,
    )
    doc.build(story, onFirstPage=frame, onLaterPages=frame)
    return buf.getvalue()


def weekdays(week_start: str, words: Lang | None = None) -> tuple[str, ...]:
    """The calendar's column headings from the week's first day ("monday" or "sunday")."""
    if week_start not in WEEK_STARTS:
        raise ReportError(f"the week's first day must be one of {', '.join(WEEK_STARTS)}, "
                          f"not {week_start!r}")
    names = (words or lang()).weekdays()
    return names if week_start == "monday" else names[6:] + names[:6]


def has_quarters(schedule: Any) -> bool:
    """Whether any dose of the schedule takes a quarter or three quarters of a tablet."""
    return any(u.count % 1 in (Decimal("0.25"), Decimal("0.75"))
               for st in schedule.steps for d in st.doses for u in d.units)


def para(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(esc(text), style)
