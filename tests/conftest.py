"""Test set-up: Qt runs offscreen, and the settings and data folders are throwaway ones,
both set before anything imports Qt; at the end the user's real TaperDesk settings and
data folders are checked to be exactly as they were (tests/conftest.py is the guard).
One throwaway PostgreSQL cluster serves the whole run (the clinic server tests; never
skipped)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from settings_guard import THROWAWAY, real_folders, snapshot  # noqa: E402  (env first)

# Qt and pyqtgraph loaded as the program loads them (taperdesk/ui/__init__.py), before any
# test module imports pyqtgraph itself.
import taperdesk.ui  # noqa: E402, F401


@pytest.fixture(scope="session", autouse=True)
def real_settings_untouched() -> Iterator[Path]:
    """Points QSettings' own paths at the throwaway folder too (any format, user scope), and
    fails the run if the user's real TaperDesk settings or data changed meanwhile."""
    from PySide6.QtCore import QSettings

    config = Path(os.environ["XDG_CONFIG_HOME"])
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(config))
    before = snapshot(real_folders())
    yield THROWAWAY
    after = snapshot(real_folders())
    shutil.rmtree(THROWAWAY, ignore_errors=True)
    changed = sorted(p for p in before.keys() | after.keys() if before.get(p) != after.get(p))
    assert not changed, ("the user's real TaperDesk settings or data changed during the "
                         f"tests (by a test, or by another program run meanwhile): {changed}")


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[object]:
    """A real PostgreSQL server on a Unix socket in a temporary folder (no TCP), with an
    empty TaperDesk database ``taperdesk_template`` to copy per test. If PostgreSQL cannot
    be found or started, every test that needs it FAILS with the reason."""
    from benchmarks.pgcluster import ClusterError, PgCluster

    try:
        cluster = PgCluster()
    except ClusterError as exc:
        pytest.fail(str(exc), pytrace=False)
    try:
        from taperdesk.store import Store

        cluster.sql("CREATE DATABASE taperdesk_template")
        Store.open(cluster.uri("taperdesk_template")).close()
        yield cluster
    finally:
        cluster.remove()
