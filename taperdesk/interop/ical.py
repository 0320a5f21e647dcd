"""The plan as an iCalendar file (RFC 5545, the ``icalendar`` library; SPEC.md "Interop").

One all-day event per dose change (``wording.dose_changes``: each change, each hold, the
stop day), each with a reminder the evening before, and one event per appointment.
UIDs are deterministic (the plan key and the change's number), so exporting the same
plan again gives the same UIDs and a calendar updates the events rather than doubling
them; SEQUENCE is the plan's revision.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from icalendar import Alarm, Calendar, Event

from taperdesk import __version__
from taperdesk.interop.wording import dose_changes
from taperdesk.model.appointments import Appointment, Kind
from taperdesk.model.instructions import drug_title
from taperdesk.model.schedule import Schedule
from taperdesk.model.serialize import plan_to_dict

PRODID = f"-//TaperDesk//TaperDesk {__version__}//EN"
REMINDER_BEFORE = timedelta(hours=6)
"""The reminder fires 6 hours before the all-day event's start (midnight): 18:00 the
evening before a change (TaperDesk default, not a clinical number)."""
APPOINTMENT_LENGTH = timedelta(minutes=30)
"""How long a timed appointment shows in the calendar (TaperDesk default)."""


def plan_key(schedule: Schedule, *ids: object) -> str:
    """A stable key for a plan's UIDs: the given ids (patient, plan record) if any, else
    the plan itself (the same plan always gives the same key)."""
    basis = "|".join(str(i) for i in ids) if ids else json.dumps(
        plan_to_dict(schedule.plan), sort_keys=True)
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]


def plan_calendar(
    schedule: Schedule,
    patient_name: str = "",
    *,
    key: str | None = None,
    revision: int = 0,
    appointments: Iterable[Appointment] = (),
    stamp: datetime | None = None,
) -> bytes:
    """The calendar file's bytes. ``key``: see ``plan_key`` (default: from the plan);
    ``stamp``: DTSTAMP (default now, UTC)."""
    key = key or plan_key(schedule)
    stamp = (stamp or datetime.now(UTC)).astimezone(UTC)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    name = f"{drug_title(schedule)} plan" + (f": {patient_name}" if patient_name else "")
    cal.add("x-wr-calname", name)
    for n, change in enumerate(dose_changes(schedule), start=1):
        ev = _event(f"{key}-{n}@taperdesk", stamp, revision, change.summary, change.description)
        ev.add("dtstart", change.on)
        ev.add("dtend", change.on + timedelta(days=1))
        ev.add("transp", "TRANSPARENT")  # a reminder, not a busy day
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("trigger", -REMINDER_BEFORE)
        alarm.add("description", f"Tomorrow: {change.headline}")
        ev.add_component(alarm)
        cal.add_component(ev)
    seen: set[str] = set()
    for a in sorted(appointments, key=lambda a: (a.on, a.at is not None, a.at)):
        ev = _appointment(a, key, stamp, revision, seen)
        cal.add_component(ev)
    return bytes(cal.to_ical())


def _event(uid: str, stamp: datetime, revision: int, summary: str, text: str) -> Event:
    ev = Event()
    ev.add("uid", uid)
    ev.add("dtstamp", stamp)
    ev.add("sequence", revision)
    ev.add("summary", summary)
    ev.add("description", text)
    return ev


CALENDAR_TITLES = {Kind.VISIT: "Clinic visit", Kind.PHONE: "Phone call with the clinic"}
"""An appointment's title in the patient's calendar."""


def _appointment(a: Appointment, key: str, stamp: datetime, revision: int,
                 seen: set[str]) -> Event:
    when = a.at.strftime("%H%M") if a.at else "day"
    base = uid = f"{key}-appt-{a.on:%Y%m%d}-{when}-{a.kind.value}"
    n = 1
    while uid in seen:  # two of a kind at the same time: still one UID each
        n += 1
        uid = f"{base}-{n}"
    seen.add(uid)
    uid += "@taperdesk"
    title = CALENDAR_TITLES[a.kind]
    ev = _event(uid, stamp, revision, title, a.note or title)
    if a.at is None:
        ev.add("dtstart", a.on)
        ev.add("dtend", a.on + timedelta(days=1))
    else:
        # Floating local time: the clinic's and the patient's clock (RFC 5545 form 1).
        start = datetime.combine(a.on, a.at)
        ev.add("dtstart", start)
        ev.add("dtend", start + APPOINTMENT_LENGTH)
    return ev

