"""`taperdesk export`, `import`, `backup` and `plan --from`, run as a user runs them."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from clirun import run

from taperdesk.store import Store, load_demo


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    db = tmp_path / "clinic.sqlite3"
    with Store.open(db) as s:
        load_demo(s)
        s.add_patient("Vic Hale", clinic_id="MRN-5")
    return db


def test_export_import_and_print_a_plan(tmp_path: Path, demo_db: Path) -> None:
    out = tmp_path / "demo.taper.json"
    r = run("export", "Demo Patient (example)", "-o", str(out), "--db", str(demo_db),
            home=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "Exported plan 1 (revision 2" in r.stdout
    data = json.loads(out.read_text("utf-8"))
    assert data["format"] == "taperdesk-plan" and data["plan"]["edits"][0]["type"] == "hold"
    for ref in ("1", "DEMO-1", "plan:1", "demo patient (EXAMPLE)"):
        again = tmp_path / "again.taper.json"
        assert run("export", ref, "-o", str(again), "--db", str(demo_db), "--force",
                   home=tmp_path).returncode == 0
        assert json.loads(again.read_text("utf-8"))["plan"] == data["plan"]
    other = tmp_path / "laptop.sqlite3"
    r = run("import", str(out), "--db", str(other), home=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "Imported plan 1" in r.stdout and "new patient" in r.stdout
    with Store.open(other, create=False) as s, Store.open(demo_db, create=False) as src:
        [p] = s.search_patients("demo")
        assert s.active_plan(p.id).plan == src.plan_record(1).plan  # type: ignore[union-attr]
    r = run("plan", "--from", str(out), home=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "hold" in r.stdout and "Clonazepam taper from 2 mg/day" in r.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "Nobody", "-o", "x.taper.json"], "no patient with the id, clinic ID or name"),
        (["export", "MRN-5", "-o", "x.taper.json"], r"Vic Hale \(patient 2\) has no active plan"),
        (["export", "plan:x", "-o", "x.taper.json"], "plan:ID with a plan number"),
        (["export", "plan:9", "-o", "x.taper.json"], "There is no plan 9"),
        (["export", "1", "-o", "no/such/dir/x.taper.json"], "does not exist"),
        (["import", "missing.taper.json"], "nothing imported: .*cannot be read"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    tmp_path: Path, demo_db: Path, args: list[str], message: str
) -> None:
    before = demo_db.read_bytes()
    r = run(*args, "--db", str(demo_db), home=tmp_path)
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr
    assert re.search(message, r.stderr), r.stderr
    assert demo_db.read_bytes() == before
    assert not (tmp_path / "x.taper.json").exists()


def test_a_bad_plan_file_imports_nothing_and_creates_no_records(tmp_path: Path) -> None:
    bad = tmp_path / "bad.taper.json"
    good = {"format": "taperdesk-plan", "version": 1, "patient": {"name": "Wyn"},
            "plan": {"drug": "clonazepam", "products": ["clonazepam-tab-0.5-us"],
                     "start_mg": "2", "split": "night", "start": "2027-01-04",
                     "protocol": {"id": "nardi"},
                     "edits": [{"type": "hold", "on": "2027-02-01", "days": 400}]}}
    bad.write_text(json.dumps(good))
    db = tmp_path / "new.sqlite3"
    r = run("import", str(bad), "--db", str(db), home=tmp_path)
    assert r.returncode == 2
    assert "plan.edits[0].days: must be from 1 to 365" in r.stderr
    assert not db.exists()
    good["plan"]["edits"][0]["days"] = 14  # type: ignore[index]
    bad.write_text(json.dumps(good))
    r = run("import", str(bad), "--db", str(db), home=tmp_path)
    assert r.returncode == 0 and "Wyn (patient 1, new patient)" in r.stdout


def test_a_bad_records_file_is_one_line(tmp_path: Path) -> None:
    notdb = tmp_path / "notes.txt"
    notdb.write_text("not records")
    r = run("export", "1", "-o", str(tmp_path / "x.json"), "--db", str(notdb), home=tmp_path)
    assert r.returncode == 2 and "not a TaperDesk records file" in r.stderr
    assert notdb.read_text() == "not records"


def test_backup_writes_a_private_copy(tmp_path: Path, demo_db: Path) -> None:
    copy = tmp_path / "copy.sqlite3"
    r = run("backup", "-o", str(copy), "--db", str(demo_db), home=tmp_path)
    assert r.returncode == 0, r.stderr
    assert oct(copy.stat().st_mode & 0o777) == "0o600"
    with Store.open(copy, create=False) as s:
        assert s.patient_count() == 2
    r = run("backup", "-o", str(copy), "--db", str(demo_db), home=tmp_path)
    assert r.returncode == 2 and "already exists" in r.stderr


def test_default_records_file_is_in_the_users_data_folder(tmp_path: Path,
                                                          demo_db: Path) -> None:
    plan_file = tmp_path / "demo.taper.json"
    assert run("export", "1", "-o", str(plan_file), "--db", str(demo_db),
               home=tmp_path).returncode == 0
    r = run("export", "1", "-o", str(tmp_path / "other.taper.json"), home=tmp_path)
    assert r.returncode == 2 and "There is no records file" in r.stderr
    r = run("import", str(plan_file), home=tmp_path)  # no --db: the user's data folder
    assert r.returncode == 0, r.stderr
    default = tmp_path / "data" / "TaperDesk" / "taperdesk.sqlite3"
    if sys.platform.startswith("linux"):
        with Store.open(default, create=False) as s:
            assert [p.name for p in s.search_patients()] == ["Demo Patient (example)"]


def test_plans_with_the_clinics_own_products_move_with_products_file(tmp_path: Path) -> None:
    products = tmp_path / "clinic-products.json"
    products.write_text(json.dumps({
        "format": "taperdesk-clinic-products", "version": 1,
        "products": [{"drug": "clonazepam", "id": "clz-0.25-local", "name": "Local 0.25 mg",
                      "form": "tablet", "strength_mg": "0.25", "scored": True}]}))
    plan_file = tmp_path / "local.taper.json"
    plan_file.write_text(json.dumps({
        "format": "taperdesk-plan", "version": 1, "patient": {"name": "Xia Lo"},
        "plan": {"drug": "clonazepam", "products": ["clz-0.25-local"], "start_mg": "1",
                 "split": "night", "start": "2027-01-04", "protocol": {"id": "nardi"}}}))
    db = tmp_path / "r.sqlite3"
    r = run("import", str(plan_file), "--db", str(db), home=tmp_path)
    assert r.returncode == 2 and "no product 'clz-0.25-local'" in r.stderr
    assert not db.exists()
    r = run("import", str(plan_file), "--db", str(db), "--products-file", str(products),
            home=tmp_path)
    assert r.returncode == 0, r.stderr
    out = tmp_path / "out.taper.json"
    r = run("export", "Xia Lo", "-o", str(out), "--db", str(db), home=tmp_path)
    assert r.returncode == 2 and "cannot be read" in r.stderr  # names the stored plan
    r = run("export", "Xia Lo", "-o", str(out), "--db", str(db), "--products-file",
            str(products), home=tmp_path)
    assert r.returncode == 0, r.stderr
    assert json.loads(out.read_text())["plan"]["products"] == ["clz-0.25-local"]
    r = run("export", "Xia Lo", "-o", str(out), "--db", str(db), "--force", "--products-file",
            str(tmp_path / "nope.json"), home=tmp_path)
    assert r.returncode == 2 and "does not exist" in r.stderr
