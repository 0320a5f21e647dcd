"""``Store.verify``: every check of the records file at once (``taperdesk verify``).

SQLite's full integrity check, every plan revision against its content hash (and read
back through the model), the change log's hash chain from its first row to its last,
and every stored date and timestamp. Each problem is one line naming the row.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from functools import partial
from typing import Any

from taperdesk.store.base import StoreBase
from taperdesk.store.codec import decode_date, decode_plan, decode_time
from taperdesk.store.errors import StoreError
from taperdesk.store.evidence import row_change_hash, row_revision_hash

OPENING_TAIL = 256
"""Change-log rows whose chain every opening checks: a few ms, so start-up stays in its
budget; ``verify`` checks them all (and each revision is checked as it is read)."""
COUNTED = ("patients", "plans", "revisions", "assessments", "acknowledgements", "changes")


class VerifyMixin(StoreBase):
    def verify(self) -> list[str]:
        """Every problem found in the records file, one line each; [] when it is sound."""
        problems = [f"SQLite integrity check: {p}" for p in self.integrity_problems()]
        problems += self._verify_revisions()
        problems += self._verify_chain()
        problems += self._verify_cells()
        return problems

    def check_on_opening(self) -> list[str]:
        """The quick check made on every opening: the newest change-log rows' chain.
        (Nothing to check in a file of an older schema kept old by a test's migrations.)"""
        if not any(r[1] == "hash" for r in self._rows("PRAGMA table_info(changes)")):
            return []
        return self._verify_chain(tail=OPENING_TAIL)

    def record_counts(self) -> dict[str, int]:
        """How many rows each table holds (what ``verify`` checked)."""
        return {t: int(self._rows(f"SELECT count(*) FROM {t}")[0][0]) for t in COUNTED}

    def _verify_revisions(self) -> list[str]:
        problems: list[str] = []
        for r in self._rows("SELECT plan_id, revision, plan_json, who, at, why, hash"
                            " FROM revisions ORDER BY plan_id, revision"):
            where = f"plan {r['plan_id']}, revision {r['revision']}"
            if r["hash"] != row_revision_hash(r):
                problems.append(f"{where}: does not match its content hash (changed outside "
                                "TaperDesk)")
                continue
            _collect(problems, partial(decode_plan, r["plan_json"], self.catalogue, where))
            _collect(problems, partial(decode_time, r["at"], where, "at"))
        for r in self._rows("SELECT p.id, p.revision FROM plans p LEFT JOIN revisions r"
                            " ON r.plan_id = p.id AND r.revision = p.revision"
                            " WHERE r.plan_id IS NULL ORDER BY p.id"):
            problems.append(f"plan {r['id']}: its latest revision {r['revision']} is missing")
        return problems

    def _verify_chain(self, tail: int | None = None) -> list[str]:
        """Each row must follow from the stored hash of the row before it: a row changed
        is reported alone, a row removed or put in names the row after the gap.
        ``tail``: only the newest rows (the first of them only gives its hash)."""
        problems: list[str] = []
        prev, prev_id = "", 0
        sql = "SELECT id, who, at, patient_id, plan_id, what, hash FROM changes"
        if tail is None:
            rows = self._rows(sql + " ORDER BY id")
        else:
            rows = self._rows(sql + " ORDER BY id DESC LIMIT ?", (tail + 1,))[::-1]
            if len(rows) > tail:
                prev, prev_id = str(rows[0]["hash"]), int(rows[0]["id"])
                rows = rows[1:]
        for r in rows:
            if r["hash"] != row_change_hash(prev, r):
                after = f"row {prev_id}" if prev_id else "the start of the log"
                problems.append(f"change log row {r['id']}: does not follow from {after} "
                                "(changed, removed or inserted outside TaperDesk)")
            _collect(problems, partial(decode_time, r["at"], f"changes row {r['id']}", "at"))
            prev, prev_id = str(r["hash"]), int(r["id"])
        return problems

    def _verify_cells(self) -> list[str]:
        problems: list[str] = []
        for r in self._rows("SELECT id, born FROM patients WHERE born IS NOT NULL"):
            _collect(problems, _cell(decode_date, r["born"], f"patients row {r['id']}", "born"))
        for r in self._rows("SELECT id, on_date, at FROM assessments"):
            where = f"assessments row {r['id']}"
            _collect(problems, _cell(decode_date, r["on_date"], where, "on_date"))
            _collect(problems, _cell(decode_time, r["at"], where, "at"))
        for r in self._rows("SELECT id, at FROM acknowledgements"):
            _collect(problems, _cell(decode_time, r["at"], f"acknowledgements row {r['id']}",
                                     "at"))
        return problems


def _cell(decode: Callable[[Any, str, str], object], value: Any, where: str,
          column: str) -> Callable[[], object]:
    return lambda: decode(value, where, column)


def _collect(problems: list[str], check: Callable[[], object]) -> None:
    try:
        check()
    except StoreError as exc:
        problems.append(str(exc).split(". The records file")[0])
    except sqlite3.Error as exc:  # pragma: no cover - reading failed half-way
        problems.append(f"cannot be read: {exc}")
