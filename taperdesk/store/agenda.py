"""Derived rows Today reads: each plan's dose changes, each assessment's total.

Today needs a week of dose changes across 10 000 patients in well under 100 ms;
computing 10 000 schedules cannot do that, reading an indexed table can. The rows
are derived (computed in Python from the plan when a revision is saved, never by SQL)
and carry the revision they came from, so a stale or missing row is recomputed.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import date

from taperdesk.model import Plan, PlanError, compute
from taperdesk.model.appointments import DoseChange, dose_changes
from taperdesk.model.catalogue import Catalogue, CatalogueError
from taperdesk.model.scales import Assessment, ScaleError, hold_reasons, scale

HOLD_DECIDED = "Suggested hold"
"""How a decision on a suggested hold starts in the change log (ui/hold_suggestion.py)."""


def plan_agenda(
    plan: Plan, catalogue: Catalogue
) -> tuple[date | None, date | None, tuple[DoseChange, ...]]:
    """(start, stop date, dose changes) of the plan; (None, None, ()) if it cannot be computed."""
    try:
        schedule = compute(plan, catalogue)
    except (PlanError, CatalogueError):
        return None, None, ()
    return plan.start, schedule.stop_date, dose_changes(schedule)


def write_agenda(
    conn: sqlite3.Connection, catalogue: Catalogue, plan_id: int, revision: int, plan: Plan
) -> tuple[date | None, date | None, tuple[DoseChange, ...]]:
    """Replace the plan's agenda rows inside the caller's transaction."""
    start, stop, changes = agenda = plan_agenda(plan, catalogue)
    conn.execute("DELETE FROM plan_changes WHERE plan_id = ?", (plan_id,))
    conn.execute("DELETE FROM plan_spans WHERE plan_id = ?", (plan_id,))
    conn.execute(
        "INSERT INTO plan_spans (plan_id, revision, start_date, stop_date) VALUES (?, ?, ?, ?)",
        (plan_id, revision, start.isoformat() if start else None,
         stop.isoformat() if stop else None),
    )
    conn.executemany(
        "INSERT INTO plan_changes (plan_id, on_date, before_ug, after_ug) VALUES (?, ?, ?, ?)",
        [(plan_id, c.on.isoformat(), c.before_ug, c.after_ug) for c in changes],
    )
    return agenda


def write_agendas(
    conn: sqlite3.Connection, catalogue: Catalogue,
    plans: Iterable[tuple[int, int, Plan]],
) -> None:
    for plan_id, revision, plan in plans:
        write_agenda(conn, catalogue, plan_id, revision, plan)


def keep_total(conn: sqlite3.Connection, assessment_id: int, patient_id: int,
               a: Assessment) -> None:
    """Keep the assessment's total and whether it reached the hold threshold against the
    baseline then on record (the earliest earlier assessment on the same scale), as the
    window judged it when it suggested a hold (model.suggest_hold)."""
    row = conn.execute(
        "SELECT a.on_date, a.scores_json FROM assessments a WHERE a.patient_id = ?"
        " AND a.scale_id = ? AND a.deleted_at IS NULL AND a.on_date < ?"
        " ORDER BY a.on_date, a.id LIMIT 1",
        (patient_id, a.scale_id, a.on.isoformat())).fetchone()
    baseline = None
    if row is not None:
        baseline = (date.fromisoformat(row[0]), sum(int(v) for _k, v in json.loads(row[1])))
    try:
        reached = bool(hold_reasons(scale(a.scale_id), a.total, baseline))
    except ScaleError:
        reached = False
    conn.execute("INSERT INTO assessment_totals (assessment_id, patient_id, total, reached)"
                 " VALUES (?, ?, ?, ?)", (assessment_id, patient_id, a.total, int(reached)))
    refresh_pending(conn, patient_id)


def refresh_pending(conn: sqlite3.Connection, patient_id: int) -> None:
    """Keep whether the patient has a suggested hold still to decide: their latest
    assessment reached the threshold and no decision was logged since it was entered.
    Called after an assessment is added or withdrawn and after a decision is recorded."""
    conn.execute("DELETE FROM holds_pending WHERE patient_id = ?", (patient_id,))
    row = conn.execute(
        "SELECT a.id, a.on_date, a.scale_id, a.at, t.total, t.reached FROM assessments a"
        " JOIN assessment_totals t ON t.assessment_id = a.id WHERE a.patient_id = ?"
        " AND a.deleted_at IS NULL ORDER BY a.on_date DESC, a.id DESC LIMIT 1",
        (patient_id,)).fetchone()
    if row is None or not row[5]:
        return
    if conn.execute("SELECT 1 FROM changes WHERE patient_id = ? AND what LIKE ? AND at >= ?"
                    " LIMIT 1", (patient_id, f"{HOLD_DECIDED} %", row[3])).fetchone():
        return
    conn.execute("INSERT INTO holds_pending (patient_id, assessment_id, on_date, scale_id,"
                 " total) VALUES (?, ?, ?, ?, ?)", (patient_id, row[0], row[1], row[2], row[4]))
