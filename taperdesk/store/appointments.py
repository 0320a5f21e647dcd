"""Appointments: booked, changed, cancelled (and brought back, for undo), listed.

Each write is one transaction with its change-log row. A cancelled appointment
stays in the file, marked with who, when and why, like a withdrawn assessment.
Bookings in the past, at the same date and time as another of the patient's, or
for an archived patient are refused with a StoreError that can be shown at the field.
"""

from __future__ import annotations

import sqlite3
from datetime import date, time

from taperdesk.model.appointments import Appointment, Kind, appointment_problem
from taperdesk.store.base import StoreBase
from taperdesk.store.codec import MAX_NOTE, check_text, decode_time
from taperdesk.store.errors import StoreError
from taperdesk.store.records import AppointmentRecord
from taperdesk.store.roles import Permission

_COLUMNS = "id, patient_id, on_date, at_time, kind, note, who, at"


def _record(r: sqlite3.Row) -> AppointmentRecord:
    at = time.fromisoformat(r["at_time"]) if r["at_time"] else None
    a = Appointment(date.fromisoformat(r["on_date"]), at, Kind(r["kind"]), r["note"])
    return AppointmentRecord(r["id"], r["patient_id"], a, r["who"], decode_time(r["at"]))


def _columns(a: Appointment) -> tuple[str, str | None, str, str]:
    return (a.on.isoformat(), a.at.strftime("%H:%M") if a.at is not None else None,
            a.kind.value, a.note)


class AppointmentsMixin(StoreBase):
    def _check_appointment(
        self, conn: sqlite3.Connection, patient_id: int, a: Appointment, me: int | None,
        *, past_ok: bool = False,
    ) -> Appointment:
        if not isinstance(a, Appointment) or not isinstance(a.on, date) or not isinstance(
                a.kind, Kind) or not (a.at is None or isinstance(a.at, time)):
            raise StoreError("not an appointment")
        a = Appointment(a.on, a.at.replace(second=0, microsecond=0) if a.at else None, a.kind,
                        check_text(a.note, "note", MAX_NOTE))
        row = conn.execute("SELECT archived FROM patients WHERE id = ?", (patient_id,)).fetchone()
        if row is None:
            raise StoreError(f"There is no patient {patient_id} in the records.")
        others = tuple(r.appointment for r in self._appointments_in(conn, patient_id)
                       if r.id != me)
        today = self.clock().astimezone().date()
        problem = appointment_problem(a, today=date.min if past_ok else today, others=others,
                                      archived=bool(row["archived"]))
        if problem:
            raise StoreError(problem)
        return a

    def add_appointment(self, patient_id: int, appointment: Appointment) -> AppointmentRecord:
        self.require(Permission.APPOINTMENTS)
        at = self._stamp()
        with self._write() as conn:
            a = self._check_appointment(conn, patient_id, appointment, None)
            cur = conn.execute(
                "INSERT INTO appointments (patient_id, on_date, at_time, kind, note, who, at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (patient_id, *_columns(a), self.who, at),
            )
            assert cur.lastrowid is not None
            self._log(conn, f"Booked: {a.describe()}", patient_id=patient_id, at=at)
        return AppointmentRecord(cur.lastrowid, patient_id, a, self.who, decode_time(at))

    def update_appointment(self, appointment_id: int, appointment: Appointment
                           ) -> AppointmentRecord:
        self.require(Permission.APPOINTMENTS)
        at = self._stamp()
        with self._write() as conn:
            old = self._appointment_in(conn, appointment_id)
            a = self._check_appointment(conn, old.patient_id, appointment, appointment_id)
            if a == old.appointment:
                return old
            conn.execute(
                "UPDATE appointments SET on_date = ?, at_time = ?, kind = ?, note = ?"
                " WHERE id = ?", (*_columns(a), appointment_id))
            self._log(conn, f"Changed {old.appointment.describe()} to {a.describe()}",
                      patient_id=old.patient_id, at=at)
        return AppointmentRecord(appointment_id, old.patient_id, a, old.who, old.when)

    def cancel_appointment(self, appointment_id: int, *, why: str = "") -> None:
        self.require(Permission.APPOINTMENTS)
        why = check_text(why, "reason", MAX_NOTE)
        at = self._stamp()
        with self._write() as conn:
            old = self._appointment_in(conn, appointment_id)
            conn.execute("UPDATE appointments SET cancelled_by = ?, cancelled_at = ?,"
                         " cancelled_why = ? WHERE id = ?", (self.who, at, why, appointment_id))
            reason = f": {why}" if why else ""
            self._log(conn, f"Cancelled {old.appointment.describe()}{reason}",
                      patient_id=old.patient_id, at=at)

    def restore_appointment(self, appointment_id: int) -> AppointmentRecord:
        """Bring back a cancelled appointment (Undo of a cancel); refused if its slot is taken."""
        self.require(Permission.APPOINTMENTS)
        with self._write() as conn:
            old = self._appointment_in(conn, appointment_id, cancelled=True)
            self._check_appointment(conn, old.patient_id, old.appointment, appointment_id,
                                    past_ok=True)
            conn.execute("UPDATE appointments SET cancelled_by = NULL, cancelled_at = NULL,"
                         " cancelled_why = NULL WHERE id = ?", (appointment_id,))
            self._log(conn, f"Restored {old.appointment.describe()}", patient_id=old.patient_id)
        return old

    def _appointment_in(self, conn: sqlite3.Connection, appointment_id: int, *,
                        cancelled: bool = False) -> AppointmentRecord:
        state = "IS NOT NULL" if cancelled else "IS NULL"
        row = conn.execute(f"SELECT {_COLUMNS} FROM appointments WHERE id = ?"
                           f" AND cancelled_at {state}", (appointment_id,)).fetchone()
        if row is None:
            what = "cancelled appointment" if cancelled else "appointment"
            raise StoreError(f"There is no {what} {appointment_id} in the records.")
        return _record(row)

    def _appointments_in(self, conn: sqlite3.Connection, patient_id: int
                         ) -> list[AppointmentRecord]:
        rows = conn.execute(f"SELECT {_COLUMNS} FROM appointments WHERE patient_id = ?"
                            " AND cancelled_at IS NULL ORDER BY on_date, at_time, id",
                            (patient_id,)).fetchall()
        return [_record(r) for r in rows]

    def appointments(self, patient_id: int) -> list[AppointmentRecord]:
        """The patient's appointments (not the cancelled ones) by date and time."""
        rows = self._rows(f"SELECT {_COLUMNS} FROM appointments WHERE patient_id = ?"
                          " AND cancelled_at IS NULL ORDER BY on_date, at_time, id",
                          (patient_id,))
        return [_record(r) for r in rows]

    def appointments_between(self, first: date, last: date) -> list[AppointmentRecord]:
        """Every patient's appointments from ``first`` to ``last`` (inclusive), by date."""
        rows = self._rows(f"SELECT {_COLUMNS} FROM appointments WHERE on_date BETWEEN ? AND ?"
                          " AND cancelled_at IS NULL ORDER BY on_date, at_time, id",
                          (first.isoformat(), last.isoformat()))
        return [_record(r) for r in rows]

    def next_appointment(self, patient_id: int, on: date) -> AppointmentRecord | None:
        """The patient's first appointment on or after ``on``."""
        rows = self._rows(f"SELECT {_COLUMNS} FROM appointments WHERE patient_id = ?"
                          " AND on_date >= ? AND cancelled_at IS NULL"
                          " ORDER BY on_date, at_time, id LIMIT 1",
                          (patient_id, on.isoformat()))
        return _record(rows[0]) if rows else None
