"""`taperdesk handout` run as a real command in a subprocess."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pdftext import flat, page_texts

BASE = ["--drug", "clonazepam", "--dose", "2", "--protocol", "nardi", "--start", "2027-01-04",
        "--split", "morning-night"]


def taperdesk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "taperdesk.cli", *args],
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("kind,needle", [("patient", "Your dose calendar"),
                                         ("clinician", "Clinician summary"),
                                         ("pharmacy", "Quantities per 28-day period")])
def test_each_kind_writes_a_pdf(tmp_path: Path, kind: str, needle: str) -> None:
    out = tmp_path / f"{kind}.pdf"
    r = taperdesk("handout", *BASE, "--hold", "2027-01-25:14", "--kind", kind, "-o", str(out),
                  "--clinic-phone", "555 0100", "--patient-name", "Jane Example")
    assert r.returncode == 0, r.stderr
    assert str(out) in r.stdout
    text = flat(" ".join(page_texts(out.read_bytes())))
    assert needle in text
    assert "Jane Example" in text


def test_from_plan_file(tmp_path: Path) -> None:
    from datetime import date

    from taperdesk.model import Plan, make_protocol
    from taperdesk.store.planfile import PlanDocument, write_plan_file

    plan = Plan("clonazepam", ("clonazepam-tab-0.5-us",), 1000, "night", date(2027, 3, 1),
                make_protocol("nardi"))
    src = tmp_path / "p.taper.json"
    write_plan_file(src, PlanDocument(plan, "File Patient", opioid=True))
    out = tmp_path / "h.pdf"
    r = taperdesk("handout", "--from", str(src), "-o", str(out))
    assert r.returncode == 0, r.stderr
    text = flat(" ".join(page_texts(out.read_bytes())))
    assert "File Patient" in text and "you also take an opioid" in text


@pytest.mark.parametrize("args,needle", [
    (["--dose", "-2"], "negative"),
    (["--dose", "2", "--kind", "poster"], "invalid choice"),
    (["--dose", "2", "--start", "2027-02-31"], "not a real date"),
    (["--dose", "2", "--paper", "a5"], "invalid choice"),
])
def test_bad_input_exits_2_with_one_line(tmp_path: Path, args: list[str], needle: str) -> None:
    out = tmp_path / "x.pdf"
    r = taperdesk("handout", *args, "-o", str(out))
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0]
    assert "Traceback" not in r.stderr
    assert not out.exists()


def test_missing_output_folder(tmp_path: Path) -> None:
    r = taperdesk("handout", *BASE, "-o", str(tmp_path / "nope" / "h.pdf"))
    assert r.returncode == 2 and "does not exist" in r.stderr


def test_closed_pipe_is_not_a_traceback() -> None:
    # Output far larger than a pipe's buffer, so writing really hits the closed pipe.
    proc = subprocess.Popen([sys.executable, "-m", "taperdesk.cli", "plan", "--dose", "4",
                             "--protocol", "percent-current", "--percent", "1", "--every", "7",
                             "--products", "solution-0.5mg-5ml", "--split", "three-times",
                             "--start", "2027-01-04",
                             "--format", "json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None
    proc.stdout.read(10)
    proc.stdout.close()
    _, err = proc.communicate(timeout=60)
    assert b"Traceback" not in err
    assert proc.returncode == 0


def test_missing_phone_and_early_visit_still_write_the_pdf_and_say_so(tmp_path: Path) -> None:
    out = tmp_path / "h.pdf"
    r = taperdesk("handout", *BASE, "--next-appointment", "2026-12-01", "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert "phone number is missing" in r.stderr and "before the plan starts" in r.stderr
    first = flat(page_texts(out.read_bytes())[0])
    assert "phone number is missing" in first and "2026-12-01" in first
    ok = taperdesk("handout", *BASE, "--clinic-phone", "555 0100", "-o", str(tmp_path / "k.pdf"))
    assert ok.returncode == 0 and ok.stderr == ""


def test_clinic_settings_from_the_records_file_options_win(tmp_path: Path) -> None:
    from pdftext import reader

    from taperdesk.store import Store

    db = tmp_path / "records.sqlite3"
    with Store.open(db) as store:
        for key, value in (("clinic_name", "Hill Street Practice"), ("clinic_phone", "01234 5"),
                           ("emergency_number", "999"), ("paper", "letter"),
                           ("week_start", "sunday")):
            store.set_setting(key, value)
    out = tmp_path / "h.pdf"
    r = taperdesk("handout", *BASE, "--db", str(db), "--born", "1961-03-03", "-o", str(out))
    assert r.returncode == 0 and r.stderr == "", r.stderr
    pdf = out.read_bytes()
    texts = page_texts(pdf)
    assert "Call 999" in flat(texts[0]) and "01234 5" in texts[0]
    assert "Hill Street Practice" in texts[0] and "born 3 March 1961" in texts[-1]
    assert reader(pdf).pages[0].mediabox.width == 612
    cal = next(t for t in texts if "Your dose calendar" in t)
    assert cal.index("Sun") < cal.index("Mon")
    r = taperdesk("handout", *BASE, "--db", str(db), "--paper", "a4", "--emergency-number",
                  "112", "-o", str(tmp_path / "h2.pdf"))
    assert r.returncode == 0, r.stderr
    pdf = (tmp_path / "h2.pdf").read_bytes()
    assert "Call 112" in flat(page_texts(pdf)[0])
    assert round(float(reader(pdf).pages[0].mediabox.width)) == 595


def test_a_missing_records_file_is_refused(tmp_path: Path) -> None:
    r = taperdesk("handout", *BASE, "--db", str(tmp_path / "none.sqlite3"),
                  "-o", str(tmp_path / "h.pdf"))
    assert r.returncode == 2 and "does not exist" in r.stderr
    assert not (tmp_path / "h.pdf").exists()
