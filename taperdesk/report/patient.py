"""The patient handout: plain language, a month-grid calendar, what to expect, when to get
help, and a symptom diary (SPEC.md, "Handouts")."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from taperdesk.model import StepKind
from taperdesk.model.scales import red_flags, scale
from taperdesk.report.common import (
    ALERT,
    BOLD,
    FONT,
    GRID,
    HOLD_FILL,
    Styles,
    build,
    esc,
    grid_table,
    has_quarters,
    page_size,
    para,
    styles,
    texts,
    weekdays,
)
from taperdesk.report.context import ClinicInfo, HandoutInput, notices
from taperdesk.report.daylayout import MIN_SCALE, DayInfo, DaySizer, sizes
from taperdesk.report.lang import Lang, lang
from taperdesk.report.pictures import DayCell

FRAME_PAD = 12
"""The page frame's padding (6 pt each side): text wraps in the page width less margins and
this; the calendar grid itself is as wide as the margins allow."""
FRAME_LOSS = 30 * mm + FRAME_PAD + 2
"""Page height lost to the margins, the frame's padding and a little slack."""
NOTICE = colors.HexColor("#b35c00")


def patient_handout(inp: HandoutInput) -> bytes:
    """The patient handout as PDF bytes, in the language ``inp.language``: every word from
    that language's text file, dates and numbers through Babel."""
    w = lang(inp.language)  # an unknown language is refused before any work
    s = styles(inp.large_print)
    sched = inp.schedule
    week = weekdays(inp.week_start, w)  # a bad first day is refused before any work
    drug = sched.drug.name.lower() if sched.crossover is None else str(w.t["and"]).join(
        sched.drugs)
    t = texts("patient", drug, inp.language)
    story: list[Flowable] = []
    story.append(para(t["title"], s.h1))
    if inp.patient_name:
        story.append(para(t["for_patient"].format(name=inp.patient_name), s.body))
    for notice in notices(inp, t):
        story.append(_alert_box(t["notice_heading"], notice, s, NOTICE))
    story += [_help_box(inp, t, s, w), Spacer(1, 6), _contact_box(inp, t, s, w),
              Spacer(1, 4)]
    if inp.opioid:
        story.append(_alert_box(t["opioid_heading"], t["opioid"], s))
    story.append(para(t["intro"], s.body))
    story.append(para(t["glance_heading"], s.h2))
    story.append(_glance(inp, t, s, w))
    story.append(para(t["last_dose"].format(
        last=w.date(sched.stop_date - timedelta(days=1)), stop=w.date(sched.stop_date)),
        s.body) if sched.steps else para(t["no_steps"], s.body))
    story.append(KeepTogether([para(t["important_heading"], s.h2),
                               *(para(f"• {line}", s.body) for line in t["important"])]))
    story.append(PageBreak())
    story += _calendar(inp, t, s, week, w)
    story.append(para(t["feel_heading"], s.h2))
    story += [para(f"• {line}", s.body) for line in t["feel"]]
    story.append(PageBreak())
    story += _diary(inp, t, s, w)
    return build(inp, story, t["document_title"], w)


def _contact_box(inp: HandoutInput, t: dict[str, Any], s: Styles, w: Lang) -> Table:
    c = inp.clinic
    rows = [[para(t["contact_heading"], s.cell_bold), para(c.name or "—", s.cell)],
            [para(t["phone_label"], s.cell_bold), para(c.phone or t["phone_missing"], s.cell)],
            [para(t["next_label"], s.cell_bold),
             para(next_words(c, t, w), s.cell)]]
    tbl = Table(rows, colWidths=[45 * mm * s.scale, None])
    tbl.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, 9),
                             ("BOX", (0, 0), (-1, -1), 0.8, GRID),
                             ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#eef2f7")),
                             ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return tbl


def _alert_box(heading: str, text: str, s: Styles, colour: Any = ALERT) -> Flowable:
    tbl = Table([[Paragraph(f"<b>{esc(heading)}</b><br/>{esc(text)}", s.body)]])
    tbl.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, 9),
                             ("BOX", (0, 0), (-1, -1), 1.5, colour),
                             ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#fdecee")),
                             ("TOPPADDING", (0, 0), (-1, -1), 6)]))
    return KeepTogether([Spacer(1, 4), tbl, Spacer(1, 4)])


