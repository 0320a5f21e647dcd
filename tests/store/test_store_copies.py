"""Copies between a records file and the server (backup, migrate-to-server), and the
guard against a records file opened from two PCs."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import psycopg
import pytest
from accounts import PASSWORD, TESTER, sign_in
from conftest import fresh_database, nardi_plan

from taperdesk.cli import main as cli
from taperdesk.store import Store, StoreError, StoreLocked
from taperdesk.store.pg_copy import digest, file_tables
from taperdesk.store.sharelock import STALE, this_host


def _fill(s: Store) -> None:
    p = s.add_patient("Copy Me", born=date(1960, 5, 6), clinic_id="C-1", opioid=True)
    rec = s.create_plan(p.id, nardi_plan())
    s.save_revision(rec.id, rec.plan, expected_revision=1, why="second")
    s.acknowledge(rec.id, "k1", "code", "reason")
    s.set_setting("clinic_name", "100% North")
    s.add_patient("Zoë Ärzt")


def _digests(path: Path) -> dict[str, tuple[int, str]]:
    conn = sqlite3.connect(path)
    try:
        return {t: digest(conn.execute(f"SELECT {', '.join(c)} FROM {t}"))
                for t, c in file_tables(conn)}
    finally:
        conn.close()


def test_migrate_to_server_copies_and_verifies_then_backup_copies_back(
    pg_cluster: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "file.sqlite3"
    with Store.open(src) as s:
        _fill(s)
    uri = fresh_database(pg_cluster, template="template0")
    assert cli(["migrate-to-server", str(src), uri]) == 0
    out = capsys.readouterr().out
    assert "changes" in out and "every table's rows and hash match" in out
    with Store.open(uri) as s:
        assert [p.name for p in s.search_patients("")] == ["Copy Me", "Zoë Ärzt"]
        assert s.setting("clinic_name") == "100% North"
        s.add_patient("New on the server")  # ids carry on after the copied ones
        assert s.find_patients("New on the server")[0].id == 3
    # Copying again onto the now non-empty database is refused, nothing added.
    assert cli(["migrate-to-server", str(src), uri]) == 2
    assert "already holds records" in capsys.readouterr().err
    back = tmp_path / "back.sqlite3"
    assert cli(["backup", "--db", uri, "-o", str(back)]) == 0
    got, want = _digests(back), _digests(src)
    assert got["revisions"] == want["revisions"]
    assert got["patients"][0] == want["patients"][0] + 1
    with Store.open(back, create=False) as b:
        assert b.patient_count() == 3 and b.integrity_problems() == []


def test_a_file_with_accounts_is_copied_only_by_its_admin(
    pg_cluster: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    src = tmp_path / "file.sqlite3"
    with Store.open(src) as s:
        sign_in(s)  # the tester: the file's first account, so its admin
        _fill(s)
        sign_in(s, "Nia Nurse", role="nurse", password="nurse-pw")
    uri = fresh_database(pg_cluster, template="template0")
    assert cli(["migrate-to-server", str(src), uri]) == 2  # no --user
    assert "--user" in capsys.readouterr().err
    monkeypatch.setenv("TAPERDESK_PASSWORD", "nurse-pw")
    assert cli(["migrate-to-server", str(src), uri, "--user", "Nia Nurse"]) == 2
    assert "manage user accounts" in capsys.readouterr().err
    monkeypatch.setenv("TAPERDESK_PASSWORD", "wrong")
    assert cli(["migrate-to-server", str(src), uri, "--user", TESTER]) == 2
    with psycopg.connect(uri) as c:  # nothing was copied by the refusals
        assert c.execute("SELECT count(*) FROM pg_tables WHERE tablename = 'patients'"
                         ).fetchone() in ((0,), None) or c.execute(
            "SELECT count(*) FROM patients").fetchone() == (0,)
    monkeypatch.setenv("TAPERDESK_PASSWORD", PASSWORD)
    assert cli(["migrate-to-server", str(src), uri, "--user", TESTER]) == 0
    capsys.readouterr()
    with Store.open(uri) as s:
        assert {u.name for u in s.users()} == {TESTER, "Nia Nurse"}
        assert s.patient_count() == 2


def test_a_failed_migration_leaves_the_server_empty(pg_cluster: Any, tmp_path: Path) -> None:
    src = tmp_path / "file.sqlite3"
    with Store.open(src) as s:
        _fill(s)
    uri = fresh_database(pg_cluster)
    with psycopg.connect(uri, autocommit=True) as c:  # the last table cannot take the rows
        c.execute("ALTER TABLE settings ADD CONSTRAINT short CHECK (length(value) < 3)")
    assert cli(["migrate-to-server", str(src), uri]) == 2
    with psycopg.connect(uri) as c:
        assert c.execute("SELECT count(*) FROM patients").fetchone() == (0,)
        assert c.execute("SELECT count(*) FROM changes").fetchone() == (0,)


def test_a_backup_of_the_server_is_one_moment(pg_cluster: Any, tmp_path: Path) -> None:
    uri = fresh_database(pg_cluster)
    with Store.open(uri) as s:
        _fill(s)
        target = s.backup(tmp_path / "copy.sqlite3")
        with pytest.raises(StoreError, match="already exists"):
            s.backup(target)
        logged = len(s.changes())
    assert _digests(target)["changes"][0] == logged == 6


def _hold(path: Path, host: str, beat: float, pid: int = 1) -> None:
    Path(str(path) + ".lock").write_text(json.dumps(
        {"program": "TaperDesk", "host": host, "pid": pid, "heartbeat": beat}))


def test_a_file_another_pc_holds_is_refused_naming_it(db_path: Path) -> None:
    Store.open(db_path).close()
    _hold(db_path, "RECEPTION-PC", time.time())
    with pytest.raises(StoreLocked, match="open on another PC, RECEPTION-PC.*docs/SERVER.md"):
        Store.open(db_path)
    assert json.loads(Path(str(db_path) + ".lock").read_text())["host"] == "RECEPTION-PC"


def test_a_stale_holder_is_taken_over_with_a_notice(db_path: Path) -> None:
    Store.open(db_path).close()
    _hold(db_path, "OLD-PC", time.time() - STALE - 5)
    with Store.open(db_path) as s:
        assert "OLD-PC" in s.notices[0] and "taken it over" in s.notices[0]
        held = json.loads(Path(str(db_path) + ".lock").read_text())
        assert (held["host"], held["pid"]) == (this_host(), os.getpid())
    assert not Path(str(db_path) + ".lock").exists()  # released at close


def test_a_dead_process_on_this_pc_is_taken_over(db_path: Path) -> None:
    Store.open(db_path).close()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()
    _hold(db_path, this_host(), time.time(), pid=int(dead))
    with Store.open(db_path) as s:
        assert "did not close the records file cleanly" in s.notices[0]


def test_a_second_copy_on_this_pc_gets_a_notice_not_a_refusal(db_path: Path) -> None:
    Store.open(db_path).close()
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        _hold(db_path, this_host(), time.time(), pid=other.pid)
        with Store.open(db_path) as s:
            assert f"also open in another TaperDesk on this PC (process {other.pid})" \
                in s.notices[0]
            s.add_patient("Works")
    finally:
        other.kill()
        other.wait()
