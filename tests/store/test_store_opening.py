"""Opening a records file: anything that is not sound TaperDesk records is refused,
with a clear message, and the file is left byte for byte as it was."""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import nardi_plan

from taperdesk.store import IntegrityCheck, Store, StoreError, StoreLocked, load_demo, opening
from taperdesk.store.schema import APPLICATION_ID, current_version


def make_records(path: Path, patients: int = 60) -> None:
    with Store.open(path) as s:
        load_demo(s)
        with s.transaction():
            for i in range(patients):
                p = s.add_patient(f"Patient {i:03d} with a longer name to fill pages")
                s.create_plan(p.id, nardi_plan())


def refused(path: Path, match: str, error: type[StoreError] = StoreError, **kw: object) -> None:
    """Opening ``path`` raises ``error`` matching ``match`` and changes no byte of it."""
    before = path.read_bytes() if path.is_file() else None
    files = sorted(path.parent.iterdir())
    with pytest.raises(error, match=match) as caught:
        Store.open(path, **kw)  # type: ignore[arg-type]
    assert "Traceback" not in str(caught.value)
    if before is not None:
        assert path.read_bytes() == before
    assert sorted(path.parent.iterdir()) == files  # no backup, journal or new file left


def test_a_text_file_is_not_records(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("Dear diary,\n" * 50)
    refused(path, "is not a TaperDesk records file")


def test_an_empty_file_is_not_records(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite3"
    path.write_bytes(b"")
    refused(path, "is not a TaperDesk records file")


def test_another_programs_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()
    refused(path, "database of another program")


def test_a_folder_or_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a folder"):
        Store.open(tmp_path)
    refused(tmp_path / "nothing.sqlite3", "There is no records file", create=False)
    assert not (tmp_path / "nothing.sqlite3").exists()


def test_records_from_a_newer_taperdesk_are_refused(db_path: Path) -> None:
    make_records(db_path)
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    refused(db_path, f"newer TaperDesk .*version 99.*reads up to version {current_version()}")


def _flip_page(page: int) -> Callable[[bytearray], None]:
    def spoil(data: bytearray) -> None:
        start = 4096 * page + 8
        data[start:start + 300] = bytes((i * 37 + 11) % 256 for i in range(300))
    return spoil


def _truncate(data: bytearray) -> None:
    del data[len(data) // 2 + 1000:]


def _bad_page_size(data: bytearray) -> None:
    data[16:18] = b"\x01\x23"


@pytest.mark.parametrize("spoil", [_flip_page(2), _flip_page(5), _truncate, _bad_page_size],
                         ids=["page-2", "page-5", "truncated", "header"])
def test_damaged_records_are_refused(db_path: Path, spoil: Callable[[bytearray], None]) -> None:
    make_records(db_path)
    data = bytearray(db_path.read_bytes())
    spoil(data)
    db_path.write_bytes(bytes(data))
    refused(db_path, "damaged")


@pytest.mark.parametrize("early", [False, True], ids=["", "checked-early"])
def test_locked_records_are_refused(db_path: Path, early: bool) -> None:
    make_records(db_path, patients=1)
    other = sqlite3.connect(db_path, isolation_level=None)
    try:
        other.execute("PRAGMA locking_mode = EXCLUSIVE")
        other.execute("BEGIN EXCLUSIVE")
        kw: dict[str, object] = {}
        if early:  # the window's check in a thread does not wait for the other program
            kw["checked"] = check = IntegrityCheck(db_path)
            assert check.problems(db_path) is None
        refused(db_path, "in use by another program", StoreLocked, timeout=0.2, **kw)
    finally:
        other.close()
    with Store.open(db_path) as s:
        assert s.patient_count() == 2


def test_a_save_while_another_program_saves_says_busy(db_path: Path) -> None:
    make_records(db_path, patients=1)
    with Store.open(db_path, timeout=0.2) as s:
        other = sqlite3.connect(db_path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(StoreLocked, match="in use"):
            s.add_patient("Waiting")
        other.execute("ROLLBACK")
        other.close()
        assert s.add_patient("Waiting").name == "Waiting"


def test_new_records_and_copies_are_private(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        path = tmp_path / "sub" / "records.sqlite3"
        with Store.open(path) as s:
            s.add_patient("Private")
            for f in (path, Path(str(path) + "-wal"), Path(str(path) + "-shm")):
                assert stat.S_IMODE(f.stat().st_mode) == 0o600, f
            copy = s.backup(tmp_path / "copy.sqlite3")
        assert stat.S_IMODE(copy.stat().st_mode) == 0o600
        with Store.open(copy, create=False) as c:
            assert c.search_patients("private")[0].name == "Private"
    finally:
        os.umask(old)
    leftovers = [p.name for p in (tmp_path / "sub").iterdir() if p.name != "records.sqlite3"]
    assert leftovers == []


def test_a_new_file_is_marked_as_taperdesk_records(db_path: Path) -> None:
    Store.open(db_path).close()
    head = db_path.read_bytes()[:100]
    assert int.from_bytes(head[68:72], "big") == APPLICATION_ID
    with Store.open(db_path) as s:
        assert s.schema_version == current_version()
        assert s.integrity_problems() == []


# -- the quick check the window program starts in a thread at launch -------------


def test_a_check_started_early_finds_sound_records_and_leaves_no_file(db_path: Path) -> None:
    make_records(db_path, patients=5)
    files = sorted(db_path.parent.iterdir())
    check = IntegrityCheck(db_path)
    assert check.problems(db_path) == ["ok"]
    assert check.problems(db_path.with_name("other.sqlite3")) is None  # only its own file
    assert sorted(db_path.parent.iterdir()) == files


def test_open_uses_the_early_check_instead_of_checking_again(
        db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_records(db_path, patients=5)
    check = IntegrityCheck(db_path)
    check.problems(db_path)
    calls: list[object] = []
    real = opening._quick_check
    monkeypatch.setattr(opening, "_quick_check", lambda conn: calls.append(conn) or real(conn))
    with Store.open(db_path, checked=check) as s:
        assert s.patient_count() == 6
    assert calls == []
    with Store.open(db_path, checked=IntegrityCheck(db_path.with_name("x.sqlite3"))):
        pass  # a check of another file is not trusted: open checks for itself
    assert len(calls) == 1


@pytest.mark.parametrize("spoil", [_flip_page(2), _flip_page(5), _truncate],
                         ids=["page-2", "page-5", "truncated"])
def test_damage_found_by_the_early_check_is_refused(
        db_path: Path, spoil: Callable[[bytearray], None]) -> None:
    make_records(db_path)
    data = bytearray(db_path.read_bytes())
    spoil(data)
    db_path.write_bytes(bytes(data))
    check = IntegrityCheck(db_path)
    found = check.problems(db_path)
    assert found is None or found != ["ok"]  # None: SQLite would not even read it
    refused(db_path, "damaged", checked=check)


def test_files_the_early_check_cannot_read_are_judged_by_open(tmp_path: Path) -> None:
    text = tmp_path / "notes.sqlite3"
    text.write_text("shopping list")
    check = IntegrityCheck(text)
    assert check.problems(text) is None
    refused(text, "not a TaperDesk records file", checked=check)
    missing = tmp_path / "gone.sqlite3"
    assert IntegrityCheck(missing).problems(missing) is None

