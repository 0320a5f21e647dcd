"""Property tests of the schedule's invariants (issue 2, "Tests"), on random plans."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from model_helpers import doses_by_day, same_as_from_nothing

from taperdesk.model import (
    SPLITS,
    BackStep,
    Hold,
    Pin,
    Plan,
    PlanError,
    Schedule,
    back_step,
    check,
    compute,
    dispense,
    holds_by_date,
    in_date_order,
    insert_hold,
    make_protocol,
    remove_edit,
    remove_hold,
    set_step_days,
    set_step_dose,
    snap_dose,
)
from taperdesk.model.catalogue import shipped_catalogue
from taperdesk.model.protocols import CustomStep, Protocol
from taperdesk.model.schedule import _compute
from taperdesk.model.serialize import plan_from_dict, plan_to_dict

CAT = shipped_catalogue()
SETS = [("clonazepam", name) for name in CAT.drug("clonazepam").product_sets] + [
    ("diazepam", "tablets"), ("diazepam", "solution-2mg-5ml")
]
SETTINGS = settings(max_examples=100, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


@st.composite
def protocols(draw: st.DrawFn) -> Protocol:
    kind = draw(st.sampled_from(["nardi", "percent-current", "percent-start", "fixed", "custom",
                                 "vissers"]))
    every = draw(st.integers(1, 28))
    if kind in ("percent-current", "percent-start"):
        pct = draw(st.integers(5, 50))
        return make_protocol(kind, percent=str(pct), every_days=every)
    if kind == "fixed":
        return make_protocol(kind, step_ug=draw(st.sampled_from([125, 250, 500, 1000, 2000])),
                             every_days=every)
    if kind == "custom":
        steps = draw(st.lists(st.tuples(st.integers(1, 400).map(lambda n: n * 50),
                                        st.integers(1, 30)), min_size=1, max_size=6))
        steps.sort(key=lambda s: -s[0])
        return make_protocol(kind, custom_steps=tuple(CustomStep(u, d) for u, d in steps))
    return make_protocol(kind)


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    drug, pset = draw(st.sampled_from(SETS))
    start_ug = draw(st.integers(5, 400)) * 50 if drug == "clonazepam" else \
        draw(st.integers(1, 60)) * 500
    p = Plan(
        drug=drug,
        products=CAT.drug(drug).product_sets[pset],
        start_ug=start_ug,
        split=draw(st.sampled_from(list(SPLITS))),
        start=date(2027, 1, 1) + timedelta(days=draw(st.integers(0, 800))),
        protocol=draw(protocols()),
        allow_quarters=draw(st.booleans()),
    )
    assume(accepted(p))  # compute refuses absurd plans (model/limits.py): tested below
    return p


def accepted(p: Plan) -> bool:
    try:
        compute(p)
    except PlanError:
        return False
    return True


def attempt(op, p: Plan, *args, **kwargs) -> Plan:  # type: ignore[no-untyped-def]
    """``op(p, ...)``, or the plan unchanged when the model refuses the edit (e.g. a hold
    that would take the plan past the 5-year TaperDesk limit)."""
    try:
        new = op(p, *args, **kwargs)
        compute(new)
    except PlanError:
        return p
    return new


def day_in(s: Schedule, fraction: float) -> date:
    return s.plan.start + timedelta(days=min(int(fraction * s.total_days), s.total_days - 1))


@st.composite
def held_plans(draw: st.DrawFn) -> Plan:
    """A plan with 0-2 holds or back-steps already in it."""
    p = draw(plans())
    for _ in range(draw(st.integers(0, 2))):
        s = compute(p)
        if not s.steps:
            break
        on = day_in(s, draw(st.floats(0, 1)))
        days = draw(st.integers(1, 21))
        if draw(st.booleans()):
            p = attempt(insert_hold, p, on, days)
        else:  # refused (no higher previous dose there): keep the plan
            p = attempt(back_step, p, on, days, "test")
    return p


@SETTINGS
@given(held_plans())
def test_steps_cover_consecutive_days_without_gap_or_overlap(p: Plan) -> None:
    s = compute(p)
    day = p.start
    for row, step in enumerate(s.steps):
        assert step.row == row and step.days >= 1 and step.start == day
        day = step.next_start
    assert s.stop_date == day
    assert s.total_days == sum(step.days for step in s.steps)


@SETTINGS
@given(held_plans(), st.floats(0, 1), st.integers(1, 60))
def test_a_hold_adds_its_length_and_changes_no_dose_outside_it(
    p: Plan, where: float, n: int
) -> None:
    s = compute(p)
    if not s.steps:
        return
    h = day_in(s, where)
    held_plan = attempt(insert_hold, p, h, n)
    assume(held_plan != p)  # not past the 5-year limit
    held = compute(held_plan)
    assert held.stop_date == s.stop_date + timedelta(days=n)
    k = (h - p.start).days
    before, after = doses_by_day(s), doses_by_day(held)
    assert after[:k] == before[:k]
    assert after[k : k + n] == [before[k]] * n
    assert after[k + n :] == before[k:]


@SETTINGS
@given(held_plans())
def test_every_dose_is_made_of_the_chosen_products_or_flagged(p: Plan) -> None:
    s = compute(p)
    flagged = {w.rows[0] for w in check(s) if w.code == "dose-not-makeable" and w.rows}
    first_rows: dict[int, int] = {}
    for step in s.steps:
        if step.kind == "taper":
            first_rows.setdefault(step.taper_no, step.row)
        assert sum(d.ug for d in step.doses) == step.daily_ug
        for d in step.doses:
            assert d.made.exact and d.ug > 0
            assert {u.product.id for u in d.units} <= set(p.products)
            assert sum(u.ug for u in d.units) == d.ug
            for u in d.units:
                if u.product.is_liquid:
                    assert u.ml * 10 == int(u.ml * 10)
                elif not u.product.splittable:
                    assert u.count == int(u.count)
        if step.daily_ug != step.requested_ug:
            assert first_rows[step.taper_no] in flagged


@SETTINGS
@given(held_plans(), st.floats(0, 1), st.integers(1, 60))
def test_dispensed_totals_equal_the_doses_taken_halves_rounded_up(
    p: Plan, where: float, length: int
) -> None:
    s = compute(p)
    if not s.steps:
        return
    first = day_in(s, where)
    last = first + timedelta(days=length - 1)
    got = dispense(s, first, last)
    taken_ug = sum(s.dose_on(first + timedelta(days=i)) for i in range(length))
    assert sum(
        d.taken * (d.product.ug_per_ml if d.product.is_liquid else d.product.strength_ug)
        for d in got
    ) == taken_ug
    for d in got:
        if d.product.is_liquid:
            assert d.dispense == d.taken
        else:
            assert d.dispense == Decimal(math.ceil(d.taken)) and d.dispense - d.taken < 1


@SETTINGS
@given(held_plans())
def test_the_last_dose_before_stop_is_checked_by_abrupt_stop(p: Plan) -> None:
    s = compute(p)
    last = s.steps[-1].daily_ug if s.steps else s.start_ug
    fired = [w for w in check(s) if w.code == "abrupt-stop"]
    assert bool(fired) == (last > s.formulary.smallest_ug)


@SETTINGS
@given(held_plans())
def test_the_same_plan_always_gives_the_same_schedule(p: Plan) -> None:
    a = compute(p)
    _compute.cache_clear()
    b = compute(Plan(**{f: getattr(p, f) for f in p.__dataclass_fields__}))
    assert a is not b
    assert a.steps == b.steps and a.stop_date == b.stop_date and a.notes == b.notes


@SETTINGS
@given(plans(), st.data())
def test_doses_never_increase_unless_a_pin_or_back_step_says_so(
    p: Plan, data: st.DataObject
) -> None:
    s = compute(p)
    if s.steps and p.protocol.id != "custom" and data.draw(st.booleans()):
        row = data.draw(st.integers(0, len(s.steps) - 1))
        p = attempt(set_step_dose, p, row, data.draw(st.integers(1, 80)) * 250)
    if compute(p).steps and data.draw(st.booleans()):
        s = compute(p)
        p = attempt(back_step, p, day_in(s, data.draw(st.floats(0, 1))), 7, "test")
    s = compute(p)
    pinned = {e.taper_no for e in p.edits if isinstance(e, Pin) and e.ug is not None}
    prev = s.start_ug
    for step in s.steps:
        if step.kind != "taper":
            continue
        if step.daily_ug > prev:
            assert step.taper_no in pinned or p.protocol.id == "custom"
        prev = step.daily_ug


@SETTINGS
@given(plans(), st.floats(0, 1), st.integers(1, 30), st.data())
def test_set_step_days_changes_only_the_edited_row(
    p: Plan, where: float, n: int, data: st.DataObject
) -> None:
    s = compute(p)
    held = attempt(insert_hold, p, day_in(s, where), n)
    assume(held != p)
    p, s = held, compute(held)
    row = data.draw(st.integers(0, len(s.steps) - 1))
    days = data.draw(st.integers(1, 60))
    if s.steps[row].kind == "taper":
        total = sum(x.days for x in s.steps if x.taper_no == s.steps[row].taper_no
                    and x.kind == "taper") - s.steps[row].days + days
        if total > 365:
            return
    edited = attempt(set_step_days, p, row, days)
    assume(edited != p or days == s.steps[row].days)
    after = compute(edited)
    expect = [(x.kind, x.daily_ug, x.days) for x in s.steps]
    expect[row] = (expect[row][0], expect[row][1], days)
    assert [(x.kind, x.daily_ug, x.days) for x in after.steps] == expect


@SETTINGS
@given(plans(), st.floats(0, 1), st.integers(1, 30))
def test_removing_a_hold_gives_back_the_plan(p: Plan, where: float, n: int) -> None:
    s = compute(p)
    held = attempt(insert_hold, p, day_in(s, where), n)
    assume(held != p)
    row = next(x.row for x in compute(held).steps if x.kind == "hold")
    assert remove_hold(held, row) == p


@SETTINGS
@given(held_plans())
def test_plans_round_trip_through_dicts(p: Plan) -> None:
    assert plan_from_dict(plan_to_dict(p)) == p


@SETTINGS
@given(plans(), st.lists(st.tuples(st.floats(0, 1), st.integers(1, 365)), max_size=8))
def test_any_plan_compute_accepts_is_within_the_step_and_year_limits(
    p: Plan, holds: list[tuple[float, int]]
) -> None:
    """Issue 11, rule 4: whatever the edits, an accepted plan has at most MAX_STEPS rows,
    ends within MAX_PLAN_YEARS years, and has at least one reduced dose."""
    from taperdesk.model.limits import MAX_STEPS, last_stop

    for where, n in holds:
        s = compute(p)
        p = replace(p, edits=p.edits + (Hold(day_in(s, where), n),))
        try:
            s = compute(p)
        except PlanError as exc:
            assert "5 years" in str(exc) or "steps" in str(exc)
            return
        assert 1 <= len(s.steps) <= MAX_STEPS
        assert s.stop_date <= last_stop(p.start)


@SETTINGS
@given(held_plans(), st.floats(0, 1), st.integers(1, 60))
def test_holds_in_date_order_give_the_window_s_schedule(
    p: Plan, where: float, n: int
) -> None:
    """A plan file lists holds in date order; the window's edit order gives the same doses."""
    s = compute(p)
    # A hold made last but earlier in the plan: the window's edit order moves the rest.
    p = attempt(insert_hold, p, day_in(s, where / 2), n)
    try:
        same = in_date_order(p)
    except PlanError as exc:  # only a hold on a back-step's first day cannot be reordered
        assert any(isinstance(e, BackStep) for e in p.edits) and "back-step" in str(exc)
        return
    assert holds_by_date(same) == same
    assert doses_by_day(compute(same)) == doses_by_day(compute(p))


