"""Tamper evidence (issue 10, defect 7): one bit flipped in a stored plan changed its start
dose 2 -> 3 mg and integrity_check said ok. Now every revision carries a content hash
checked on read, the change log is a hash chain, and Store.verify names what changed."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import RawDb, nardi_plan

from taperdesk.store import Store, StoreError, load_demo
from taperdesk.store.evidence import change_hash, revision_hash

FIXTURES = Path(__file__).parent.parent / "fixtures" / "db"


def hand_edit(db: Path, *sql: str) -> None:
    """What another program (or a bad disk) could do: the triggers dropped, rows changed."""
    con = sqlite3.connect(db)
    try:
        with con:
            for table in ("revisions", "changes"):
                con.execute(f"DROP TRIGGER IF EXISTS {table}_no_update")
                con.execute(f"DROP TRIGGER IF EXISTS {table}_no_delete")
            for s in sql:
                con.execute(s)
    finally:
        con.close()


@pytest.fixture
def demo(db_path: Path) -> Path:
    with Store.open(db_path) as s:
        load_demo(s)
        assert s.verify() == []
    return db_path


def test_a_flipped_start_dose_is_caught_on_read_and_by_verify(demo: Path) -> None:
    hand_edit(demo, "UPDATE revisions SET plan_json = replace(plan_json,"
                    " '\"start_mg\": \"2\"', '\"start_mg\": \"3\"') WHERE revision = 1")
    with Store.open(demo, create=False) as s:
        assert s.integrity_problems() == []  # SQLite itself sees nothing wrong
        assert s.plan_record(1).plan.start_ug == 2000  # the latest revision is untouched
        with pytest.raises(StoreError, match="Damaged record: plan 1, revision 1 does not "
                                             "match its content hash"):
            s.revisions(1)
        assert s.verify() == ["plan 1, revision 1: does not match its content hash "
                              "(changed outside TaperDesk)"]


def test_the_latest_revision_changed_refuses_to_open_the_plan(demo: Path) -> None:
    hand_edit(demo, "UPDATE revisions SET why = 'nothing to see' WHERE revision = 2")
    with Store.open(demo, create=False) as s, pytest.raises(StoreError, match="plan 1, revision 2"):
        s.active_plan(1)


def test_the_change_log_chain_names_a_changed_and_a_removed_row(demo: Path) -> None:
    hand_edit(demo, "UPDATE changes SET what = 'Declined the suggested hold' WHERE id = 3",
              "DELETE FROM changes WHERE id = 6")
    with Store.open(demo, create=False) as s:
        problems = s.verify()
    assert problems == [
        "change log row 3: does not follow from row 2 (changed, removed or inserted outside "
        "TaperDesk)",
        "change log row 7: does not follow from row 5 (changed, removed or inserted outside "
        "TaperDesk)",
    ]


def test_a_forger_who_recomputes_the_hashes_is_not_caught(demo: Path) -> None:
    """What the chain cannot prove (docs/RECORDS.md): the algorithm is public, so whoever
    can write the file can recompute every hash after an edit."""
    con = sqlite3.connect(demo)
    con.row_factory = sqlite3.Row
    with con:
        con.execute("DROP TRIGGER changes_no_update")
        prev = ""
        for r in con.execute("SELECT * FROM changes ORDER BY id").fetchall():
            what = "Forged" if r["id"] == 3 else r["what"]
            prev = change_hash(prev, r["id"], r["who"], r["at"], r["patient_id"],
                               r["plan_id"], what)
            con.execute("UPDATE changes SET what = ?, hash = ? WHERE id = ?",
                        (what, prev, r["id"]))
    con.close()
    with Store.open(demo, create=False) as s:
        assert s.verify() == []
        assert "Forged" in [c.what for c in s.changes()]


def test_opening_checks_the_newest_rows_of_the_chain(demo: Path) -> None:
    with Store.open(demo, create=False) as s:
        assert s.opening_problems == []
        last = s.changes(limit=1)[0].id
    hand_edit(demo, f"UPDATE changes SET who = 'mallory' WHERE id = {last}")
    with Store.open(demo, create=False) as s:
        assert s.opening_problems == [
            f"change log row {last}: does not follow from row {last - 1} (changed, removed or "
            "inserted outside TaperDesk)"]


def test_every_save_hashes_its_revision_and_chains_its_log_row(store: Store,
                                                               raw: RawDb) -> None:
    p = store.add_patient("Eve")
    rec = store.create_plan(p.id, nardi_plan())
    store.save_revision(rec.id, nardi_plan(2000), expected_revision=1, why="lower")
    # On both backends: the server computes the very same hashes (store/evidence.py).
    revs = [tuple(r) for r in raw.execute("SELECT plan_id, revision, plan_json, who, at, why,"
                                          " hash FROM revisions ORDER BY revision")]
    rows = [tuple(r) for r in raw.execute("SELECT id, who, at, patient_id, plan_id, what, hash"
                                          " FROM changes ORDER BY id")]
    assert [r[6] for r in revs] == [revision_hash(*r[:6]) for r in revs]
    prev = ""
    for r in rows:
        assert r[6] == change_hash(prev, *r[:6])
        prev = r[6]
    assert [r[5] for r in rows][-3:] == ["Added patient Eve", f"New plan: {rec.title}", "lower"]


def test_the_migration_hashes_every_row_of_a_version_1_file(tmp_path: Path) -> None:
    path = tmp_path / "v1.sqlite3"
    shutil.copyfile(FIXTURES / "v1.sqlite3", path)
    expected = json.loads((FIXTURES / "v1_expected.json").read_text("utf-8"))
    with Store.open(path, create=False) as s:
        assert s.verify() == []
        assert s.record_counts()["changes"] == len(expected["changes"])
        assert [c.what for c in s.changes()] == [w for w, _, _ in expected["changes"]]
    hand_edit(path, "UPDATE revisions SET plan_json = replace(plan_json, '3', '4')"
                    " WHERE plan_id = 1 AND revision = 1")
    with Store.open(path, create=False) as s:
        assert s.verify() == ["plan 1, revision 1: does not match its content hash (changed "
                              "outside TaperDesk)"]
