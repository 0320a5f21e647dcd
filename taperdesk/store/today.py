"""What the Today list needs, gathered in a few indexed queries (no schedule computed).

Each plan's dose changes and each assessment's total are kept precomputed
(store/agenda.py), so every query here starts from a small indexed range (a week
of dose changes, the plans running on the day, flagged assessments, the day's
appointments) and only patients who may have an item are read. The rules
themselves are the model's (taperdesk.model.today). Plans or assessments whose kept
rows are missing (files made before they were kept) are computed once and kept.
"""

from __future__ import annotations

import json
from datetime import date, time, timedelta
from typing import Any

from taperdesk.model.appointments import CHECKIN_DAY_AFTER_CUT, Appointment, DoseChange, Kind
from taperdesk.model.scales import ScaleError, red_flags, scale
from taperdesk.model.today import WEEK_AHEAD_DAYS, PatientDay
from taperdesk.store.agenda import keep_total, write_agenda
from taperdesk.store.base import StoreBase
from taperdesk.store.codec import decode_assessment, decode_plan
from taperdesk.store.errors import StoreError

RED_FLAG_ACK = "Red flag acknowledged for the assessment of"
"""How a red flag's acknowledgement starts in the change log (kept stable: old records
use it; ui/red_flag_banner.py writes it)."""
CHECKIN_SETTING = "checkin_day_after_cut"
"""The clinic's own check-in day, if it changed the TaperDesk default."""

_ACTIVE = ("CROSS JOIN plans p CROSS JOIN patients pt WHERE p.id = s.plan_id AND p.active = 1"
           " AND pt.id = p.patient_id AND pt.archived = 0")
"""Joined in this order (CROSS JOIN fixes it), so each query starts from its small range."""


