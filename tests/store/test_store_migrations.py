"""Schema versions: every earlier version's fixture upgrades and reads back what was
written; an upgrade keeps a backup first and is all-or-nothing."""

from __future__ import annotations

import json
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest

from taperdesk.model.serialize import plan_to_dict
from taperdesk.store import Store, StoreError
from taperdesk.store.schema import MIGRATIONS, Migration, current_version

FIXTURES = Path(__file__).parent.parent / "fixtures" / "db"
EARLIER = sorted(FIXTURES.glob("v*.sqlite3"))

NEXT = Migration(
    current_version() + 1,
    "synthetic next version: a new column and index on patients",
    ("ALTER TABLE patients ADD COLUMN synthetic_col TEXT NOT NULL DEFAULT ''",
     "CREATE INDEX patients_by_synthetic_col ON patients (synthetic_col)"),
)
"""A made-up next version, so the upgrade path is tested even with one real version."""


def _broken_step(conn: sqlite3.Connection) -> None:
    conn.execute("UPDATE patients SET synthetic_col = 'half-done'")
    conn.execute("INSERT INTO no_such_table VALUES (1)")  # fails after real changes


NEXT_BROKEN = Migration(NEXT.version, "synthetic: fails half-way", NEXT.statements,
                        run=_broken_step)


def columns(s: Store) -> list[str]:
    return [r[1] for r in s._conn.execute("PRAGMA table_info(patients)")]


def raw_version(path: Path) -> int:
    con = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)  # leaves no -wal
    try:
        return int(con.execute("PRAGMA user_version").fetchone()[0])
    finally:
        con.close()


def copy_fixture(src: Path, tmp_path: Path) -> Path:
    tmp_path.mkdir(exist_ok=True)
    dest = tmp_path / src.name
    shutil.copyfile(src, dest)
    return dest


def assert_reads_as_written(s: Store, expected: dict) -> None:  # type: ignore[type-arg]
    for want in expected["patients"]:
        p = s.patient(want["id"])
        assert (p.name, p.born.isoformat() if p.born else None, p.clinic_id, p.opioid,
                p.archived, p.note) == (want["name"], want["born"], want["clinic_id"],
                                        want["opioid"], want["archived"], want["note"])
    for plan_id, want in expected["plans"].items():
        rec = s.plan_record(int(plan_id))
        assert (rec.patient_id, rec.active, rec.title) == (
            want["patient_id"], want["active"], want["title"])
        revs = s.revisions(int(plan_id))
        assert [plan_to_dict(r.plan) for r in revs] == want["revisions"]
        assert [r.why for r in revs] == want["why"]
    ada = expected["patients"][0]["id"]
    assert [[a.assessment.on.isoformat(), a.assessment.total, sorted(a.assessment.red_flags),
             a.assessment.note] for a in s.assessments(ada)] == expected["assessments"]
    first = int(next(iter(expected["plans"])))
    assert [[a.key, a.reason] for a in s.acknowledgements(first)] == expected["acknowledgements"]
    assert [[c.what, c.who, c.when.isoformat()] for c in s.changes()][-len(
        expected["changes"]):] == expected["changes"]
    assert s.setting("clinic_name") == expected["settings"]["clinic_name"]
    for pid, language in expected.get("languages", {}).items():  # from PATIENT_LANGUAGE on
        assert s.patient(int(pid)).language == language


def test_there_is_a_fixture_for_every_earlier_version() -> None:
    versions = sorted(int(p.stem[1:]) for p in EARLIER)
    assert versions == list(range(1, current_version() + 1))
    for p in EARLIER:
        assert (FIXTURES / f"{p.stem}_expected.json").is_file()


@pytest.mark.parametrize("fixture", EARLIER, ids=[p.stem for p in EARLIER])
def test_every_earlier_version_opens_with_its_records_intact(
    fixture: Path, tmp_path: Path
) -> None:
    path = copy_fixture(fixture, tmp_path)
    expected = json.loads((FIXTURES / f"{fixture.stem}_expected.json").read_text("utf-8"))
    with Store.open(path, create=False) as s:
        assert s.schema_version == current_version()
        assert s.integrity_problems() == []
        assert_reads_as_written(s, expected)


@pytest.mark.parametrize("fixture", EARLIER, ids=[p.stem for p in EARLIER])
def test_upgrade_to_a_newer_schema_keeps_a_backup_and_the_records(
    fixture: Path, tmp_path: Path
) -> None:
    path = copy_fixture(fixture, tmp_path)
    expected = json.loads((FIXTURES / f"{fixture.stem}_expected.json").read_text("utf-8"))
    old = int(fixture.stem[1:])
    newer = (*MIGRATIONS, NEXT)
    with Store.open(path, migrations=newer) as s:
        assert s.schema_version == len(newer)
        assert_reads_as_written(s, expected)
        assert "synthetic_col" in columns(s)
    [backup] = sorted(tmp_path.glob(f"{path.stem}.v{old}-backup-*{path.suffix}"))
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert raw_version(backup) == old  # the file as it was; today's code reads it upgraded:
    again = copy_fixture(backup, tmp_path / "again")
    with Store.open(again, create=False) as b:
        assert_reads_as_written(b, expected)
    # Opening again does not upgrade twice or make another backup.
    with Store.open(path, migrations=newer) as s:
        assert s.schema_version == len(newer)
    assert len(list(tmp_path.glob("*backup*"))) == 1


def test_a_failing_upgrade_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    path = copy_fixture(FIXTURES / "v1.sqlite3", tmp_path)
    expected = json.loads((FIXTURES / "v1_expected.json").read_text("utf-8"))
    with pytest.raises(StoreError, match="Upgrading .* from version 1 failed.*left as it was"):
        Store.open(path, migrations=(*MIGRATIONS, NEXT_BROKEN))
    assert list(tmp_path.glob("*backup*"))  # the backup was made first
    assert raw_version(path) == 1  # not even the real later migrations were kept
    with Store.open(path, create=False) as s:
        assert "synthetic_col" not in columns(s)
        assert_reads_as_written(s, expected)


def test_a_new_file_gets_every_migration(tmp_path: Path) -> None:
    with Store.open(tmp_path / "new.sqlite3", migrations=(*MIGRATIONS, NEXT)) as s:
        assert s.schema_version == NEXT.version
        s.add_patient("New")
        assert "synthetic_col" in columns(s)
    assert not list(tmp_path.glob("*backup*"))  # nothing to back up in a new file
