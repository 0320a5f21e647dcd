"""Today's rules (model/today.py) and the check-ins the model proposes (model/appointments.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time, timedelta

from model_helpers import START, plan

from taperdesk.model import Hold, compute
from taperdesk.model.appointments import (
    CHECKIN_DAY_AFTER_CUT,
    CHECKIN_SOURCE,
    Appointment,
    Kind,
    appointment_problem,
    appointment_warning,
    dose_changes,
    propose_checkins,
)
from taperdesk.model.today import PatientDay, Reason, today_items

NARDI = compute(plan("nardi", "3"))  # 3 -> 2.5 -> 2 ... every 2 weeks, from START


def day_of(p: PatientDay, day: date) -> list[tuple[Reason, date]]:
    return [(i.reason, i.on) for i in today_items(day, [p])]


def patient(schedule=NARDI, **kw) -> PatientDay:  # type: ignore[no-untyped-def]
    base = dict(patient_id=1, name="Ana Costa", clinic_id="C1", plan_id=10,
                start=schedule.plan.start, stop=schedule.stop_date,
                changes=dose_changes(schedule), last_assessment=None)
    base.update(kw)
    return PatientDay(**base)  # type: ignore[arg-type]


def test_dose_changes_start_every_cut_and_the_stop() -> None:
    changes = dose_changes(NARDI)
    assert changes[0].on == START and changes[0].before_ug == 3000
    assert changes[0].after_ug == 2500
    assert changes[-1].on == NARDI.stop_date and changes[-1].after_ug == 0
    assert all(c.cut for c in changes)
    assert len(changes) == len({c.on for c in changes})


def test_a_plan_starting_today_is_a_step_change_today_and_assessment_due() -> None:
    items = day_of(patient(), START)
    assert (Reason.STEP_CHANGE, START) in items
    assert (Reason.ASSESSMENT_DUE, START) in items
    assert (Reason.CHECK_IN, START) not in items


def test_dose_changes_in_the_next_seven_days_but_not_the_eighth() -> None:
    cut = START + timedelta(days=14)
    assert (Reason.STEP_CHANGE, cut) in day_of(patient(), cut - timedelta(days=7))
    assert (Reason.STEP_CHANGE, cut) not in day_of(patient(), cut - timedelta(days=8))


def test_check_in_on_day_two_after_each_cut_unless_an_appointment_is_booked() -> None:
    cut = START + timedelta(days=14)
    on = cut + timedelta(days=CHECKIN_DAY_AFTER_CUT)
    assert (Reason.CHECK_IN, on) in day_of(patient(), on)
    assert Reason.CHECK_IN not in {r for r, _d in day_of(patient(), on + timedelta(days=1))}
    booked = patient(appointments=(Appointment(on, time(10, 0), Kind.PHONE, "call"),))
    assert [r for r, _d in day_of(booked, on) if r in (Reason.CHECK_IN, Reason.APPOINTMENT)] \
        == [Reason.APPOINTMENT]
    assert "Phone check-in at 10:00: call" in today_items(on, [booked])[0].detail \
        or any("10:00" in i.detail for i in today_items(on, [booked]))


def test_a_cut_at_a_holds_end_is_a_change_on_its_moved_day_only() -> None:
    cut = NARDI.steps[1].start
    hold_on = cut - timedelta(days=1)  # the step's last day: the cut follows the hold
    held = compute(replace(NARDI.plan, edits=(Hold(hold_on, 7, reason="symptoms"),)))
    hold = held.step_at(hold_on)
    assert hold is not None and hold.kind == "hold"
    moved = cut + timedelta(days=7)
    p = patient(held)
    for quiet in (hold_on, hold.end, hold.end + timedelta(days=1)):
        assert (Reason.STEP_CHANGE, quiet) not in day_of(p, quiet)
    assert (Reason.STEP_CHANGE, moved) in day_of(p, moved)
    assert (Reason.CHECK_IN, cut + timedelta(days=2)) not in day_of(p, cut + timedelta(days=2))
    assert (Reason.CHECK_IN, moved + timedelta(days=2)) in day_of(p, moved + timedelta(days=2))


def test_the_stop_day_is_plan_ends_with_no_assessment_due_then_a_check_in() -> None:
    stop = NARDI.stop_date
    items = day_of(patient(), stop)
    assert (Reason.PLAN_ENDS, stop) in items
    assert Reason.STEP_CHANGE not in {r for r, _d in items}
    assert Reason.ASSESSMENT_DUE not in {r for r, _d in items}
    assert (Reason.ASSESSMENT_DUE, stop - timedelta(days=1)) in day_of(patient(), stop
                                                                       - timedelta(days=1))
    assert (Reason.CHECK_IN, stop + timedelta(days=2)) in day_of(patient(), stop
                                                                 + timedelta(days=2))
    detail = [i.detail for i in today_items(stop, [patient()]) if i.reason is Reason.PLAN_ENDS]
    assert "no dose from" in detail[0]


def test_assessment_due_weekly_while_the_dose_falls() -> None:
    day = START + timedelta(days=20)
    seen = patient(last_assessment=day - timedelta(days=6))
    assert Reason.ASSESSMENT_DUE not in {r for r, _d in day_of(seen, day)}
    stale = patient(last_assessment=day - timedelta(days=7))
    assert Reason.ASSESSMENT_DUE in {r for r, _d in day_of(stale, day)}
    before = patient(last_assessment=None)
    assert Reason.ASSESSMENT_DUE not in {r for r, _d in day_of(before, START - timedelta(1))}


def test_red_flags_come_first_then_by_date() -> None:
    flagged = PatientDay(2, "Zoe Young", "C2", 20, red_flags=((date(2027, 1, 1), "Seizure"),))
    no_plan = PatientDay(3, "Ben Adler", "C3", None)
    hold = PatientDay(4, "Eli Ito", "", 40, hold_pending=(START, "CIWA-B total 30"))
    items = today_items(START, [patient(), no_plan, hold, flagged])
    assert items[0].reason is Reason.RED_FLAG and items[0].patient == "Zoe Young"
    assert "Seizure" in items[0].detail and "not acknowledged" in items[0].detail
    reasons = {i.reason for i in items}
    assert {Reason.NO_PLAN, Reason.HOLD_DECISION, Reason.STEP_CHANGE} <= reasons
    dates = [i.on for i in items[1:]]
    assert dates == sorted(dates)
    assert [i.reason for i in items if i.patient_id == 3] == [Reason.NO_PLAN]


def test_every_reason_has_its_code() -> None:
    assert {r.value for r in Reason} == {
        "step-change", "check-in", "assessment-due", "red-flag", "hold-decision", "plan-ends",
        "no-plan", "appointment"}


def test_propose_checkins_day_two_after_every_cut_and_weekly_contacts() -> None:
    proposed = propose_checkins(NARDI)
    phones = [a for a in proposed if a.kind is Kind.PHONE]
    cuts = [c for c in dose_changes(NARDI) if c.cut]
    assert [a.on for a in phones] == [c.on + timedelta(days=2) for c in cuts]
    assert all("TaperDesk default" in a.note for a in proposed)
    ons = [START] + [a.on for a in proposed]
    gaps = [(b - a).days for a, b in zip(ons, ons[1:], strict=False) if b <= NARDI.stop_date]
    assert max(gaps) <= 7
    assert "US clonazepam label" in CHECKIN_SOURCE and "ASAM 2025" in CHECKIN_SOURCE
    later = propose_checkins(NARDI, today=START + timedelta(days=30))
    assert later and min(a.on for a in later) >= START + timedelta(days=30)
    assert [a.on for a in propose_checkins(NARDI, day_after=3) if a.kind is Kind.PHONE][0] \
        == START + timedelta(days=3)


def test_appointment_refusals_say_why() -> None:
    today = START
    a = Appointment(START + timedelta(days=2), time(9, 30), Kind.PHONE)
    assert appointment_problem(a, today=today) == ""
    assert "past" in appointment_problem(replace(a, on=START - timedelta(1)), today=today)
    assert "already" in appointment_problem(a, today=today, others=(a,))
    assert appointment_problem(a, today=today, others=(replace(a, at=time(10)),)) == ""
    assert "archived" in appointment_problem(a, today=today, archived=True)
    assert "stop date" in appointment_warning(replace(a, on=NARDI.stop_date), NARDI.stop_date)
    assert appointment_warning(a, NARDI.stop_date) == ""
