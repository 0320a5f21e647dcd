"""A writer for the crash test: makes numbered edits as fast as it can until killed.

    python crash_writer.py DB-OR-URI FIRST_EDIT PLAN_ID PATIENT_ID

Edit ``n`` writes rows that all carry the marker ``edit n``; after it commits
the writer prints ``n`` (flushed), so the test knows every edit that committed.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import date, timedelta

from taperdesk.model import Hold
from taperdesk.model.scales import make_assessment, scale
from taperdesk.paths import records_location
from taperdesk.store import Store

KINDS = 4


def edit(store: Store, n: int, plan_id: int, patient_id: int) -> None:
    kind = n % KINDS
    if kind == 0:
        rec = store.plan_record(plan_id)
        hold = Hold(date(2027, 2, 1) + timedelta(days=n % 40), 1 + n % 20, 100, f"edit {n}")
        store.save_revision(plan_id, replace(rec.plan, edits=(hold,)),
                            expected_revision=rec.revision, why=f"edit {n}")
    elif kind == 1:
        sc = scale("ciwa-b")
        scores = {item.id: (n + i) % 3 for i, item in enumerate(sc.items)}
        store.add_assessment(patient_id, make_assessment(sc, date(2027, 1, 1), scores, (),
                                                         f"edit {n}"))
    elif kind == 2:
        with store.transaction():  # several calls, one edit
            p = store.add_patient(f"edit {n}")
            store.create_plan(p.id, store.plan_record(plan_id).plan, why=f"edit {n}")
    else:
        store.set_setting("last_edit", f"edit {n}")


def main() -> None:
    path, first, plan_id, patient_id = records_location(sys.argv[1]), *map(int, sys.argv[2:5])
    store = Store.open(path)
    print("ready", flush=True)
    n = first
    while True:
        edit(store, n, plan_id, patient_id)
        print(n, flush=True)
        n += 1


if __name__ == "__main__":
    main()
