"""SPEC.md "Cannot be misread": the handouts read back with pypdf, positions and sizes."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

import pytest
from pdftext import flat, page_texts, reader, runs
from test_patient_handout import HEADING, cells, dose_of

from taperdesk.model import Plan, check, compute, format_mg, insert_hold, make_protocol
from taperdesk.model.scales import red_flags
from taperdesk.model.units import format_count
from taperdesk.report import (
    ClinicInfo,
    HandoutInput,
    ReportError,
    clinician_summary,
    patient_handout,
    pharmacy_sheet,
)
from taperdesk.report.context import notices

KINDS = [(paper, large) for paper in ("a4", "letter") for large in (False, True)]


@pytest.fixture(scope="module")
def made() -> dict[tuple[str, bool], tuple[HandoutInput, bytes]]:
    """The held plan's handout in every paper and kind of print, made once."""
    us = ("clonazepam-tab-0.5-us", "clonazepam-tab-1-us", "clonazepam-tab-2-us")
    plan = insert_hold(Plan("clonazepam", us, 3000, "morning-night", date(2027, 1, 4),
                            make_protocol("nardi")), date(2027, 1, 25), 14)
    sched = compute(plan)
    out = {}
    for paper, large in KINDS:
        inp = HandoutInput(sched, check(sched), patient_name="Jane Example",
                           clinic=ClinicInfo("Riverside Clinic", "555 0100", "2027-02-01", "999"),
                           born=date(1961, 3, 3), clinic_id="R-1234", paper=paper,
                           large_print=large)
        out[(paper, large)] = (inp, patient_handout(inp))
    return out


def calendar_pages(pdf: bytes) -> list:  # type: ignore[type-arg]
    return [p for p in reader(pdf).pages if HEADING.search(p.extract_text() or "")]


@pytest.mark.parametrize("paper,large", KINDS)
def test_day_and_dose_never_share_a_line(made, paper: str, large: bool) -> None:  # type: ignore[no-untyped-def]
    inp, pdf = made[(paper, large)]
    seen = 0
    for page in calendar_pages(pdf):
        for line in (page.extract_text() or "").splitlines():
            assert not re.match(r"^\d+\s+\d", line.strip()), line
        for day, rs in cells(page).items():
            number = next(r for r in rs if re.fullmatch(r"\d{1,2} [A-Z][a-z]{2}", r.text))
            for dose in (r for r in rs if r.bold):
                assert dose.size > number.size and not number.bold
                assert number.y - dose.y >= 0.8 * dose.size, f"{day}: too close"
            seen += dose_of(rs) is not None
    assert seen == inp.schedule.total_days


@pytest.mark.parametrize("paper,large", KINDS)
def test_doses_are_large_and_the_grid_fills_the_page(made, paper: str, large: bool) -> None:  # type: ignore[no-untyped-def]
    inp, pdf = made[(paper, large)]
    least = 14 if large else 11
    stop_seen = False
    for page in calendar_pages(pdf):
        by_day = cells(page)
        doses = [r for rs in by_day.values() for r in rs
                 if r.bold and re.fullmatch(r"[\d.]+( mg)?|mg", r.text)]
        assert doses and min(r.size for r in doses) >= least
        stop = [r for rs in by_day.values() for r in rs if r.text in ("No", "more", "doses",
                                                                    "No more", "No more doses")]
        if stop:
            stop_seen = True
            assert {r.size for r in stop} == {doses[0].size}
        # The lowest row ends at the bottom margin (16 mm), not a third of the way down.
        days = sorted({r.y for rs in by_day.values() for r in rs
                       if re.fullmatch(r"\d{1,2} [A-Z][a-z]{2}", r.text)}, reverse=True)
        if len(days) > 1:
            cell_h = days[0] - days[1]
            bottom = days[-1] + 10 - cell_h
            assert 16 * 72 / 25.4 - 2 <= bottom <= 16 * 72 / 25.4 + 24, bottom
    assert stop_seen


@pytest.mark.parametrize("paper,large", KINDS)
def test_every_hold_day_says_same_dose(made, paper: str, large: bool) -> None:  # type: ignore[no-untyped-def]
    inp, pdf = made[(paper, large)]
    sched = inp.schedule
    holds = {st.start + timedelta(days=i) for st in sched.steps if st.kind == "hold"
             for i in range(st.days)}
    assert len(holds) == 14
    marked = set()
    for page in calendar_pages(pdf):
        for day, rs in cells(page).items():
            if any(r.text == "same dose" and r.bold for r in rs):
                marked.add(day)
    assert marked == holds


@pytest.mark.parametrize("paper,large", KINDS)
def test_every_picture_has_its_strength_under_it(made, paper: str, large: bool) -> None:  # type: ignore[no-untyped-def]
    inp, pdf = made[(paper, large)]
    sched = inp.schedule
    strengths = set()
    for page in calendar_pages(pdf):
        for day, rs in cells(page).items():
            step = sched.step_at(day)
            if step is None:
                continue
            texts = [r.text for r in rs if not r.bold]
            want = [f"{format_count(u.count)}×{format_mg(u.product.strength_ug)} mg"
                    for d in step.doses for u in d.units]
            assert sorted(t for t in texts if "×" in t) == sorted(want), day
            strengths |= {u.product.strength_ug for d in step.doses for u in d.units}
    assert strengths == {500, 1000}  # 1 mg and 0.5 mg tablets, each named under its picture


