"""The patient handout read back with pypdf, checked against the model."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import replace
from datetime import date, timedelta

import pytest
from calendar_read import Calendar
from pdftext import Run, embedded_fonts, flat, page_texts, reader, runs
from reportlab import rl_config
from reportlab.pdfbase.pdfmetrics import stringWidth

from taperdesk.model import Plan, check, compute, format_mg, make_protocol
from taperdesk.model.instructions import dose_plain
from taperdesk.model.scales import red_flags, scale
from taperdesk.report import HandoutInput, ReportError, patient_handout
from taperdesk.report.common import MONTHS, WEEKDAYS, register_fonts
from taperdesk.report.lang import lang

DOSE = re.compile(r"^(\d+(?:\.\d+)?)(?: mg)?$")
DAY = re.compile(r"^(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)$")
HEADING = re.compile(r"Your dose calendar: (\w+) (\d{4})")


EN = Calendar(lang("en"))
columns, cells, dose_of, calendar_days = EN.columns, EN.cells, EN.dose_of, EN.days
"""The calendar read back in English (tests/report/calendar_read.py reads any language)."""


def test_every_plan_date_appears_once_with_its_dose(handout_input: HandoutInput) -> None:
    pdf = patient_handout(handout_input)
    sched = handout_input.schedule
    found = calendar_days(pdf)
    expected = Counter()
    day = sched.plan.start
    while day < sched.stop_date:
        expected[(day, format_mg(sched.dose_on(day)))] += 1
        day += timedelta(days=1)
    assert found == expected


def test_hold_instructions_red_flags_and_clinic(handout_input: HandoutInput) -> None:
    pdf = patient_handout(handout_input)
    text = flat(" ".join(page_texts(pdf)))
    assert "Stay on this dose" in text
    for step in handout_input.schedule.steps:
        for dose in step.doses:
            assert flat(dose_plain(dose)) in text
    assert "½ tablet of 0.5 mg" in text  # the half-tablet step survives as ½
    for flag in red_flags():
        assert flag.label in text
    assert "555 0100" in text and "Riverside Clinic" in text
    assert "Never stop clonazepam suddenly" in text
    assert "you also take an opioid" in text


def test_no_opioid_box_when_not_flagged(handout_input: HandoutInput) -> None:
    pdf = patient_handout(replace(handout_input, opioid=False))
    assert "you also take an opioid" not in flat(" ".join(page_texts(pdf)))


def test_fonts_are_embedded(handout_input: HandoutInput) -> None:
    fonts = embedded_fonts(patient_handout(handout_input))
    assert {"DejaVuSans", "DejaVuSans-Bold"} <= fonts


def test_diary_lists_scale_items_until_next_visit(handout_input: HandoutInput) -> None:
    pdf = patient_handout(handout_input)
    texts = page_texts(pdf)
    first = next(i for i, t in enumerate(texts) if "Symptom diary" in t)
    diary = flat(" ".join(texts[first:]))
    for item in scale("checklist").items:
        assert item.label in diary
    # From the plan start (Mon 4 Jan) to the visit on 1 Feb: 28 days, the last is Sun 31 Jan.
    assert "Sun 31 Jan" in diary and "Mon 1 Feb" not in diary


def calendar_pages(pdf: bytes) -> list[tuple[str, str, bool, list[Run]]]:
    """(month, year, continued?, text runs) of each calendar page, in order."""
    out = []
    for page in reader(pdf).pages:
        text = page.extract_text() or ""
        m = HEADING.search(text)
        if m:
            out.append((m.group(1), m.group(2), "(continued)" in text, runs(page)))
    return out


def assert_nothing_cut(rs: list[Run]) -> None:
    """Every text run of a calendar grid stays inside its day's column, inside the page's
    printable area, and overlaps no other run."""
    register_fonts()
    heads = sorted((r for r in rs if r.text in WEEKDAYS), key=lambda r: r.x)
    assert [r.text for r in heads] == list(WEEKDAYS)
    edges = columns(rs)
    boxes = []
    for r in rs:
        if r.y >= heads[0].y or r.size < 8 and r.y < 30:  # heading, help text, footer
            continue
        w = stringWidth(r.text, "DejaVuSans-Bold" if r.bold else "DejaVuSans", r.size)
        col = bisect_right(edges, r.x) - 1
        assert 0 <= col < 7 and r.x + w <= edges[col + 1], f"{r.text!r} runs out of its day"
        assert r.y - 0.25 * r.size > 16 * 72 / 25.4, f"{r.text!r} runs into the footer"
        boxes.append((r.x, r.x + w, r.y - 0.2 * r.size, r.y + 0.75 * r.size, r.text))
    boxes.sort(key=lambda b: b[2])
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            if b[2] >= a[3]:
                break
            assert a[1] <= b[0] or b[1] <= a[0], f"{a[4]!r} overlaps {b[4]!r}"


def test_calendar_text_stays_in_its_day(handout_input: HandoutInput) -> None:
    pages = calendar_pages(patient_handout(handout_input))
    assert [(m, y) for m, y, _, _ in pages] == [("January", "2027"), ("February", "2027"),
                                                 ("March", "2027")]
    for *_, rs in pages:
        assert_nothing_cut(rs)
    text = flat(" ".join(page_texts(patient_handout(handout_input))))
    assert "half circle is half a tablet" in text and "melts in the mouth" not in text


def long_plan() -> Plan:
    """Three doses a day of up to three products (½ × 0.5 mg + 1 × 0.125 mg ODT ...), 5 %
    of the current dose every 21 days: well over a year of crowded day cells."""
    return Plan("clonazepam", ("clonazepam-tab-0.5-us", "clonazepam-tab-1-us",
                               "clonazepam-tab-2-us", "clonazepam-odt-0.125"),
                4000, "three-times", date(2027, 1, 15),
                make_protocol("percent-current", percent="5", every_days=21))


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("large", [False, True])
def test_twelve_month_plan_every_month_on_its_page(paper: str, large: bool) -> None:
    sched = compute(long_plan())
    assert sched.total_days > 330
    inp = HandoutInput(sched, check(sched), paper=paper, large_print=large)
    pdf = patient_handout(inp)
    pages = calendar_pages(pdf)
    months = []
    y, m = sched.plan.start.year, sched.plan.start.month
    while (y, m) <= (sched.stop_date.year, sched.stop_date.month):
        months.append((MONTHS[m - 1], str(y)))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    # Each month starts on its own page; a "(continued)" page follows only its own month.
    assert [(mo, yr) for mo, yr, cont, _ in pages if not cont] == months
    for before, after in zip(pages, pages[1:], strict=False):
        if after[2]:
            assert after[:2] == before[:2] and not before[2]
    found = calendar_days(pdf)
    assert sum(found.values()) == sched.total_days
    assert all(n == 1 for n in found.values())
    for *_, rs in pages:
        assert_nothing_cut(rs)


def smallest_calendar_text(pdf: bytes) -> float:
    return min(r.size for *_, rs in calendar_pages(pdf) for r in rs if "mg" in r.text)


def test_large_print_calendar_is_larger() -> None:
    sched = compute(long_plan())
    normal = patient_handout(HandoutInput(sched, check(sched)))
    large = patient_handout(HandoutInput(sched, check(sched), large_print=True))
    assert smallest_calendar_text(normal) >= 4.8
    assert smallest_calendar_text(large) >= 1.2 * smallest_calendar_text(normal)
    assert len(calendar_pages(large)) > len(calendar_pages(normal))  # crowded months split
    assert "melts in the mouth" in flat(" ".join(page_texts(large)))  # an ODT is used


def test_bad_paper_is_refused(handout_input: HandoutInput) -> None:
    with pytest.raises(ReportError, match="paper"):
        patient_handout(replace(handout_input, paper="a5"))


def test_liquid_plan_calendar_shows_each_days_millilitres() -> None:
    plan = Plan("diazepam", ("diazepam-sol-0.4",), 5000, "morning-night", date(2027, 1, 4),
                make_protocol("nardi"))
    sched = compute(plan)
    pdf = patient_handout(HandoutInput(sched, check(sched), large_print=True))
    pages = calendar_pages(pdf)
    text = flat(" ".join(page_texts(pdf)))
    assert "measuring syringe" in text and "half circle" not in text
    assert "melts in the mouth" not in text
    # Each day's millilitres at each time, as the model makes them.
    shown = Counter(r.text for *_, rs in pages for r in rs
                    if r.text.endswith(" mL") and "mg/" not in r.text)
    expected = Counter(f"{u.ml} mL" for step in sched.steps for _ in range(step.days)
                       for d in step.doses for u in d.units)
    assert shown == expected and len(expected) > 1
    assert calendar_days(pdf) == Counter(
        (step.start + timedelta(days=i), format_mg(step.daily_ug))
        for step in sched.steps for i in range(step.days))
    for *_, rs in pages:
        assert_nothing_cut(rs)



def test_the_same_handout_is_the_same_file_whatever_was_made_before(
        handout_input: HandoutInput, monkeypatch: pytest.MonkeyPatch) -> None:
    """Same plan, same handout, byte for byte (with reportlab's dates and ids held still),
    even with another handout of other doses, letters and print size made in between:
    nothing a build keeps (layouts, reused operators, fonts) changes the next one."""
    monkeypatch.setattr(rl_config, "invariant", 1)
    first = patient_handout(handout_input)
    other = Plan("diazepam", ("diazepam-sol-0.4",), 5000, "three-times", date(2027, 3, 1),
                 make_protocol("nardi"))
    sched = compute(other)
    patient_handout(HandoutInput(sched, check(sched), patient_name="Zoë Ünal",
                                 large_print=True))
    assert patient_handout(handout_input) == first
    assert len(reader(first).pages) >= 3
