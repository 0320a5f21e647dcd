"""Small charts for the clinician summary (reportlab graphics, no Qt)."""

from __future__ import annotations

from datetime import date

from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from taperdesk.model.scales import Assessment
from taperdesk.model.schedule import Schedule
from taperdesk.model.series import drug_lines
from taperdesk.report.common import ACCENT, FONT


def _plot(width: float, height: float, title: str) -> tuple[Drawing, LinePlot]:
    d = Drawing(width, height, initialFontName=FONT)
    d.add(String(0, height - 10, title, fontName=FONT, fontSize=9))
    lp = LinePlot()
    lp.x, lp.y, lp.width, lp.height = 40, 20, width - 60, height - 40
    for axis in (lp.xValueAxis, lp.yValueAxis):
        axis.labels.fontName = FONT
        axis.labels.fontSize = 7
    return d, lp


def _day_label(origin: date):  # type: ignore[no-untyped-def]
    def fmt(v: float) -> str:
        return date.fromordinal(origin.toordinal() + int(v)).strftime("%d %b")

    return fmt


def dose_chart(schedule: Schedule, width: float, height: float = 150) -> Drawing:
    """Daily dose (mg) over the plan as a step curve; x is days from the start."""
    d, lp = _plot(width, height, "Daily dose (mg)")
    origin = schedule.plan.start
    pts: list[tuple[float, float]] = [(-1, schedule.start_ug / 1000)]
    for s in schedule.steps:
        x0 = (s.start - origin).days
        pts += [(x0, s.daily_ug / 1000), (x0 + s.days, s.daily_ug / 1000)]
    pts.append(((schedule.stop_date - origin).days, 0))
    lp.data = [pts]
    lp.lines[0].strokeColor = ACCENT
    lp.lines[0].strokeWidth = 1.5
    _drug_lines(d, lp, schedule, width, height)
    _x_range(lp, schedule)
    d.add(lp)
    return d


DRUG_COLOURS = ("#c05000", "#2a7f3f")
"""A cross-over's two drugs; the diazepam-equivalent total stays in the accent colour."""


def _drug_lines(d: Drawing, lp: LinePlot, schedule: Schedule, width: float,
                height: float) -> None:
    """A cross-over: one line per drug besides the total, each named in a legend."""
    lines = drug_lines(schedule)
    if not lines:
        return
    *drugs, total = lines
    lp.data = [[(x, float(y)) for x, y in s.points] for s in (total, *drugs)]
    for i, s in enumerate((total, *drugs)):
        colour = ACCENT if i == 0 else colors.HexColor(DRUG_COLOURS[(i - 1) % 2])
        lp.lines[i].strokeColor = colour
        lp.lines[i].strokeWidth = 1.5 if i == 0 else 1.1
        d.add(String(width - 170, height - 10 - 10 * i, s.label, fontName=FONT, fontSize=7,
                     fillColor=colour))


def _x_range(lp: LinePlot, schedule: Schedule) -> None:
    """Both charts share the x range (plan start to stop) so their dates line up."""
    lp.yValueAxis.valueMin = 0
    lp.xValueAxis.valueMin = -1
    lp.xValueAxis.valueMax = (schedule.stop_date - schedule.plan.start).days + 1
    lp.xValueAxis.labelTextFormat = _day_label(schedule.plan.start)


def score_chart(schedule: Schedule, assessments: tuple[Assessment, ...], width: float,
                height: float = 130) -> Drawing | None:
    """Symptom totals over the same days (one line per scale); None with no assessments."""
    if not assessments:
        return None
    d, lp = _plot(width, height, "Symptom totals")
    origin = schedule.plan.start
    by_scale: dict[str, list[tuple[float, float]]] = {}
    for a in sorted(assessments, key=lambda a: a.on):
        by_scale.setdefault(a.scale_id, []).append(((a.on - origin).days, a.total))
    lp.data = list(by_scale.values())
    palette = [colors.HexColor("#c05000"), colors.HexColor("#2a7f3f")]
    for i, name in enumerate(by_scale):
        lp.lines[i].strokeColor = palette[i % 2]
        lp.lines[i].symbol = None
        d.add(String(width - 120, height - 10 - 10 * i, name, fontName=FONT, fontSize=7,
                     fillColor=palette[i % 2]))
    _x_range(lp, schedule)
    lp.xValueAxis.valueMin = min(-1, min(x for pts in lp.data for x, _ in pts))
    d.add(lp)
    return d
