"""Fixtures for the records tests: a fresh records file in a temporary folder.

The OS user's data folder is pointed into the temporary folder too, so no test
can ever touch real records.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from taperdesk.model import Plan, make_protocol
from taperdesk.store import Store

US = ("clonazepam-tab-0.5-us", "clonazepam-tab-1-us", "clonazepam-tab-2-us")


@pytest.fixture(autouse=True)
def _private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "records.sqlite3"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    s = Store.open(db_path)
    s.who = "tester"
    yield s
    s.close()


def nardi_plan(start_mg: int = 3000, start: date = date(2027, 1, 4), **kw: object) -> Plan:
    return Plan(drug="clonazepam", products=US, start_ug=start_mg, split="morning-night",
                start=start, protocol=make_protocol("nardi"), **kw)  # type: ignore[arg-type]