def _glance(inp: HandoutInput, t: dict[str, Any], s: Styles, w: Lang) -> Table:
    rows: list[list[Any]] = [[para(h, s.cell_bold) for h in [*t["glance_columns"], ""]]]
    holds = []
    for step in inp.schedule.steps:
        how = "<br/>".join(esc(w.dose_plain(d, step.names_drugs)) for d in step.doses)
        note = t["hold_label"] if step.kind == StepKind.HOLD else (
            t["back_label"] if step.kind == StepKind.BACK_STEP else "")
        rows.append([para(w.date(step.start, "glance_date"), s.cell),
                     para(w.date(step.end, "glance_date"), s.cell),
                     para(w.totals(step), s.cell_bold),
                     Paragraph(how, s.cell), para(note, s.cell_bold)])
        if step.kind in (StepKind.HOLD, StepKind.BACK_STEP):
            holds.append(("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), HOLD_FILL))
    k = s.scale
    each = 20 if inp.schedule.crossover is None else 30  # room for two drugs' names
    widths = [30 * mm * k, 30 * mm * k, each * mm * k, None, 24 * mm * k]
    if k > 1:
        widths = [28 * mm * k, 28 * mm * k, (each - 3) * mm * k, None, 20 * mm * k]
    return grid_table(rows, widths, s, extra=holds)


def _calendar(inp: HandoutInput, t: dict[str, Any], s: Styles,
              week: tuple[str, ...], w: Lang) -> list[Flowable]:
    """One page per month (two where the days would otherwise print smaller than the chosen
    kind of print); the grid fills the page below its heading, each day fitted to its cell."""
    sched = inp.schedule
    if not sched.steps:
        return []
    out: list[Flowable] = []
    width, height = page_size(inp.paper)
    sizer = DaySizer((width - 30 * mm) / 7, sizes(inp.large_print), t["stop_label"], w)
    used = {u.product for st in sched.steps for d in st.doses for u in d.units}
    how = [t["calendar_liquid"]] if any(p.is_liquid for p in used) else []
    if any(not p.is_liquid for p in used):
        how.append(t["calendar_tablets"])
    if has_quarters(sched):
        how.append(t["calendar_quarters"])
    if any(p.form == "odt" for p in used):
        how.append(t["calendar_odt"])
    if sched.crossover is not None:
        how.append(t["calendar_crossover"].format(drugs=t["and"].join(sched.drugs)))
    help_text = " ".join([t["calendar_help"], *how, t["calendar_hold"], t["calendar_get_help"]])
    marks: dict[str, str] = {StepKind.HOLD: t["hold_mark"], StepKind.BACK_STEP: t["back_mark"]}
    first, stop = sched.plan.start, sched.stop_date
    cal = calendar.Calendar(firstweekday=0 if inp.week_start == "monday" else 6)
    y, m = first.year, first.month
    while (y, m) <= (stop.year, stop.month):
        days = [[_day(sched, d, marks, w) if d.month == m else None for d in wk]
                for wk in cal.monthdatescalendar(y, m)]
        title = f"{t['calendar_heading']}: {w.date(date(y, m, 1), 'month_year')}"
        page, smallest = _page(title, help_text, days, sizer, inp, s, week)
        if len(days) > 3 and smallest < sizer.kind.split_below:
            half = (len(days) + 1) // 2
            page = _page(title, help_text, days[:half], sizer, inp, s, week)[0]
            page += [PageBreak()] + _page(f"{title} {t['calendar_continued']}", help_text,
                                          days[half:], sizer, inp, s, week)[0]
        out += page + [PageBreak()]
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _page(title: str, help_text: str, weeks: list[list[DayInfo | None]], sizer: DaySizer,
          inp: HandoutInput, s: Styles, week: tuple[str, ...]) -> tuple[list[Flowable], float]:
    """The flowables of one calendar page and the scale its days' rows are drawn at."""
    width, height = page_size(inp.paper)
    heading, help_para = para(title, s.h2), para(help_text, s.small)
    above = sum(f.wrap(width - 30 * mm - FRAME_PAD, height)[1] for f in (heading, help_para))
    head_h = 16 * s.scale
    room = height - FRAME_LOSS - above - s.h2.spaceBefore - s.h2.spaceAfter - 3 - head_h
    days = [d for wk in weeks for d in wk if d is not None]
    cell_h = max(sizer.need(days, MIN_SCALE), room / len(weeks))
    f, lines, lays = sizer.fit_page(days, cell_h)
    it = iter(lays)
    cells = [[DayCell(d, sizer.width, cell_h, sizer, next(it), lines) if d else "" for d in wk]
             for wk in weeks]
    rows: list[list[Any]] = [list(week), *cells]
    tbl = Table(rows, colWidths=[sizer.width] * 7,
                rowHeights=[head_h] + [cell_h] * len(weeks), repeatRows=1)
    tbl.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, GRID), ("FONT", (0, 0), (-1, -1), FONT, 9),
        ("FONT", (0, 0), (-1, 0), BOLD, 9.5 * s.scale), ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("LEFTPADDING", (0, 1), (-1, -1), 0), ("RIGHTPADDING", (0, 1), (-1, -1), 0),
        ("TOPPADDING", (0, 1), (-1, -1), 0), ("BOTTOMPADDING", (0, 1), (-1, -1), 0),
        ("LEFTPADDING", (0, 0), (-1, 0), 4), ("RIGHTPADDING", (0, 0), (-1, 0), 4),
        ("TOPPADDING", (0, 0), (-1, 0), 2), ("BOTTOMPADDING", (0, 0), (-1, 0), 2),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8edf3")),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
    ]))
    return [heading, help_para, Spacer(1, 3), tbl], f


