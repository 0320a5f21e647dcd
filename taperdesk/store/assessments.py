"""Symptom assessments: recorded, listed by date, and withdrawn with a reason.

A withdrawn assessment stays in the file (marked, with who, when and why) so
the record of what was entered is never lost; it no longer shows in the list.
"""

from __future__ import annotations

import sqlite3
from datetime import date

from taperdesk.model.scales import Assessment, ScaleError, make_assessment, scale, score
from taperdesk.store.agenda import keep_total, refresh_pending
from taperdesk.store.base import StoreBase
from taperdesk.store.codec import (
    MAX_NOTE,
    check_text,
    decode_assessment,
    decode_time,
    encode_assessment,
)
from taperdesk.store.errors import StoreError
from taperdesk.store.records import AssessmentRecord
from taperdesk.store.roles import Permission


def _describe(a: Assessment) -> str:
    try:
        sc = scale(a.scale_id)
        scored = score(sc, a)
        text = (f"Recorded a {sc.name} assessment on {a.on.isoformat()}: total {scored.total} "
                f"({scored.band.label})")
        if scored.red_flags:
            text += "; RED FLAGS: " + ", ".join(f.label for f in scored.red_flags)
        return text
    except ScaleError:
        return f"Recorded a {a.scale_id} assessment on {a.on.isoformat()}"


class AssessmentsMixin(StoreBase):
    def add_assessment(self, patient_id: int, assessment: Assessment) -> AssessmentRecord:
        """Validate against the scale (items, ranges, red flags) and record it."""
        self.require(Permission.ASSESSMENTS)
        a = assessment
        if not isinstance(a, Assessment) or not isinstance(a.on, date):
            raise StoreError("not an assessment")
        try:
            checked = make_assessment(scale(a.scale_id), a.on, dict(a.scores),
                                      sorted(a.red_flags), a.note)
        except ScaleError as exc:
            raise StoreError(str(exc)) from None
        except (TypeError, ValueError) as exc:
            raise StoreError(f"the assessment is not valid ({exc})") from None
        check_text(a.note, "note", MAX_NOTE)
        if checked.scores != a.scores:
            raise StoreError("the item scores are not in the scale's order")
        on, scale_id, scores, flags, note = encode_assessment(checked)
        at = self._stamp()
        with self._write() as conn:
            if conn.execute("SELECT 1 FROM patients WHERE id = ?",
                            (patient_id,)).fetchone() is None:
                raise StoreError(f"There is no patient {patient_id} in the records.")
            cur = conn.execute(
                "INSERT INTO assessments (patient_id, on_date, scale_id, scores_json,"
                " red_flags_json, note, who, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (patient_id, on, scale_id, scores, flags, note, self.who, at),
            )
            assert cur.lastrowid is not None
            keep_total(conn, cur.lastrowid, patient_id, checked)
            self._log(conn, _describe(checked), patient_id=patient_id, at=at)
        return AssessmentRecord(cur.lastrowid, patient_id, checked, self.who, decode_time(at))

    def delete_assessment(self, assessment_id: int, *, why: str) -> None:
        """Withdraw an assessment entered in error; ``why`` is required and logged."""
        self.require(Permission.ASSESSMENTS)
        why = check_text(why, "reason", MAX_NOTE, required=True)
        at = self._stamp()
        with self._write() as conn:
            row = conn.execute(
                "SELECT patient_id, on_date, scale_id, deleted_at FROM assessments WHERE id = ?",
                (assessment_id,),
            ).fetchone()
            if row is None or row["deleted_at"] is not None:
                raise StoreError(f"There is no assessment {assessment_id} in the records.")
            conn.execute(
                "UPDATE assessments SET deleted_by = ?, deleted_at = ?, deleted_why = ?"
                " WHERE id = ?",
                (self.who, at, why, assessment_id),
            )
            self._log(conn, f"Withdrew the {row['scale_id']} assessment of {row['on_date']}: "
                      f"{why}", patient_id=row["patient_id"], at=at)
            refresh_pending(conn, row["patient_id"])

    def assessments(self, patient_id: int) -> list[AssessmentRecord]:
        """The patient's assessments by date (then by entry), withdrawn ones left out."""
        rows = self._rows(
            "SELECT id, patient_id, on_date, scale_id, scores_json, red_flags_json, note, who, at"
            " FROM assessments WHERE patient_id = ? AND deleted_at IS NULL"
            " ORDER BY on_date, id",
            (patient_id,),
        )
        return [self._assessment(r) for r in rows]

    @staticmethod
    def _assessment(r: sqlite3.Row) -> AssessmentRecord:
        a = decode_assessment(r["on_date"], r["scale_id"], r["scores_json"],
                              r["red_flags_json"], r["note"], f"assessment {r['id']}")
        when = decode_time(r["at"], f"assessments row {r['id']}", "at")
        return AssessmentRecord(r["id"], r["patient_id"], a, r["who"], when)