def window_edits(p: Plan, data: st.DataObject) -> list[Plan]:
    """The plans a clinician's random run of window edits shows, one after another: doses
    and lengths typed in the table, drags (a stream of previews of one step from the plan
    the drag started on), holds, back-steps and removed edits (pins too)."""
    shown = [p]
    for _ in range(data.draw(st.integers(1, 6), label="edits")):
        p = shown[-1]
        s = compute(p)
        row = data.draw(st.integers(0, len(s.steps) - 1), label="row")
        what = data.draw(st.sampled_from(["dose", "drag", "days", "hold", "back-step",
                                          "remove"]), label="edit")
        top = 2 * max(s.start_ug, 1)
        if what == "dose":
            shown.append(attempt(set_step_dose, p, row, data.draw(st.integers(0, top))))
        elif what == "drag":
            for _move in range(data.draw(st.integers(1, 8), label="moves")):
                ug = snap_dose(p, data.draw(st.integers(0, top)))
                shown.append(attempt(set_step_dose, p, row, ug))
            if data.draw(st.booleans(), label="let go where it began"):
                shown.append(p)
        elif what == "days":
            shown.append(attempt(set_step_days, p, row, data.draw(st.integers(1, 60))))
        elif what == "hold":
            shown.append(attempt(insert_hold, p, s.steps[row].start, data.draw(
                st.integers(1, 21)), stretch_percent=data.draw(st.sampled_from([100, 150]))))
        elif what == "back-step":
            shown.append(attempt(back_step, p, s.steps[row].start, 7, "test"))
        else:
            shown.append(attempt(remove_edit, p, data.draw(
                st.integers(0, len(p.edits) - 1), label="edit removed")) if p.edits else p)
    return shown


