"""Today budget: the Today list for 10 000 patients (≤ 100 ms), records gather + model rules,
on the suite's own 10 000-patient database (bench_store.build_patients_db)."""

from __future__ import annotations

from pathlib import Path

from benchmarks.data import PLAN_START
from benchmarks.harness import Outcome, percentile, time_ms
from taperdesk.printday import items_for
from taperdesk.store import Store

TODAY_BUDGET_MS = 100.0
DAY = PLAN_START.replace(month=6, day=1)
"""Mid-year, when most synthetic plans are running."""


def today_list(path: Path, rounds: int = 40) -> Outcome:
    """p95 of ``rounds`` Today lists, after one untimed list (it fills any missing kept rows).

    40 rounds, so the p95 is the third-worst list rather than the single worst one (as it
    was of 10), like the other p95 figures here; a list takes about 50-70 ms."""
    store = Store.open(path, create=False)
    try:
        count = store.patient_count()
        items = len(items_for(store, DAY))
        samples = [time_ms(lambda: items_for(store, DAY)) for _ in range(rounds)]
    finally:
        store.close()
    return Outcome(f"Today list, {count} patients", percentile(samples, 95), TODAY_BUDGET_MS,
                   "ms", detail=f"p95 of {rounds}, {items} items on {DAY.isoformat()}")
