"""The patient handout: plain language, a month-grid calendar, what to expect, when to get
help, and a symptom diary (SPEC.md, "Handouts")."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from taperdesk.model.instructions import dose_plain
from taperdesk.model.scales import red_flags, scale
from taperdesk.model.units import format_mg
from taperdesk.report.common import (
    ALERT,
    BOLD,
    FONT,
    GRID,
    HOLD_FILL,
    MONTHS,
    WEEKDAYS,
    Styles,
    build,
    esc,
    grid_table,
    long_date,
    page_size,
    para,
    styles,
    texts,
)
from taperdesk.report.context import HandoutInput
from taperdesk.report.daylayout import MIN_SCALE, DayInfo, DaySizer
from taperdesk.report.pictures import DayCell

TITLE = "Patient handout"
FRAME_PAD = 12
"""The page frame's padding (6 pt each side): text wraps in the page width less margins and
this; the calendar grid itself is as wide as the margins allow."""
FRAME_LOSS = 30 * mm + FRAME_PAD + 2
"""Page height lost to the margins, the frame's padding and a little slack."""


def patient_handout(inp: HandoutInput) -> bytes:
    """The patient handout as PDF bytes."""
    s = styles(inp.large_print)
    sched = inp.schedule
    t = texts("patient", sched.drug.name.lower())
    story: list[Flowable] = []
    story.append(para(t["title"], s.h1))
    if inp.patient_name:
        story.append(para(f"For {inp.patient_name}", s.body))
    story.append(para(t["intro"], s.body))
    story.append(_contact_box(inp, t, s))
    if inp.opioid:
        story.append(_alert_box(t["opioid_heading"], t["opioid"], s))
    story.append(para(t["glance_heading"], s.h2))
    story.append(_glance(inp, t, s))
    story.append(para(
        f"Your last dose is on {long_date(sched.stop_date - timedelta(days=1))}. "
        f"From {long_date(sched.stop_date)} you take no more {sched.drug.name.lower()}.",
        s.body) if sched.steps else para("This plan has no steps.", s.body))
    story.append(CondPageBreak(60 * mm))
    story.append(para(t["important_heading"], s.h2))
    story += [para(f"• {line}", s.body) for line in t["important"]]
    story.append(PageBreak())
    story += _calendar(inp, t, s)
    story.append(para(t["help_heading"], s.h2))
    story.append(_help_box(inp, t, s))
    story.append(para(t["feel_heading"], s.h2))
    story += [para(f"• {line}", s.body) for line in t["feel"]]
    story.append(PageBreak())
    story += _diary(inp, t, s)
    return build(inp, story, TITLE)


def _contact_box(inp: HandoutInput, t: dict[str, Any], s: Styles) -> Table:
    c = inp.clinic
    rows = [[para(t["contact_heading"], s.cell_bold), para(c.name or "—", s.cell)],
            [para("Phone", s.cell_bold), para(c.phone or "—", s.cell)],
            [para("Next appointment", s.cell_bold),
             para(long_date(c.next_date) if c.next_date else (c.next_appointment or "—"), s.cell)]]
    tbl = Table(rows, colWidths=[45 * mm * s.scale, None])
    tbl.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.8, GRID),
                             ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#eef2f7")),
                             ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return tbl


def _alert_box(heading: str, text: str, s: Styles) -> Flowable:
    tbl = Table([[Paragraph(f"<b>{esc(heading)}</b><br/>{esc(text)}", s.body)]])
    tbl.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.5, ALERT),
                             ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#fdecee")),
                             ("TOPPADDING", (0, 0), (-1, -1), 6)]))
    return KeepTogether([Spacer(1, 4), tbl, Spacer(1, 4)])


