"""Issue 11, rules 1-7, and issue 10 defect 4: worked examples at the model level.

All plans start on Monday 4 January 2027 with US tablets (model_helpers), as in
docs/MODEL.md; Nardi from 3 mg is 2.5, 2, 1.5, 1 mg for 14 days each (4 Jan, 18 Jan,
1 Feb, 15 Feb), then 0.75, 0.5, 0.25 mg weekly (1, 8, 15 Mar), stop 22 Mar.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from model_helpers import custom, doses_by_day, plan, table

from taperdesk.model import (
    Hold,
    PlanError,
    compute,
    describe_symptom_hold,
    holds_by_date,
    insert_hold,
    make_protocol,
    symptom_hold,
)

D = date


# -- 1. what a symptom hold holds ---------------------------------------------------


def test_a_symptom_hold_mid_step_keeps_that_dose_for_its_days_from_the_assessment() -> None:
    # SPEC's example: 1.5 mg runs 1-14 Feb; 14 days from Mon 8 Feb end on Sun 21 Feb.
    p = plan("nardi", "3")
    held = compute(symptom_hold(p, D(2027, 2, 8), 14))
    assert all(held.dose_on(D(2027, 2, 8) + timedelta(days=n)) == 1500 for n in range(14))
    assert held.dose_on(D(2027, 2, 22)) == 1000
    assert held.stop_date == D(2027, 3, 29)  # 7 days later: only the days the plan lacked
    assert describe_symptom_hold(p, D(2027, 2, 8), 14) == (
        "Stay on 1.5 mg/day for 14 days, from Mon 8 Feb; the cut to 1 mg moves to Mon 22 Feb")


def test_when_the_plan_already_keeps_the_dose_long_enough_nothing_changes() -> None:
    p = plan("nardi", "3")
    for on, days in ((D(2027, 2, 1), 14), (D(2027, 2, 1), 7), (D(2027, 2, 8), 7)):
        assert symptom_hold(p, on, days) == p
        assert describe_symptom_hold(p, on, days) == (
            "The plan already keeps 1.5 mg/day until Sun 14 Feb; the next cut to 1 mg is "
            "on Mon 15 Feb")
    assert describe_symptom_hold(p, D(2027, 3, 16), 3) == (
        "The plan already keeps 0.25 mg/day until Sun 21 Mar; that is the last dose")


def test_on_a_step_s_first_day_the_new_dose_is_held() -> None:
    p = plan("nardi", "3")
    held = compute(symptom_hold(p, D(2027, 2, 1), 21))  # the day of the cut to 1.5 mg
    assert [(r[0], r[2], r[3]) for r in table(held)[2:4]] == [
        ("2027-02-01", "1.5", "hold"), ("2027-02-08", "1.5", "taper")]
    assert held.dose_on(D(2027, 1, 31)) == 2000  # the day before keeps the dose before
    assert held.dose_on(D(2027, 2, 21)) == 1500 and held.dose_on(D(2027, 2, 22)) == 1000
    assert describe_symptom_hold(p, D(2027, 2, 1), 21) == (
        "Stay on 1.5 mg/day for 21 days, from Mon 1 Feb; the cut to 1 mg moves to Mon 22 Feb")


def test_a_ciwa_before_the_plan_starts_holds_the_current_dose_and_moves_the_start() -> None:
    # The issue's case: the suggestion fell before the start and the patient still got
    # the cut. Now the pre-plan dose is held and the start (with every hold) moves to D+N.
    p = insert_hold(plan("nardi", "3"), D(2027, 2, 1), 7)
    new = symptom_hold(p, D(2026, 12, 28), 14)
    assert new.start == D(2027, 1, 11)
    assert new.edits == (Hold(D(2027, 2, 8), 7),)  # the hold kept its place in the taper
    before, after = compute(p), compute(new)
    assert after.dose_on(D(2027, 1, 10)) == 3000 and after.steps[0].kind == "taper"
    assert after.dose_on(D(2027, 1, 11)) == 2500
    assert doses_by_day(after) == doses_by_day(before)  # the same taper, 7 days later
    assert describe_symptom_hold(p, D(2026, 12, 28), 14) == (
        "Stay on 3 mg/day for 14 days, from Mon 28 Dec; the cut to 2.5 mg moves to "
        "Mon 11 Jan 2027")


def test_on_a_hold_day_the_hold_grows() -> None:
    p = insert_hold(plan("nardi", "3"), D(2027, 2, 8), 7)  # 1.5 mg then runs to 21 Feb
    new = symptom_hold(p, D(2027, 2, 10), 14)
    assert new.edits == (Hold(D(2027, 2, 8), 9),)
    assert compute(new).dose_on(D(2027, 2, 23)) == 1500
    assert compute(new).dose_on(D(2027, 2, 24)) == 1000
    assert describe_symptom_hold(p, D(2027, 2, 10), 14) == (
        "Stay on 1.5 mg/day for 14 days, from Wed 10 Feb; the cut to 1 mg moves to Wed 24 Feb")


def test_a_symptom_hold_on_the_last_dose_moves_the_stop_and_after_it_is_refused() -> None:
    p = plan("nardi", "3")
    assert describe_symptom_hold(p, D(2027, 3, 21), 7) == (
        "Stay on 0.25 mg/day for 7 days, from Sun 21 Mar; the last dose moves to Sat 27 Mar")
    with pytest.raises(PlanError, match="no dose left to hold"):
        symptom_hold(p, D(2027, 3, 22), 14)
    with pytest.raises(PlanError, match="days must be"):
        symptom_hold(p, D(2027, 2, 8), 0)


# -- 2. holds in date order ---------------------------------------------------------


def test_holds_listed_in_any_order_apply_in_date_order() -> None:
    p = plan("nardi", "2")
    late, early = Hold(D(2027, 2, 20), 7), Hold(D(2027, 1, 10), 14)
    typed = holds_by_date(plan("nardi", "2", edits=(late, early)))
    assert typed.edits == (early, late)
    s = compute(typed)
    assert [(st.start, st.daily_ug) for st in s.steps if st.kind == "hold"] == [
        (D(2027, 1, 10), 1500), (D(2027, 2, 20), 750)]
    # The window's edit order: the later-made, earlier hold moves the first one on.
    window = compute(plan("nardi", "2", edits=(late, early)))
    assert [st.start for st in window.steps if st.kind == "hold"] == [
        D(2027, 1, 10), D(2027, 3, 6)]
    assert compute(p).stop_date + timedelta(days=21) == s.stop_date == window.stop_date


# -- 3. rising steps ----------------------------------------------------------------


def _warn(p: object, code: str) -> list[object]:
    from taperdesk.model import check

    return [w for w in check(compute(p)) if w.code == code]  # type: ignore[arg-type]


def test_a_custom_step_above_the_one_before_warns_naming_the_step_and_the_rise() -> None:
    (w,) = _warn(plan(custom(("1.5", 14), ("1.75", 14), ("1", 14)), "2"), "dose-rise")
    assert w.rows == (1,) and w.dates == (D(2027, 1, 18),)  # type: ignore[attr-defined]
    assert ("Step 2 (2027-01-18) raises the dose from step 1 of 1.5 mg to 1.75 mg/day "
            "(+0.25 mg/day)") in w.message  # type: ignore[attr-defined]
    assert "back-step" in w.source  # type: ignore[attr-defined]
    assert not _warn(plan("nardi", "3"), "dose-rise")


def test_a_first_step_above_the_current_dose_warns_and_the_first_cut_counts_from_it() -> None:
    p = plan(custom(("3", 14), ("1", 14)), "2")
    (rise,) = _warn(p, "dose-rise")
    assert "from the current dose of 2 mg to 3 mg/day (+1 mg/day)" in rise.message  # type: ignore[attr-defined]
    (first,) = _warn(p, "first-cut-over-10pct")
    assert "The first cut, 2 mg to 1 mg" in first.message  # type: ignore[attr-defined]


def test_a_dragged_step_above_the_one_before_warns_and_a_back_step_does_not() -> None:
    from taperdesk.model import back_step, set_step_dose

    dragged = set_step_dose(plan(custom(("2.5", 14), ("2", 14), ("1.5", 14)), "3"), 2, 2250)
    (w,) = _warn(dragged, "dose-rise")
    assert "Step 3" in w.message and "+0.25 mg/day" in w.message  # type: ignore[attr-defined]
    back = back_step(plan("nardi", "3"), D(2027, 1, 20), 7, "insomnia")
    assert not _warn(back, "dose-rise")
    assert not _warn(insert_hold(back, D(2027, 1, 20), 3), "dose-rise")  # a hold inside it


# -- 4. absurd plans ----------------------------------------------------------------


@pytest.mark.parametrize("protocol,start_mg,needle", [
    (make_protocol("fixed", step_ug=1, every_days=3), "2",
     "a fixed cut of 0.001 mg/day is smaller than the smallest change these products can "
     "make (0.25 mg)"),
    (custom(("0", 14)), "2", "stops today"),
    (make_protocol("fixed", step_ug=500, every_days=365), "4", "past 5 years"),
    (make_protocol("nardi"), "0.001",
     "below the smallest dose these products make; the nearest dose they make is 0.25 mg"),
])
def test_absurd_plans_are_refused_with_the_reason(
    protocol: object, start_mg: str, needle: str
) -> None:
    with pytest.raises(PlanError) as caught:
        compute(plan(protocol, start_mg))  # type: ignore[arg-type]
    assert needle in str(caught.value)


def test_the_limits_are_labelled_taperdesk_limits() -> None:
    from taperdesk.model import limits

    assert limits.MAX_PLAN_YEARS == 5
    with pytest.raises(PlanError, match="TaperDesk limit MAX_PLAN_YEARS"):
        compute(plan(make_protocol("fixed", step_ug=250, every_days=365), "3"))
    # Exactly 5 years is allowed: 4 Jan 2027 to 4 Jan 2032 (1,826 days).
    year = [("1", 365)] * 5
    ok = compute(plan(custom(*year, ("1", 1)), "2"))
    assert ok.stop_date == D(2032, 1, 4)
    with pytest.raises(PlanError, match="past 5 years"):
        compute(plan(custom(*year, ("1", 2)), "2"))


def test_a_dose_the_products_make_within_one_step_is_rounded_not_refused() -> None:
    s = compute(plan("nardi", "0.4"))  # between 0.25 and 0.5: rounded to 0.5 and flagged
    assert s.start_ug == 500 and s.steps
    assert compute(plan("nardi", "0.375")).start_ug == 500  # a tie goes to the higher


@pytest.mark.parametrize("doc,needle", [
    ({"id": "fixed", "step_mg": "0.001", "every_days": 365}, "smallest change"),
], ids=["fixed-0.001-every-365"])
def test_issue_10_plan_dicts_are_refused_by_plan_from_dict(doc: dict[str, object],
                                                          needle: str) -> None:
    from taperdesk.model.serialize import plan_from_dict, plan_to_dict

    d = plan_to_dict(plan("nardi", "2"))
    with pytest.raises(PlanError, match=needle):
        plan_from_dict({**d, "protocol": doc})
    holds = [{"type": "hold", "on": "2027-01-05", "days": 365} for _ in range(1000)]
    with pytest.raises(PlanError, match="past 5 years"):
        plan_from_dict({**d, "edits": holds})
    with pytest.raises(PlanError, match="nearest dose they make is 0.25 mg"):
        plan_from_dict({**d, "start_mg": "0.001"})
