"""`taperdesk verify`, and the commands on records and inputs they cannot trust (issue 10,
defects 4, 5 and 7): a clear line and exit 2 (or 1 from verify), never a traceback."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from taperdesk.store import Store, load_demo


def run(*args: str | bytes, home: Path,
        extra: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_DATA_HOME": str(home / "data"), "HOME": str(home),
           "LC_ALL": "C.UTF-8", **(extra or {})}
    return subprocess.run([sys.executable, "-m", "taperdesk.cli", *args], capture_output=True,
                          text=True, env=env, timeout=120, errors="replace")


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    db = tmp_path / "clinic.sqlite3"
    with Store.open(db) as s:
        load_demo(s)
    return db


def hand_edit(db: Path, sql: str) -> None:
    con = sqlite3.connect(db)
    with con:
        con.execute("DROP TRIGGER IF EXISTS revisions_no_update")
        con.execute(sql)
    con.close()


def no_traceback(r: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in r.stderr and r.stderr.count("\n") <= 2, r.stderr


def test_verify_says_clean_with_what_it_checked(tmp_path: Path, demo_db: Path) -> None:
    before = demo_db.read_bytes()
    r = run("verify", "--db", str(demo_db), home=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith(f"clean: {demo_db}: 1 patients, 1 plans, 2 revisions")
    assert demo_db.read_bytes() == before  # verifying never writes


def test_a_flipped_dose_is_named_by_verify_and_refused_by_export(
    tmp_path: Path, demo_db: Path
) -> None:
    hand_edit(demo_db, "UPDATE revisions SET plan_json = replace(plan_json,"
                       " '\"start_mg\": \"2\"', '\"start_mg\": \"3\"') WHERE revision = 2")
    r = run("verify", "--db", str(demo_db), home=tmp_path)
    assert r.returncode == 1
    assert "NOT clean" in r.stdout and "  plan 1, revision 2: does not match its content hash" \
        in r.stdout
    r = run("export", "1", "-o", str(tmp_path / "x.taper.json"), "--db", str(demo_db),
            home=tmp_path)
    assert r.returncode == 2 and "Damaged record: plan 1, revision 2" in r.stderr
    no_traceback(r)
    assert not (tmp_path / "x.taper.json").exists()


def test_a_bad_date_of_birth_is_a_damaged_record_not_a_traceback(
    tmp_path: Path, demo_db: Path
) -> None:
    con = sqlite3.connect(demo_db)
    with con:
        con.execute("UPDATE patients SET born = '1990-13-45'")
    con.close()
    r = run("export", "DEMO-1", "-o", str(tmp_path / "x.taper.json"), "--db", str(demo_db),
            home=tmp_path)
    assert r.returncode == 2 and "Damaged record: patients row 1 has born '1990-13-45'" \
        in r.stderr
    no_traceback(r)
    r = run("verify", "--db", str(demo_db), home=tmp_path)
    assert r.returncode == 1 and "patients row 1 has born '1990-13-45'" in r.stdout


def test_arguments_that_are_not_text_are_refused_in_one_line(
    tmp_path: Path, demo_db: Path
) -> None:
    bad = b"Demo \xff"  # not UTF-8: Python hands it over as a lone surrogate
    r = run("export", bad, "-o", str(tmp_path / "x.taper.json"), "--db", str(demo_db),
            home=tmp_path)
    assert r.returncode == 2 and "no patient with the id" in r.stderr
    no_traceback(r)
    r = run("handout", "--dose", "2", "--patient-name", bad, "-o", str(tmp_path / "h.pdf"),
            home=tmp_path)
    assert r.returncode == 2 and "--patient-name contains U+DCFF" in r.stderr
    no_traceback(r)
    assert not (tmp_path / "h.pdf").exists()


def plan_file(tmp_path: Path, name: str, **plan: object) -> Path:
    doc = {"format": "taperdesk-plan", "version": 1, "patient": {"name": name},
           "plan": {"drug": "clonazepam", "products": ["clonazepam-tab-0.5-us"],
                    "start_mg": "2", "split": "night", "start": "2027-01-04",
                    "protocol": {"id": "nardi"}, **plan}}
    path = tmp_path / "in.taper.json"
    path.write_text(json.dumps(doc))  # ensure_ascii: "\ud800" is written as its escape
    return path


def test_a_lone_surrogate_in_a_plan_file_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "new.sqlite3"
    r = run("import", str(plan_file(tmp_path, "Ann \ud800")), "--db", str(db), home=tmp_path)
    assert r.returncode == 2 and "patient.name contains U+D800" in r.stderr
    no_traceback(r)
    edits = [{"type": "hold", "on": "2027-02-01", "days": 14, "reason": "\ud800"}]
    r = run("import", str(plan_file(tmp_path, "Ann", edits=edits)), "--db", str(db),
            home=tmp_path)
    assert r.returncode == 2 and "reason of edit 1 contains U+D800" in r.stderr
    assert not db.exists()


def test_a_plan_the_model_refuses_is_refused_by_import_and_plan_alike(tmp_path: Path) -> None:
    """One validation decides (defect 4): compute() refuses a cut finer than the products
    can make (a plan of thousands of steps); the import used to store it anyway."""
    path = plan_file(tmp_path, "Bo", protocol={"id": "fixed", "step_mg": "0.001",
                                               "every_days": 1},
                     start_mg="10", drug="diazepam", products=["diazepam-tab-2"])
    db = tmp_path / "new.sqlite3"
    r = run("import", str(path), "--db", str(db), home=tmp_path)
    reason = "a fixed cut of 0.001 mg/day is smaller than the smallest change"
    assert r.returncode == 2 and reason in r.stderr, r.stderr
    assert not db.exists()
    r = run("plan", "--from", str(path), home=tmp_path)
    assert r.returncode == 2 and reason in r.stderr, r.stderr


FIXTURES = Path(__file__).parent.parent / "fixtures" / "db"


@pytest.mark.parametrize("version", [1, 3, 5])
def test_a_file_an_older_version_wrote_is_checked_on_a_copy_and_left_as_it_was(
        tmp_path: Path, version: int) -> None:
    db = tmp_path / f"old-v{version}.sqlite3"
    db.write_bytes((FIXTURES / f"v{version}.sqlite3").read_bytes())
    before = db.read_bytes()
    env: dict[str, str] = {}
    args = ["verify", "--db", str(db)]
    if version >= 4:  # records with accounts are read by a signed-in user only
        expected = json.loads((FIXTURES / f"v{version}_expected.json").read_text("utf-8"))
        args += ["--user", "Dr Ada Lee"]
        env = {"TAPERDESK_PASSWORD": expected["passwords"]["Dr Ada Lee"]}
    r = run(*args, home=tmp_path, extra=env)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith(f"clean: {db} (records version {version}, checked on an "
                               "upgraded copy; the file itself was not changed)")
    assert db.read_bytes() == before  # still the older version, byte for byte
    assert not list(tmp_path.glob("*backup*"))


def test_a_damaged_older_file_is_reported_not_clean(tmp_path: Path) -> None:
    db = tmp_path / "old-v3.sqlite3"
    db.write_bytes((FIXTURES / "v3.sqlite3").read_bytes())
    hand_edit(db, "UPDATE revisions SET plan_json = replace(plan_json, '\"Poor sleep\"', "
                  "'\"Slept well\"') WHERE plan_id = 1 AND revision = 2")
    r = run("verify", "--db", str(db), home=tmp_path)
    assert r.returncode == 1, r.stdout + r.stderr
    assert r.stdout.startswith(f"NOT clean: {db} (records version 3, checked on an upgraded")
