"""Records budgets: patient search per keystroke at 10 000 patients (≤ 30 ms), and the
10 000-patient database the suite builds for itself (also used for start-up and memory).
"""

from __future__ import annotations

import random
import sqlite3
from datetime import timedelta
from pathlib import Path

from benchmarks.data import PLAN_START, keystrokes, patient_names
from benchmarks.harness import Outcome, percentile, time_ms
from taperdesk.model import Plan, make_protocol
from taperdesk.model.scales import make_assessment, scale
from taperdesk.store import Store

SEARCH_BUDGET_MS = 30.0
ASSESSMENTS_EACH = 3


def build_patients_db(path: Path, count: int, seed: int = 6) -> Path:
    """A records file with ``count`` patients, each with a plan and a few CIWA-B assessments.

    Made through the Store API (one transaction per edit, as the window makes them),
    so the file has exactly what a clinic's file would have. ``count`` = 10 000 for
    the budgets.
    """
    rng = random.Random(seed)
    ciwa = scale("ciwa-b")
    store = Store.open(path, create=True)
    try:
        for i, (name, clinic_id, born) in enumerate(patient_names(count, seed)):
            patient = store.add_patient(name, born=born, clinic_id=clinic_id,
                                        opioid=rng.random() < 0.05)
            start = PLAN_START + timedelta(days=rng.randrange(0, 365))
            plan = Plan("clonazepam", ("clonazepam-tab-0.5-us", "clonazepam-tab-1-us"),
                        rng.choice((1000, 1500, 2000, 3000, 4000)), "morning-night", start,
                        make_protocol("nardi"))
            store.create_plan(patient.id, plan)
            for k in range(ASSESSMENTS_EACH):
                scores = {item.id: rng.randint(0, 2) for item in ciwa.items}
                on = start + timedelta(days=14 * k - 7)
                store.add_assessment(patient.id, make_assessment(ciwa, on, scores))
            if i % 997 == 0:
                store.set_archived(patient.id, True)
    finally:
        store.close()
    return path


def database_summary(path: Path) -> str:
    """'10000 patients, 30000 assessments, 21 MB' (read straight from the file)."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        patients = con.execute("select count(*) from patients").fetchone()[0]
        assessments = con.execute("select count(*) from assessments").fetchone()[0]
    finally:
        con.close()
    return f"{patients} patients, {assessments} assessments, {path.stat().st_size / 1e6:.0f} MB"


def search_per_keystroke(path: Path, rounds: int = 5) -> Outcome:
    """p95 over every keystroke of typing SEARCHES, ``rounds`` times, in the store alone."""
    store = Store.open(path, create=False)
    try:
        count = store.patient_count()
        for text in keystrokes():  # warm the page cache once
            store.search_patients(text)
        samples = [
            time_ms(lambda t=text: store.search_patients(t))
            for _ in range(rounds)
            for text in keystrokes()
        ]
    finally:
        store.close()
    return Outcome(
        f"patient search per keystroke, {count} patients (records)",
        percentile(samples, 95), SEARCH_BUDGET_MS, "ms",
        detail=f"p95 of {len(samples)} keystrokes",
    )
