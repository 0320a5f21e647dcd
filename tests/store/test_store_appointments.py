"""Appointments in the records, and what Today gathers (store/appointments.py, store/today.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from conftest import RawDb, nardi_plan

from taperdesk.model import compute, insert_hold
from taperdesk.model.appointments import Appointment, Kind
from taperdesk.model.scales import make_assessment, scale
from taperdesk.model.today import Reason, today_items
from taperdesk.store import Store, StoreError
from taperdesk.store.schema import current_version
from taperdesk.store.today import RED_FLAG_ACK

START = date(2027, 1, 4)
NOW = datetime(2027, 1, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def clinic(store: Store) -> Store:
    store.clock = lambda: NOW
    return store


def test_add_update_cancel_restore_each_logged(clinic: Store) -> None:
    p = clinic.add_patient("Ana Costa")
    rec = clinic.add_appointment(p.id, Appointment(date(2027, 1, 6), time(10, 30), Kind.PHONE,
                                                   "day 2"))
    assert [r.appointment for r in clinic.appointments(p.id)] == [rec.appointment]
    moved = clinic.update_appointment(rec.id, Appointment(date(2027, 1, 7), None, Kind.VISIT))
    assert clinic.appointments(p.id)[0].appointment == moved.appointment
    clinic.cancel_appointment(rec.id, why="patient away")
    assert clinic.appointments(p.id) == []
    clinic.restore_appointment(rec.id)
    assert clinic.appointments(p.id)[0].appointment.on == date(2027, 1, 7)
    log = [c.what for c in clinic.changes(patient_id=p.id)]
    assert log[0].startswith("Restored Visit Thu 07 Jan 2027")
    assert log[1] == "Cancelled Visit Thu 07 Jan 2027: patient away"
    assert log[2].startswith("Changed Phone check-in Wed 06 Jan 2027 at 10:30 to Visit")
    assert log[3] == "Booked: Phone check-in Wed 06 Jan 2027 at 10:30"


def test_refusals_change_nothing(clinic: Store, raw: RawDb) -> None:
    p = clinic.add_patient("Ana Costa")
    first = Appointment(date(2027, 1, 6), time(10, 30), Kind.PHONE)
    clinic.add_appointment(p.id, first)
    before = len(clinic.changes())
    with pytest.raises(StoreError, match="in the past"):
        clinic.add_appointment(p.id, Appointment(date(2026, 12, 31)))
    with pytest.raises(StoreError, match="already a phone check-in"):
        clinic.add_appointment(p.id, Appointment(date(2027, 1, 6), time(10, 30), Kind.VISIT))
    with pytest.raises(StoreError, match="no patient"):
        clinic.add_appointment(999, first)
    clinic.set_archived(p.id, True)
    before = len(clinic.changes())
    with pytest.raises(StoreError, match="archived"):
        clinic.add_appointment(p.id, Appointment(date(2027, 1, 8)))
    assert len(clinic.changes()) == before
    assert raw.execute("SELECT count(*) FROM appointments")[0][0] == 1


def test_between_and_next(clinic: Store) -> None:
    a, b = clinic.add_patient("Ana Costa"), clinic.add_patient("Ben Adler")
    clinic.add_appointment(a.id, Appointment(date(2027, 1, 6)))
    clinic.add_appointment(b.id, Appointment(date(2027, 1, 9), time(8, 0)))
    clinic.add_appointment(a.id, Appointment(date(2027, 2, 1)))
    found = clinic.appointments_between(date(2027, 1, 1), date(2027, 1, 31))
    assert [(r.patient_id, r.appointment.on) for r in found] == [
        (a.id, date(2027, 1, 6)), (b.id, date(2027, 1, 9))]
    nxt = clinic.next_appointment(a.id, date(2027, 1, 7))
    assert nxt is not None and nxt.appointment.on == date(2027, 2, 1)


def test_today_from_the_records(clinic: Store) -> None:
    ana = clinic.add_patient("Ana Costa", clinic_id="C1")
    rec = clinic.create_plan(ana.id, nardi_plan(start=START))
    clinic.add_patient("Ben Adler")  # no plan
    gone = clinic.add_patient("Old Patient")
    clinic.set_archived(gone.id, True)
    items = today_items(START, clinic.today_data(START))
    got = {(i.patient, i.reason) for i in items}
    assert ("Ana Costa", Reason.STEP_CHANGE) in got and ("Ben Adler", Reason.NO_PLAN) in got
    assert ("Ana Costa", Reason.ASSESSMENT_DUE) in got
    assert not any(i.patient == "Old Patient" for i in items)
    # A saved revision replaces the kept dose changes: a hold moves the next cut.
    cut = compute(rec.plan).steps[1].start
    held = insert_hold(rec.plan, cut - timedelta(days=1), 7)
    clinic.save_revision(rec.id, held, expected_revision=1, why="hold")
    assert (Reason.STEP_CHANGE, cut) not in {(i.reason, i.on) for i in today_items(
        cut - timedelta(days=3), clinic.today_data(cut - timedelta(days=3)))}
    moved = cut + timedelta(days=7)
    assert (Reason.STEP_CHANGE, moved) in {(i.reason, i.on) for i in today_items(
        moved, clinic.today_data(moved))}


def test_red_flags_and_holds_until_acknowledged_or_decided(clinic: Store) -> None:
    ana = clinic.add_patient("Ana Costa")
    clinic.create_plan(ana.id, nardi_plan(start=START))
    ciwa = scale("ciwa-b")
    high = {item.id: 2 for item in ciwa.items}  # total 40: moderate, the hold band
    rec = clinic.add_assessment(ana.id, make_assessment(ciwa, START, high, ["seizure"]))
    reasons = [i.reason for i in today_items(START, clinic.today_data(START))]
    assert reasons[0] is Reason.RED_FLAG and Reason.HOLD_DECISION in reasons
    clinic.record_decision(ana.id, None, f"{RED_FLAG_ACK} {START.isoformat()} (#{rec.id})",
                           "seen today")
    clinic.record_decision(ana.id, None, "Suggested hold declined: CIWA-B 40", "stable")
    reasons = [i.reason for i in today_items(START, clinic.today_data(START))]
    assert Reason.RED_FLAG not in reasons and Reason.HOLD_DECISION not in reasons
    # A later assessment at the threshold asks again.
    clinic.clock = lambda: NOW + timedelta(days=1)
    clinic.add_assessment(ana.id, make_assessment(ciwa, START + timedelta(days=1), high))
    day = START + timedelta(days=1)
    assert Reason.HOLD_DECISION in [i.reason for i in today_items(day, clinic.today_data(day))]


def test_kept_rows_are_rebuilt_when_missing(clinic: Store, records: Path | str,
                                            raw: RawDb) -> None:
    ana = clinic.add_patient("Ana Costa")
    clinic.create_plan(ana.id, nardi_plan(start=START))
    clinic.add_assessment(ana.id, make_assessment(scale("ciwa-b"), START,
                                                   {i.id: 0 for i in scale("ciwa-b").items}))
    clinic.close()
    for table in ("plan_changes", "plan_spans", "assessment_totals"):
        raw.execute(f"DELETE FROM {table}")
    again = Store.open(records)
    try:
        assert again.schema_version == current_version()
        items = today_items(START, again.today_data(START))
        assert Reason.STEP_CHANGE in {i.reason for i in items}
        assert raw.execute("SELECT count(*) FROM assessment_totals")[0][0] == 1
    finally:
        again.close()
