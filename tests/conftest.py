"""Test set-up: Qt runs offscreen, before anything imports it; one throwaway PostgreSQL
cluster for the whole run (the clinic server tests; never skipped)."""

import os
from collections.abc import Iterator

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


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
