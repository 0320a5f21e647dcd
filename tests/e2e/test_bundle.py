"""The clinic bundle: PyInstaller builds it from packaging/taperdesk.spec, and the bundled
programs run on their own: the window opens the demo patient's plan (offscreen), and
the bundled command line exports that plan and writes a patient handout PDF from it.

Slow (a full PyInstaller build, about a minute or two on 2 cores); run by ``make test``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "taperdesk.spec"
EXE = ".exe" if sys.platform.startswith("win") else ""
DEMO = "Demo Patient (example)"

pytestmark = pytest.mark.slow


def _env(home: Path) -> dict[str, str]:
    """Offscreen Qt, and a private home so nothing touches the user's own records."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(home), XDG_DATA_HOME=str(home / "data"),
               XDG_CONFIG_HOME=str(home / "config"), APPDATA=str(home / "appdata"),
               LOCALAPPDATA=str(home / "appdata"))
    return env


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the one-folder bundle into a temporary folder; return dist/TaperDesk."""
    base = tmp_path_factory.mktemp("bundle")
    proc = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(base / "dist"), "--workpath", str(base / "work"), str(SPEC)],
        cwd=ROOT, capture_output=True, text=True, timeout=900,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-5000:]
    return base / "dist" / "TaperDesk"


def _run(argv: list[str], home: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, cwd=home, env=_env(home), capture_output=True, text=True,
                          timeout=timeout)


def test_bundle_holds_both_programs_and_the_resources_but_no_test_tools(bundle: Path) -> None:
    assert (bundle / f"TaperDesk{EXE}").is_file()
    assert (bundle / f"taperdesk-cli{EXE}").is_file()
    internal = bundle / "_internal"
    for name in ("drugs.json", "red_flags.json", "scales/ciwa-b.json", "scales/checklist.json"):
        assert (internal / "resources" / name).is_file(), name
    assert list((internal / "resources" / "fonts").glob("*.ttf")), "fonts missing"
    assert list((internal / "resources" / "handout").rglob("patient.json")), "texts missing"
    assert (internal / "resources" / "translations" / "taperdesk_es.qm").is_file()
    assert (internal / "resources" / "icons" / "taperdesk.png").is_file()
    # reportlab finds its C accelerator by a name in a string, which the analysis misses
    assert list(internal.glob("_rl_accel*")), "reportlab's accelerator missing"
    # the LGPL notice for Qt/PySide6 and the licence texts, where the About box says
    for name in ("THIRD-PARTY-NOTICES.txt", "LGPL-3.0.txt", "GPL-3.0.txt"):
        assert (internal / "licenses" / name).is_file(), name
    for unwanted in ("pytest", "hypothesis", "PyInstaller", "tkinter"):
        assert not (internal / unwanted).exists(), unwanted


def test_bundled_window_opens_the_demo_patients_plan(bundle: Path, tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite3"
    proc = _run([str(bundle / f"TaperDesk{EXE}"), "--db", str(db), "--demo-if-empty",
                 "--bench-ready"], tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    ready = [line for line in proc.stdout.splitlines() if line.startswith("ready")]
    assert ready, proc.stdout + proc.stderr
    assert f"patient={DEMO}" in ready[0]
    assert "pyqtgraph=shared,lean" in ready[0]  # the quick pyqtgraph import works frozen too
    steps = int(ready[0].split("steps=")[1].split()[0])
    assert steps >= 5, ready[0]
    assert "Traceback" not in proc.stderr


def test_bundled_cli_exports_the_demo_plan_and_writes_a_handout(bundle: Path,
                                                                tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite3"
    opened = _run([str(bundle / f"TaperDesk{EXE}"), "--db", str(db), "--demo-if-empty",
                   "--bench-ready"], tmp_path)
    assert opened.returncode == 0, opened.stderr
    cli = str(bundle / f"taperdesk-cli{EXE}")
    plan_file = tmp_path / "demo.taper.json"
    exported = _run([cli, "export", DEMO, "--db", str(db), "-o", str(plan_file)], tmp_path)
    assert exported.returncode == 0, exported.stdout + exported.stderr
    schedule = _run([cli, "plan", "--from", str(plan_file), "--format", "csv"], tmp_path)
    assert schedule.returncode == 0, schedule.stderr
    first_row = schedule.stdout.splitlines()[1].split(",")
    pdf = tmp_path / "handout.pdf"
    made = _run([cli, "handout", "--from", str(plan_file), "--kind", "patient", "-o", str(pdf),
                 "--clinic-phone", "555 0100"], tmp_path)
    assert made.returncode == 0, made.stdout + made.stderr
    reader = PdfReader(str(pdf))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    assert len(reader.pages) >= 2
    assert "555 0100" in text
    first_dose = first_row[4]  # the first step's daily mg, as the bundled `plan` prints it
    assert f"{first_dose} mg" in text, (first_row, text[:2000])


def test_bundled_cli_exports_a_calendar_and_a_fhir_bundle(bundle: Path, tmp_path: Path) -> None:
    """icalendar and fhir.resources (whose models load by name) work in the bundle."""
    cli = str(bundle / f"taperdesk-cli{EXE}")
    ics = _run([cli, "plan", "--dose", "1", "--start", "2027-01-04", "--format", "ics"],
               tmp_path)
    assert ics.returncode == 0, ics.stderr
    assert "DTSTART;VALUE=DATE:20270104" in ics.stdout and "TRIGGER:-PT6H" in ics.stdout
    db = tmp_path / "demo.sqlite3"
    opened = _run([str(bundle / f"TaperDesk{EXE}"), "--db", str(db), "--demo-if-empty",
                   "--bench-ready"], tmp_path)
    assert opened.returncode == 0, opened.stderr
    out = tmp_path / "plan.fhir.json"
    fhir = _run([cli, "export", DEMO, "--db", str(db), "--format", "fhir", "-o", str(out)],
                tmp_path)
    assert fhir.returncode == 0, fhir.stdout + fhir.stderr
    from fhir.resources.R4B.bundle import Bundle

    assert Bundle.model_validate_json(out.read_bytes()).entry[0].resource.name[0].text == DEMO


def test_bundled_cli_refuses_bad_input_with_one_line(bundle: Path, tmp_path: Path) -> None:
    proc = _run([str(bundle / f"taperdesk-cli{EXE}"), "plan", "--dose", "lots"], tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and "Traceback" not in proc.stderr
    assert "lots" in proc.stderr
