"""Print the day: a one-page worklist of Today, and this week's handouts as one PDF.

The worklist uses the handouts' fonts and styles (report/common.py). Its title
metadata names no patient. "Handouts for the week" joins patient handouts made by
the one handout builder (patient.patient_handout) with pypdf.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, SimpleDocTemplate

from taperdesk import __version__
from taperdesk.model.today import Reason, TodayItem
from taperdesk.report.common import (
    ALERT,
    FONT,
    grid_table,
    long_date,
    page_size,
    para,
    styles,
)
from taperdesk.report.context import HandoutInput
from taperdesk.report.patient import patient_handout

TITLE = "Today"
ROWS_ON_A_PAGE = {"a4": 34, "letter": 31}
"""Rows that fit on one page under the heading (one line each, the detail wrapped
short); the rest are counted in a last line so the worklist stays one page."""


def worklist_pdf(day: date, items: Sequence[TodayItem], *, clinic: str = "",
                 paper: str = "a4") -> bytes:
    """One page: the day's items, red flags first, then 'and N more' if they do not fit."""
    size = page_size(paper)
    s = styles(False)
    story: list[Flowable] = [para(f"{TITLE}: {long_date(day)}", s.h1)]
    counts = {r: sum(1 for i in items if i.reason is r) for r in Reason}
    summary = ", ".join(f"{n} {r.label.lower()}" for r, n in counts.items() if n)
    story.append(para(f"{len(items)} items" + (f": {summary}" if summary else "")
                      + (f". {clinic}" if clinic else "."), s.body))
    limit = ROWS_ON_A_PAGE.get(paper, 30)
    shown = list(items[:limit])
    rows: list[list[Any]] = [[para(h, s.cell_bold) for h in
                              ("Done", "Patient", "Clinic ID", "Why", "Date", "Detail")]]
    extra: list[tuple[Any, ...]] = []
    for n, i in enumerate(shown, start=1):
        rows.append(["☐", para(i.patient, s.cell), para(i.clinic_id, s.cell),
                     para(i.reason.label, s.cell_bold if i.reason is Reason.RED_FLAG
                          else s.cell),
                     i.on.isoformat(), para(i.detail[:110], s.cell)])
        if i.reason is Reason.RED_FLAG:
            extra.append(("TEXTCOLOR", (0, n), (-1, n), ALERT))
    if len(rows) == 1:
        rows.append(["", para("Nothing due today.", s.cell), "", "", "", ""])
    story.append(grid_table(rows, [10 * mm, 38 * mm, 20 * mm, 25 * mm, 20 * mm, None], s,
                            extra=extra))
    if len(items) > limit:
        story.append(para(f"… and {len(items) - limit} more: see Today in TaperDesk "
                          "or `taperdesk today`.", s.body))
    buf = io.BytesIO()

    def footer(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(colors.HexColor("#555555"))
        canvas.drawString(15 * mm, 9 * mm, f"{TITLE} — {day.isoformat()}"
                          + (f" — {clinic}" if clinic else ""))
        canvas.drawRightString(size[0] - 15 * mm, 9 * mm, f"TaperDesk {__version__}")
        canvas.restoreState()

    doc = SimpleDocTemplate(buf, pagesize=size, leftMargin=15 * mm, rightMargin=15 * mm,
                            topMargin=14 * mm, bottomMargin=16 * mm,
                            title=f"{TITLE} — {day.isoformat()}", author=clinic or "TaperDesk",
                            creator=f"TaperDesk {__version__}")
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buf.getvalue()


def handouts_pdf(inputs: Sequence[HandoutInput]) -> bytes:
    """Every patient's handout, one after the other, in one PDF (each made as alone)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for inp in inputs:
        writer.append(PdfReader(io.BytesIO(patient_handout(inp))))
    writer.add_metadata({"/Title": "Patient handouts", "/Creator": f"TaperDesk {__version__}"})
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()
