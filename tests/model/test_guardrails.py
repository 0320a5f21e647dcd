"""Every guardrail fires on a case built for it and stays silent on one built not to."""

from __future__ import annotations

from datetime import date

import pytest
from model_helpers import SOL_01, custom, plan

from taperdesk.model import Plan, PlanError, check, compute, insert_hold, make_protocol
from taperdesk.model.guardrails import RULES, PlanWarning


def warnings(p: Plan, code: str, *, opioid: bool = False) -> list[PlanWarning]:
    return [w for w in check(compute(p), opioid=opioid) if w.code == code]


def test_every_rule_has_a_source_and_a_severity() -> None:
    assert set(RULES) == {
        "cut-over-25pct-in-2-weeks", "first-cut-over-10pct", "dose-not-makeable",
        "abrupt-stop", "over-max-daily-dose", "longer-than-6-months", "opioid-co-prescription",
        "dose-rise",
    }
    for severity, title, source in RULES.values():
        assert severity in ("severe", "alert", "warning", "advisory") and title and source
    assert "ASAM" in RULES["cut-over-25pct-in-2-weeks"][2]


def test_two_small_cuts_in_one_fortnight_add_up_over_25_percent() -> None:
    # 3 -> 2.75 -> 2.25: the second step is 25 % below the 3 mg taken 7 days before its
    # start (not more than 25 %: silent); the third, 2 mg, is 27.3 % below the 2.75 mg of
    # the 2 weeks before it: it fires, naming the step, its date and both doses.
    p = plan(custom(("2.75", 7), ("2.25", 7), ("2", 7), ("1.75", 7)), "3")
    got = warnings(p, "cut-over-25pct-in-2-weeks")
    assert len(got) == 1
    w = got[0]
    assert w.rows == (0, 2) and w.dates == (date(2027, 1, 18),)
    assert "Step 3 (2027-01-18)" in w.message and "2.75 mg to 2 mg" in w.message
    assert "27.3 %" in w.message
    assert "25 %" in w.source


def test_the_window_is_exactly_the_14_days_before_a_step() -> None:
    # A 14-day first step at 2.25 mg: the 14 days before step 2 are all at 2.25 mg, so
    # 1.75 mg (22.2 % less) is silent. With a 13-day first step the window reaches the
    # day before the plan (3 mg): 3 -> 1.75 is 41.7 % and fires.
    assert not warnings(plan(custom(("2.25", 14), ("1.75", 14), ("1.5", 14)), "3"),
                        "cut-over-25pct-in-2-weeks")
    fired = warnings(plan(custom(("2.25", 13), ("1.75", 14), ("1.5", 14)), "3"),
                     "cut-over-25pct-in-2-weeks")
    assert [w.rows for w in fired] == [(1,)] and "41.7 %" in fired[0].message


def test_the_final_stop_to_zero_is_not_a_25_percent_cut() -> None:
    p = plan(custom(("2.25", 14), ("1.75", 14), ("1.5", 14)), "3")
    assert not warnings(p, "cut-over-25pct-in-2-weeks")
    assert warnings(p, "abrupt-stop")


def test_a_hold_after_a_big_cut_does_not_repeat_the_warning() -> None:
    p = plan(custom(("2", 14), ("1.5", 14)), "3")
    held = insert_hold(p, date(2027, 1, 8), 7)
    got = warnings(held, "cut-over-25pct-in-2-weeks")
    assert [w.dates for w in got] == [(date(2027, 1, 4),)]


def test_first_cut_over_10_percent() -> None:
    fired = warnings(plan("nardi", "3"), "first-cut-over-10pct")
    assert len(fired) == 1 and "16.7 %" in fired[0].message and fired[0].severity == "advisory"
    ten = plan(make_protocol("percent-current", percent="10", every_days=14), "3",
               products=SOL_01)  # 3 -> 2.7 exactly: 10 %, not more
    assert compute(ten).steps[0].daily_ug == 2700
    assert not warnings(ten, "first-cut-over-10pct")


