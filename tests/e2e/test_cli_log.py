"""`taperdesk log`: the change log as a person reads it (when, who, what), newest first."""

from __future__ import annotations

import json
from pathlib import Path

from accounts import PASSWORD, sign_in
from clirun import run

from taperdesk.store import Store, load_demo

SIGNED = ("--user", "tester")
PASSWORD_ENV = {"TAPERDESK_PASSWORD": PASSWORD}


def records(tmp_path: Path) -> Path:
    db = tmp_path / "r.sqlite3"
    with Store.open(db) as s:
        sign_in(s, "Nurse Ada")
        load_demo(s)
        sign_in(s, "Dr Bo")
        other = s.add_patient("Cy Ng", clinic_id="MRN-7")
        s.set_archived(other.id, True)
    return db


def test_log_prints_when_who_what_newest_first(tmp_path: Path) -> None:
    db = records(tmp_path)
    r = run("log", "--db", str(db), *SIGNED, home=tmp_path, env=PASSWORD_ENV)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].split() == ["When", "Who", "What"]
    assert lines[1].endswith("Dr Bo      Archived the patient")  # the newest change first
    assert "Dr Bo" in lines[2] and "Cy Ng" in lines[2]
    assert any("Nurse Ada" in line for line in lines[2:])


def test_log_of_one_patient_as_json(tmp_path: Path) -> None:
    db = records(tmp_path)
    r = run("log", "MRN-7", "--db", str(db), *SIGNED, "--format", "json", home=tmp_path,
            env=PASSWORD_ENV)
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    with Store.open(db) as s:
        [cy] = s.find_patients("MRN-7")
        expected = s.changes(patient_id=cy.id)
    assert [row["id"] for row in rows] == [c.id for c in expected] and len(rows) == 2
    assert {row["who"] for row in rows} == {"Dr Bo"}
    assert all(row["patient_id"] == cy.id for row in rows)


def test_bad_input_is_one_line_and_changes_nothing(tmp_path: Path) -> None:
    db = records(tmp_path)
    before = db.read_bytes()
    for args in (("log", "nobody"), ("log", "--limit", "0")):
        r = run(*args, "--db", str(db), home=tmp_path, env=PASSWORD_ENV)
        assert r.returncode == 2 and r.stderr.count("\n") == 1, r.stderr
    r = run("log", "--db", str(tmp_path / "missing.sqlite3"), home=tmp_path, env=PASSWORD_ENV)
    assert r.returncode == 2 and not (tmp_path / "missing.sqlite3").exists()
    assert db.read_bytes() == before
