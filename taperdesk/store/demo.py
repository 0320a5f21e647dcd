"""The demo patient loaded into an empty records file, so a new user sees a working plan.

Clonazepam 2 mg/day on the Nardi protocol, split morning and bedtime, US tablets,
started on a Monday five to six weeks ago (it is built relative to today, so it is
always a plan in progress); a 14-day hold on the first day of step 3 that followed a
moderate CIWA-B score, one to two weeks ago; three CIWA-B assessments, all in the past
(an assessment dated after today would be a record of a visit that has not happened).
"""

from __future__ import annotations

from datetime import date, timedelta

from taperdesk.model import Plan, ProtocolId, compute, insert_hold, make_protocol
from taperdesk.model.scales import make_assessment, scale
from taperdesk.store.errors import StoreError
from taperdesk.store.records import Patient
from taperdesk.store.store import Store

DEMO_NAME = "Demo Patient (example)"
DEMO_CLINIC_ID = "DEMO-1"
HOLD_DAYS = 14

# CIWA-B item scores (0-4) of the three demo visits; items not listed score 0.
_BASELINE = {"irritability": 1, "fatigue": 1, "tension": 2, "difficulty-concentrating": 1,
             "heart-racing": 1, "anxious-or-jittery": 2, "sleep-not-restful": 2,
             "not-enough-sleep": 1, "worrying-about-misfortunes": 1}               # 12, mild
_STEP_1 = {**_BASELINE, "tension": 2, "head-full-or-achy": 1, "muscle-aches-or-stiffness": 1,
           "upset": 1, "sweating-restlessness-or-agitation": 1}                       # 16, mild
_STEP_3 = {**_STEP_1, "anxious-or-jittery": 3, "sleep-not-restful": 3, "not-enough-sleep": 2,
           "fearfulness": 1, "tremor": 1, "irritability": 2}                          # 22, moderate


STARTED_DAYS_AGO = 35
"""The demo plan starts on the Monday on or before this many days ago (TaperDesk demo)."""


def next_monday(today: date) -> date:
    """The Monday on or after ``today``."""
    return today + timedelta(days=(7 - today.weekday()) % 7)


def demo_start(today: date) -> date:
    """The Monday on or before ``STARTED_DAYS_AGO`` days before ``today``."""
    back = today - timedelta(days=STARTED_DAYS_AGO)
    return back - timedelta(days=back.weekday())


def demo_plan(store: Store, today: date) -> tuple[Plan, Plan, date]:
    """(the plan as first made, the plan with its hold, the hold's date)."""
    drug = store.catalogue.drug("clonazepam")
    plan = Plan(
        drug=drug.id,
        products=drug.resolve_products("us-tablets"),
        start_ug=2000,
        split="morning-night",
        start=demo_start(today),
        protocol=make_protocol(ProtocolId.NARDI),
    )
    hold_on = compute(plan, store.catalogue).steps[2].start
    reason = "CIWA-B rose into the moderate band at the start of step 3"
    held = insert_hold(plan, hold_on, HOLD_DAYS, reason=reason, catalogue=store.catalogue)
    return plan, held, hold_on


def load_demo(store: Store, today: date | None = None) -> Patient | None:
    """Add the demo patient if the records hold no patients; None if they already do.

    Everything is added in one transaction: a crash leaves no half-made demo.
    """
    today = today or date.today()
    with store.transaction():
        if store.patient_count() > 0:
            return None
        plan, held, hold_on = demo_plan(store, today)
        patient = store.add_patient(
            DEMO_NAME, clinic_id=DEMO_CLINIC_ID,
            note="An example record to try TaperDesk with. Archive it when it is no longer "
                 "needed.",
        )
        record = store.create_plan(patient.id, plan, why="New plan (demo)")
        ciwa = scale("ciwa-b")
        visits = ((plan.start - timedelta(days=7), _BASELINE, "Baseline before the taper"),
                  (plan.start + timedelta(days=13), _STEP_1, "End of step 1, managing well"),
                  (hold_on, _STEP_3, "Poor sleep and jitteriness since the last cut"))
        for on, scores, note in visits:
            full = {item.id: scores.get(item.id, 0) for item in ciwa.items}
            last = store.add_assessment(patient.id, make_assessment(ciwa, on, full, (), note))
        record = store.save_revision(
            record.id, held, expected_revision=record.revision,
            why=f"Inserted a hold on {hold_on.isoformat()} for {HOLD_DAYS} days",
        )
        store.record_decision(
            patient.id, record.id,
            f"Accepted the suggested hold of {HOLD_DAYS} days from {hold_on.isoformat()}",
            f"CIWA-B total {last.assessment.total} ({ciwa.band(last.assessment.total).label}) "
            "at the start of step 3 (demo record)",
        )
    if store.patient(patient.id).name != DEMO_NAME:  # pragma: no cover - sanity
        raise StoreError("the demo patient could not be added")
    return patient
