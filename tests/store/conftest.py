"""Fixtures for the records tests: fresh records in a temporary folder, or a fresh
database on the throwaway clinic server; ``store`` and ``records`` run each test on both.

The OS user's data folder is pointed into the temporary folder too, so no test
can ever touch real records.
"""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from accounts import sign_in

from taperdesk.model import Plan, make_protocol
from taperdesk.store import Store, StoreError
from taperdesk.store.pg import PgConnection

US = ("clonazepam-tab-0.5-us", "clonazepam-tab-1-us", "clonazepam-tab-2-us")
BACKENDS = ["sqlite", "postgresql"]
_numbers = itertools.count(1)


@pytest.fixture(autouse=True)
def _private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "records.sqlite3"


def fresh_database(cluster: Any, *, template: str = "taperdesk_template") -> str:
    """A new database on the throwaway server (a copy of the empty TaperDesk one, or
    template0 for a truly empty one); its URI."""
    name = f"t{next(_numbers)}"
    cluster.sql(f"CREATE DATABASE {name} TEMPLATE {template}")
    return str(cluster.uri(name))


@pytest.fixture(params=BACKENDS)
def records(request: pytest.FixtureRequest, db_path: Path) -> Path | str:
    """Where the test's records live: a file path (sqlite) or a server URI (postgresql)."""
    if request.param == "sqlite":
        return db_path
    return fresh_database(request.getfixturevalue("pg_cluster"))


@pytest.fixture
def store(records: Path | str) -> Iterator[Store]:
    s = Store.open(records)
    sign_in(s)
    yield s
    s.close()


class Refused(Exception):
    """The database itself refused a statement (a trigger, a constraint)."""


class RawDb:
    """The records reached around the Store, as another program or a hand edit would."""

    def __init__(self, records: Path | str) -> None:
        self.pg = PgConnection(records) if isinstance(records, str) else None
        self.file = None if self.pg else sqlite3.connect(records, isolation_level=None)

    def execute(self, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
        try:
            if self.pg is not None:
                return self.pg.execute(sql, params).fetchall()
            assert self.file is not None
            return self.file.execute(sql, params).fetchall()
        except (sqlite3.DatabaseError, StoreError) as exc:
            raise Refused(str(exc)) from None

    def close(self) -> None:
        if self.pg is not None:
            self.pg.close()
        if self.file is not None:
            self.file.close()


@pytest.fixture
def raw(records: Path | str) -> Iterator[RawDb]:
    db = RawDb(records)
    yield db
    db.close()


def nardi_plan(start_mg: int = 3000, start: date = date(2027, 1, 4), **kw: object) -> Plan:
    return Plan(drug="clonazepam", products=US, start_ug=start_mg, split="morning-night",
                start=start, protocol=make_protocol("nardi"), **kw)  # type: ignore[arg-type]
