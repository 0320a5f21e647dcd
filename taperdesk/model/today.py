"""Today: who needs the clinic today, across every active patient (SPEC "The clinic's day").

``today_items`` is a pure function of plain per-patient facts (``PatientDay``) that the
records gather in a few queries (the dose changes of each plan are kept precomputed),
so it stays fast for 10 000 patients. Red flags come first, then by date.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from enum import Enum
from functools import lru_cache, partial
from typing import Any, NamedTuple

from taperdesk.model.appointments import (
    ASSESSMENT_EVERY_DAYS,
    CHECKIN_DAY_AFTER_CUT,
    Appointment,
    DoseChange,
    Kind,
    dose_changes,
)
from taperdesk.model.daily import TimedDose
from taperdesk.model.record import record
from taperdesk.model.scales import Assessment
from taperdesk.model.schedule import Schedule
from taperdesk.model.units import format_mg

WEEK_AHEAD_DAYS = 7
"""Dose changes and plan ends 'today and in the next 7 days' (SPEC: today and this week)."""


class Reason(Enum):
    RED_FLAG = "red-flag"
    STEP_CHANGE = "step-change"
    CHECK_IN = "check-in"
    ASSESSMENT_DUE = "assessment-due"
    HOLD_DECISION = "hold-decision"
    PLAN_ENDS = "plan-ends"
    NO_PLAN = "no-plan"
    APPOINTMENT = "appointment"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    Reason.RED_FLAG: "Red flag", Reason.STEP_CHANGE: "Dose change",
    Reason.CHECK_IN: "Check-in", Reason.ASSESSMENT_DUE: "Assessment due",
    Reason.HOLD_DECISION: "Hold to decide", Reason.PLAN_ENDS: "Plan ends",
    Reason.NO_PLAN: "No plan", Reason.APPOINTMENT: "Appointment",
}
_ORDER = {r: i for i, r in enumerate(Reason)}


class PatientDay(NamedTuple):
    """What Today needs to know of one active patient (a named tuple: made by the
    thousand on every read of Today)."""

    patient_id: int
    name: str
    clinic_id: str = ""
    plan_id: int | None = None
    start: date | None = None
    stop: date | None = None
    """The plan's first day and its stop date (the first day with no dose)."""
    changes: tuple[DoseChange, ...] = ()
    """The plan's dose changes near the day (at least from day - check-in day to + 7)."""
    last_assessment: date | None = None
    red_flags: tuple[tuple[date, str], ...] = ()
    """Unacknowledged red flags: (assessment date, what was flagged)."""
    hold_pending: tuple[date, str] | None = None
    """An assessment at the hold threshold with no decision recorded: (date, why)."""
    appointments: tuple[Appointment, ...] = ()
    """The patient's appointments on the day."""


class TodayItem(NamedTuple):
    """One line of Today. A named tuple whose ``detail`` is worded when it is read: 10 000
    patients make thousands of items, of which a window shows a screenful."""

    patient_id: int
    patient: str
    clinic_id: str
    reason: Reason
    on: date
    """The date the item is about (the change, the assessment, the appointment)."""
    facts: tuple[Any, ...] = ()
    """What ``detail`` is worded from (a DoseChange, an Appointment, a date...)."""

    @property
    def detail(self) -> str:
        return self.worded(ENGLISH)

    def worded(self, wording: Wording) -> str:
        """The detail in ``wording``'s language (``detail``: in English)."""
        return _WORDS[self.reason](wording, *self.facts)


