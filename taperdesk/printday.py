"""Print the day, from the records: the worklist and this week's patient handouts.

Shared by `taperdesk today` and the window's Today view (no Qt here): it reads the
records (store), builds the plain inputs and lets taperdesk.report make the PDFs.
"""

from __future__ import annotations

import gc
from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from taperdesk.model import check, compute, unacknowledged_severe
from taperdesk.model.appointments import Appointment
from taperdesk.model.errors import PlanError
from taperdesk.model.today import WEEK_AHEAD_DAYS, Reason, TodayItem, today_items
from taperdesk.store import Store

if TYPE_CHECKING:  # the report side loads when a day or a handout is printed, not with Today
    from taperdesk.report import HandoutInput


def items_for(store: Store, day: date) -> list[TodayItem]:
    """The Today list of ``day`` from the records.

    Python's cyclic garbage collector is paused while it is built: the list makes tens of
    thousands of small tuples that hold no cycles, and collecting among them as they are
    made (re-scanning everything the program holds) was a fifth of the time."""
    checkin = store.checkin_day()
    collecting = gc.isenabled()
    gc.disable()
    try:
        return today_items(day, store.today_data(day, checkin_day=checkin),
                           checkin_day=checkin)
    finally:
        if collecting:
            gc.enable()


def next_booked(store: Store, patient_id: int, day: date) -> Appointment | None:
    """The patient's own next booked appointment from ``day`` on, which the handout prints
    as the next one (``ClinicInfo.booked``); None: the clinic-wide setting is printed
    (Settings ▸ Next appointment)."""
    rec = store.next_appointment(patient_id, day)
    return None if rec is None else rec.appointment


def week_inputs(store: Store, day: date, items: Sequence[TodayItem],
                skipped: list[str] | None = None) -> list[HandoutInput]:
    """A patient-handout input for every patient whose dose changes this week (step-change
    items), in the worklist's order. A plan with a severe warning not acknowledged gets no
    handout (SPEC "Guardrails", as in the window); its patient's name goes in ``skipped``.
    Each is the handout the window prints for that patient (ui/handout_actions.py): the
    clinic's settings (emergency number, paper, first day of the week), the patient's
    language, date of birth and clinic ID, their own next booked appointment."""
    from taperdesk.report import HandoutInput
    from taperdesk.report.context import handout_settings

    last = day + timedelta(days=WEEK_AHEAD_DAYS)
    seen: list[int] = []
    for i in items:
        if i.reason is Reason.STEP_CHANGE and day <= i.on <= last and i.patient_id not in seen:
            seen.append(i.patient_id)
    settings = handout_settings(store.setting)
    out = []
    for pid in seen:
        patient, record = store.patient(pid), store.active_plan(pid)
        if record is None:
            continue
        try:
            schedule = compute(record.plan, store.catalogue)
        except PlanError:
            continue
        warnings = check(schedule, opioid=patient.opioid)
        acked = [a.key for a in store.acknowledgements(record.id)]
        if unacknowledged_severe(warnings, acked):
            if skipped is not None:
                skipped.append(patient.name)
            continue
        out.append(HandoutInput(
            schedule=schedule,
            warnings=warnings,
            patient_name=patient.name,
            opioid=patient.opioid,
            clinic=settings.clinic.booked(next_booked(store, pid, day)),
            assessments=tuple(r.assessment for r in store.assessments(pid)),
            paper=settings.paper,
            large_print=store.setting("large_print") == "1",
            born=patient.born,
            clinic_id=patient.clinic_id,
            week_start=settings.week_start,
            language=patient.language,
        ))
    return out
