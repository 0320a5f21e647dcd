"""The calendar export read back with icalendar: every dose change, hold and the stop day
is an all-day event on its date, with its reminder the evening before; UIDs are stable."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from icalendar import Calendar
from plans import ANN, hold_on_a_change, mixed, three_times

from taperdesk.interop.ical import PRODID, plan_calendar, plan_key
from taperdesk.model.appointments import Appointment, Kind
from taperdesk.model.instructions import dose_plain, long_date
from taperdesk.model.schedule import Schedule
from taperdesk.model.units import format_mg

STAMP = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)


def events(data: bytes) -> list:  # type: ignore[type-arg]
    return list(Calendar.from_ical(data).walk("VEVENT"))


def change_days(s: Schedule) -> set[date]:
    """Every day whose daily dose differs from the day before, found day by day."""
    days = {s.plan.start, s.stop_date}
    d = s.plan.start + timedelta(days=1)
    while d <= s.stop_date:
        if s.dose_on(d) != s.dose_on(d - timedelta(days=1)):
            days.add(d)
        d += timedelta(days=1)
    return days


@pytest.mark.parametrize("make", [mixed, three_times, hold_on_a_change])
def test_every_dose_change_hold_and_the_stop_is_an_all_day_event_on_its_date(make) -> None:  # type: ignore[no-untyped-def]
    s = make()
    evs = [e for e in events(plan_calendar(s, ANN.name, stamp=STAMP)) if "appt" not in e["uid"]]
    starts = [e.decoded("dtstart") for e in evs]
    for e, start in zip(evs, starts, strict=True):
        assert type(start) is date, "an all-day event is a DATE, not a date-time"
        assert e["dtstart"].params["VALUE"] == "DATE"
        assert e.decoded("dtend") == start + timedelta(days=1)
    holds = {st.start for st in s.steps if st.kind != "taper"}
    assert set(starts) == change_days(s) | holds
    assert starts == sorted(starts)
    by_day = dict(zip(starts, evs, strict=True))
    for st in s.steps:
        if st.start not in by_day:
            assert st.continued and st.daily_ug == s.steps[st.row - 1].daily_ug
            continue
        e = by_day[st.start]
        summary, text = str(e["summary"]), str(e["description"])
        mg = f"{format_mg(st.daily_ug)} mg a day"
        assert mg in summary and s.drug.name in summary
        for d in st.doses:  # every time of day, in the handout's words
            assert dose_plain(d) in text
        changed = st.row == 0 or s.steps[st.row - 1].daily_ug != st.daily_ug
        if not changed:  # a hold or back-step that keeps today's dose
            assert st.kind != "taper"
            assert "stay on the same dose" in summary and text.startswith("Stay on the same dose")
        elif st.kind == "back-step":
            assert summary.endswith("from today") and f"back to {mg}" in summary
            assert text.startswith(f"From today: back to the previous dose, {mg}")
        else:
            assert summary.endswith("from today") and text.startswith(f"From today: {mg}")
    stop = by_day[s.stop_date]
    assert "no more doses" in str(stop["summary"])
    assert "no more" in str(stop["description"]).lower()


def test_hold_says_until_the_day_before_the_next_change() -> None:
    s = mixed()
    hold = next(e for e in events(plan_calendar(s, stamp=STAMP))
                if "stay on the same dose" in str(e["summary"]))
    # The hold (14 days) is followed by the rest of its step at the same dose: 5 more days.
    assert "until Sun 28 February 2027" in str(hold["description"])
    assert s.dose_on(date(2027, 2, 28)) == s.dose_on(date(2027, 2, 10))
    assert s.dose_on(date(2027, 3, 1)) != s.dose_on(date(2027, 2, 28))


def test_a_hold_that_starts_with_a_new_dose_says_the_new_dose() -> None:
    """The patient lowers the dose that day: 'stay on the same dose' would be wrong."""
    s = hold_on_a_change()
    [hold] = [st for st in s.steps if st.kind == "hold"]
    assert s.dose_on(hold.start) != s.dose_on(hold.start - timedelta(days=1))
    [e] = [e for e in events(plan_calendar(s, stamp=STAMP))
           if e.decoded("dtstart") == hold.start]
    assert str(e["summary"]) == f"Clonazepam: {format_mg(hold.daily_ug)} mg a day from today"
    assert "same dose" not in str(e["description"])
    last = hold.start  # the dose lasts past the hold, through the rest of its step
    while s.dose_on(last + timedelta(days=1)) == s.dose_on(hold.start):
        last += timedelta(days=1)
    assert last > hold.end
    assert f"until {long_date(last)}." in str(e["description"])


def test_a_reminder_the_evening_before_each_change() -> None:
    evs = events(plan_calendar(mixed(), stamp=STAMP))
    for e in evs:
        [alarm] = e.walk("VALARM")
        assert str(alarm["action"]) == "DISPLAY"
        trigger = alarm.decoded("trigger")
        assert trigger == timedelta(hours=-6)
        start = datetime.combine(e.decoded("dtstart"), time())
        assert start + trigger == datetime.combine(e.decoded("dtstart") - timedelta(days=1),
                                                   time(18))
        assert str(alarm["description"]).startswith("Tomorrow: ")


def test_calendar_header_dtstamp_and_stable_unique_uids() -> None:
    s = mixed()
    first = plan_calendar(s, ANN.name, stamp=STAMP)
    again = plan_calendar(s, ANN.name, stamp=STAMP + timedelta(days=3))
    cal = Calendar.from_ical(first)
    assert str(cal["version"]) == "2.0" and str(cal["prodid"]) == PRODID
    uids = [str(e["uid"]) for e in events(first)]
    assert len(set(uids)) == len(uids) and all(u.endswith("@taperdesk") for u in uids)
    assert uids == [str(e["uid"]) for e in events(again)]
    assert all(e.decoded("dtstamp") == STAMP for e in events(first))
    assert all(e.decoded("dtstamp") == STAMP + timedelta(days=3) for e in events(again))
    other = plan_calendar(three_times(), stamp=STAMP)
    assert not set(uids) & {str(e["uid"]) for e in events(other)}
    assert plan_key(s, "MRN-1", "plan3") != plan_key(s, "MRN-1", "plan4")


def test_one_event_per_appointment() -> None:
    appts = [Appointment(date(2027, 1, 20), time(9, 30), Kind.VISIT, "Bring the symptom diary"),
             Appointment(date(2027, 2, 3), None, Kind.PHONE),
             Appointment(date(2027, 2, 3), None, Kind.PHONE)]
    evs = [e for e in events(plan_calendar(mixed(), appointments=appts, stamp=STAMP))
           if "-appt-" in str(e["uid"])]
    assert len(evs) == 3 and len({str(e["uid"]) for e in evs}) == 3
    visit = evs[0]
    assert visit.decoded("dtstart") == datetime(2027, 1, 20, 9, 30)  # floating local time
    assert visit.decoded("dtend") == datetime(2027, 1, 20, 10, 0)
    assert str(visit["summary"]) == "Clinic visit"
    assert str(visit["description"]) == "Bring the symptom diary"
    assert evs[1].decoded("dtstart") == date(2027, 2, 3)
    assert str(evs[1]["summary"]) == "Phone call with the clinic"
    with pytest.raises(ValueError, match="house-call"):
        Kind("house-call")
