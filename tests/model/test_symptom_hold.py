"""Issue 11, rule 1: a symptom hold of N days on date D keeps the dose taken on D for N
days counted from D, so the next change falls on D + N (SPEC.md, "What a symptom hold
holds"), and the sentence the dialog shows states the schedule's true dates.

Property tests over the plans the model accepts (tests/strategies.py) and any date from
before the start to the last dose; worked examples are in test_clinical_rules.py.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from strategies import plans

from taperdesk.model import (
    Plan,
    PlanError,
    Schedule,
    compute,
    describe_symptom_hold,
    format_mg,
    symptom_hold,
    symptom_hold_days,
)

SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


def _day(d: date, on: date) -> str:
    text = f"{d:%a} {d.day} {d:%b}"
    return text if d.year == on.year else f"{text} {d.year}"


def _first_change(s: Schedule, on: date, held: int) -> date:
    """Walk the days from ``on``: the first whose dose is not ``held`` (0 from the stop)."""
    day = on
    while s.dose_on(day) == held:
        day += timedelta(days=1)
    return day


def _change(s: Schedule, when: date, held: int, the: str) -> str:
    ug = s.dose_on(when)
    if ug == 0:
        return ""
    return f"{the} {'cut' if ug < held else 'change'} to {format_mg(ug)} mg"


@st.composite
def cases(draw: st.DrawFn) -> tuple[Plan, date, int]:
    p = draw(plans(max_edits=3))
    stop = compute(p).stop_date
    first = p.start - timedelta(days=40)
    on = first + timedelta(days=draw(st.integers(0, (stop - first).days - 1)))
    return p, on, draw(st.integers(1, 60))


@SETTINGS
@given(cases())
def test_the_dose_taken_on_the_date_is_kept_for_the_days_and_the_sentence_is_true(
        case: tuple[Plan, date, int]) -> None:
    p, on, days = case
    try:
        new = symptom_hold(p, on, days)
    except PlanError:  # e.g. the held plan would run past the 5-year TaperDesk limit
        assume(False)
    before, after = compute(p), compute(new)
    held = before.dose_on(on)
    words = describe_symptom_hold(p, on, days)
    for n in range(1, 41):  # the days before the assessment are untouched
        assert after.dose_on(on - timedelta(days=n)) == before.dose_on(on - timedelta(days=n))
    when = _first_change(after, on, held)
    assert when >= on + timedelta(days=days)  # held on every day from D to D+N-1
    if symptom_hold_days(p, on, days) == 0:
        assert new == p and when == _first_change(before, on, held)
        text = (f"The plan already keeps {format_mg(held)} mg/day until "
                f"{_day(when - timedelta(days=1), on)}; ")
        change = _change(before, when, held, "the next")
        assert words == text + (f"{change} is on {_day(when, on)}" if change
                                else "that is the last dose")
        return
    assert when == on + timedelta(days=days)  # the next change falls on D+N, not later
    # ... and it is the change the plan had next, moved later.
    assert after.dose_on(when) == before.dose_on(_first_change(before, on, held))
    span = f"{days} day{'s' if days != 1 else ''}"
    text = f"Stay on {format_mg(held)} mg/day for {span}, from {_day(on, on)}; "
    change = _change(after, when, held, "the")
    assert words == text + (f"{change} moves to {_day(when, on)}" if change
                            else f"the last dose moves to {_day(when - timedelta(days=1), on)}")
