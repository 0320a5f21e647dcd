"""The demo patient: added once to an empty records file, a working plan at once."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from taperdesk.model import Hold, check, compute
from taperdesk.model.scales import scale, score
from taperdesk.store import DEMO_NAME, Store, load_demo
from taperdesk.store.demo import next_monday

TODAY = date(2027, 1, 6)  # a Wednesday


def test_next_monday_is_on_or_after() -> None:
    assert next_monday(date(2027, 1, 4)) == date(2027, 1, 4)
    assert next_monday(TODAY) == date(2027, 1, 11)
    assert next_monday(date(2027, 1, 10)) == date(2027, 1, 11)


@pytest.mark.parametrize("offset", range(0, 7))
def test_the_demo_is_in_progress_with_every_assessment_in_the_past(
    tmp_path: Path, offset: int
) -> None:
    """Issue 10, defect 9: the demo's assessments were dated after today."""
    today = TODAY + timedelta(days=offset)
    with Store.open(tmp_path / f"d{offset}.sqlite3") as s:
        patient = load_demo(s, today)
        assert patient is not None
        plan = s.active_plan(patient.id).plan  # type: ignore[union-attr]
        assert plan.start.weekday() == 0 and plan.start <= today - timedelta(days=35)
        assert all(r.assessment.on <= today for r in s.assessments(patient.id))
        assert compute(plan, s.catalogue).stop_date > today  # still running today


def test_demo_patient_has_the_plan_hold_and_assessments(store: Store) -> None:
    patient = load_demo(store, TODAY)
    assert patient is not None and patient.name == DEMO_NAME
    rec = store.active_plan(patient.id)
    assert rec is not None
    plan = rec.plan
    assert (plan.drug, plan.start_ug, plan.protocol.id, plan.split, plan.start) == (
        "clonazepam", 2000, "nardi", "morning-night", date(2026, 11, 30))  # 5 weeks before
    assert plan.products == store.catalogue.drug("clonazepam").product_sets["us-tablets"]
    [hold] = plan.edits
    assert isinstance(hold, Hold) and hold.days == 14
    schedule = compute(plan, store.catalogue)
    held = [s for s in schedule.steps if s.kind == "hold"]
    assert [(s.start, s.days, s.daily_ug) for s in held] == [(hold.on, 14, 750)]
    # The hold starts on what was the first day of step 3 (1.5 mg, 1 mg, then 0.75 mg).
    assert hold.on == plan.start + timedelta(days=28)
    assert [r.why for r in store.revisions(rec.id)][-1].startswith("Inserted a hold")
    records = store.assessments(patient.id)
    assert [r.assessment.on for r in records] == [
        plan.start - timedelta(days=7), plan.start + timedelta(days=13), hold.on]
    ciwa = scale("ciwa-b")
    bands = [score(ciwa, r.assessment).band.label for r in records]
    assert bands == ["mild", "mild", "moderate"]
    assert not any(r.assessment.red_flags for r in records)
    assert "Accepted the suggested hold" in store.changes(patient_id=patient.id)[0].what
    codes = {w.code for w in check(schedule)}
    assert "dose-not-makeable" not in codes  # every demo dose is made of real tablets


def test_demo_is_added_only_to_empty_records(store: Store) -> None:
    assert load_demo(store, TODAY) is not None
    assert load_demo(store, TODAY) is None
    assert store.patient_count() == 1
    other = store.path.with_name("other.sqlite3")
    with Store.open(other) as s:
        s.add_patient("Real Patient")
        assert load_demo(s, TODAY) is None
        assert [p.name for p in s.search_patients()] == ["Real Patient"]
