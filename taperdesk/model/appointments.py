"""Appointments (a visit or a phone check-in) and the check-ins TaperDesk proposes.

SPEC "Symptoms and holds", check-ins: withdrawal from clonazepam is felt most 1-4
days after a reduction (US clonazepam label) and the taper is monitored at each
reduction (ASAM 2025). TaperDesk proposes a phone check-in on day 2 after every
cut and an assessment at least weekly while the dose is falling; both numbers are
labelled, editable TaperDesk defaults.
"""

from __future__ import annotations

from datetime import date, time, timedelta
from enum import Enum

from taperdesk.model.record import record
from taperdesk.model.schedule import Schedule
from taperdesk.model.units import format_mg

CHECKIN_DAY_AFTER_CUT = 2
"""TaperDesk default (editable): the check-in falls this many days after each cut."""
ASSESSMENT_EVERY_DAYS = 7
"""TaperDesk default (editable): at least one assessment this often while the dose falls."""
CHECKIN_SOURCE = ("US clonazepam label: withdrawal felt most 1-4 days after a reduction; "
                  "ASAM 2025: monitor at each reduction")
MAX_APPOINTMENT_NOTE = 500


class Kind(Enum):
    VISIT = "visit"
    PHONE = "phone"

    @property
    def label(self) -> str:
        return "Visit" if self is Kind.VISIT else "Phone check-in"


@record
class Appointment:
    on: date
    at: time | None = None
    """The time of day, or None for 'some time that day'."""
    kind: Kind = Kind.VISIT
    note: str = ""

    def describe(self) -> str:
        """'Phone check-in Wed 10 Feb 2027 at 10:30'."""
        when = f" at {self.at:%H:%M}" if self.at is not None else ""
        return f"{self.kind.label} {self.on:%a %d %b %Y}{when}"


@record
class DoseChange:
    """A day on which the daily dose differs from the day before (the stop included)."""

    on: date
    before_ug: int
    after_ug: int

    @property
    def cut(self) -> bool:
        return self.after_ug < self.before_ug


def dose_changes(schedule: Schedule) -> tuple[DoseChange, ...]:
    """Every change of the daily dose: the plan's first step, each later change, the stop."""
    out: list[DoseChange] = []
    prev = schedule.start_ug
    for step in schedule.steps:
        if step.daily_ug != prev:
            out.append(DoseChange(step.start, prev, step.daily_ug))
            prev = step.daily_ug
    if prev != 0:
        out.append(DoseChange(schedule.stop_date, prev, 0))
    return tuple(out)


def propose_checkins(
    schedule: Schedule,
    *,
    today: date | None = None,
    day_after: int = CHECKIN_DAY_AFTER_CUT,
    every_days: int = ASSESSMENT_EVERY_DAYS,
) -> list[Appointment]:
    """A phone check-in ``day_after`` days after each cut (the stop too), and a visit to
    assess wherever ``every_days`` would pass without a contact while the dose falls.

    Nothing is proposed before ``today``. The clinician accepts them all or edits them.
    """
    checkins = [Appointment(c.on + timedelta(days=day_after), None, Kind.PHONE,
                            f"Check-in {day_after} days after the change to "
                            f"{format_mg(c.after_ug)} mg/day (TaperDesk default)")
                for c in dose_changes(schedule) if c.cut]
    out: list[Appointment] = []
    last = schedule.plan.start
    for a in checkins:
        while (a.on - last).days > every_days and last + timedelta(days=every_days) < \
                schedule.stop_date:
            last = last + timedelta(days=every_days)
            out.append(Appointment(last, None, Kind.VISIT,
                                   f"Assessment (at least every {every_days} days while the "
                                   "dose falls; TaperDesk default)"))
        out.append(a)
        last = a.on
    return [a for a in out if today is None or a.on >= today]


def appointment_problem(
    a: Appointment,
    *,
    today: date,
    others: tuple[Appointment, ...] = (),
    archived: bool = False,
) -> str:
    """Why this appointment cannot be booked ('' when it can): in the past, overlapping
    another of the patient's (same date and time), for an archived patient, a long note."""
    if archived:
        return "The patient is archived; bring them back from the archive to book."
    if a.on < today:
        return f"{a.on:%a %d %b %Y} is in the past; choose today or a later day."
    if len(a.note) > MAX_APPOINTMENT_NOTE:
        return f"The note is longer than {MAX_APPOINTMENT_NOTE} characters."
    for o in others:
        if o.on == a.on and o.at == a.at:
            when = f"at {a.at:%H:%M}" if a.at is not None else "with no time set"
            return f"There is already a {o.kind.label.lower()} on {a.on:%a %d %b %Y} {when}."
    return ""


def appointment_warning(a: Appointment, stop: date | None) -> str:
    """A note (not a refusal) when the appointment falls on or after the plan's stop date."""
    if stop is not None and a.on >= stop:
        return (f"This is on or after the plan's stop date ({stop:%a %d %b %Y}): "
                "a follow-up after the last dose.")
    return ""