def today_items(
    day: date,
    patients: list[PatientDay] | tuple[PatientDay, ...],
    *,
    checkin_day: int = CHECKIN_DAY_AFTER_CUT,
    every_days: int = ASSESSMENT_EVERY_DAYS,
) -> list[TodayItem]:
    """Every item of ``day``, red flags first, then by date, reason and patient."""
    ahead = day + timedelta(days=WEEK_AHEAD_DAYS)
    checkin_cut = day - timedelta(days=checkin_day)
    keyed: list[tuple[bool, date, int, str, int, int, TodayItem]] = []
    add = keyed.append  # (red flags last?, date, reason's rank, name, id, order made, item)
    red, hold, appt, none = (Reason.RED_FLAG, Reason.HOLD_DECISION, Reason.APPOINTMENT,
                             Reason.NO_PLAN)
    ends, step, checkin, due = (Reason.PLAN_ENDS, Reason.STEP_CHANGE, Reason.CHECK_IN,
                                Reason.ASSESSMENT_DUE)
    # Each reason's rank as a plain int, looked up once (an Enum's hash is Python code).
    r_red, r_hold, r_appt, r_none, r_ends, r_step, r_checkin, r_due = (
        _ORDER[r] for r in (red, hold, appt, none, ends, step, checkin, due))
    item = partial(tuple.__new__, TodayItem)  # every field given: no Python-level __new__
    for p in patients:
        key, pid, name, cid = p.name.casefold(), p.patient_id, p.name, p.clinic_id
        for on, what in p.red_flags:
            add((False, on, r_red, key, pid, len(keyed),
                 item((pid, name, cid, red, on, (what, on)))))
        if p.hold_pending is not None:
            on, why = p.hold_pending
            add((True, on, r_hold, key, pid, len(keyed),
                 item((pid, name, cid, hold, on, (why,)))))
        for a in p.appointments:
            add((True, a.on, r_appt, key, pid, len(keyed),
                 item((pid, name, cid, appt, a.on, (a,)))))
        if p.plan_id is None:
            add((True, day, r_none, key, pid, len(keyed),
                 item((pid, name, cid, none, day, ()))))
            continue
        booked = {a.on for a in p.appointments} if p.appointments else ()
        for c in p.changes:
            on = c.on
            if day <= on <= ahead:
                if c.after_ug == 0:
                    add((True, on, r_ends, key, pid, len(keyed),
                         item((pid, name, cid, ends, on, (c,)))))
                else:
                    add((True, on, r_step, key, pid, len(keyed),
                         item((pid, name, cid, step, on, (c, day)))))
            if on == checkin_cut and c.after_ug < c.before_ug and day not in booked:
                add((True, day, r_checkin, key, pid, len(keyed),
                     item((pid, name, cid, checkin, day, (c, checkin_day)))))
        if p.start is not None and p.stop is not None and p.start <= day < p.stop:
            last = p.last_assessment
            if last is None or (day - last).days >= every_days:
                add((True, day, r_due, key, pid, len(keyed),
                     item((pid, name, cid, due, day, (last,)))))
    keyed.sort()  # red flags first, then date, reason, patient (the 6th: the order made)
    return [k[-1] for k in keyed]


class Wording(NamedTuple):
    """How a detail is worded: ``text`` turns each English template of ``TEMPLATES`` into
    the language's, ``short`` writes a date ('Mon 08 Feb'), ``kind`` an appointment's kind.
    The model words in English (``ENGLISH``); the window passes its own language
    (ui/today_words.py), so both say the same from the same facts."""

    text: Callable[[str], str]
    short: Callable[[date], str]
    kind: Callable[[Kind], str]


def _plan_ends(w: Wording, c: DoseChange) -> str:
    return w.text("Last dose {0} ({1} mg/day); no dose from {2}").format(
        w.short(c.on - timedelta(days=1)), _mg(c.before_ug), w.short(c.on))


def _step_change(w: Wording, c: DoseChange, day: date) -> str:
    days = (c.on - day).days
    if days == 0:
        return w.text("{0} → {1} mg/day today").format(_mg(c.before_ug), _mg(c.after_ug))
    if days == 1:
        return w.text("{0} → {1} mg/day tomorrow").format(_mg(c.before_ug), _mg(c.after_ug))
    return w.text("{0} → {1} mg/day in {2} days ({3})").format(
        _mg(c.before_ug), _mg(c.after_ug), days, w.short(c.on))


