"""The database schema, its version, and the migrations that upgrade older files.

The version lives in SQLite's ``user_version``; ``application_id`` marks the file
as TaperDesk's. Migration N upgrades a file from version N-1 to N; migration 1
builds the schema in an empty file. ``migrate`` runs every pending migration in
ONE transaction, so an upgrade either completes or leaves the file as it was.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from typing import Any

from taperdesk.model.record import record
from taperdesk.store import evidence, pg_schema

APPLICATION_ID = 0x54415052
"""'TAPR': written into the SQLite header so TaperDesk knows its own files."""


@record
class Migration:
    version: int
    """The schema version this migration produces."""
    description: str
    statements: tuple[str, ...] = ()
    run: Callable[[sqlite3.Connection], None] | None = None
    """Optional Python step (after the statements), for changes SQL alone cannot make.
    On the server it gets the PostgreSQL connection wrapped to take the same ``?`` SQL
    (store/pg.py), so one function serves both."""
    postgres: tuple[str, ...] | None = None
    """The same change for the clinic server: PostgreSQL DDL (store/pg_schema.py), run in
    place of ``statements`` there. None only for a migration with no statements."""
    postgres_run: Callable[[Any], None] | None = None
    """The Python step on the server when it must differ from ``run`` (e.g. SQLite trigger
    syntax); None: ``run`` serves both."""


_APPEND_ONLY = """
CREATE TRIGGER {table}_no_{verb} BEFORE {op} ON {table}
BEGIN SELECT RAISE(ABORT, 'the {label} is append-only'); END
"""


def _append_only(table: str, label: str) -> tuple[str, ...]:
    return tuple(
        _APPEND_ONLY.format(table=table, verb=op.lower(), op=op, label=label)
        for op in ("UPDATE", "DELETE")
    )


V1 = Migration(
    1,
    "patients, plans, revisions, assessments, acknowledgements, change log, settings",
    (
        """CREATE TABLE patients (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
            name_key TEXT NOT NULL,
            born TEXT,
            clinic_id TEXT NOT NULL DEFAULT '',
            clinic_key TEXT NOT NULL DEFAULT '',
            opioid INTEGER NOT NULL DEFAULT 0 CHECK (opioid IN (0, 1)),
            archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
            note TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL
        )""",
        "CREATE INDEX patients_by_name ON patients (archived, name_key)",
        "CREATE INDEX patients_by_name_all ON patients (name_key)",
        "CREATE UNIQUE INDEX patients_by_clinic_id ON patients (clinic_key) WHERE clinic_key != ''",
        """CREATE TABLE plans (
            id INTEGER PRIMARY KEY,
            patient_id INTEGER NOT NULL REFERENCES patients (id),
            revision INTEGER NOT NULL CHECK (revision >= 1),
            active INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1)),
            title TEXT NOT NULL,
            created TEXT NOT NULL
        )""",
        "CREATE INDEX plans_by_patient ON plans (patient_id)",
        "CREATE UNIQUE INDEX plans_one_active ON plans (patient_id) WHERE active = 1",
        """CREATE TABLE revisions (
            plan_id INTEGER NOT NULL REFERENCES plans (id),
            revision INTEGER NOT NULL CHECK (revision >= 1),
            plan_json TEXT NOT NULL,
            who TEXT NOT NULL,
            at TEXT NOT NULL,
            why TEXT NOT NULL,
            PRIMARY KEY (plan_id, revision)
        ) WITHOUT ROWID""",
        *_append_only("revisions", "plan history"),
        """CREATE TABLE assessments (
            id INTEGER PRIMARY KEY,
            patient_id INTEGER NOT NULL REFERENCES patients (id),
            on_date TEXT NOT NULL,
            scale_id TEXT NOT NULL,
            scores_json TEXT NOT NULL,
            red_flags_json TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            who TEXT NOT NULL,
            at TEXT NOT NULL,
            deleted_by TEXT,
            deleted_at TEXT,
            deleted_why TEXT
        )""",
        "CREATE INDEX assessments_by_patient ON assessments (patient_id, on_date)",
        """CREATE TABLE acknowledgements (
            id INTEGER PRIMARY KEY,
            plan_id INTEGER NOT NULL REFERENCES plans (id),
            key TEXT NOT NULL,
            code TEXT NOT NULL,
            reason TEXT NOT NULL,
            who TEXT NOT NULL,
            at TEXT NOT NULL
        )""",
        "CREATE INDEX acknowledgements_by_plan ON acknowledgements (plan_id)",
        *_append_only("acknowledgements", "list of acknowledgements"),
        """CREATE TABLE changes (
            id INTEGER PRIMARY KEY,
            who TEXT NOT NULL,
            at TEXT NOT NULL,
            patient_id INTEGER REFERENCES patients (id),
            plan_id INTEGER REFERENCES plans (id),
            what TEXT NOT NULL
        )""",
        "CREATE INDEX changes_by_patient ON changes (patient_id)",
        "CREATE INDEX changes_by_plan ON changes (plan_id)",
        *_append_only("changes", "change log"),
        "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
    ),
    postgres=pg_schema.V1,
)

TAMPER_EVIDENCE = Migration(
    2,
    "content hash on every plan revision, hash chain on the change log (store/evidence.py); "
    "name and clinic-ID keys without invisible characters",
    evidence.STATEMENTS,
    run=evidence.backfill,
    postgres=pg_schema.TAMPER_EVIDENCE,
    postgres_run=evidence.backfill_server,
)

APPOINTMENTS_AND_AGENDA = Migration(
    3,
    "appointments; each plan's dose changes kept precomputed for the Today list",
    (
        """CREATE TABLE appointments (
            id INTEGER PRIMARY KEY,
            patient_id INTEGER NOT NULL REFERENCES patients (id),
            on_date TEXT NOT NULL,
            at_time TEXT,
            kind TEXT NOT NULL CHECK (kind IN ('visit', 'phone')),
            note TEXT NOT NULL DEFAULT '',
            who TEXT NOT NULL,
            at TEXT NOT NULL,
            cancelled_by TEXT,
            cancelled_at TEXT,
            cancelled_why TEXT
        )""",
        "CREATE INDEX appointments_by_patient ON appointments (patient_id, on_date)",
        "CREATE INDEX appointments_by_date ON appointments (on_date)",
        # Derived from each plan's latest revision (computed in Python when it is saved),
        # so Today reads a week of dose changes with one indexed query.
        """CREATE TABLE plan_spans (
            plan_id INTEGER PRIMARY KEY REFERENCES plans (id),
            revision INTEGER NOT NULL,
            start_date TEXT,
            stop_date TEXT
        )""",
        """CREATE TABLE plan_changes (
            plan_id INTEGER NOT NULL REFERENCES plans (id),
            on_date TEXT NOT NULL,
            before_ug INTEGER NOT NULL,
            after_ug INTEGER NOT NULL,
            PRIMARY KEY (plan_id, on_date)
        )""",
        "CREATE INDEX plan_changes_by_date ON plan_changes (on_date)",
        # Derived: each assessment's total, so Today judges the hold threshold without
        # reading every assessment's item scores.
        # "reached": the assessment reached the hold threshold (model.hold_reasons) when
        # it was recorded, i.e. a hold was suggested.
        """CREATE TABLE assessment_totals (
            assessment_id INTEGER PRIMARY KEY REFERENCES assessments (id),
            patient_id INTEGER NOT NULL REFERENCES patients (id),
            total INTEGER NOT NULL,
            reached INTEGER NOT NULL CHECK (reached IN (0, 1))
        )""",
        # Derived: the patient's latest assessment reached the hold threshold and no
        # decision on a suggested hold has been recorded since (store/agenda.py).
        """CREATE TABLE holds_pending (
            patient_id INTEGER PRIMARY KEY REFERENCES patients (id),
            assessment_id INTEGER NOT NULL REFERENCES assessments (id),
            on_date TEXT NOT NULL,
            scale_id TEXT NOT NULL,
            total INTEGER NOT NULL
        )""",
        "CREATE INDEX assessments_red_flagged ON assessments (patient_id)"
        " WHERE red_flags_json != '[]'",
        "CREATE INDEX plan_spans_by_stop ON plan_spans (stop_date)",
    ),
    postgres=pg_schema.APPOINTMENTS_AND_AGENDA,
)

USERS = Migration(
    4,
    "named user accounts with roles (Argon2 password hashes)",
    (
        # name_key: the name folded for comparison (codec.normalise), so 'Ada Lee' and
        # 'ada  lee' are one account. admin: the account holds the admin's rights too
        # (the admin role, or the first account of the records whatever its role).
        # Accounts are never deleted (the change log names them): only disabled.
        """CREATE TABLE users (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
            name_key TEXT NOT NULL UNIQUE,
            role TEXT NOT NULL
                CHECK (role IN ('prescriber', 'nurse', 'pharmacist', 'admin')),
            admin INTEGER NOT NULL DEFAULT 0 CHECK (admin IN (0, 1)),
            password_hash TEXT NOT NULL,
            disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
            created TEXT NOT NULL
        )""",
    ),
    postgres=pg_schema.USERS,
)
TODAY_COVERING_INDEXES = Migration(
    5,
    "covering indexes for the Today list (10 000 patients within SPEC's 100 ms)",
    (
        # A week of dose changes read from the index alone, no table row per change.
        "CREATE INDEX plan_changes_today ON plan_changes (on_date, plan_id, before_ug,"
        " after_ug)",
        "DROP INDEX plan_changes_by_date",
        # The plans running on a day: the stop and start dates read from the index alone
        # (most plans stop after any given day; only those started by it are kept).
        "CREATE INDEX plan_spans_running ON plan_spans (stop_date, start_date, plan_id,"
        " revision)",
        "DROP INDEX plan_spans_by_stop",
        # Each running plan's latest assessment, with no look at withdrawn ones.
        "CREATE INDEX assessments_live ON assessments (patient_id, on_date)"
        " WHERE deleted_at IS NULL",
    ),
    postgres=pg_schema.TODAY_COVERING_INDEXES,
)

PATIENT_LANGUAGE = Migration(
    6,
    "patients.language: the language of the patient's handouts (SPEC 'Interop and languages')",
    ("ALTER TABLE patients ADD COLUMN language TEXT NOT NULL DEFAULT 'en'",),
    postgres=pg_schema.PATIENT_LANGUAGE,
)

MIGRATIONS: tuple[Migration, ...] = (V1, TAMPER_EVIDENCE, APPOINTMENTS_AND_AGENDA, USERS,
                                     TODAY_COVERING_INDEXES, PATIENT_LANGUAGE)
"""Every migration in order; ``MIGRATIONS[i].version == i + 1``."""

TABLES = ("patients", "plans", "revisions", "assessments", "acknowledgements", "changes",
          "settings", "appointments", "plan_spans", "plan_changes", "assessment_totals",
          "holds_pending", "users")


def tables(migrations: Sequence[Migration] | None = None) -> tuple[str, ...]:
    """The tables a file made by ``migrations`` has (each one's CREATE TABLE statements)."""
    found: list[str] = []
    for m in MIGRATIONS if migrations is None else migrations:
        for sql in m.statements:
            words = sql.split()
            if words[:2] == ["CREATE", "TABLE"]:
                found.append(words[2])
    return tuple(found)


def current_version(migrations: Sequence[Migration] | None = None) -> int:
    return len(MIGRATIONS if migrations is None else migrations)


def read_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, migrations: Sequence[Migration] | None = None) -> int:
    """Bring the file to the newest version in one transaction; return the version reached.

    The connection must be in autocommit mode (isolation_level=None). The version
    is read again inside the write lock, so two programs upgrading the same file
    at once do the work only once.
    """
    steps = MIGRATIONS if migrations is None else migrations
    for i, m in enumerate(steps):
        if m.version != i + 1:
            raise RuntimeError(f"migration {i} produces version {m.version}, not {i + 1}")
    conn.execute("BEGIN IMMEDIATE")
    try:
        found = read_version(conn)
        if found >= len(steps):
            conn.execute("COMMIT")
            return found
        for m in steps[found:]:
            for sql in m.statements:
                conn.execute(sql)
            if m.run is not None:
                m.run(conn)
        if found == 0:
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {len(steps)}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return len(steps)
