"""Worked examples of each protocol, derived by hand from SPEC.md ("Protocols shipped")."""

from __future__ import annotations

from datetime import date

import pytest
from model_helpers import US_ODT, custom, plan, table, ug

from taperdesk.model import PlanError, check, compute, make_protocol
from taperdesk.model.protocols import PROTOCOLS


def codes(p: object) -> list[str]:
    return [w.code for w in check(compute(p))]  # type: ignore[arg-type]


def test_nardi_from_3_mg() -> None:
    # 0.5 mg/day off every 2 weeks down to 1 mg (3 -> 2.5 -> 2 -> 1.5 -> 1, 14 days each;
    # the step at 1 mg is reached by a 0.5 mg cut so it lasts 14 days too), then
    # 0.25 mg/day off every week (0.75, 0.5, 0.25, 7 days each), then stop.
    s = compute(plan("nardi", "3"))
    assert table(s) == [
        ("2027-01-04", 14, "2.5", "taper"),
        ("2027-01-18", 14, "2", "taper"),
        ("2027-02-01", 14, "1.5", "taper"),
        ("2027-02-15", 14, "1", "taper"),
        ("2027-03-01", 7, "0.75", "taper"),
        ("2027-03-08", 7, "0.5", "taper"),
        ("2027-03-15", 7, "0.25", "taper"),
    ]
    assert s.stop_date == date(2027, 3, 22)
    assert s.total_days == 77
    assert all("Nardi" in st.source for st in s.steps)
    assert all(st.rationale for st in s.steps)


def test_nardi_from_1_75_mg_stops_the_cut_at_1_mg() -> None:
    # 1.75 -> 1.25 (0.5 off, 14 d); the next 0.5 cut would reach 0.75, past 1 mg, so it
    # stops at 1 mg (a 0.25 cut, still of the 2-week phase: 14 d); then 0.25 weekly.
    s = compute(plan("nardi", "1.75"))
    assert table(s) == [
        ("2027-01-04", 14, "1.25", "taper"),
        ("2027-01-18", 14, "1", "taper"),
        ("2027-02-01", 7, "0.75", "taper"),
        ("2027-02-08", 7, "0.5", "taper"),
        ("2027-02-15", 7, "0.25", "taper"),
    ]
    assert s.stop_date == date(2027, 2, 22)
    assert "stops at 1 mg" in s.steps[1].rationale


def test_nardi_doses_are_made_of_us_tablets() -> None:
    s = compute(plan("nardi", "3"))
    made = {
        st.daily_ug: [(u.product.id, str(u.count)) for u in st.doses[0].units] for st in s.steps
    }
    assert made[2500] == [("clonazepam-tab-2-us", "1"), ("clonazepam-tab-0.5-us", "1")]
    assert made[750] == [("clonazepam-tab-0.5-us", "1.5")]
    assert made[250] == [("clonazepam-tab-0.5-us", "0.5")]


def test_percent_current_10_every_14_from_3_mg_with_us_tablets() -> None:
    # US tablets make every multiple of 0.25 mg. Each step: the makeable dose nearest
    # 90 % of the current one and below it:
    # 3 -> 2.7 ~ 2.75; 2.75 -> 2.475 ~ 2.5; 2.5 -> 2.25; 2.25 -> 2.025 ~ 2;
    # 2 -> 1.8 ~ 1.75; 1.75 -> 1.575 ~ 1.5; 1.5 -> 1.35 ~ 1.25 (1.5 is not below);
    # 1.25 -> 1.125 ~ 1; 1 -> 0.9 ~ 0.75; 0.75 -> 0.675 ~ 0.5; 0.5 -> 0.45 ~ 0.25;
    # below 0.25 nothing is makeable: 0.25 is the last step, then stop. 11 x 14 days.
    p = plan(make_protocol("percent-current", percent="10", every_days=14), "3")
    s = compute(p)
    expected = ["2.75", "2.5", "2.25", "2", "1.75", "1.5", "1.25", "1", "0.75", "0.5", "0.25"]
    assert [r[2] for r in table(s)] == expected
    assert all(st.days == 14 for st in s.steps)
    assert s.stop_date == date(2027, 6, 7)  # 154 days after 4 January
    # The coarse cuts near the end are explained, and the note says what would help.
    assert "cannot make a smaller cut" in s.steps[6].rationale  # 1.5 -> 1.25, 16.7 %
    assert "cannot make a smaller cut" not in s.steps[5].rationale  # 1.75 -> 1.5, 14.3 %
    assert "0.125 mg orally disintegrating" in s.steps[6].rationale
    assert any("0.125 mg orally disintegrating" in n for n in s.notes)
    assert "abrupt-stop" not in codes(p)


def test_percent_current_with_odt_makes_finer_cuts() -> None:
    # With 0.125 mg dispersible tablets 1.5 -> 1.35 ~ 1.375 (a 8.3 % cut).
    p = plan(make_protocol("percent-current", percent="10", every_days=14), "1.5",
             products=US_ODT)
    s = compute(p)
    assert s.steps[0].daily_ug == 1375
    assert s.steps[-1].daily_ug == 125
    # Only the oral solution could cut finer than 0.125 mg steps near the end.
    assert not any("disintegrating" in n for n in s.notes)
    assert any("oral solution" in n for n in s.notes)


