"""The calendar pages of a patient handout read back with pypdf, in any shipped language:
which dose each day cell prints (the dates, weekdays and numbers as that language writes
them, through the same text file and Babel locale the handout uses)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from datetime import date
from decimal import Decimal

from babel.dates import format_date
from pdftext import Run, reader, runs
from reportlab.pdfbase.pdfmetrics import stringWidth

from taperdesk.report.common import register_fonts
from taperdesk.report.lang import Lang


class Calendar:
    def __init__(self, w: Lang) -> None:
        self.w = w
        self.weekdays = set(w.weekdays())
        shorts = {format_date(date(2027, m, 1), "MMM", locale=w.code): m for m in range(1, 13)}
        self.months = shorts
        self.day = re.compile(r"^(\d{1,2}) (" + "|".join(map(re.escape, shorts)) + r")$")
        sep = re.escape(w.num(Decimal("0.5"))[1])
        self.dose = re.compile(r"^(\d+(?:" + sep + r"\d+)?)(?: mg)?$")
        self.heading = re.compile(re.escape(w.t["calendar_heading"]) + r": .*?(\d{4})")

    def columns(self, rs: list[Run]) -> list[float]:
        """The left edges of the calendar's seven columns (and the right edge of the last),
        from the weekday headings centred over them."""
        heads = sorted((r for r in rs if r.text in self.weekdays), key=lambda r: r.x)
        assert len(heads) == 7, [r.text for r in heads]
        register_fonts()
        mids = [r.x + stringWidth(r.text, "DejaVuSans-Bold", r.size) / 2 for r in heads]
        step = (mids[-1] - mids[0]) / 6
        return [mids[0] - step / 2 + i * step for i in range(8)]

    def cells(self, page) -> dict[date, list[Run]]:  # type: ignore[no-untyped-def]
        """Every text run of a calendar page's grid, by the day cell it is printed in: the
        cell whose day ("4 Jan") is the nearest above it in the same column."""
        rs = runs(page)
        edges = self.columns(rs)
        top = min(r.y for r in rs if r.text in self.weekdays)
        found = self.heading.search(page.extract_text())
        assert found is not None
        year = int(found.group(1))
        days = []
        for r in rs:
            m = self.day.match(r.text)
            if m and not r.bold and r.y < top:
                days.append((r, date(year, self.months[m.group(2)], int(m.group(1)))))
        out: dict[date, list[Run]] = {d: [] for _, d in days}
        for r in rs:
            if r.y >= top or r.y < 30:  # heading, help, weekday row, footer
                continue
            col = bisect_right(edges, r.x) - 1
            above = [(dr, d) for dr, d in days if bisect_right(edges, dr.x) - 1 == col
                     and dr.y >= r.y]
            if above:
                out[min(above, key=lambda a: a[0].y)[1]].append(r)
        return out

    def dose_of(self, rs: list[Run]) -> str | None:
        """The day's total as printed (bold, under the day; "mg" may wrap to its own line)."""
        bold = [m for r in rs if r.bold and (m := self.dose.match(r.text))]
        return bold[0].group(1) if bold else None

    def days(self, pdf: bytes) -> Counter[tuple[date, str]]:
        """(date, dose text) for every day cell on the calendar pages, counted."""
        found: Counter[tuple[date, str]] = Counter()
        for page in reader(pdf).pages:
            if not self.heading.search(page.extract_text() or ""):
                continue
            for d, rs in self.cells(page).items():
                dose = self.dose_of(rs)
                if dose is not None:
                    found[(d, dose)] += 1
        return found