class TodayMixin(StoreBase):
    def checkin_day(self) -> int:
        """The check-in day after a cut: the clinic's setting, else the TaperDesk default."""
        text = self.setting(CHECKIN_SETTING, str(CHECKIN_DAY_AFTER_CUT))
        return int(text) if text.isdigit() and 1 <= int(text) <= 14 else CHECKIN_DAY_AFTER_CUT

    def today_data(self, day: date, *, checkin_day: int = CHECKIN_DAY_AFTER_CUT
                   ) -> list[PatientDay]:
        """The patients (not archived) who may have a Today item on ``day``, with the facts
        the model's rules need; everyone else has none."""
        self._refresh_derived()
        first = day - timedelta(days=checkin_day)
        last = day + timedelta(days=WEEK_AHEAD_DAYS)
        people: dict[int, list[Any]] = {}

        def person(r: Any) -> list[Any]:
            """The patient's facts in PatientDay's order (a list: filled in by each query)."""
            v = people.get(r[0])
            if v is None:
                v = people[r[0]] = [r[0], r[1], r[2], r[3], _date(r[4]), _date(r[5]), (),
                                    None, (), None, ()]
            return v

        plan_cols = "pt.id, pt.name, pt.clinic_id, p.id, s.start_date, s.stop_date"
        for r in self._rows(f"SELECT {plan_cols}, c.on_date, c.before_ug, c.after_ug"
                            " FROM plan_changes c CROSS JOIN plan_spans s "
                            + _ACTIVE.replace("WHERE", "WHERE s.plan_id = c.plan_id AND")
                            + " AND s.revision = p.revision AND c.on_date BETWEEN ? AND ?",
                            (first.isoformat(), last.isoformat())):
            (people.get(r[0]) or person(r))[_CHANGES] += (
                DoseChange(_date(r[6]), r[7], r[8]),)  # type: ignore[arg-type]
        d = day.isoformat()
        for r in self._rows(f"SELECT {plan_cols}, (SELECT max(a.on_date) FROM assessments a"
                            " WHERE a.patient_id = pt.id AND a.deleted_at IS NULL"
                            " AND a.on_date <= ?) FROM plan_spans s " + _ACTIVE
                            + " AND s.revision = p.revision AND s.stop_date > ?"
                            " AND s.start_date <= ?", (d, d, d)):
            (people.get(r[0]) or person(r))[_LAST] = _date(r[6])
        for r in self._rows("SELECT pt.id, pt.name, pt.clinic_id, NULL, NULL, NULL"
                            " FROM patients pt WHERE pt.archived = 0 AND NOT EXISTS"
                            " (SELECT 1 FROM plans p WHERE p.patient_id = pt.id"
                            " AND p.active = 1)"):
            person(r)
        self._red_flags(people, person)
        self._holds(people, person)
        for r in self._rows(f"SELECT {self._who_cols()}, ap.at_time, ap.kind, ap.note"
                            " FROM appointments ap CROSS JOIN patients pt" + self._plan_join()
                            + " WHERE pt.id = ap.patient_id AND pt.archived = 0"
                            " AND ap.on_date = ? AND ap.cancelled_at IS NULL", (d,)):
            at = time.fromisoformat(r[6]) if r[6] else None
            person(r)[_BOOKED] += (Appointment(day, at, Kind(r[7]), r[8]),)
        # Each list holds PatientDay's fields in order, its tuples already made: made into
        # the named tuple directly (its Python __new__ checks nothing a list of 11 needs).
        return [tuple.__new__(PatientDay, v) for v in people.values()]

    @staticmethod
    def _who_cols() -> str:
        return "pt.id, pt.name, pt.clinic_id, p.id, s.start_date, s.stop_date"

    @staticmethod
    def _plan_join() -> str:
        return (" LEFT JOIN plans p ON p.patient_id = pt.id AND p.active = 1"
                " LEFT JOIN plan_spans s ON s.plan_id = p.id")

    def _red_flags(self, people: dict[int, list[Any]], person: Any) -> None:
        """Red flags on assessments that no change-log row acknowledges."""
        labels = {f.id: f.label for f in red_flags()}
        for r in self._rows(
                f"SELECT {self._who_cols()}, a.id, a.on_date, a.red_flags_json"
                " FROM assessments a CROSS JOIN patients pt" + self._plan_join()
                + " WHERE a.red_flags_json != '[]' AND a.deleted_at IS NULL"
                " AND pt.id = a.patient_id AND pt.archived = 0 AND NOT EXISTS (SELECT 1"
                " FROM changes ch WHERE ch.patient_id = a.patient_id"
                " AND ch.what LIKE ? || a.on_date || ' (#' || a.id || ')%')",
                (f"{RED_FLAG_ACK} ",)):
            what = ", ".join(labels.get(f, f) for f in json.loads(r[8]))
            person(r)[_FLAGS] += ((date.fromisoformat(r[7]), f"Red flag: {what}"),)

    def _holds(self, people: dict[int, list[Any]], person: Any) -> None:
        """The latest assessment reached the hold threshold and no decision followed it."""
        names: dict[str, str] = {}
        whys: dict[tuple[str, int], str] = {}
        for r in self._rows(f"SELECT {self._who_cols()}, h.on_date, h.scale_id, h.total"
                            " FROM holds_pending h CROSS JOIN patients pt" + self._plan_join()
                            + " WHERE pt.id = h.patient_id AND pt.archived = 0"):
            why = whys.get((r[7], r[8]))
            if why is None:
                if r[7] not in names:
                    try:
                        names[r[7]] = scale(r[7]).name
                    except ScaleError:
                        names[r[7]] = r[7]
                why = whys[r[7], r[8]] = f"{names[r[7]]} total {r[8]} reached the hold threshold"
            (people.get(r[0]) or person(r))[_HOLD] = (_date(r[6]), why)

    # -- kept rows -----------------------------------------------------------

    def _refresh_derived(self) -> None:
        """Compute the kept rows that are missing or stale (derived: no change-log row)."""
        stale = self._rows("SELECT p.id, p.revision FROM plans p"
                           " LEFT JOIN plan_spans s ON s.plan_id = p.id"
                           " AND s.revision = p.revision WHERE p.active = 1"
                           " AND s.plan_id IS NULL")
        (missing,), = self._rows("SELECT (SELECT count(*) FROM assessments)"
                                 " - (SELECT count(*) FROM assessment_totals)")
        if not stale and not missing:
            return
        with self._write() as conn:
            for plan_id, revision in stale:
                (text,), = conn.execute("SELECT plan_json FROM revisions WHERE plan_id = ?"
                                        " AND revision = ?", (plan_id, revision)).fetchall()
                try:
                    plan = decode_plan(text, self.catalogue, f"plan {plan_id}")
                except StoreError:
                    continue
                write_agenda(conn, self.catalogue, plan_id, revision, plan)
            if missing:
                for r in conn.execute(
                        "SELECT a.id, a.patient_id, a.on_date, a.scale_id, a.scores_json"
                        " FROM assessments a LEFT JOIN assessment_totals t"
                        " ON t.assessment_id = a.id WHERE t.assessment_id IS NULL"
                        " ORDER BY a.on_date, a.id").fetchall():
                    try:
                        a = decode_assessment(r[2], r[3], r[4], "[]", "", "assessment")
                    except StoreError:
                        continue
                    keep_total(conn, r[0], r[1], a)


class _Dates(dict[str | None, date | None]):
    """ISO dates, each text parsed once (10 000 patients share few dates); no text, None.
    Read as ``_date(text)``: a dict lookup, Python code only for a text not seen before."""

    def __missing__(self, text: str | None) -> date | None:
        d = self[text] = date.fromisoformat(text) if text else None
        return d


_DATES = _Dates()
_date = _DATES.__getitem__


_CHANGES, _LAST, _FLAGS, _HOLD, _BOOKED = (PatientDay._fields.index(f) for f in (
    "changes", "last_assessment", "red_flags", "hold_pending", "appointments"))
"""Where each fact goes in a patient's list (PatientDay's fields, in order)."""
