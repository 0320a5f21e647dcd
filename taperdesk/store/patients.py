"""Patients: add, edit, archive, find. Each edit is one transaction with its log row."""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

from taperdesk.model.languages import DEFAULT_LANGUAGE, LANGUAGES
from taperdesk.store.base import StoreBase
from taperdesk.store.codec import (
    MAX_CLINIC_ID,
    MAX_NAME,
    MAX_NOTE,
    check_born,
    check_text,
    decode_date,
    normalise,
)
from taperdesk.store.errors import StoreError
from taperdesk.store.records import Patient
from taperdesk.store.roles import Permission

EDITABLE = ("name", "born", "clinic_id", "opioid", "note", "language")
_COLUMNS = "*"
"""Every column, so a file opened at an earlier schema version (a backup, read to check it)
reads too: a column it does not have yet takes its default (``_patient``)."""


def _patient(r: sqlite3.Row) -> Patient:
    return _patients([r])[0]


def _patients(rows: list[sqlite3.Row]) -> list[Patient]:
    """Rows of ``SELECT *`` as patients; the columns are found once for all of them (a search
    reads up to 200)."""
    if not rows:
        return []
    keys = list(rows[0].keys())
    (pid, name, born, clinic_id, opioid, archived, note) = (keys.index(k) for k in (
        "id", "name", "born", "clinic_id", "opioid", "archived", "note"))
    language = keys.index("language") if "language" in keys else None
    out = []
    for r in rows:
        day = r[born]
        out.append(Patient(
            r[pid], r[name],
            decode_date(day, f"patients row {r[pid]}", "born") if day else None,
            r[clinic_id], bool(r[opioid]), bool(r[archived]), r[note],
            DEFAULT_LANGUAGE if language is None else r[language]))
    return out


def _describe(field: str, old: Any, new: Any) -> str:
    if field == "opioid":
        return "Opioid co-prescription flagged" if new else "Opioid co-prescription flag removed"
    if field == "language":
        return f"Handout language set to {LANGUAGES.get(new, new)}"
    label = {"name": "Name", "born": "Date of birth", "clinic_id": "Clinic ID",
             "note": "Note"}[field]
    shown = new.isoformat() if isinstance(new, date) else new
    if new in (None, ""):
        return f"{label} removed"
    if field == "note":
        return "Note changed"
    return f"{label} set to {shown}"


