"""Plans, their revisions, warning acknowledgements and decisions on suggested holds.

A plan row points at its latest revision; every save adds a revision row (the
plan as JSON, who, when, why) and never changes an old one. ``save_revision``
compares revision numbers under the write lock, so two programs on one file
never overwrite each other's edits silently.
"""

from __future__ import annotations

import sqlite3

from taperdesk.model import Plan
from taperdesk.model.catalogue import CatalogueError
from taperdesk.store.agenda import HOLD_DECIDED, refresh_pending, write_agenda
from taperdesk.store.base import StoreBase
from taperdesk.store.codec import MAX_NOTE, check_text, decode_plan, decode_time, encode_plan
from taperdesk.store.errors import ConflictError, StoreError
from taperdesk.store.evidence import revision_hash, row_revision_hash
from taperdesk.store.records import Acknowledgement, Change, PlanRecord, Revision
from taperdesk.store.roles import Permission
from taperdesk.store.today import RED_FLAG_ACK

_RECORD = (
    "SELECT p.id, p.patient_id, p.revision, p.active, p.title, r.plan_id, r.plan_json, r.who,"
    " r.at, r.why, r.hash FROM plans p "
    "JOIN revisions r ON r.plan_id = p.id AND r.revision = p.revision"
)
_REVISION = "SELECT plan_id, revision, plan_json, who, at, why, hash FROM revisions"


def tampered(plan_id: int, revision: int) -> StoreError:
    return StoreError(
        f"Damaged record: plan {plan_id}, revision {revision} does not match its content "
        "hash; it was changed outside TaperDesk. Run 'taperdesk verify' and restore the "
        "records file from a backup copy (see docs/RECORDS.md)."
    )


def checked_plan_json(r: sqlite3.Row) -> str:
    """The revision row's plan JSON, if the row still matches its content hash."""
    if r["hash"] != row_revision_hash(r):
        raise tampered(r["plan_id"], r["revision"])
    return str(r["plan_json"])


