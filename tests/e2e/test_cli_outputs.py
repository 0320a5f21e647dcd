"""Every output (`export -o`, `handout -o`, `backup -o`, the window's saves) is written by
store/outputs.py: never over the records file or its -wal/-shm/-journal, never over an
existing file without --force, always as a new private file renamed into place."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from taperdesk.cli import main
from taperdesk.store import OutputRefused, Store, load_demo, write_output


@pytest.fixture(autouse=True)
def _private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("HOME", str(tmp_path))


@pytest.fixture
def records(tmp_path: Path) -> Path:
    db = tmp_path / "R.sqlite3"
    with Store.open(db) as s:
        load_demo(s)
    return db


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def sound(db: Path) -> int:
    with Store.open(db, create=False) as s:
        assert s.integrity_problems() == []
        return len(s.revisions(1))


def test_export_onto_the_records_file_is_refused_as_the_issue_reproduced(
    tmp_path: Path, records: Path
) -> None:
    """`taperdesk export plan:1 -o R.sqlite3 --db R.sqlite3` left JSON in place of the
    records, exit 0 (issue 10, defect 3); run exactly so, as a user would."""
    before = records.read_bytes()
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "HOME": str(tmp_path)}
    for extra in ([], ["--force"]):
        r = subprocess.run([sys.executable, "-m", "taperdesk.cli", "export", "plan:1", "-o",
                            str(records), "--db", str(records), *extra],
                           capture_output=True, text=True, env=env, timeout=120)
        assert r.returncode == 2
        assert r.stderr.count("\n") == 1 and "is the records file" in r.stderr
    assert records.read_bytes() == before and sound(records) == 2


def test_the_records_files_companions_and_links_to_them_are_refused(
    tmp_path: Path, records: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(records, create=False):  # open: the -wal and -shm exist now
        wal = records.with_name(records.name + "-wal")
        assert wal.exists()
        link = tmp_path / "innocent.json"
        link.symlink_to(records)
        hard = tmp_path / "hard.json"
        os.link(records, hard)
        for target in (wal, records.with_name(records.name + "-shm"),
                       records.with_name(records.name + "-journal"), link, hard,
                       tmp_path / "." / "R.sqlite3"):
            before = target.read_bytes() if target.exists() else None
            code, _, err = cli(capsys, "export", "1", "-o", str(target), "--db", str(records),
                               "--force")
            assert code == 2, target
            assert err.count("\n") == 1 and "never overwritten" in err
            assert (target.read_bytes() if target.exists() else None) == before
    assert sound(records) == 2


def test_an_existing_file_needs_force_and_then_gets_a_private_new_file(
    tmp_path: Path, records: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "plan.taper.json"
    out.write_text("keep me")
    os.chmod(out, 0o644)
    code, _, err = cli(capsys, "export", "1", "-o", str(out), "--db", str(records))
    assert code == 2 and "already exists" in err and "--force" in err
    assert out.read_text() == "keep me"
    inode = out.stat().st_ino
    code, outtext, err = cli(capsys, "export", "1", "-o", str(out), "--db", str(records),
                             "--force")
    assert code == 0, err
    assert '"format": "taperdesk-plan"' in out.read_text()
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert out.stat().st_ino != inode  # a new file renamed into place, not rewritten
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_handout_pdfs_are_private_and_never_replace_records(
    tmp_path: Path, records: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = tmp_path / "handout.pdf"
    args = ("handout", "--dose", "2", "--start", "2027-01-04")
    code, _, err = cli(capsys, *args, "-o", str(pdf))
    assert code == 0, err
    assert pdf.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(pdf.stat().st_mode) == 0o600  # it names a patient
    code, _, err = cli(capsys, *args, "-o", str(pdf))
    assert code == 2 and "already exists" in err
    assert cli(capsys, *args, "-o", str(pdf), "--force")[0] == 0
    before = records.read_bytes()
    code, _, err = cli(capsys, *args, "-o", str(records), "--force")
    assert code == 2 and "is a TaperDesk records file" in err
    assert records.read_bytes() == before


def test_backup_refuses_existing_files_and_the_records_but_may_replace_an_old_copy(
    tmp_path: Path, records: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "copy.sqlite3"
    assert cli(capsys, "backup", "-o", str(copy), "--db", str(records))[0] == 0
    with Store.open(records, create=False) as s:
        s.add_patient("Later Patient")
    code, _, err = cli(capsys, "backup", "-o", str(copy), "--db", str(records))
    assert code == 2 and "already exists" in err
    assert cli(capsys, "backup", "-o", str(copy), "--db", str(records), "--force")[0] == 0
    with Store.open(copy, create=False) as s:
        assert s.patient_count() == 2
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    code, _, err = cli(capsys, "backup", "-o", str(records), "--db", str(records), "--force")
    assert code == 2 and "is the records file" in err
    assert sound(records) == 2


def test_a_link_at_the_target_is_replaced_not_followed(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("not yours")
    target = tmp_path / "out.json"
    target.symlink_to(elsewhere)
    with pytest.raises(OutputRefused, match="already exists"):
        write_output(target, b"new")
    write_output(target, b"new", force=True)
    assert elsewhere.read_text() == "not yours"
    assert not target.is_symlink() and target.read_bytes() == b"new"


def test_the_window_saves_through_the_same_helper(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                  records: Path) -> None:
    """File > Export plan file and Save as PDF (ui/file_actions.py, ui/printing.py)."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QWidget

    from taperdesk.ui import printing
    from taperdesk.ui.file_actions import FileActions
    from taperdesk.ui.session import Session

    store = Store.open(records, create=False)
    session = Session(store, store.catalogue)
    session.open_patient(1)
    parent = QWidget()
    qtbot.addWidget(parent)
    files = FileActions(session, parent, QSettings(str(tmp_path / "s.ini"),
                                                   QSettings.Format.IniFormat))
    errors: list[str] = []
    session.error.connect(errors.append)
    before = records.read_bytes()
    assert files.export_plan(records) is None
    assert files.export_plan(records.with_name(records.name + "-wal")) is None
    assert len(errors) == 2 and all("never overwritten" in e for e in errors)
    out = files.export_plan(tmp_path / "plan.taper.json")
    assert out is not None and stat.S_IMODE(out.stat().st_mode) == 0o600
    pdf = printing.save_pdf_as(b"%PDF-1.4 test", path=tmp_path / "handout")
    assert pdf is not None and stat.S_IMODE(pdf.stat().st_mode) == 0o600
    store.close()
    assert records.read_bytes()[:100] == before[:100] and sound(records) == 2
