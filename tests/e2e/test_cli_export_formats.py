"""`taperdesk export --format ics|fhir`, run as a user runs it, read back with icalendar
and fhir.resources; bad input is one line, exit 2, and writes nothing."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from clirun import run
from fhir.resources.R4B.bundle import Bundle
from icalendar import Calendar

from taperdesk.model import compute, format_mg
from taperdesk.store import Store, load_demo

DEMO = "Demo Patient (example)"


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    db = tmp_path / "clinic.sqlite3"
    with Store.open(db) as s:
        load_demo(s, today=date(2026, 11, 24))
        s.add_patient("Vic Hale", clinic_id="MRN-5")
    return db


def _schedule(db: Path):  # type: ignore[no-untyped-def]
    with Store.open(db, create=False) as s:
        return compute(s.plan_record(1).plan, s.catalogue), s.patient(1)


def test_calendar_export_has_every_step_and_keeps_its_uids(tmp_path: Path,
                                                            demo_db: Path) -> None:
    out = tmp_path / "plan.ics"
    r = run("export", DEMO, "--format", "ics", "-o", str(out), "--db", str(demo_db),
            home=tmp_path)
    assert r.returncode == 0, r.stderr
    assert f"as a calendar to {out}" in r.stdout
    schedule, _ = _schedule(demo_db)
    evs = list(Calendar.from_ical(out.read_bytes()).walk("VEVENT"))
    starts = [e.decoded("dtstart") for e in evs]
    assert schedule.steps[0].start in starts and schedule.stop_date in starts
    # The demo's hold starts on the day of a new, lower dose: the event says that dose.
    hold = next(st for st in schedule.steps if st.kind == "hold")
    assert schedule.steps[hold.row - 1].daily_ug != hold.daily_ug
    [hold_ev] = [e for e in evs if e.decoded("dtstart") == hold.start]
    assert str(hold_ev["summary"]) == f"Clonazepam: {format_mg(hold.daily_ug)} mg a day from today"
    assert all(e.walk("VALARM") for e in evs)
    again = tmp_path / "again.ics"
    assert run("export", "DEMO-1", "--format", "ics", "-o", str(again), "--db", str(demo_db),
               home=tmp_path).returncode == 0
    uids = [str(e["uid"]) for e in evs]
    assert uids == [str(e["uid"]) for e in Calendar.from_ical(again.read_bytes()).walk("VEVENT")]


def test_fhir_export_is_a_valid_bundle_of_the_plan(tmp_path: Path, demo_db: Path) -> None:
    out = tmp_path / "plan.fhir.json"
    r = run("export", "plan:1", "--format", "fhir", "-o", str(out), "--db", str(demo_db),
            home=tmp_path)
    assert r.returncode == 0, r.stderr
    schedule, patient = _schedule(demo_db)
    bundle = Bundle.model_validate_json(out.read_bytes())
    pat, req = (e.resource for e in bundle.entry)
    assert pat.name[0].text == patient.name and pat.identifier[0].value == patient.clinic_id
    seqs = sorted({d.sequence for d in req.dosageInstruction})
    assert seqs == [st.row + 1 for st in schedule.steps]
    for d in req.dosageInstruction:
        st = schedule.steps[d.sequence - 1]
        assert d.timing.repeat.boundsPeriod.start == st.start
        assert d.timing.repeat.boundsPeriod.end == st.end


def test_json_is_still_the_default_format(tmp_path: Path, demo_db: Path) -> None:
    out = tmp_path / "demo.taper.json"
    r = run("export", DEMO, "-o", str(out), "--db", str(demo_db), home=tmp_path)
    assert r.returncode == 0 and '"format": "taperdesk-plan"' in out.read_text("utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", DEMO, "--format", "pdf", "-o", "x.out"], "invalid choice: 'pdf'"),
        (["export", "MRN-5", "--format", "ics", "-o", "x.out"],
         r"Vic Hale \(patient 2\) has no active plan"),
        (["export", "MRN-5", "--format", "fhir", "-o", "x.out"], "has no active plan"),
        (["export", "Nobody", "--format", "fhir", "-o", "x.out"], "no patient with the id"),
        (["export", DEMO, "--format", "ics", "-o", "taken.ics"],
         r"taken.ics already exists; .*--force"),
        (["export", DEMO, "--format", "fhir", "-o", "no/such/x.out"], "does not exist"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_writes_nothing(
    tmp_path: Path, demo_db: Path, args: list[str], message: str
) -> None:
    taken = tmp_path / "taken.ics"
    taken.write_text("my own calendar")
    before = sorted(p.name for p in tmp_path.iterdir())
    db_bytes = demo_db.read_bytes()
    args = [str(tmp_path / a) if a.endswith((".out", ".ics")) else a for a in args]
    r = run(*args, "--db", str(demo_db), home=tmp_path)
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr
    assert re.search(message, r.stderr), r.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert taken.read_text() == "my own calendar" and demo_db.read_bytes() == db_bytes


def test_force_replaces_an_existing_calendar(tmp_path: Path, demo_db: Path) -> None:
    out = tmp_path / "plan.ics"
    out.write_text("old")
    r = run("export", DEMO, "--format", "ics", "--force", "-o", str(out), "--db", str(demo_db),
            home=tmp_path)
    assert r.returncode == 0, r.stderr
    assert out.read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_plan_prints_a_calendar_and_a_bundle_from_a_plan_file(tmp_path: Path,
                                                              demo_db: Path) -> None:
    r = run("plan", "--dose", "1", "--start", "2027-01-04", "--format", "ics", home=tmp_path)
    assert r.returncode == 0, r.stderr
    evs = list(Calendar.from_ical(r.stdout.encode("utf-8")).walk("VEVENT"))
    assert evs[0].decoded("dtstart") == date(2027, 1, 4)
    r = run("plan", "--dose", "1", "--format", "fhir", home=tmp_path)
    assert r.returncode == 2 and "--format fhir needs a patient" in r.stderr and not r.stdout
    plan_file = tmp_path / "demo.taper.json"
    assert run("export", DEMO, "-o", str(plan_file), "--db", str(demo_db),
               home=tmp_path).returncode == 0
    r = run("plan", "--from", str(plan_file), "--format", "fhir", home=tmp_path)
    assert r.returncode == 0, r.stderr
    pat = Bundle.model_validate_json(r.stdout).entry[0].resource
    assert pat.name[0].text == DEMO and pat.identifier[0].value == "DEMO-1"