class PlansMixin(StoreBase):
    def plan_title(self, plan: Plan) -> str:
        """'Clonazepam taper from 2027-01-04'."""
        try:
            name = self.catalogue.drug(plan.drug).name
        except CatalogueError:
            name = plan.drug.capitalize()
        return f"{name} taper from {plan.start.isoformat()}"

    def _record(self, r: sqlite3.Row) -> PlanRecord:
        plan = decode_plan(checked_plan_json(r), self.catalogue,
                           f"plan {r['id']} (revision {r['revision']})")
        return PlanRecord(r["id"], r["patient_id"], r["revision"], plan, bool(r["active"]),
                          r["title"])

    def _record_in(self, conn: sqlite3.Connection, plan_id: int) -> PlanRecord:
        row = conn.execute(_RECORD + " WHERE p.id = ?", (plan_id,)).fetchone()
        if row is None:
            raise StoreError(f"There is no plan {plan_id} in the records.")
        return self._record(row)

    def _insert_plan(
        self, conn: sqlite3.Connection, patient_id: int, plan: Plan, text: str, why: str, at: str
    ) -> PlanRecord:
        if conn.execute("SELECT 1 FROM patients WHERE id = ?", (patient_id,)).fetchone() is None:
            raise StoreError(f"There is no patient {patient_id} in the records.")
        title = self.plan_title(plan)
        conn.execute("UPDATE plans SET active = 0 WHERE patient_id = ? AND active = 1",
                     (patient_id,))
        cur = conn.execute(
            "INSERT INTO plans (patient_id, revision, active, title, created)"
            " VALUES (?, 1, 1, ?, ?)",
            (patient_id, title, at),
        )
        plan_id = cur.lastrowid
        assert plan_id is not None
        self._insert_revision(conn, plan_id, 1, text, at, why)
        write_agenda(conn, self.catalogue, plan_id, 1, plan)
        self._log(conn, f"{why}: {title}", patient_id=patient_id, plan_id=plan_id, at=at)
        return PlanRecord(plan_id, patient_id, 1, plan, True, title)

    def _insert_revision(self, conn: sqlite3.Connection, plan_id: int, revision: int,
                         text: str, at: str, why: str) -> None:
        conn.execute(
            "INSERT INTO revisions (plan_id, revision, plan_json, who, at, why, hash)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (plan_id, revision, text, self.who, at, why,
             revision_hash(plan_id, revision, text, self.who, at, why)),
        )

    def create_plan(self, patient_id: int, plan: Plan, *, why: str = "New plan") -> PlanRecord:
        """A new plan for the patient, made the active one (revision 1)."""
        self.require(Permission.PLANS)
        why = check_text(why, "reason", MAX_NOTE) or "New plan"
        plan, text = encode_plan(plan, self.catalogue)
        with self._write() as conn:
            return self._insert_plan(conn, patient_id, plan, text, why, self._stamp())

    def active_plan(self, patient_id: int) -> PlanRecord | None:
        rows = self._rows(_RECORD + " WHERE p.patient_id = ? AND p.active = 1", (patient_id,))
        return self._record(rows[0]) if rows else None

    def plans(self, patient_id: int) -> list[PlanRecord]:
        """Every plan of the patient, oldest first."""
        rows = self._rows(_RECORD + " WHERE p.patient_id = ? ORDER BY p.id", (patient_id,))
        return [self._record(r) for r in rows]

    def plan_record(self, plan_id: int) -> PlanRecord:
        rows = self._rows(_RECORD + " WHERE p.id = ?", (plan_id,))
        if not rows:
            raise StoreError(f"There is no plan {plan_id} in the records.")
        return self._record(rows[0])

    def set_active_plan(self, plan_id: int) -> PlanRecord:
        self.require(Permission.PLANS)
        with self._write() as conn:
            rec = self._record_in(conn, plan_id)
            if rec.active:
                return rec
            conn.execute("UPDATE plans SET active = 0 WHERE patient_id = ? AND active = 1",
                         (rec.patient_id,))
            conn.execute("UPDATE plans SET active = 1 WHERE id = ?", (plan_id,))
            self._log(conn, f"Made plan {plan_id} ({rec.title}) the active plan",
                      patient_id=rec.patient_id, plan_id=plan_id)
            return PlanRecord(rec.id, rec.patient_id, rec.revision, rec.plan, True, rec.title)

    def save_revision(
        self, plan_id: int, plan: Plan, *, expected_revision: int, why: str
    ) -> PlanRecord:
        """Save ``plan`` as the next revision, if the stored one is still ``expected_revision``.

        Otherwise raise ConflictError carrying the newer version and write nothing.
        """
        self.require(Permission.PLANS)
        why = check_text(why, "reason", MAX_NOTE) or "Edited the plan"
        plan, text = encode_plan(plan, self.catalogue)
        with self._write() as conn:
            row = conn.execute("SELECT patient_id, revision FROM plans WHERE id = ?",
                               (plan_id,)).fetchone()
            if row is None:
                raise StoreError(f"There is no plan {plan_id} in the records.")
            if row["revision"] != expected_revision:
                current = self._record_in(conn, plan_id)
                raise ConflictError(
                    f"Plan {plan_id} was changed elsewhere (now revision {current.revision}, "
                    f"you had revision {expected_revision}); the newer version is shown and "
                    "your edit was not saved.",
                    current,
                )
            revision = expected_revision + 1
            at = self._stamp()
            title = self.plan_title(plan)
            self._insert_revision(conn, plan_id, revision, text, at, why)
            conn.execute("UPDATE plans SET revision = ?, title = ? WHERE id = ?",
                         (revision, title, plan_id))
            write_agenda(conn, self.catalogue, plan_id, revision, plan)
            self._log(conn, why, patient_id=row["patient_id"], plan_id=plan_id, at=at)
            active = conn.execute("SELECT active FROM plans WHERE id = ?", (plan_id,)).fetchone()
            return PlanRecord(plan_id, row["patient_id"], revision, plan, bool(active[0]), title)

    def revisions(self, plan_id: int) -> list[Revision]:
        """Every saved version of the plan, oldest first."""
        rows = self._rows(_REVISION + " WHERE plan_id = ? ORDER BY revision", (plan_id,))
        return [
            Revision(
                r["plan_id"], r["revision"],
                decode_plan(checked_plan_json(r), self.catalogue,
                            f"plan {plan_id} (revision {r['revision']})"),
                r["who"], decode_time(r["at"], f"plan {plan_id}, revision {r['revision']}", "at"),
                r["why"],
            )
            for r in rows
        ]

    # -- acknowledgements and decisions ----------------------------------------

    def acknowledge(self, plan_id: int, key: str, code: str, reason: str) -> Acknowledgement:
        """Record that the warning ``key`` (PlanWarning.key) was acknowledged, and why."""
        self.require(Permission.PLAN_WARNINGS)
        key = check_text(key, "warning", 200, required=True)
        code = check_text(code, "warning code", 100, required=True)
        reason = check_text(reason, "reason", MAX_NOTE, required=True)
        at = self._stamp()
        with self._write() as conn:
            rec = self._record_in(conn, plan_id)
            conn.execute(
                "INSERT INTO acknowledgements (plan_id, key, code, reason, who, at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (plan_id, key, code, reason, self.who, at),
            )
            self._log(conn, f"Acknowledged warning {key}: {reason}",
                      patient_id=rec.patient_id, plan_id=plan_id, at=at)
        return Acknowledgement(plan_id, key, code, reason, self.who, decode_time(at))

    def acknowledgements(self, plan_id: int) -> list[Acknowledgement]:
        """Every acknowledgement of the plan's warnings, oldest first."""
        rows = self._rows(
            "SELECT id, plan_id, key, code, reason, who, at FROM acknowledgements"
            " WHERE plan_id = ? ORDER BY id",
            (plan_id,),
        )
        return [Acknowledgement(r["plan_id"], r["key"], r["code"], r["reason"], r["who"],
                                decode_time(r["at"], f"acknowledgements row {r['id']}", "at"))
                for r in rows]

    def record_decision(
        self, patient_id: int, plan_id: int | None, what: str, reason: str
    ) -> Change:
        """Log a decision on a suggested hold (accepted, changed or declined) and its reason,
        or what was done about a red flag (a nurse's or a prescriber's)."""
        self.require(Permission.RED_FLAGS if str(what).startswith(RED_FLAG_ACK)
                     else Permission.HOLDS)
        what = check_text(what, "decision", MAX_NOTE, required=True)
        reason = check_text(reason, "reason", MAX_NOTE)
        text = f"{what.rstrip('.')}. Reason: {reason}" if reason else what
        with self._write() as conn:
            if conn.execute("SELECT 1 FROM patients WHERE id = ?",
                            (patient_id,)).fetchone() is None:
                raise StoreError(f"There is no patient {patient_id} in the records.")
            if plan_id is not None and conn.execute(
                "SELECT 1 FROM plans WHERE id = ? AND patient_id = ?", (plan_id, patient_id)
            ).fetchone() is None:
                raise StoreError(f"Plan {plan_id} is not a plan of patient {patient_id}.")
            change = self._log(conn, text, patient_id=patient_id, plan_id=plan_id)
            if what.startswith(HOLD_DECIDED):
                refresh_pending(conn, patient_id)
            return change
