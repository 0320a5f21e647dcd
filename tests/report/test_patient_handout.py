"""The patient handout read back with pypdf, checked against the model."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from datetime import date, timedelta

import pytest
from pdftext import embedded_fonts, flat, page_texts, reader, runs

from taperdesk.model import Plan, check, compute, format_mg, make_protocol
from taperdesk.model.instructions import dose_plain
from taperdesk.model.scales import red_flags, scale
from taperdesk.report import HandoutInput, ReportError, patient_handout
from taperdesk.report.common import MONTHS

DOSE = re.compile(r"^(\d+(?:\.\d+)?) mg$")
HEADING = re.compile(r"Your dose calendar: (\w+) (\d{4})")


def calendar_days(pdf: bytes) -> Counter[tuple[date, str]]:
    """(date, dose text) for every day cell on the calendar pages, counted."""
    found: Counter[tuple[date, str]] = Counter()
    for page in reader(pdf).pages:
        m = HEADING.search(page.extract_text() or "")
        if not m:
            continue
        month = MONTHS.index(m.group(1)) + 1
        year = int(m.group(2))
        rs = runs(page)
        numbers = [r for r in rs if r.bold and r.text.isdigit()]
        for d in (r for r in rs if r.bold and DOSE.match(r.text)):
            same_row = [n for n in numbers if abs(n.y - d.y) < 0.6 and n.x < d.x]
            cell = max(same_row, key=lambda n: n.x)
            found[(date(year, month, int(cell.text)), DOSE.match(d.text).group(1))] += 1
    return found


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


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("large", [False, True])
def test_twelve_month_plan_every_month_on_its_page(paper: str, large: bool) -> None:
    plan = Plan("clonazepam", ("clonazepam-tab-0.5-us", "clonazepam-tab-1-us",
                               "clonazepam-tab-2-us", "clonazepam-odt-0.125"),
                4000, "three-times", date(2027, 1, 15),
                make_protocol("percent-current", percent="5", every_days=21))
    sched = compute(plan)
    assert sched.total_days > 330
    inp = HandoutInput(sched, check(sched), paper=paper, large_print=large)
    pdf = patient_handout(inp)
    headings = [m.groups() for t in page_texts(pdf) for m in [HEADING.search(t)] if m]
    months = []
    y, m = plan.start.year, plan.start.month
    while (y, m) <= (sched.stop_date.year, sched.stop_date.month):
        months.append((MONTHS[m - 1], str(y)))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    assert headings == months
    found = calendar_days(pdf)
    assert sum(found.values()) == sched.total_days
    assert all(n == 1 for n in found.values())


def test_bad_paper_is_refused(handout_input: HandoutInput) -> None:
    with pytest.raises(ReportError, match="paper"):
        patient_handout(replace(handout_input, paper="a5"))
