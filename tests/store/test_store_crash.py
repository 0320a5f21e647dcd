"""A writer killed with SIGKILL mid-stream, many times: the file (or the server's
database) stays sound, every committed edit is there and no edit is half-made (SPEC: a
crash loses at most the edit in flight)."""

from __future__ import annotations

import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO, Any

import pytest
from conftest import nardi_plan
from crash_writer import KINDS

from taperdesk.store import Store
from taperdesk.store.pg import PgConnection

WRITER = Path(__file__).with_name("crash_writer.py")
KILLS = {"sqlite": 40, "postgresql": 15}
MARK = re.compile(r"\bedit (\d+)")


def _raw(path: Path | str) -> Any:
    """The records read around the Store (sqlite3, or the server taking the same SQL)."""
    return PgConnection(path) if isinstance(path, str) else sqlite3.connect(path)


def committed_edits(path: Path | str) -> set[int]:
    """Edit numbers whose marker is anywhere in the records."""
    conn = _raw(path)
    try:
        rows = conn.execute(
            "SELECT what FROM changes UNION ALL SELECT note FROM assessments "
            "UNION ALL SELECT why FROM revisions UNION ALL SELECT name FROM patients"
        ).fetchall()
    finally:
        conn.close()
    return {int(m.group(1)) for (w,) in rows if (m := MARK.search(w))}


def check_whole(path: Path | str, done: set[int], plan_id: int) -> None:
    """Every edit in ``done`` is complete; no trace of any other edit."""
    conn = _raw(path)
    try:
        if isinstance(path, Path):
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        revs = {w for (w,) in conn.execute("SELECT why FROM revisions WHERE plan_id = ?",
                                           (plan_id,))}
        notes = {w for (w,) in conn.execute("SELECT note FROM assessments")}
        names = {w for (w,) in conn.execute("SELECT name FROM patients")}
        new_plans = {w for (w,) in conn.execute("SELECT why FROM revisions WHERE plan_id != ?",
                                                (plan_id,))}
        logged: dict[str, int] = {}
        assessed = 0
        for (w,) in conn.execute("SELECT what FROM changes"):
            if m := MARK.search(w):
                logged[m.group(0)] = logged.get(m.group(0), 0) + 1
            assessed += w.startswith("Recorded a CIWA-B assessment")
        top, latest = conn.execute("SELECT revision, (SELECT max(revision) FROM revisions "
                                   "WHERE plan_id = ?) FROM plans WHERE id = ?",
                                   (plan_id, plan_id)).fetchone()
        assert top == latest
    finally:
        conn.close()
    everything = max(done, default=-1) + 30
    for n in range(everything):
        m = f"edit {n}"
        kind = n % KINDS
        expect = n in done
        if kind == 0:
            assert (m in revs) == expect, m
        elif kind == 1:
            assert (m in notes) == expect, m
        elif kind == 2:
            assert (m in names) == expect and (m in new_plans) == expect, m
        if kind != 1:  # an assessment's log row names its date and total instead
            assert logged.get(m, 0) == ((2 if kind == 2 else 1) if expect else 0), m
    assert assessed == len([n for n in done if n % KINDS == 1])
    with Store.open(path) as s:  # and the program opens it and reads the plan
        assert s.plan_record(plan_id).revision == top
        assert s.integrity_problems() == []


def _collect(out: IO[str], into: list[int]) -> None:
    into.extend(int(line) for line in out if line.strip())


@pytest.mark.slow
def test_killed_writers_lose_only_the_edit_in_flight(records: Path | str) -> None:
    db_path = records
    kills = KILLS["postgresql" if isinstance(records, str) else "sqlite"]
    with Store.open(db_path) as s:
        patient = s.add_patient("Crash Test")
        plan_id = s.create_plan(patient.id, nardi_plan()).id
    rng = random.Random(20270104)
    done: set[int] = set()
    for _run in range(kills):
        first = max(done, default=-1) + 1
        proc = subprocess.Popen(
            [sys.executable, str(WRITER), str(db_path), str(first), str(plan_id),
             str(patient.id)],
            stdout=subprocess.PIPE, text=True, cwd=WRITER.parent,
            env={**os.environ, "PYTHONPATH": str(WRITER.parent.parent.parent)},
        )
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        printed: list[int] = []
        reader = threading.Thread(target=_collect, args=(proc.stdout, printed))
        reader.start()
        time.sleep(rng.uniform(0.01, 0.4))  # schedules the kill; nothing is measured
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        reader.join()
        now = committed_edits(db_path)
        new = now - done
        # Every edit the writer reported is there; at most one more (committed, not reported).
        assert set(printed) <= new
        assert new - set(printed) <= {first + len(printed)}
        assert new == set(range(first, first + len(new)))  # contiguous, none skipped
        done = now
        check_whole(db_path, done, plan_id)
    assert len(done) > kills  # the writer did get edits in between kills