def _glance(inp: HandoutInput, t: dict[str, Any], s: Styles) -> Table:
    rows: list[list[Any]] = [[para(h, s.cell_bold) for h in
                              ("From", "To", "Each day", "How to take it", "")]]
    holds = []
    for step in inp.schedule.steps:
        how = "<br/>".join(esc(dose_plain(d)) for d in step.doses)
        note = t["hold_label"] if step.kind == "hold" else (
            "Back to the previous dose" if step.kind == "back-step" else "")
        rows.append([para(long_date(step.start), s.cell), para(long_date(step.end), s.cell),
                     para(f"{format_mg(step.daily_ug)} mg", s.cell_bold),
                     Paragraph(how, s.cell), para(note, s.cell_bold)])
        if step.kind != "taper":
            holds.append(("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), HOLD_FILL))
    k = s.scale
    widths = [30 * mm * k, 30 * mm * k, 20 * mm * k, None, 24 * mm * k]
    if k > 1:
        widths = [28 * mm * k, 28 * mm * k, 17 * mm * k, None, 20 * mm * k]
    return grid_table(rows, widths, s, extra=holds)


def _calendar(inp: HandoutInput, t: dict[str, Any], s: Styles) -> list[Flowable]:
    """One page per month (two where the days would otherwise print smaller than the chosen
    type size); the grid fills the page below its heading, each day fitted to its cell."""
    sched = inp.schedule
    if not sched.steps:
        return []
    out: list[Flowable] = []
    width, height = page_size(inp.paper)
    cell_w = (width - 30 * mm) / 7
    sizer = DaySizer(cell_w)
    used = {u.product for st in sched.steps for d in st.doses for u in d.units}
    how = [t["calendar_liquid"]] if any(p.is_liquid for p in used) else []
    if any(not p.is_liquid for p in used):
        how.append(t["calendar_tablets"])
    if any(p.form == "odt" for p in used):
        how.append(t["calendar_odt"])
    help_text = " ".join([t["calendar_help"], *how, t["calendar_hold"]])
    first, stop = sched.plan.start, sched.stop_date
    y, m = first.year, first.month
    while (y, m) <= (stop.year, stop.month):
        weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(y, m)
        days = [[_day(sched, d) if d.month == m else None for d in week] for week in weeks]
        title = f"{t['calendar_heading']}: {MONTHS[m - 1]} {y}"
        page, smallest = _page(title, help_text, days, sizer, inp, s, t["stop_label"])
        if len(days) > 3 and smallest < s.scale:
            half = (len(days) + 1) // 2
            page = _page(title, help_text, days[:half], sizer, inp, s, t["stop_label"])[0]
            page += [PageBreak()] + _page(f"{title} {t['calendar_continued']}", help_text,
                                          days[half:], sizer, inp, s, t["stop_label"])[0]
        out += page + [PageBreak()]
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _page(title: str, help_text: str, weeks: list[list[DayInfo | None]], sizer: DaySizer,
          inp: HandoutInput, s: Styles, stop_label: str) -> tuple[list[Flowable], float]:
    """The flowables of one calendar page and the smallest scale any of its days is drawn at."""
    width, height = page_size(inp.paper)
    heading, help_para = para(title, s.h2), para(help_text, s.small)
    above = sum(f.wrap(width - 30 * mm - FRAME_PAD, height)[1] for f in (heading, help_para))
    room = height - FRAME_LOSS - above - s.h2.spaceBefore - s.h2.spaceAfter - 3 - 14 * s.scale
    days = [d for week in weeks for d in week if d is not None]
    largest = 1.5 * s.scale
    roomy = sizer.tallest(days, largest)
    least = sizer.tallest(days, MIN_SCALE)
    cell_h = max(least, min(roomy, room / len(weeks)))
    cell_w = sizer.width
    lays = iter(sizer.fit_page(days, cell_h, largest))
    cells = [[DayCell(d, cell_w, cell_h, next(lays), stop_label) if d else "" for d in week]
             for week in weeks]
    rows: list[list[Any]] = [[para(d, s.cell_bold) for d in WEEKDAYS], *cells]
    tbl = Table(rows, colWidths=[cell_w] * 7, rowHeights=[14 * s.scale] + [cell_h] * len(weeks),
                repeatRows=1)
    tbl.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8edf3")),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"), ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
    ]))
    smallest = min(c.lay.f for week in cells for c in week if isinstance(c, DayCell))
    return [heading, help_para, Spacer(1, 3), tbl], smallest


def _day(sched: Any, d: date) -> DayInfo:
    if d == sched.stop_date:
        return DayInfo(d, None, stop=True)
    step = sched.step_at(d)
    if step is None:
        return DayInfo(d, None)
    return DayInfo(d, step.daily_ug, step.doses, hold=step.kind != "taper",
                   first_of_step=d == step.start)


def _help_box(inp: HandoutInput, t: dict[str, Any], s: Styles) -> Table:
    items = "".join(f"<br/>• <b>{esc(f.label)}</b>" for f in red_flags())
    phone = f" ({inp.clinic.phone})" if inp.clinic.phone else ""
    after = t["help_after"].rstrip(". ") + phone + "."
    text = f"{esc(t['help_intro'])}{items}<br/>{esc(after)}"
    tbl = Table([[Paragraph(text, s.body)]])
    tbl.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.5, ALERT),
                             ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#fdecee"))]))
    return tbl


def _diary(inp: HandoutInput, t: dict[str, Any], s: Styles) -> list[Flowable]:
    sc = scale(inp.diary_scale)
    start = inp.diary_start or inp.schedule.plan.start
    end = inp.clinic.next_date
    days = (end - start).days if end and end > start else inp.diary_days
    days = max(1, min(days, 62))
    anchors = ", ".join(f"{k} = {v}" for k, v in sorted(sc.anchors.items()))
    out: list[Flowable] = [para(f"{t['diary_heading']} ({sc.name})", s.h1),
                           para(t["diary_help"].replace("{anchors}", anchors), s.body)]
    width = page_size(inp.paper)[0] - 30 * mm
    label_w = 52 * mm * s.scale
    for week_start in range(0, days, 7):
        dates = [start + timedelta(days=i) for i in range(week_start, min(week_start + 7, days))]
        header = [para("Symptom", s.cell_bold)] + [
            para(f"{WEEKDAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1][:3]}", s.cell_bold)
            for d in dates]
        rows = [header] + [[para(i.label, s.cell)] + [""] * len(dates) for i in sc.items]
        rows.append([para("Took every dose (✓)", s.cell_bold)] + [""] * len(dates))
        col = (width - label_w) / 7
        room = [("TOPPADDING", (0, 1), (-1, -1), 4 * s.scale),  # room to write a score
                ("BOTTOMPADDING", (0, 1), (-1, -1), 4 * s.scale)]
        tbl = grid_table(rows, [label_w] + [col] * len(dates), s, extra=room)
        out.append(KeepTogether([Spacer(1, 6), tbl]))
    return out


__all__ = ["patient_handout", "BOLD", "FONT"]
