"""What Today reads through the covering indexes (migration TODAY_COVERING_INDEXES), on
both backends: the week's dose changes at its edges, the plans running on the day (a
plan starting today, one whose stop date is today), and the latest assessment that is
not withdrawn."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from conftest import nardi_plan

from taperdesk.model import compute
from taperdesk.model.scales import make_assessment, scale
from taperdesk.model.today import WEEK_AHEAD_DAYS, Reason, today_items
from taperdesk.store import Store
from taperdesk.store.schema import MIGRATIONS, current_version

START = date(2027, 1, 4)
NOW = datetime(2027, 1, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def clinic(store: Store) -> Store:
    store.clock = lambda: NOW
    return store


def _reasons(s: Store, day: date, name: str) -> set[tuple[Reason, date]]:
    return {(i.reason, i.on) for i in today_items(day, s.today_data(day)) if i.patient == name}


def test_the_today_indexes_migration_is_applied(clinic: Store) -> None:
    names = [m.description for m in MIGRATIONS]
    assert any("covering indexes for the Today list" in n for n in names)
    assert clinic.schema_version == current_version()


def test_dose_changes_at_the_edges_of_the_week(clinic: Store) -> None:
    ana = clinic.add_patient("Ana Costa")
    rec = clinic.create_plan(ana.id, nardi_plan(start=START))
    cut = compute(rec.plan, clinic.catalogue).steps[1].start
    ahead = cut - timedelta(days=WEEK_AHEAD_DAYS)
    assert (Reason.STEP_CHANGE, cut) in _reasons(clinic, ahead, "Ana Costa")
    assert (Reason.STEP_CHANGE, cut) not in _reasons(clinic, ahead - timedelta(days=1),
                                                     "Ana Costa")
    assert (Reason.STEP_CHANGE, cut) in _reasons(clinic, cut, "Ana Costa")
    assert (Reason.STEP_CHANGE, cut) not in _reasons(clinic, cut + timedelta(days=1),
                                                     "Ana Costa")


def test_plans_running_on_the_day_from_the_first_day_to_before_the_stop(clinic: Store) -> None:
    ana = clinic.add_patient("Ana Costa")
    rec = clinic.create_plan(ana.id, nardi_plan(start=START))
    stop = compute(rec.plan, clinic.catalogue).stop_date
    due = Reason.ASSESSMENT_DUE
    assert (due, START) in _reasons(clinic, START, "Ana Costa")  # starts today
    assert not any(r is due for r, _d in _reasons(clinic, START - timedelta(days=1),
                                                  "Ana Costa"))
    last = stop - timedelta(days=1)
    assert (due, last) in _reasons(clinic, last, "Ana Costa")
    on_stop = _reasons(clinic, stop, "Ana Costa")
    assert not any(r is due for r, _d in on_stop)  # no dose falls on the stop day
    assert (Reason.PLAN_ENDS, stop) in on_stop


def test_a_withdrawn_assessment_does_not_count_as_the_latest(clinic: Store) -> None:
    ana = clinic.add_patient("Ana Costa")
    clinic.create_plan(ana.id, nardi_plan(start=START))
    ciwa = scale("ciwa-b")
    low = {item.id: 0 for item in ciwa.items}
    day = START + timedelta(days=10)
    clinic.add_assessment(ana.id, make_assessment(ciwa, START, low))
    recent = clinic.add_assessment(ana.id, make_assessment(ciwa, day - timedelta(days=1), low))
    assert not any(r is Reason.ASSESSMENT_DUE for r, _d in _reasons(clinic, day, "Ana Costa"))
    clinic.delete_assessment(recent.id, why="entered for the wrong patient")
    items = [i for i in today_items(day, clinic.today_data(day)) if i.patient == "Ana Costa"]
    due = [i for i in items if i.reason is Reason.ASSESSMENT_DUE]
    assert due and f"none since {START:%a %d %b}" in due[0].detail