def next_words(c: ClinicInfo, t: dict[str, Any], w: Lang) -> str:
    """The next appointment in the handout's language: the patient's own booked one from
    its fields ('Wed 10 February 2027 at 10:30 (phone check-in)', 'miércoles, 10 de
    febrero de 2027 a las 10:30 (llamada de control)'); else the clinic-wide text, its
    leading ISO date in words and the rest as the clinic typed it; '—' when there is none."""
    if c.next_on is not None:
        words = [w.date(c.next_on)]
        if c.next_at is not None:
            words.append(t["next_at"].format(time=f"{c.next_at:%H:%M}"))
        if c.next_kind is not None:
            words.append(f"({t['appointment_kinds'][c.next_kind.value]})")
        return " ".join(words)
    day = c.next_date
    if day is not None:
        return f"{w.date(day)} {c.next_appointment.strip()[10:].strip()}".strip()
    return c.next_appointment or "—"


def day_total(step: Any, w: Lang) -> str:
    """A cross-over day with two drugs: '2 mg + 10 mg' (the pictures name the drugs); ''
    otherwise (the day's dose in mg, as before)."""
    if not step.names_drugs or len(step.drugs) < 2:
        return ""
    return " + ".join(f"{w.mg(step.drug_ug(d))} mg" for d in step.drugs)


def _day(sched: Any, d: date, marks: dict[str, str], w: Lang) -> DayInfo:
    if d == sched.stop_date:
        return DayInfo(d, None, stop=True)
    step = sched.step_at(d)
    if step is None:
        return DayInfo(d, None)
    return DayInfo(d, step.daily_ug, step.doses, mark=marks.get(step.kind, ""),
                   first_of_step=d == step.start,
                   total=day_total(step, w))


def _help_box(inp: HandoutInput, t: dict[str, Any], s: Styles, w: Lang) -> Table:
    """Get help now: the red flags, the emergency number and the clinic's phone (page 1)."""
    items = "".join(f"<br/>• <b>{esc(w.label('red_flags', f.id, f.label))}</b>"
                    for f in red_flags())
    c = inp.clinic
    intro = t["help_intro"].replace("{emergency}", c.emergency or t["emergency_fallback"])
    phone = f": {c.phone}" if c.phone else ""
    after = t["help_after"].rstrip(". ") + phone + "."
    text = (f"<font size={s.h2.fontSize}><b>{esc(t['help_heading'])}</b></font><br/>"
            f"{esc(intro)}{items}<br/>{esc(after)}")
    tbl = Table([[Paragraph(text, s.body.clone("help", leading=s.h2.fontSize * 1.3))]])
    tbl.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, 9),
                             ("BOX", (0, 0), (-1, -1), 2, ALERT),
                             ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#fdecee")),
                             ("TOPPADDING", (0, 0), (-1, -1), 5),
                             ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    return tbl


def _diary(inp: HandoutInput, t: dict[str, Any], s: Styles, w: Lang) -> list[Flowable]:
    sc = scale(inp.diary_scale)
    start = inp.diary_start or inp.schedule.plan.start
    end = inp.clinic.next_date
    days = (end - start).days if end and end > start else inp.diary_days
    days = max(1, min(days, 62))
    words = t.get("scale_anchors", {}).get(sc.id, {})
    anchors = ", ".join(f"{k} = {words.get(k, v)}" for k, v in sorted(sc.anchors.items()))
    name = w.label("scale_names", sc.id, sc.name)
    out: list[Flowable] = [para(f"{t['diary_heading']} ({name})", s.h1),
                           para(t["diary_help"].replace("{anchors}", anchors), s.body)]
    width = page_size(inp.paper)[0] - 30 * mm
    label_w = 52 * mm * s.scale
    for week_start in range(0, days, 7):
        dates = [start + timedelta(days=i) for i in range(week_start, min(week_start + 7, days))]
        header = [para(t["diary_symptom"], s.cell_bold)] + [
            para(w.date(d, "diary_day"), s.cell_bold) for d in dates]
        rows = [header] + [[para(w.label("scale_items", i.id, i.label), s.cell)]
                           + [""] * len(dates) for i in sc.items]
        rows.append([para(t["diary_took"], s.cell_bold)] + [""] * len(dates))
        col = (width - label_w) / 7
        room = [("TOPPADDING", (0, 1), (-1, -1), 4 * s.scale),  # room to write a score
                ("BOTTOMPADDING", (0, 1), (-1, -1), 4 * s.scale)]
        tbl = grid_table(rows, [label_w] + [col] * len(dates), s, extra=room)
        out.append(KeepTogether([Spacer(1, 6), tbl]))
    return out


__all__ = ["patient_handout", "BOLD", "FONT"]
