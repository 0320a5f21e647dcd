"""Clinician summary and pharmacy sheet read back with pypdf, checked against the model."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from pdftext import embedded_fonts, flat, page_texts

from taperdesk.model import format_mg
from taperdesk.model.dispense import dispense, periods
from taperdesk.model.instructions import dose_short
from taperdesk.model.scales import make_assessment, scale
from taperdesk.report import HandoutInput, ReportError, clinician_summary, pharmacy_sheet


def test_clinician_summary_has_plan_steps_warnings_history(handout_input: HandoutInput) -> None:
    sc = scale("ciwa-b")
    a1 = make_assessment(sc, date(2027, 1, 1), {i.id: 1 for i in sc.items})
    a2 = make_assessment(sc, date(2027, 1, 22), {i.id: 2 for i in sc.items}, ["seizure"],
                         "shaky at night")
    cut = next(w for w in handout_input.warnings if w.code == "cut-over-25pct-in-2-weeks")
    inp = replace(
        handout_input,
        assessments=(a1, a2),
        acknowledgements=((cut.key, "agreed with patient", "drsmith", "2027-01-03T09:00"),),
        changes=(("2027-01-02T10:00", "drsmith", "Inserted a hold on 2027-01-25 for 14 days"),),
    )
    pdf = clinician_summary(inp)
    text = flat(" ".join(page_texts(pdf)))
    sched = inp.schedule
    assert sched.plan.protocol.info.source[:40] in text
    assert "2000 µg" in text  # µ survives
    for step in sched.steps:
        assert f"{step.start.isoformat()} – {step.end.isoformat()}" in text
        assert flat(step.rationale)[:40] in text
    for w in inp.warnings:
        assert f"[{w.code}]" in text
    assert "agreed with patient" in text
    assert "Seizure or fit" in text and "shaky at night" in text
    assert "Inserted a hold on 2027-01-25 for 14 days" in text
    assert {"DejaVuSans", "DejaVuSans-Bold"} <= embedded_fonts(pdf)


def test_pharmacy_sheet_quantities_match_dispensing(handout_input: HandoutInput) -> None:
    pdf = pharmacy_sheet(handout_input, period_days=14)
    text = flat(" ".join(page_texts(pdf)))
    sched = handout_input.schedule
    for first, last in periods(sched, 14):
        assert f"{first.isoformat()} – {last.isoformat()}" in text
        for item in dispense(sched, first, last):
            assert f"{item.dispense} tablets" in text
    for step in sched.steps:
        for d in step.doses:
            assert flat(dose_short(d)) in text
    assert "scored: may be halved" in text
    assert format_mg(sched.steps[0].daily_ug) in text


def test_pharmacy_period_out_of_range(handout_input: HandoutInput) -> None:
    with pytest.raises(ReportError, match="period"):
        pharmacy_sheet(handout_input, period_days=0)
