"""Plan operations: each is one user edit, pure, returning a new plan (or PlanError)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from model_helpers import custom, doses_by_day, plan, table

from taperdesk.model import (
    Hold,
    Pin,
    PlanError,
    back_step,
    compute,
    insert_hold,
    make_protocol,
    remove_edit,
    remove_hold,
    set_protocol,
    set_step_days,
    set_step_dose,
    snap_dose,
    update_plan,
)


def test_insert_hold_keeps_the_dose_and_moves_the_rest_later() -> None:
    p = plan("nardi", "3")
    held = insert_hold(p, date(2027, 2, 8), 14, reason="anxiety up")
    assert p.edits == ()  # the original plan is untouched
    assert held.edits == (Hold(date(2027, 2, 8), 14, 100, "anxiety up"),)
    assert table(compute(held))[2:5] == [
        ("2027-02-01", 7, "1.5", "taper"),
        ("2027-02-08", 14, "1.5", "hold"),
        ("2027-02-22", 7, "1.5", "taper"),
    ]
    s = compute(held)
    assert s.steps[4].continued and s.steps[3].edit_index == 0
    assert "anxiety up" in s.steps[3].rationale
    assert s.stop_date == date(2027, 4, 5)


def test_a_slower_resume_stretches_later_unpinned_steps() -> None:
    p = set_step_days(plan("nardi", "3"), 5, 10)  # pin step 6 (0.5 mg) to 10 days
    held = insert_hold(p, date(2027, 2, 15), 7, stretch_percent=150)
    days = [(r[2], r[1], r[3]) for r in table(compute(held))]
    # Steps after the held 1 mg step: 0.75 for ceil(7 x 1.5) = 11 days, 0.5 pinned at 10,
    # 0.25 for 11; the held step itself keeps its 14 days.
    assert days[3:] == [("1", 7, "hold"), ("1", 14, "taper"), ("0.75", 11, "taper"),
                        ("0.5", 10, "taper"), ("0.25", 11, "taper")]


def test_remove_hold_restores_the_plan() -> None:
    p = plan("nardi", "3")
    held = insert_hold(p, date(2027, 2, 8), 14)
    assert remove_hold(held, 3) == p
    with pytest.raises(PlanError, match="not a hold"):
        remove_hold(held, 2)
    with pytest.raises(PlanError, match="there is no step 40"):
        remove_hold(held, 39)


def test_removing_a_hold_moves_a_later_hold_back_with_its_step() -> None:
    p = insert_hold(plan("nardi", "3"), date(2027, 2, 8), 14)
    # The second hold starts with the 0.75 mg step (2027-03-15 once the first hold is in).
    both = insert_hold(p, date(2027, 3, 15), 7)
    assert compute(both).step_at(date(2027, 3, 15)).daily_ug == 750  # type: ignore[union-attr]
    only_second = remove_hold(both, 3)
    s = compute(only_second)
    hold = [st for st in s.steps if st.kind == "hold"]
    assert [(h.start, h.daily_ug) for h in hold] == [(date(2027, 3, 1), 750)]


def test_back_step_returns_to_the_previous_dose_with_a_reason() -> None:
    p = plan("nardi", "3")
    b = back_step(p, date(2027, 2, 3), 5, "  could not sleep  ")
    s = compute(b)
    assert table(s)[2:5] == [
        ("2027-02-01", 2, "1.5", "taper"),
        ("2027-02-03", 5, "2", "back-step"),
        ("2027-02-08", 12, "1.5", "taper"),
    ]
    assert "could not sleep" in s.steps[3].rationale and "ASAM" in s.steps[3].source
    with pytest.raises(PlanError, match="needs a reason"):
        back_step(p, date(2027, 2, 3), 5, "   ")
    with pytest.raises(PlanError, match="outside the plan"):
        back_step(p, date(2026, 12, 1), 5, "why")


def test_set_step_dose_replans_later_steps_by_the_same_rule() -> None:
    p = plan("nardi", "3")
    edited = set_step_dose(p, 1, 1750)  # step 2: 2 -> 1.75 mg
    s = compute(edited)
    # From 1.75 the Nardi rule gives 1.25, then 1 (the cut stops at 1), then weekly.
    assert [r[2] for r in table(s)] == ["2.5", "1.75", "1.25", "1", "0.75", "0.5", "0.25"]
    assert s.steps[1].pinned and not s.steps[2].pinned
    assert "set by the clinician" in s.steps[1].rationale
    assert edited.edits == (Pin(2, 1750, None),)


def test_pinned_steps_stay_as_set_when_an_earlier_step_changes() -> None:
    p = set_step_dose(plan(make_protocol("percent-current", percent="10", every_days=14), "3"),
                      4, 1000)
    assert compute(p).steps[4].daily_ug == 1000
    p2 = set_step_dose(p, 0, 2500)
    s = compute(p2)
    assert s.steps[0].daily_ug == 2500 and s.steps[4].daily_ug == 1000
    # Steps 2-4 re-plan from 2.5 mg: 2.25, 2, 1.75; step 6 re-plans from the pinned 1 mg.
    assert [st.daily_ug for st in s.steps[1:4]] == [2250, 2000, 1750]
    assert s.steps[5].daily_ug == 750


def test_set_step_dose_zero_ends_the_plan_and_bad_rows_are_refused() -> None:
    p = plan("nardi", "3")
    assert len(compute(set_step_dose(p, 3, 0)).steps) == 3
    held = insert_hold(p, date(2027, 2, 8), 7)
    with pytest.raises(PlanError, match="a hold keeps the dose"):
        set_step_dose(held, 3, 1000)
    with pytest.raises(PlanError, match="0 mg or more"):
        set_step_dose(p, 1, -5)
    with pytest.raises(PlanError, match="no step 8"):
        set_step_dose(p, 7, 500)
    back = back_step(p, date(2027, 2, 3), 5, "x")
    with pytest.raises(PlanError, match="remove it"):
        set_step_dose(back, 3, 1000)


def test_set_step_days_moves_everything_after() -> None:
    p = plan("nardi", "3")
    s0 = compute(p)
    s = compute(set_step_days(p, 1, 21))
    assert s.steps[1].days == 21
    assert [(st.daily_ug, st.days) for st in s.steps[2:]] == [
        (st.daily_ug, st.days) for st in s0.steps[2:]
    ]
    assert s.stop_date == s0.stop_date + timedelta(days=7)
    with pytest.raises(PlanError, match="whole number from 1 to 365"):
        set_step_days(p, 1, 0)


@pytest.mark.parametrize(("row", "days"), [(2, 3), (2, 10), (4, 3), (4, 12), (3, 20), (3, 1)])
def test_set_step_days_on_a_step_split_by_a_hold_changes_only_that_row(row: int, days: int) -> None:
    # Step 3 (1.5 mg) is split by a hold: 7 days before, the 14-day hold, 7 days after.
    p = insert_hold(plan("nardi", "3"), date(2027, 2, 8), 14)
    p = insert_hold(p, date(2027, 3, 22), 7)  # a later hold, in the 0.75 mg step
    before = compute(p)
    after = compute(set_step_days(p, row, days))
    assert after.steps[row].days == days
    same = [(st.kind, st.daily_ug, st.days) for st in before.steps]
    same[row] = (before.steps[row].kind, before.steps[row].daily_ug, days)
    assert [(st.kind, st.daily_ug, st.days) for st in after.steps] == same


def test_update_plan_and_set_protocol_validate() -> None:
    p = plan("nardi", "3")
    assert update_plan(p, start_ug=2000).start_ug == 2000
    with pytest.raises(PlanError, match="cannot change"):
        update_plan(p, edits=())
    with pytest.raises(PlanError, match="unknown split"):
        update_plan(p, split="twice")
    with pytest.raises(PlanError, match="more than 0"):
        update_plan(p, start_ug=0)
    with pytest.raises(PlanError, match="not plausible"):
        update_plan(p, start_ug=300_000)
    new = set_protocol(p, make_protocol("fixed", step_ug=500, every_days=7))
    assert [st.daily_ug for st in compute(new).steps] == [2500, 2000, 1500, 1000, 500]


def test_holds_outside_the_plan_and_bad_lengths_are_refused() -> None:
    p = plan("nardi", "3")
    with pytest.raises(PlanError, match="outside the plan"):
        insert_hold(p, date(2027, 3, 22), 7)  # the stop date: no dose left to hold
    with pytest.raises(PlanError, match="outside the plan"):
        insert_hold(p, date(2027, 1, 3), 7)
    with pytest.raises(PlanError, match="1 to 365"):
        insert_hold(p, date(2027, 2, 1), 0)
    with pytest.raises(PlanError, match="slower pace"):
        insert_hold(p, date(2027, 2, 1), 7, stretch_percent=50)
    with pytest.raises(PlanError, match="not in the plan"):
        remove_edit(p, 0)


def test_snap_dose_for_dragging() -> None:
    p = plan("nardi", "3")
    assert [snap_dose(p, u) for u in (1100, 1130, -50, 100, 125, 130)] == [
        1000, 1250, 0, 0, 250, 250
    ]


def test_a_hold_adds_exactly_its_length_worked_example() -> None:
    p = plan(custom(("2", 10), ("1", 10)), "3")
    held = insert_hold(p, date(2027, 1, 9), 4)
    a, b = doses_by_day(compute(p)), doses_by_day(compute(held))
    assert b == a[:5] + [2000] * 4 + a[5:]