def test_help_box_identity_and_hygiene_on_every_page(made) -> None:  # type: ignore[no-untyped-def]
    inp, pdf = made[("a4", False)]
    pages = page_texts(pdf)
    first = flat(pages[0])
    assert "Get help now" in first and "999" in first and "555 0100" in first
    for flag in red_flags():
        assert flag.label in first
    for kind in (patient_handout, clinician_summary, pharmacy_sheet):
        doc = pdf if kind is patient_handout else kind(inp)
        r = reader(doc)
        assert "Jane" not in str(r.metadata.get("/Title", ""))
        for n, text in enumerate(page_texts(doc)):
            assert "Jane Example" in text and "born 3 March 1961" in text \
                and "R-1234" in text, f"{kind.__name__} page {n + 1}"
        for page in r.pages:
            fonts = page["/Resources"].get_object().get("/Font", {})
            assert fonts
            for ref in fonts.values():
                font = ref.get_object()
                desc = font.get("/FontDescriptor")
                assert desc is not None and "/FontFile2" in desc.get_object(), \
                    f"{font['/BaseFont']} is not embedded"


def test_weekday_headings_are_padded_and_the_week_can_start_on_sunday(made) -> None:  # type: ignore[no-untyped-def]
    inp, _ = made[("letter", False)]
    pdf = patient_handout(replace(inp, week_start="sunday"))
    page = calendar_pages(pdf)[0]
    heads = sorted((r for r in runs(page) if r.text in ("Sun", "Mon", "Sat")), key=lambda r: r.x)
    assert [r.text for r in heads][0] == "Sun" and heads[-1].text == "Sat"
    assert heads[0].x > 15 * 72 / 25.4 + 4  # not against the grid line
    # Sun 3 Jan 2027 is in the first column, Mon 4 Jan in the second.
    by_day = cells(page)
    x = {d: min(r.x for r in rs) for d, rs in by_day.items() if rs}
    assert x[date(2027, 1, 3)] < x[date(2027, 1, 4)]
    assert reader(pdf).pages[0].mediabox.width == 612
    with pytest.raises(ReportError, match="first day"):
        patient_handout(replace(inp, week_start="friday"))


def quarter_plan() -> Plan:
    return Plan("clonazepam", ("clonazepam-tab-0.5-us",), 1000, "night", date(2027, 1, 4),
                make_protocol("fixed", step_ug=125, every_days=7), allow_quarters=True)


def test_quarter_tablets_are_explained_wherever_they_appear() -> None:
    sched = compute(quarter_plan())
    assert any("¾" in format_count(u.count) for st in sched.steps for d in st.doses
               for u in d.units)
    inp = HandoutInput(sched, check(sched), patient_name="Q")
    for kind in (patient_handout, clinician_summary, pharmacy_sheet):
        assert "tablet cutter" in flat(" ".join(page_texts(kind(inp)))), kind.__name__
    us = Plan("clonazepam", ("clonazepam-tab-0.5-us",), 1000, "night", date(2027, 1, 4),
              make_protocol("nardi"))
    plain = HandoutInput(compute(us), patient_name="Q")
    for kind in (patient_handout, clinician_summary, pharmacy_sheet):
        assert "tablet cutter" not in flat(" ".join(page_texts(kind(plain))))


def test_pharmacy_sheet_names_the_kind_of_product() -> None:
    plan = Plan("clonazepam", ("clonazepam-tab-0.5-us", "clonazepam-odt-0.125"), 1000,
                "night", date(2027, 1, 4), make_protocol("percent-current", percent="10",
                                                         every_days=14))
    text = flat(" ".join(page_texts(pharmacy_sheet(HandoutInput(compute(plan))))))
    units = text[text.index("Units per dose"):text.index("Quantities per")]
    assert "× 0.5 mg tablet" in units and "× 0.125 mg orally disintegrating tablet" in units


def test_missing_phone_and_early_appointment_are_noticed(made) -> None:  # type: ignore[no-untyped-def]
    inp, _ = made[("a4", False)]
    bad = replace(inp, clinic=ClinicInfo("Riverside Clinic", "", "2026-12-20"))
    said = notices(bad)
    assert len(said) == 2 and "phone" in said[0] and "before the plan starts" in said[1]
    first = flat(page_texts(patient_handout(bad))[0])
    assert "phone number is missing" in first and "2026-12-20" in first
    assert "911" in first  # the labelled TaperDesk default emergency number
    assert notices(inp) == []


def test_a_back_step_says_so_in_its_cells() -> None:
    from taperdesk.model import back_step

    plan = Plan("clonazepam", ("clonazepam-tab-0.5-us",), 2000, "night", date(2027, 1, 4),
                make_protocol("nardi"))
    sched = compute(back_step(plan, date(2027, 1, 25), 7, "symptoms"))
    back = {st.start + timedelta(days=i) for st in sched.steps if st.kind == "back-step"
            for i in range(st.days)}
    assert len(back) == 7
    marks: dict[str, set[date]] = {"dose back up": set(), "same dose": set()}
    for page in calendar_pages(patient_handout(HandoutInput(sched))):
        for day, rs in cells(page).items():
            for r in rs:
                if r.text in marks:
                    marks[r.text].add(day)
    assert marks == {"dose back up": back, "same dose": set()}


def test_help_box_stays_on_page_one_in_large_print_with_notices(made) -> None:  # type: ignore[no-untyped-def]
    inp, _ = made[("letter", True)]
    bad = replace(inp, clinic=ClinicInfo("", "", "2026-12-20", "112"), opioid=True)
    first = flat(page_texts(patient_handout(bad))[0])
    assert "phone number is missing" in first and "before the plan starts" in first
    assert "Call 112" in first and all(f.label in first for f in red_flags())
    assert "Then tell the clinic." in first
