"""A records file that cannot (or must not) be written opens read-only and says so
(issue 10, defect 9); a failed save writes no log row, so its text never joins the next
save's."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from accounts import sign_in
from conftest import nardi_plan

from taperdesk.store import ConflictError, Store, StoreError, load_demo


@pytest.fixture
def marked_read_only(db_path: Path) -> Path:
    with Store.open(db_path) as s:
        load_demo(s)
    os.chmod(db_path, 0o400)
    return db_path


def test_a_read_only_file_opens_read_only_and_every_write_says_so(
    marked_read_only: Path,
) -> None:
    before = marked_read_only.read_bytes()
    with Store.open(marked_read_only, create=False) as s:
        assert s.read_only is True
        [p] = s.search_patients("demo")
        rec = s.active_plan(p.id)
        assert rec is not None and len(s.revisions(rec.id)) == 2  # reading works
        for write in (lambda: s.add_patient("New"),
                      lambda: s.save_revision(rec.id, nardi_plan(), expected_revision=2,
                                              why="edit"),
                      lambda: s.set_setting("clinic_name", "X")):
            with pytest.raises(StoreError, match="open read-only .*nothing was saved"):
                write()
    assert marked_read_only.read_bytes() == before
    assert stat.S_IMODE(marked_read_only.stat().st_mode) == 0o400


def test_a_writable_file_is_not_read_only_and_read_only_can_be_asked(db_path: Path) -> None:
    with Store.open(db_path) as s:
        assert s.read_only is False
        s.add_patient("Fay")
    with Store.open(db_path, create=False, read_only=True) as s:
        assert s.read_only and s.patient_count() == 1
        with pytest.raises(StoreError, match="read-only"):
            s.add_patient("Gus")


def test_each_save_logs_its_own_row_and_a_failed_one_none(store: Store,
                                                          records: Path | str) -> None:
    p = store.add_patient("Hana")
    rec = store.create_plan(p.id, nardi_plan())
    other = Store.open(records, create=False)  # another PC on the same records
    sign_in(other)
    other.save_revision(rec.id, nardi_plan(2500), expected_revision=1, why="Other PC's edit")
    other.close()
    logged = len(store.changes())
    with pytest.raises(ConflictError):
        store.save_revision(rec.id, nardi_plan(2000), expected_revision=1, why="Lost edit")
    with pytest.raises(StoreError):
        store.save_revision(rec.id, nardi_plan(0), expected_revision=2, why="Bad edit")
    assert len(store.changes()) == logged
    store.save_revision(rec.id, nardi_plan(2000), expected_revision=2, why="Next edit")
    assert [c.what for c in store.changes(plan_id=rec.id)][:2] == ["Next edit",
                                                                   "Other PC's edit"]
