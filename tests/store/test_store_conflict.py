"""Two programs on one records file or one clinic server never overwrite each other silently."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest
from conftest import nardi_plan

from taperdesk.model import insert_hold
from taperdesk.store import ConflictError, Store


def test_second_writer_is_told_and_sees_the_newer_plan(records: Path | str) -> None:
    a = Store.open(records)
    b = Store.open(records)
    try:
        rec = a.create_plan(a.add_patient("Quinn").id, nardi_plan())
        seen_by_b = b.plan_record(rec.id)
        a_plan = insert_hold(rec.plan, date(2027, 2, 1), 14)
        a.save_revision(rec.id, a_plan, expected_revision=rec.revision, why="A's hold")
        b_plan = insert_hold(seen_by_b.plan, date(2027, 3, 1), 7)
        with pytest.raises(ConflictError) as caught:
            b.save_revision(rec.id, b_plan, expected_revision=seen_by_b.revision, why="B's hold")
        assert caught.value.current.revision == 2
        assert caught.value.current.plan == a_plan
        assert "changed elsewhere" in str(caught.value)
        # Nothing of B's edit was written.
        assert [r.why for r in a.revisions(rec.id)] == ["New plan", "A's hold"]
        assert "B's hold" not in [c.what for c in a.changes()]
        # B can save on top of the newer version.
        b.save_revision(rec.id, b_plan, expected_revision=2, why="B's hold, again")
        assert a.plan_record(rec.id).revision == 3
    finally:
        a.close()
        b.close()


def test_racing_writers_lose_nothing(records: Path | str) -> None:
    """Four connections save as fast as they can; every save that succeeded is there."""
    with Store.open(records) as s:
        rec = s.create_plan(s.add_patient("Race").id, nardi_plan())
    saved: list[str] = []
    lock = threading.Lock()

    def writer(name: str) -> None:
        with Store.open(records, timeout=30) as mine:
            for i in range(15):
                while True:
                    cur = mine.plan_record(rec.id)
                    plan = insert_hold(nardi_plan(), date(2027, 1, 5 + i), 1 + len(name))
                    try:
                        mine.save_revision(rec.id, plan, expected_revision=cur.revision,
                                           why=f"{name}-{i}")
                    except ConflictError:
                        continue
                    with lock:
                        saved.append(f"{name}-{i}")
                    break

    threads = [threading.Thread(target=writer, args=(n,)) for n in ("a", "bb", "ccc", "dddd")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with Store.open(records) as s:
        revs = s.revisions(rec.id)
        assert [r.revision for r in revs] == list(range(1, 62))
        assert sorted(r.why for r in revs[1:]) == sorted(saved)
        assert len(saved) == 60
        assert s.plan_record(rec.id).revision == 61
