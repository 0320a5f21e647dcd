"""Tamper evidence: a content hash on every plan revision, a hash chain through the change log.

Both are computed here in Python (never by SQL triggers), so a PostgreSQL twin of the
store computes the very same values. What they can and cannot prove is in
docs/RECORDS.md ("Tamper evidence"): damage and naive edits, yes; a forger who
recomputes the hashes, no.

    revision hash = sha256(JSON ["taperdesk-revision-1", plan_id, revision, plan_json,
                                 who, at, why])
    change hash   = sha256(JSON ["taperdesk-change-1", previous row's hash ("" for the
                                 first), id, who, at, patient_id, plan_id, what])

JSON here is ``json.dumps(list, ensure_ascii=False, separators=(",", ":"))`` in UTF-8;
``plan_json`` is the stored text itself (already canonical: sorted keys).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from typing import Any

from taperdesk.store.codec import normalise

REVISION_TAG = "taperdesk-revision-1"
CHANGE_TAG = "taperdesk-change-1"


def _digest(*parts: Any) -> str:
    payload = json.dumps(parts, ensure_ascii=False, separators=(",", ":"), default=repr)
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()


def revision_hash(plan_id: Any, revision: Any, plan_json: Any, who: Any, at: Any,
                  why: Any) -> str:
    return _digest(REVISION_TAG, plan_id, revision, plan_json, who, at, why)


def change_hash(prev: str, row_id: Any, who: Any, at: Any, patient_id: Any, plan_id: Any,
                what: Any) -> str:
    return _digest(CHANGE_TAG, prev, row_id, who, at, patient_id, plan_id, what)


def row_revision_hash(r: sqlite3.Row) -> str:
    return revision_hash(r["plan_id"], r["revision"], r["plan_json"], r["who"], r["at"],
                         r["why"])


def row_change_hash(prev: str, r: sqlite3.Row) -> str:
    return change_hash(prev, r["id"], r["who"], r["at"], r["patient_id"], r["plan_id"],
                       r["what"])


def last_change(conn: sqlite3.Connection) -> tuple[int, str]:
    """(id, hash) of the newest change-log row; (0, "") in a new file."""
    row = conn.execute("SELECT id, hash FROM changes ORDER BY id DESC LIMIT 1").fetchone()
    return (0, "") if row is None else (int(row[0]), str(row[1]))


# -- the migration -----------------------------------------------------------------------

APPEND_ONLY_UPDATE = (
    "CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
    "BEGIN SELECT RAISE(ABORT, 'the {label} is append-only'); END"
)

STATEMENTS = (
    "DROP TRIGGER revisions_no_update",
    "DROP TRIGGER changes_no_update",
    "ALTER TABLE revisions ADD COLUMN hash TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE changes ADD COLUMN hash TEXT NOT NULL DEFAULT ''",
)
"""Make room for the hashes; ``backfill`` fills them and puts the triggers back."""


def backfill(conn: sqlite3.Connection) -> None:
    """Hash every existing revision and chain every existing change-log row (inside the
    migration's one transaction), then make both tables append-only again. Also rebuilds
    the name and clinic-ID keys with invisible characters dropped (look-alike names)."""
    conn.row_factory = sqlite3.Row
    try:
        _hash_all(conn)
        conn.execute(APPEND_ONLY_UPDATE.format(table="revisions", label="plan history"))
        conn.execute(APPEND_ONLY_UPDATE.format(table="changes", label="change log"))
        _rekey_patients(conn)
    finally:
        conn.row_factory = None


def backfill_server(conn: Any) -> None:
    """The same on the clinic server (its connection takes the same ``?`` SQL and reads
    rows by name): the append-only triggers are set aside for the backfill only, inside
    the migration's one transaction."""
    tables = ("revisions", "changes")
    for table in tables:
        conn.execute(f"ALTER TABLE {table} DISABLE TRIGGER {table}_append_only")
    _hash_all(conn)
    for table in tables:
        conn.execute(f"ALTER TABLE {table} ENABLE TRIGGER {table}_append_only")
    _rekey_patients(conn)


def _hash_all(conn: Any) -> None:
    """Hash every existing revision and chain every existing change-log row."""
    for r in conn.execute("SELECT plan_id, revision, plan_json, who, at, why"
                          " FROM revisions").fetchall():
        conn.execute("UPDATE revisions SET hash = ? WHERE plan_id = ? AND revision = ?",
                     (row_revision_hash(r), r["plan_id"], r["revision"]))
    prev = ""
    for r in conn.execute("SELECT id, who, at, patient_id, plan_id, what FROM changes"
                          " ORDER BY id").fetchall():
        prev = row_change_hash(prev, r)
        conn.execute("UPDATE changes SET hash = ? WHERE id = ?", (prev, r["id"]))


def _rekey_patients(conn: sqlite3.Connection) -> None:
    """name_key and clinic_key as ``normalise`` now makes them. A clinic ID that would then
    clash with another patient's keeps its old key (both patients stay as they were)."""
    rows = conn.execute("SELECT id, name, clinic_id, name_key, clinic_key FROM patients"
                        " ORDER BY id").fetchall()
    taken = {r["clinic_key"] for r in rows if r["clinic_key"]}
    for r in rows:
        name_key, clinic_key = normalise(r["name"]), normalise(r["clinic_id"])
        if clinic_key != r["clinic_key"] and clinic_key in taken:
            clinic_key = r["clinic_key"]
        taken.add(clinic_key)
        if (name_key, clinic_key) != (r["name_key"], r["clinic_key"]):
            conn.execute("UPDATE patients SET name_key = ?, clinic_key = ? WHERE id = ?",
                         (name_key, clinic_key, r["id"]))