def test_percent_start_25_every_14_from_3_mg() -> None:
    # 25 % of the starting 3 mg is 0.75 mg off every 14 days: 2.25, 1.5, 0.75; the next cut
    # reaches 0, so the plan stops after 0.75 mg (and abrupt-stop says so).
    p = plan(make_protocol("percent-start", percent="25", every_days=14), "3")
    s = compute(p)
    assert table(s) == [
        ("2027-01-04", 14, "2.25", "taper"),
        ("2027-01-18", 14, "1.5", "taper"),
        ("2027-02-01", 14, "0.75", "taper"),
    ]
    assert s.stop_date == date(2027, 2, 15)
    assert [(u.product.strength_ug, str(u.count)) for u in s.steps[0].doses[0].units] == [
        (2000, "1"), (500, "0.5")
    ]
    assert "abrupt-stop" in codes(p)
    assert s.steps[0].source == PROTOCOLS["percent-start"].source


def test_fixed_quarter_mg_every_3_days_from_3_mg() -> None:
    # 0.25 mg/day off every 3 days: 2.75 ... 0.25 is 11 steps of 3 days; then 0.
    p = plan(make_protocol("fixed", step_ug=250, every_days=3), "3")
    s = compute(p)
    assert [st.daily_ug for st in s.steps] == list(range(2750, 0, -250))
    assert all(st.days == 3 for st in s.steps)
    assert s.steps[3].start == date(2027, 1, 13)
    assert s.stop_date == date(2027, 2, 6)  # 33 days
    assert "Klonopin" in s.steps[0].source


def test_custom_steps_are_kept_and_rounded_when_not_makeable() -> None:
    # 0.125 mg cannot be made of US tablets (0.25 is half of 0.5, quarters not allowed);
    # 0 and 0.25 are equally near: ties go to the higher (gentler) dose.
    p = plan(custom(("2.5", 14), ("2", 10), ("0.125", 7)), "3")
    s = compute(p)
    assert table(s) == [
        ("2027-01-04", 14, "2.5", "taper"),
        ("2027-01-18", 10, "2", "taper"),
        ("2027-01-28", 7, "0.25", "taper"),
    ]
    assert s.steps[2].requested_ug == 125
    warnings = [w for w in check(s) if w.code == "dose-not-makeable"]
    assert len(warnings) == 1 and "0.125 mg" in warnings[0].message
    assert "0.25 mg" in warnings[0].message


def test_custom_step_of_zero_ends_the_plan() -> None:
    s = compute(plan(custom(("2", 7), ("0", 7), ("1", 7)), "3"))
    assert table(s) == [("2027-01-04", 7, "2", "taper")]
    assert s.stop_date == date(2027, 1, 11)


def test_start_date_is_the_first_reduced_day_and_schedule_is_pure() -> None:
    p = plan("nardi", "2", start=date(2028, 2, 28))
    a, b = compute(p), compute(plan("nardi", "2", start=date(2028, 2, 28)))
    assert a.steps == b.steps and a.stop_date == b.stop_date
    assert a.steps[0].start == date(2028, 2, 28)
    assert a.steps[1].start == date(2028, 3, 13)  # 2028 is a leap year
    assert a.dose_on(date(2028, 2, 27)) == ug("2")
    assert a.dose_on(a.stop_date) == 0


@pytest.mark.parametrize(
    ("pid", "kw", "message"),
    [
        ("percent-current", {"percent": "0"}, "percent"),
        ("percent-current", {"percent": "100"}, "percent"),
        ("percent-start", {"percent": "abc"}, "not a number"),
        ("fixed", {"step_ug": 0}, "more than 0"),
        ("fixed", {"every_days": 0}, "days"),
        ("custom", {}, "at least one step"),
        ("taper-fast", {}, "unknown protocol"),
    ],
)
def test_bad_protocol_parameters_are_refused(pid: str, kw: dict, message: str) -> None:
    with pytest.raises(PlanError, match=message):
        make_protocol(pid, **kw)


def test_every_protocol_names_its_source() -> None:
    for info in PROTOCOLS.values():
        assert info.source and info.rule
    assert PROTOCOLS["nardi"].source.startswith("Nardi")
    assert "ASAM" in PROTOCOLS["percent-current"].source
    assert "Pottie" in PROTOCOLS["percent-start"].source


def test_too_many_steps_is_refused_with_a_message(monkeypatch: pytest.MonkeyPatch) -> None:
    # Every row lasts a day or more, so with the 5-year limit 1-day cuts stop there first
    # (2,000 days is more than 5 years) ...
    p = plan(make_protocol("percent-start", percent="0.001", every_days=1), "3")
    with pytest.raises(PlanError, match="past 5 years.*TaperDesk limit MAX_PLAN_YEARS"):
        compute(p)
    # ... and the steps limit still holds when a clinic edits the year limit up.
    monkeypatch.setattr("taperdesk.model.limits.MAX_PLAN_YEARS", 10)
    longer = plan(make_protocol("percent-start", percent="0.002", every_days=1), "3")
    with pytest.raises(PlanError, match="more than 2000 steps"):
        compute(longer)

