"""Nothing in TaperDesk opens a network connection (issue 3, item 5)."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from taperdesk.cli import main
from taperdesk.store import Store, load_demo


class NetworkUsed(AssertionError):
    pass


def test_records_and_commands_open_no_socket(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    def refuse(*_a: object, **_k: object) -> None:
        raise NetworkUsed("TaperDesk tried to open a network connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    db = tmp_path / "r.sqlite3"
    with Store.open(db) as s:
        patient = load_demo(s)
        assert patient is not None
        s.search_patients("demo")
        s.backup(tmp_path / "copy.sqlite3")
    out = tmp_path / "demo.taper.json"
    assert main(["export", "DEMO-1", "-o", str(out), "--db", str(db)]) == 0
    assert main(["import", str(out), "--db", str(tmp_path / "other.sqlite3")]) == 0
    assert main(["plan", "--from", str(out)]) == 0
    assert main(["backup", "-o", str(tmp_path / "b.sqlite3"), "--db", str(db)]) == 0
    assert "Imported plan 1" in capsys.readouterr().out
