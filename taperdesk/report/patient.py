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
from taperdesk.report.pictures import DayCell, DayInfo

TITLE = "Patient handout"


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
    story.append(_help_box(t, s))
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


def _alert_box(heading: str, text: str, s: Styles) -> Table:
    tbl = Table([[Paragraph(f"<b>{esc(heading)}</b><br/>{esc(text)}", s.body)]])
    tbl.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.5, ALERT),
                             ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#fdecee")),
                             ("TOPPADDING", (0, 0), (-1, -1), 6)]))
    return KeepTogether([Spacer(1, 4), tbl, Spacer(1, 4)])  # type: ignore[return-value]


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
    sched = inp.schedule
    if not sched.steps:
        return []
    out: list[Flowable] = []
    width, height = page_size(inp.paper)
    usable_w = width - 30 * mm
    usable_h = height - 30 * mm - 38 * mm * s.scale
    most = max(len(st.doses) for st in sched.steps)
    first, stop = sched.plan.start, sched.stop_date
    y, m = first.year, first.month
    while (y, m) <= (stop.year, stop.month):
        weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(y, m)
        cell_w = usable_w / 7
        cell_h = min(DayCell.needed_height(most, s.scale), (usable_h - 14) / len(weeks))
        rows: list[list[Any]] = [[para(d, s.cell_bold) for d in WEEKDAYS]]
        for week in weeks:
            rows.append([
                DayCell(_day(sched, d), cell_w, cell_h, s.scale, t["stop_label"])
                if d.month == m else "" for d in week
            ])
        tbl = Table(rows, colWidths=[cell_w] * 7, rowHeights=[14 * s.scale] + [cell_h] * len(weeks))
        tbl.setStyle(TableStyle([
            ("GRID", (0, 0), (-1, -1), 0.5, GRID),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8edf3")),
            ("ALIGN", (0, 0), (-1, 0), "CENTER"), ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ]))
        out.append(para(f"{t['calendar_heading']}: {MONTHS[m - 1]} {y}", s.h2))
        out.append(para(t["calendar_help"], s.small))
        out.append(Spacer(1, 3))
        out.append(tbl)
        out.append(PageBreak())
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _day(sched: Any, d: date) -> DayInfo:
    if d == sched.stop_date:
        return DayInfo(d, None, stop=True)
    step = sched.step_at(d)
    if step is None:
        return DayInfo(d, None)
    return DayInfo(d, step.daily_ug, step.doses, hold=step.kind != "taper",
                   first_of_step=d == step.start)


def _help_box(t: dict[str, Any], s: Styles) -> Table:
    items = "".join(f"<br/>• <b>{esc(f.label)}</b>" for f in red_flags())
    text = f"{esc(t['help_intro'])}{items}<br/>{esc(t['help_after'])}"
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
        tbl = grid_table(rows, [label_w] + [col] * len(dates), s)
        out.append(KeepTogether([Spacer(1, 6), tbl]))
    return out


__all__ = ["patient_handout", "BOLD", "FONT"]
