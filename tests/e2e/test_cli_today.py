"""`taperdesk today`: table, JSON, the worklist PDF and the week's handouts, read back."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from pdftext import flat, page_texts, reader, runs

from taperdesk.cli import main
from taperdesk.model import Plan, make_protocol
from taperdesk.model.appointments import Appointment, Kind
from taperdesk.store import Store

START = date(2027, 1, 4)
US = ("clonazepam-tab-0.5-us", "clonazepam-tab-1-us")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "clinic.sqlite3"
    with Store.open(path) as s:
        s.clock = lambda: datetime(2027, 1, 1, 9, tzinfo=UTC)
        s.set_setting("clinic_name", "Harbour Street Clinic")
        ana = s.add_patient("Ana Costa", clinic_id="C1")
        s.create_plan(ana.id, Plan("clonazepam", US, 2000, "morning-night", START,
                                   make_protocol("nardi")))
        s.add_appointment(ana.id, Appointment(START + timedelta(days=14), time(10, 30),
                                              Kind.VISIT, "review"))
        s.add_patient("Ben Adler", clinic_id="C2")
    return path


def test_json_has_every_field(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["today", "--date", START.isoformat(), "--format", "json", "--db", str(db)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["date"] == "2027-01-04"
    got = {(i["patient"], i["reason"]) for i in data["items"]}
    assert ("Ana Costa", "step-change") in got and ("Ben Adler", "no-plan") in got
    assert all(set(i) == {"patient", "clinic_id", "reason", "detail", "date"}
               for i in data["items"])
    change = next(i for i in data["items"] if i["reason"] == "step-change")
    assert change["clinic_id"] == "C1" and "2 → 1.5 mg/day today" in change["detail"]


def test_table_lists_appointments_and_check_ins(db: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["today", "--date", "2027-01-06", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "check-in" in out and "Day 2 after the change to 1.5 mg/day" in out
    assert main(["today", "--date", "2027-01-18", "--db", str(db)]) == 0
    assert "Visit at 10:30: review" in capsys.readouterr().out


def test_bad_input_exits_2_with_a_message(db: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["today", "--date", "8/2/2027", "--db", str(db)]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
    assert main(["today", "--pdf", "--db", str(db)]) == 2
    assert main(["today", "--db", str(tmp_path / "none.sqlite3")]) == 2
    assert "no records file" in capsys.readouterr().err
    assert main(["today", "--pdf", "-o", str(db), "--db", str(db), "--force"]) == 2
    assert "records file" in capsys.readouterr().err


def test_worklist_pdf_is_one_page_and_reads_back(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "today.pdf"
    assert main(["today", "--date", START.isoformat(), "--pdf", "-o", str(out),
                 "--db", str(db)]) == 0
    pages = page_texts(out.read_bytes())
    assert len(pages) == 1
    text = flat(pages[0])
    assert "Today: Mon 4 January 2027" in text and "Ana Costa" in text and "Ben Adler" in text
    assert "No plan" in text and "Harbour Street Clinic" in text
    assert main(["today", "--date", START.isoformat(), "--pdf", "-o", str(out),
                 "--db", str(db)]) == 2  # exists: not replaced without --force
    from pypdf import PdfReader
    assert "Ana" not in (PdfReader(out).metadata.title or "")


def test_handouts_for_the_week_in_one_pdf(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "handouts.pdf"
    assert main(["today", "--date", START.isoformat(), "--handouts", "-o", str(out),
                 "--db", str(db)]) == 0
    text = flat(" ".join(page_texts(out.read_bytes())))
    assert "Ana Costa" in text and "Ben Adler" not in text
    assert "Mon 18 January 2027 at 10:30 (visit)" in text  # her own next appointment
    assert main(["today", "--date", "2027-01-06", "--handouts", "-o",
                 str(tmp_path / "none.pdf"), "--db", str(db)]) == 2


def test_runs_as_a_command(db: Path, tmp_path: Path) -> None:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "HOME": str(tmp_path)}
    r = subprocess.run([sys.executable, "-m", "taperdesk.cli", "today", "--date", "2027-01-04",
                        "--db", str(db)], capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "Today, Mon 04 Jan 2027" in r.stdout


def test_no_weeks_handout_for_a_plan_with_an_unacknowledged_severe_warning(
        db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from taperdesk.model import check, compute

    with Store.open(db) as s:
        cy = s.add_patient("Cy Over", clinic_id="C3")
        rec = s.create_plan(cy.id, Plan("clonazepam", US, 45000, "morning-night", START,
                                        make_protocol("nardi")))  # over the maximum a day
        severe = [w for w in check(compute(rec.plan, s.catalogue)) if w.severity == "severe"]
    assert severe
    out = tmp_path / "week.pdf"
    assert main(["today", "--date", START.isoformat(), "--handouts", "-o", str(out),
                 "--db", str(db)]) == 0
    assert "no handout for Cy Over" in capsys.readouterr().err
    text = flat(" ".join(page_texts(out.read_bytes())))
    assert "Ana Costa" in text and "Cy Over" not in text
    with Store.open(db) as s:
        for w in severe:
            s.acknowledge(rec.id, w.key, w.code, "specialist plan, letter of 3 May")
    again = tmp_path / "again.pdf"
    assert main(["today", "--date", START.isoformat(), "--handouts", "-o", str(again),
                 "--db", str(db)]) == 0
    assert "Cy Over" in flat(" ".join(page_texts(again.read_bytes())))


def test_the_weeks_handouts_use_the_clinic_settings_and_the_patients_details(
        db: Path, tmp_path: Path) -> None:
    """Each week's handout is the one the window prints for that patient: the clinic's
    emergency number and first day of the week, the patient's language and clinic ID."""
    with Store.open(db) as s:
        s.set_setting("emergency_number", "999")
        s.set_setting("week_start", "sunday")
        ana = s.search_patients("Ana")[0]
        s.update_patient(ana.id, language="es")
    out = tmp_path / "handouts.pdf"
    assert main(["today", "--date", START.isoformat(), "--handouts", "-o", str(out),
                 "--db", str(db)]) == 0
    pages = page_texts(out.read_bytes())
    text = flat(" ".join(pages))
    assert "Llame al 999 (emergencias)" in text and "911" not in text
    assert "Próxima cita lun 18 de enero de 2027 a las 10:30 (visita)" in text
    assert "Ana Costa" in text and "C1" in text
    calendar = next(p for p, t in zip(reader(out.read_bytes()).pages, pages, strict=True)
                    if "Su calendario de dosis" in t)
    heads = sorted((r for r in runs(calendar) if r.text in ("dom", "lun", "sáb")),
                   key=lambda r: r.x)
    assert [r.text for r in heads] == ["dom", "lun", "sáb"]  # the week starts on Sunday
