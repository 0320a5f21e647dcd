"""The wheel ships the top-level resources/ folder and an installed wheel finds it.

Built offline from a copy of the project (``pip wheel --no-deps --no-build-isolation``,
so nothing is written into the working tree), installed into a folder of its own and
asked, in a fresh Python with the repository nowhere on its path, to read every kind of
resource through taperdesk.resources (the one helper)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = "taperdesk/resources/shipped/"
KINDS = ("drugs.json", "red_flags.json", "scales/ciwa-b.json", "scales/checklist.json",
         "fonts/DejaVuSans.ttf", "handout/patient.json", "handout/es/patient.json",
         "translations/taperdesk_es.qm", "icons/taperdesk.png")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("wheel")
    src = base / "src"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.ts")
    for name in ("taperdesk", "resources"):
        shutil.copytree(ROOT / name, src / name, ignore=ignore)
    for name in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    ts = ROOT / "resources" / "translations" / "taperdesk_es.ts"  # make builds the .qm
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), "-silent", str(ts), "-qm",
                    str(src / "resources" / "translations" / "taperdesk_es.qm")], check=True)
    out = base / "dist"
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps",
                           "--no-build-isolation", "--no-index", "-q", "-w", str(out), str(src)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-3000:]
    (whl,) = out.glob("taperdesk-*.whl")
    return whl


def test_the_wheel_contains_every_kind_of_resource(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for kind in KINDS:
        assert SHIPPED + kind in names, kind
    assert "taperdesk/resources/__init__.py" in names
    assert not any(n.startswith("resources/") for n in names)  # no stray top-level folder
    assert not any(n.endswith(".ts") for n in names)  # the copy had no sources: only .qm


def test_an_installed_wheel_finds_its_resources(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    proc = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--no-index",
                           "-q", "--target", str(site), str(wheel)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    probe = (
        "import json, sys\n"
        "import taperdesk.resources as r\n"
        "from taperdesk.model.catalogue import shipped_catalogue\n"
        "print(json.dumps({'module': r.__file__, 'root': str(r.root()),\n"
        "  'drugs': sorted(shipped_catalogue().drugs), 'scales': r.names('scales'),\n"
        "  'sizes': {k: len(r.resource(k).read_bytes()) for k in sys.argv[1:]}}))\n"
    )
    env = {"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    run = subprocess.run([sys.executable, "-c", probe, *KINDS], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-3000:]
    found = json.loads(run.stdout)
    assert found["module"].startswith(str(site))
    assert found["root"].startswith(str(site / "taperdesk" / "resources" / "shipped"))
    assert not found["root"].startswith(str(ROOT))
    assert "clonazepam" in found["drugs"]
    assert "scales/ciwa-b.json" in found["scales"]
    assert all(size > 0 for size in found["sizes"].values()), found["sizes"]


def test_from_the_source_tree_the_top_level_folder_is_used() -> None:
    from taperdesk.resources import resource, root

    assert Path(str(root())) == ROOT / "resources"
    assert Path(str(resource("drugs.json"))) == ROOT / "resources" / "drugs.json"