def _check_in(w: Wording, c: DoseChange, checkin_day: int) -> str:
    return w.text("Day {0} after the change to {1} mg/day on {2} (TaperDesk default)").format(
        checkin_day, _mg(c.after_ug), w.short(c.on))


def _assessment_due(w: Wording, last: date | None) -> str:
    if last is None:
        return w.text("Weekly while the dose falls; none recorded")
    return w.text("Weekly while the dose falls; none since {0}").format(w.short(last))


@lru_cache(maxsize=4096)
def _short(d: date) -> str:
    """'Mon 08 Feb' (many items share a few dates: each is formatted once)."""
    return f"{d:%a %d %b}"


@lru_cache(maxsize=4096)
def _mg(ug: int) -> str:
    return format_mg(ug)


def _appointment_text(w: Wording, a: Appointment) -> str:
    text = w.kind(a.kind)
    if a.at is not None:
        text = w.text("{0} at {1}").format(text, f"{a.at:%H:%M}")
    return f"{text}: {a.note}" if a.note else text


_WORDS: dict[Reason, Callable[..., str]] = {
    Reason.RED_FLAG: lambda w, what, on: w.text("{0} on {1} - not acknowledged").format(
        what, w.short(on)),
    Reason.HOLD_DECISION: lambda w, why: w.text(
        "{0}: the suggested hold is not decided").format(why),
    Reason.APPOINTMENT: _appointment_text,
    Reason.NO_PLAN: lambda w: w.text("No active plan"),
    Reason.PLAN_ENDS: _plan_ends,
    Reason.STEP_CHANGE: _step_change,
    Reason.CHECK_IN: _check_in,
    Reason.ASSESSMENT_DUE: _assessment_due,
}
TEMPLATES = (
    "{0} on {1} - not acknowledged", "{0}: the suggested hold is not decided", "{0} at {1}",
    "No active plan", "Last dose {0} ({1} mg/day); no dose from {2}",
    "{0} → {1} mg/day today", "{0} → {1} mg/day tomorrow", "{0} → {1} mg/day in {2} days ({3})",
    "Day {0} after the change to {1} mg/day on {2} (TaperDesk default)",
    "Weekly while the dose falls; none recorded", "Weekly while the dose falls; none since {0}",
)
"""Every English template a detail is worded from (a translation marks each one)."""
ENGLISH = Wording(str, _short, lambda k: k.label)


# -- the patient header: one patient's day -------------------------------------


@record
class DoseToday:
    """What the patient header says of the plan on one day."""

    daily_ug: int
    doses: tuple[TimedDose, ...]
    """The doses by time of day (empty before the plan starts and after its stop)."""
    before_start: bool
    next_change: DoseChange | None
    days_left: int | None
    """Days from the day to the next change (0: it is today)."""


def dose_today(schedule: Schedule, day: date) -> DoseToday:
    """Today's dose and the next change of the daily dose after ``day`` (the stop included)."""
    step = schedule.step_at(day)
    before = day < schedule.plan.start
    daily = schedule.start_ug if before else schedule.dose_on(day)
    nxt = next((c for c in dose_changes(schedule) if c.on > day), None)
    return DoseToday(daily, step.doses if step is not None else (), before, nxt,
                     (nxt.on - day).days if nxt is not None else None)


@record
class ScoreTrend:
    latest: Assessment
    previous: Assessment | None
    """The assessment before it on the same scale (None: the first on that scale)."""

    @property
    def change(self) -> int | None:
        return None if self.previous is None else self.latest.total - self.previous.total


def score_trend(assessments: list[Assessment] | tuple[Assessment, ...]) -> ScoreTrend | None:
    """The latest assessment and the one before it on the same scale (by date, then the
    order given), or None with no assessment."""
    if not assessments:
        return None
    ordered = sorted(enumerate(assessments), key=lambda p: (p[1].on, p[0]))
    latest = ordered[-1][1]
    previous = next((a for _i, a in reversed(ordered[:-1]) if a.scale_id == latest.scale_id),
                    None)
    return ScoreTrend(latest, previous)
