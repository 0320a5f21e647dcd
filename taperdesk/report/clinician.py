"""The clinician summary: plan, protocol and source, steps with rationale, warnings and
acknowledgements, symptom history with charts, and the change history."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from taperdesk.model import StepKind
from taperdesk.model.instructions import crossover_line, drug_title, step_short
from taperdesk.model.plan import SPLITS
from taperdesk.model.scales import score, shipped_scales
from taperdesk.model.units import format_mg
from taperdesk.report.charts import dose_chart, score_chart
from taperdesk.report.common import (
    ALERT,
    HOLD_FILL,
    QUARTERS_NOTE,
    build,
    esc,
    grid_table,
    has_quarters,
    long_date,
    page_size,
    para,
    styles,
)
from taperdesk.report.context import HandoutInput

TITLE = "Clinician summary"


def clinician_summary(inp: HandoutInput) -> bytes:
    s = styles(inp.large_print)
    sched = inp.schedule
    plan = sched.plan
    width = page_size(inp.paper)[0] - 30 * mm
    story: list[Flowable] = [para(f"{TITLE}: {drug_title(sched)} taper", s.h1)]
    if inp.opioid:
        story.append(Paragraph(
            "<b>Opioid co-prescription:</b> this patient is flagged as also taking an opioid "
            "(FDA boxed warnings 2016/2020).", s.body.clone("alert", textColor=ALERT)))
    products = ", ".join(p.name for p in sched.products)
    start_ug = sched.crossover.start_made_ug if sched.crossover else sched.start_ug
    named = f" {plan.drug}" if sched.crossover else ""
    info = [
        ("Patient", inp.patient_name or "—"),
        ("Drug and products", f"{drug_title(sched)}: {products}"),
        ("Current daily dose", f"{format_mg(start_ug)} mg{named} ({start_ug} µg) — "
                               f"{SPLITS[plan.split]}"),
        *([("Cross-over", crossover_line(sched))] if sched.crossover else []),
        ("Plan", f"{long_date(plan.start)} to {long_date(sched.stop_date)} "
                 f"(first day with no dose); {sched.total_days} days"),
        ("Protocol", f"{plan.protocol.info.name}: {plan.protocol.describe()}"),
        ("Source", plan.protocol.info.source),
    ]
    story.append(grid_table([[para(k, s.cell_bold), para(v, s.cell)] for k, v in info],
                            [40 * mm, width - 40 * mm], s, header=False))
    for note in sched.notes:
        story.append(para(f"Note: {note}", s.small))
    if has_quarters(sched):
        story.append(para(QUARTERS_NOTE, s.body))
    story.append(para("Steps", s.h2))
    heads = ("#", "Dates", "mg/day" if sched.crossover is None else "mg/day (diazepam-eq.)",
             "How taken", "Kind", "Rationale and source")
    rows: list[list[Any]] = [[para(h, s.cell_bold) for h in heads]]
    shade = []
    for st in sched.steps:
        rows.append([
            str(st.row + 1),
            para(f"{st.start.isoformat()} – {st.end.isoformat()} ({st.days} d)", s.cell),
            format_mg(st.daily_ug), para(step_short(st), s.cell), para(st.kind, s.cell),
            Paragraph(f"{esc(st.rationale)}<br/><font size=7>Source: {esc(st.source)}</font>",
                      s.cell),
        ])
        if st.kind in (StepKind.HOLD, StepKind.BACK_STEP):
            shade.append(("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), HOLD_FILL))
    k = s.scale  # narrow columns grow with the type so 'mg/day' and 'back-step' fit
    kind_w = 18 if sched.crossover is None else 23  # 'substitution' on one line
    story.append(grid_table(rows, [8 * mm * k, 34 * mm, 17 * mm * k, (63 - kind_w) * mm,
                                   kind_w * mm * k, None], s, extra=shade))
    story.append(para("Warnings", s.h2))
    acks = {a[0]: a for a in inp.acknowledgements}
    if not inp.warnings:
        story.append(para("No warnings.", s.body))
    for w in inp.warnings:
        ack = acks.get(w.key)
        text = f"<b>[{esc(w.code)}] {esc(w.severity)}</b>: {esc(w.message)}<br/>" \
               f"<font size=7>Source: {esc(w.source)}</font>"
        if ack:
            text += f"<br/><i>Acknowledged by {esc(ack[2])} on {esc(ack[3][:16])}: " \
                    f"{esc(ack[1])}</i>"
        story.append(Paragraph(text, s.body))
    story.append(para("Symptom history", s.h2))
    story.append(dose_chart(sched, width))
    chart = score_chart(sched, inp.assessments, width)
    if chart is not None:
        story.append(chart)
        scales = shipped_scales()
        rows = [[para(h, s.cell_bold) for h in ("Date", "Scale", "Total", "Band", "Red flags",
                                                "Note")]]
        for a in sorted(inp.assessments, key=lambda a: a.on):
            sc = scales.get(a.scale_id)
            scored = score(sc, a) if sc else None
            rows.append([a.on.isoformat(), sc.name if sc else a.scale_id, str(a.total),
                         scored.band.label if scored else "",
                         para(", ".join(f.label for f in scored.red_flags) if scored else "",
                              s.cell),
                         para(a.note, s.cell)])
        story.append(grid_table(rows, [22 * mm, 28 * mm, 14 * mm, 22 * mm, 35 * mm, None], s))
    else:
        story.append(para("No assessments recorded.", s.body))
    story.append(para("Change history", s.h2))
    if inp.changes:
        rows = [[para(h, s.cell_bold) for h in ("When", "Who", "What")]]
        rows += [[para(w[:16], s.cell), para(who, s.cell), para(what, s.cell)]
                 for w, who, what in inp.changes]
        story.append(grid_table(rows, [32 * mm, 25 * mm, None], s))
    else:
        story.append(para("No changes recorded.", s.body))
    story.append(Spacer(1, 8))
    return build(inp, story, TITLE)