def test_dose_not_makeable_names_what_it_was_rounded_to() -> None:
    fired = warnings(plan(custom(("2", 7), ("1.1", 7), ("0.25", 7)), "3"), "dose-not-makeable")
    assert len(fired) == 1
    assert "Step 2 (2027-01-11): 1.1 mg" in fired[0].message
    assert "rounded to 1 mg" in fired[0].message
    assert not warnings(plan("nardi", "3"), "dose-not-makeable")


def test_a_current_dose_that_cannot_be_made_is_flagged() -> None:
    fired = warnings(plan("nardi", "2.9"), "dose-not-makeable")
    assert any("current dose 2.9 mg" in w.message and "3 mg" in w.message for w in fired)


def test_a_held_rounded_step_is_still_flagged_once() -> None:
    # A hold on the first day of the rounded step leaves only its "rest" as a taper row.
    p = insert_hold(plan(custom(("2", 7), ("1.1", 7), ("0.25", 7)), "3"), date(2027, 1, 11), 5)
    assert compute(p).steps[1].kind == "hold"
    assert len(warnings(p, "dose-not-makeable")) == 1
    p2 = insert_hold(p, date(2027, 1, 20), 3)  # a second hold inside the same step
    assert len(warnings(p2, "dose-not-makeable")) == 1


def test_abrupt_stop_fires_from_more_than_the_smallest_dose() -> None:
    p = plan(make_protocol("percent-start", percent="25", every_days=14), "3")
    fired = warnings(p, "abrupt-stop")
    assert len(fired) == 1
    assert "0.75 mg/day" in fired[0].message and "0.25 mg" in fired[0].message
    assert fired[0].dates == (date(2027, 2, 15),) and fired[0].rows == (2,)
    assert not warnings(plan("nardi", "3"), "abrupt-stop")


def test_a_plan_with_no_steps_is_refused_not_warned() -> None:
    # A first step at zero is a "taper" that stops today (SPEC.md, "Protocols").
    with pytest.raises(PlanError, match="stops today"):
        compute(plan(custom(("0", 7)), "3"))


def test_over_the_maximum_daily_dose_for_the_indication() -> None:
    p = plan("nardi", "5", indication="panic")  # US label, panic: 4 mg/day
    fired = warnings(p, "over-max-daily-dose")
    assert len(fired) == 1
    assert "4 mg/day" in fired[0].message and "4.5 mg" in fired[0].message
    assert fired[0].rows == (0,)
    assert not warnings(plan("nardi", "5", indication="seizures"), "over-max-daily-dose")
    only_start = warnings(plan("nardi", "4.25", indication="panic"), "over-max-daily-dose")
    assert len(only_start) == 1 and "current dose 4.25" in only_start[0].message


def test_longer_than_6_months() -> None:
    # 4 January + 6 calendar months = 4 July 2027, 181 days later.
    assert not warnings(plan(custom(("1", 181)), "1.25"), "longer-than-6-months")
    fired = warnings(plan(custom(("1", 182)), "1.25"), "longer-than-6-months")
    assert len(fired) == 1 and "2027-07-05" in fired[0].message
    assert fired[0].severity == "advisory"
    long = plan(make_protocol("percent-current", percent="10", every_days=28), "3")
    assert warnings(long, "longer-than-6-months")


def test_opioid_co_prescription_only_when_flagged() -> None:
    fired = warnings(plan("nardi", "3"), "opioid-co-prescription", opioid=True)
    assert len(fired) == 1 and fired[0].severity == "alert" and "FDA" in fired[0].source
    assert not warnings(plan("nardi", "3"), "opioid-co-prescription")


def test_warning_keys_identify_code_and_date() -> None:
    w = warnings(plan("nardi", "3"), "first-cut-over-10pct")[0]
    assert w.key == "first-cut-over-10pct@2027-01-04"
    assert w.title == RULES[w.code][1]
