"""One "PC" of the load test: saves edits to one plan on the server for a while.

Run as: python load_writer.py URI PLAN_ID SECONDS NAME. Prints one JSON line: every
save made (the revision it expected and its reason) and the conflicts it was told of.
"""

from __future__ import annotations

import json
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))  # tests/, for accounts.py

from accounts import sign_in  # noqa: E402

from taperdesk.model import insert_hold  # noqa: E402
from taperdesk.store import ConflictError, Store  # noqa: E402


def main(uri: str, plan_id: int, seconds: float, name: str) -> None:
    saved: list[tuple[int, str]] = []
    conflicts = 0
    with Store.open(uri) as store:
        sign_in(store, name)
        rec = store.plan_record(plan_id)
        end = time.monotonic() + seconds
        i = 0
        while time.monotonic() < end:
            i += 1
            why = f"{name}-{i}"
            edited = insert_hold(rec.plan, date(2027, 2, 1 + i % 25), 1 + i % 9)
            try:
                rec = store.save_revision(plan_id, edited, expected_revision=rec.revision,
                                          why=why)
                saved.append((rec.revision - 1, why))
            except ConflictError as exc:
                conflicts += 1
                rec = exc.current
    print(json.dumps({"saved": saved, "conflicts": conflicts}))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), sys.argv[4])