class PatientsMixin(StoreBase):
    def _clean_patient(self, fields: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in fields.items():
            if key == "name":
                out[key] = " ".join(check_text(value, "name", MAX_NAME, required=True).split())
            elif key == "born":
                out[key] = check_born(value, self.clock().astimezone().date())
            elif key == "clinic_id":
                out[key] = check_text(value, "clinic ID", MAX_CLINIC_ID)
            elif key == "note":
                out[key] = check_text(value, "note", MAX_NOTE)
            elif key == "language":
                if value not in LANGUAGES:
                    raise StoreError(f"the handout language must be one of "
                                     f"{', '.join(LANGUAGES)}, not {value!r}")
                out[key] = value
            elif key == "opioid":
                if not isinstance(value, bool):
                    raise StoreError("opioid co-prescription must be true or false")
                out[key] = value
            else:
                raise StoreError(f"a patient has no field {key!r}")
        return out

    def _clinic_id_free(self, conn: sqlite3.Connection, clinic_id: str, me: int | None) -> None:
        key = normalise(clinic_id)
        if not key:
            return
        row = conn.execute(
            "SELECT id, name FROM patients WHERE clinic_key = ? AND id IS NOT ?", (key, me)
        ).fetchone()
        if row is not None:
            raise StoreError(
                f"Clinic ID {clinic_id} is already used by {row['name']} (patient {row['id']})."
            )

    def _insert_patient(self, conn: sqlite3.Connection, f: dict[str, Any], at: str) -> Patient:
        self._clinic_id_free(conn, f["clinic_id"], None)
        cur = conn.execute(
            "INSERT INTO patients (name, name_key, born, clinic_id, clinic_key, opioid, note,"
            " created, language) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (f["name"], normalise(f["name"]), f["born"].isoformat() if f["born"] else None,
             f["clinic_id"], normalise(f["clinic_id"]), int(f["opioid"]), f["note"], at,
             f.get("language", DEFAULT_LANGUAGE)),
        )
        assert cur.lastrowid is not None
        patient = Patient(cur.lastrowid, f["name"], f["born"], f["clinic_id"], f["opioid"],
                          False, f["note"], f.get("language", DEFAULT_LANGUAGE))
        extra = " (opioid co-prescription flagged)" if patient.opioid else ""
        self._log(conn, f"Added patient {patient.name}{extra}", patient_id=patient.id, at=at)
        return patient

    def add_patient(
        self,
        name: str,
        *,
        born: date | None = None,
        clinic_id: str = "",
        opioid: bool = False,
        note: str = "",
        language: str = DEFAULT_LANGUAGE,
    ) -> Patient:
        self.require(Permission.PATIENTS)
        f = self._clean_patient(
            {"name": name, "born": born, "clinic_id": clinic_id, "opioid": opioid, "note": note,
             "language": language}
        )
        with self._write() as conn:
            return self._insert_patient(conn, f, self._stamp())

    def update_patient(self, patient_id: int, **fields: Any) -> Patient:
        """Change some of: name, born, clinic_id, opioid, note, language. One change-log row
        each."""
        self.require(Permission.PATIENTS)
        f = self._clean_patient(fields)
        with self._write() as conn:
            old = self._patient_in(conn, patient_id)
            changed = {k: v for k, v in f.items() if getattr(old, k) != v}
            if not changed:
                return old
            if "clinic_id" in changed:
                self._clinic_id_free(conn, changed["clinic_id"], patient_id)
            cols = dict(changed)
            if "born" in cols:
                cols["born"] = cols["born"].isoformat() if cols["born"] else None
            if "name" in cols:
                cols["name_key"] = normalise(changed["name"])
            if "clinic_id" in cols:
                cols["clinic_key"] = normalise(changed["clinic_id"])
            if "opioid" in cols:
                cols["opioid"] = int(changed["opioid"])
            assign = ", ".join(f"{k} = ?" for k in cols)
            conn.execute(f"UPDATE patients SET {assign} WHERE id = ?", (*cols.values(),
                                                                        patient_id))
            at = self._stamp()
            for k, v in changed.items():
                self._log(conn, _describe(k, getattr(old, k), v), patient_id=patient_id, at=at)
            return self._patient_in(conn, patient_id)

    def set_archived(self, patient_id: int, archived: bool) -> Patient:
        self.require(Permission.PATIENTS)
        with self._write() as conn:
            old = self._patient_in(conn, patient_id)
            if old.archived == bool(archived):
                return old
            conn.execute("UPDATE patients SET archived = ? WHERE id = ?",
                         (int(bool(archived)), patient_id))
            what = "Archived the patient" if archived else "Brought the patient back from archive"
            self._log(conn, what, patient_id=patient_id)
            return self._patient_in(conn, patient_id)

    def _patient_in(self, conn: sqlite3.Connection, patient_id: int) -> Patient:
        row = conn.execute(f"SELECT {_COLUMNS} FROM patients WHERE id = ?",
                           (patient_id,)).fetchone()
        if row is None:
            raise StoreError(f"There is no patient {patient_id} in the records.")
        return _patient(row)

    def patient(self, patient_id: int) -> Patient:
        rows = self._rows(f"SELECT {_COLUMNS} FROM patients WHERE id = ?", (patient_id,))
        if not rows:
            raise StoreError(f"There is no patient {patient_id} in the records.")
        return _patient(rows[0])

    def search_patients(
        self, text: str = "", *, include_archived: bool = False, limit: int = 200
    ) -> list[Patient]:
        """Patients whose name or clinic ID contains every word of ``text``, by name.

        Case and accents are ignored. Walks the name index in order and stops at
        ``limit`` matches, so typing stays fast with many patients. The name is matched on
        the name index itself; the clinic IDs a word is in are found once, in the clinic ID
        index, so no patient's row is read unless it is one of the matches (reading each
        row to look at its clinic ID was most of a search that matches few).
        """
        words = normalise(text).split()
        where = [] if include_archived else ["archived = 0"]
        params: list[Any] = []
        for w in words:
            where.append("(instr(name_key, ?) > 0 OR id IN (SELECT id FROM patients"
                         " INDEXED BY patients_by_clinic_id WHERE clinic_key != ''"
                         " AND instr(clinic_key, ?) > 0))")
            params += [w, w]
        index = "patients_by_name_all" if include_archived else "patients_by_name"
        sql = f"SELECT {_COLUMNS} FROM patients INDEXED BY {index}"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY name_key, id LIMIT ?"
        return _patients(self._rows(sql, (*params, max(0, limit))))

    def find_patients(self, ref: str) -> list[Patient]:
        """Patients matching ``ref`` exactly: a patient id, a clinic ID or a whole name."""
        ref = ref.strip()
        found: list[Patient] = []
        if ref.isdigit():
            found = _patients(self._rows(
                f"SELECT {_COLUMNS} FROM patients WHERE id = ?", (int(ref),)))
        key = normalise(ref)
        if not found and key:
            found = _patients(self._rows(
                f"SELECT {_COLUMNS} FROM patients WHERE clinic_key = ?", (key,)))
        if not found and key:
            found = _patients(self._rows(
                f"SELECT {_COLUMNS} FROM patients WHERE name_key = ? ORDER BY id", (key,)))
        return found

    def patient_count(self) -> int:
        """All patients, archived ones included."""
        return int(self._rows("SELECT count(*) FROM patients")[0][0])
