"""Moving plans in and out of the records as plan files (see planfile.py).

An import is one transaction: the patient (found or created), any opioid flag
the file adds, and the new plan are written together or not at all.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from taperdesk.model import PlanError
from taperdesk.model.holds import in_date_order
from taperdesk.model.record import record
from taperdesk.store.codec import encode_plan, normalise
from taperdesk.store.errors import StoreError
from taperdesk.store.patients import PatientsMixin
from taperdesk.store.plans import PlansMixin
from taperdesk.store.records import Patient, PlanRecord
from taperdesk.store.roles import Permission

if TYPE_CHECKING:
    from taperdesk.store.planfile import PlanDocument


@record
class Imported:
    patient: Patient
    record: PlanRecord
    new_patient: bool
    flagged_opioid: bool
    """The file flagged an opioid co-prescription the patient's record did not have."""


class TransferMixin(PatientsMixin, PlansMixin):
    def export_document(self, plan_id: int) -> PlanDocument:
        """The plan file contents for one plan (its latest revision) and its patient."""
        rec = self.plan_record(plan_id)
        p = self.patient(rec.patient_id)
        # Plan files apply holds in date order: write the window's plan in that order.
        try:
            plan = in_date_order(rec.plan, self.catalogue)
        except PlanError as exc:
            raise StoreError(f"Plan {plan_id} cannot be exported: {exc}.") from None
        from taperdesk.store.planfile import PlanDocument

        return PlanDocument(plan, p.name, p.opioid, p.born, p.clinic_id, p.language)

    def import_document(
        self, doc: PlanDocument, *, patient_id: int | None = None, source: str = "a plan file"
    ) -> Imported:
        """Add the document's plan as the active plan of its patient (created if new).

        The patient is ``patient_id`` if given, else the one with the file's clinic
        ID, else the one with the file's exact name. A clinic ID or date of birth
        that disagrees with the name, or a name shared by several patients, is
        refused rather than guessed.
        """
        self.require(Permission.PLANS)
        plan, text = encode_plan(doc.plan, self.catalogue)
        name = " ".join(doc.patient_name.split())
        at = self._stamp()
        with self._write() as conn:
            patient = self._import_target(conn, doc, name, patient_id)
            new = patient is None
            if patient is None:
                self.require(Permission.PATIENTS)
                if not name:
                    raise StoreError("The plan file names no patient; choose one (--patient).")
                fields = self._clean_patient({"name": name, "born": doc.born,
                                              "clinic_id": doc.clinic_id, "opioid": doc.opioid,
                                              "note": "", "language": doc.language or "en"})
                patient = self._insert_patient(conn, fields, at)
            flagged = doc.opioid and not patient.opioid
            if flagged:
                conn.execute("UPDATE patients SET opioid = 1 WHERE id = ?", (patient.id,))
                self._log(conn, f"Opioid co-prescription flagged (from {source})",
                          patient_id=patient.id, at=at)
                patient = self._patient_in(conn, patient.id)
            record = self._insert_plan(conn, patient.id, plan, text,
                                       f"Imported from {source}", at)
        return Imported(patient, record, new, flagged)

    def _import_target(
        self, conn: sqlite3.Connection, doc: PlanDocument, name: str, patient_id: int | None
    ) -> Patient | None:
        if patient_id is not None:
            return self._patient_in(conn, patient_id)
        key = normalise(name)
        if doc.clinic_id:
            row = conn.execute("SELECT id FROM patients WHERE clinic_key = ?",
                               (normalise(doc.clinic_id),)).fetchone()
            if row is not None:
                found = self._patient_in(conn, row["id"])
                if key and normalise(found.name) != key:
                    raise StoreError(
                        f"Clinic ID {doc.clinic_id} belongs to {found.name} (patient {found.id}),"
                        f" but the file is for {name}. Choose the patient (--patient)."
                    )
                self._same_birth(found, doc)
                return found
        if not key:
            return None
        rows = conn.execute("SELECT id FROM patients WHERE name_key = ? ORDER BY id",
                            (key,)).fetchall()
        if len(rows) > 1:
            ids = ", ".join(str(r["id"]) for r in rows)
            raise StoreError(
                f"{len(rows)} patients are named {name} (patients {ids}); choose one (--patient)."
            )
        if not rows:
            return None
        found = self._patient_in(conn, rows[0]["id"])
        if doc.clinic_id and found.clinic_id and normalise(found.clinic_id) != normalise(
            doc.clinic_id
        ):
            raise StoreError(
                f"{found.name} (patient {found.id}) has clinic ID {found.clinic_id}, but the "
                f"file says {doc.clinic_id}. Choose the patient (--patient)."
            )
        self._same_birth(found, doc)
        return found

    @staticmethod
    def _same_birth(found: Patient, doc: PlanDocument) -> None:
        if found.born and doc.born and found.born != doc.born:
            raise StoreError(
                f"{found.name} (patient {found.id}) was born {found.born.isoformat()}, but the "
                f"file says {doc.born.isoformat()}. Choose the patient (--patient)."
            )