@SETTINGS
@given(held_plans(), st.data())
def test_re_planning_after_each_edit_gives_what_computing_from_nothing_gives(
    p: Plan, data: st.DataObject
) -> None:
    """compute re-plans incrementally (from the first step whose pins changed, with cached
    protocol steps): after any run of edits, every schedule shown is the full one."""
    assert same_as_from_nothing(window_edits(p, data)) >= 2


def test_a_drag_late_in_the_plan_keeps_the_notes_made_before_the_step() -> None:
    """A re-plan from a late step reuses the earlier steps and the notes they made: here
    percent-current's "smaller cuts need other products" for the 0.5 mg/5 mL solution,
    made before the dragged step, beside the one its later cuts make again."""
    p = Plan("clonazepam", CAT.drug("clonazepam").product_sets["solution-2mg-5ml"], 4000,
             "night", date(2027, 1, 4),
             make_protocol("percent-current", percent="10", every_days=14))
    s = compute(p)
    assert len(s.notes) == 2 and all(n.startswith("Smaller cuts") for n in s.notes)
    late = s.steps[-2]
    dragged = [set_step_dose(p, late.row, late.daily_ug + ug) for ug in (0, 80, 160, -40)]
    assert all(compute(d).notes == s.notes for d in dragged)
    assert same_as_from_nothing([p, *dragged]) == 5


@SETTINGS
@given(held_plans())
def test_every_step_compute_makes_is_the_step_its_fields_make(p: Plan) -> None:
    """compute builds its rows without the dataclass __init__ (model/schedule.py,
    _new_step): each is still exactly Step(...) of its own fields, no field missing."""
    from dataclasses import fields

    from taperdesk.model.schedule import Step

    for s in compute(p).steps:
        made = Step(**{f.name: getattr(s, f.name) for f in fields(Step)})
        assert s == made and hash(s) == hash(made) and vars(s).keys() >= vars(made).keys()
        assert (s.end, s.next_start) == (made.end, made.next_start)


def test_a_step_is_never_made_with_a_field_missing() -> None:
    import pytest

    from taperdesk.model.schedule import _new_step

    with pytest.raises(TypeError, match="exactly its fields"):
        _new_step(row=0, start=date(2027, 1, 4), days=7)
