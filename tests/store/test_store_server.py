"""The clinic server's own cases: bad addresses, a server down or restarted, a database
of another program or a newer TaperDesk, the program's role with INSERT-only history."""

from __future__ import annotations

import time
from typing import Any

import psycopg
import pytest
from accounts import sign_in
from conftest import RawDb, Refused, fresh_database, nardi_plan

from benchmarks.pgcluster import PgCluster
from taperdesk.cli import main as cli
from taperdesk.store import Store, StoreError
from taperdesk.store.pg_schema import grant_statements
from taperdesk.store.schema import MIGRATIONS


def _tables(uri: str) -> list[str]:
    with psycopg.connect(uri) as c:
        return [r[0] for r in c.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
            " ORDER BY 1")]


@pytest.mark.parametrize("uri, says", [
    ("postgresql://[bad", "not a server address"),
    ("postgresql://u@/db?sslmode=bogus", "not a server address"),
    ("postgresql://nobody@/db?host=/nonexistent-folder", "cannot be reached"),
])
def test_a_wrong_uri_says_so(uri: str, says: str) -> None:
    with pytest.raises(StoreError, match=says):
        Store.open(uri)


def test_an_unknown_role_or_database_is_named(pg_cluster: Any) -> None:
    with pytest.raises(StoreError, match="did not accept the user name"):
        Store.open(pg_cluster.uri("taperdesk_template", user="nosuchrole"))
    with pytest.raises(StoreError, match="no such database"):
        Store.open(pg_cluster.uri("nosuchdb"))


def test_a_password_never_appears_in_a_message() -> None:
    with pytest.raises(StoreError) as caught:
        Store.open("postgresql://ann:s3cret@/db?host=/nonexistent-folder")
    assert "s3cret" not in str(caught.value) and "ann:***@" in str(caught.value)


def test_a_database_of_another_program_is_refused_unchanged(pg_cluster: Any) -> None:
    uri = fresh_database(pg_cluster, template="template0")
    with psycopg.connect(uri, autocommit=True) as c:
        c.execute("CREATE TABLE invoices (id int)")
    with pytest.raises(StoreError, match="belongs to another program .*invoices"):
        Store.open(uri)
    assert _tables(uri) == ["invoices"]


def test_a_newer_schema_is_refused_unchanged(pg_cluster: Any) -> None:
    uri = fresh_database(pg_cluster)
    raw = RawDb(uri)
    raw.execute("UPDATE taperdesk_meta SET value = '999' WHERE key = 'schema_version'")
    raw.close()
    with pytest.raises(StoreError, match="newer TaperDesk .*version 999"):
        Store.open(uri)
    with psycopg.connect(uri) as c:
        assert c.execute("SELECT value FROM taperdesk_meta WHERE key = 'schema_version'"
                         ).fetchone() == ("999",)


def test_an_empty_database_is_set_up_once_and_marked(pg_cluster: Any) -> None:
    uri = fresh_database(pg_cluster, template="template0")
    with pytest.raises(StoreError, match="holds no TaperDesk records"):
        Store.open(uri, create=False)
    assert _tables(uri) == []
    with Store.open(uri) as s:
        assert s.server and s.schema_version == len(MIGRATIONS)
        assert s.integrity_problems() == []
    with Store.open(uri) as s:
        assert s.patient_count() == 0


def test_every_migration_has_a_postgresql_twin() -> None:
    for m in MIGRATIONS:
        assert m.postgres or not m.statements, f"migration {m.version} has no twin"


def test_a_dropped_guard_is_reported(pg_cluster: Any) -> None:
    uri = fresh_database(pg_cluster)
    with psycopg.connect(uri, autocommit=True) as c:
        c.execute("DROP TRIGGER changes_append_only ON changes")
    with Store.open(uri) as s:
        assert s.integrity_problems() == [
            "the guard changes_append_only (a trigger) is missing on the server"]


def test_a_restarted_server_is_reconnected_for_reads_and_writes(pg_cluster: Any) -> None:
    uri = fresh_database(pg_cluster)
    with Store.open(uri) as s:
        s.add_patient("Before")
        pg_cluster.restart()
        assert [p.name for p in s.search_patients("")] == ["Before"]  # read retried once
        pg_cluster.restart()
        s.add_patient("After")  # nothing was written before the lost connection: retried
        assert s.patient_count() == 2


def test_a_connection_lost_inside_a_save_keeps_nothing_of_it(pg_cluster: Any) -> None:
    uri = fresh_database(pg_cluster)
    with Store.open(uri) as s:
        s.add_patient("Kept")
        pid = s._conn.backend_pid
        with pytest.raises(StoreError, match="was lost during this save; the server kept "
                                             "nothing"):
            with s.transaction():
                s.add_patient("Half")
                pg_cluster.sql(f"SELECT pg_terminate_backend({pid})")
                s.add_patient("Never")
        assert [p.name for p in s.search_patients("")] == ["Kept"]
        assert [c.what for c in s.changes()] == ["Added patient Kept"]
        s.add_patient("Later")  # the store carries on with a fresh connection
        assert s.patient_count() == 2


def test_a_server_that_goes_down_fails_cleanly_and_is_named() -> None:
    cluster = PgCluster(name="taperdesk-pg-down-")
    try:
        cluster.sql("CREATE DATABASE down")
        uri = cluster.uri("down")
        s = Store.open(uri)
        s.add_patient("Saved")
        cluster.stop()
        with pytest.raises(StoreError, match="cannot be reached"):
            s.add_patient("Lost")
        with pytest.raises(StoreError, match="cannot be reached"):
            s.search_patients("")
        s.close()
        with pytest.raises(StoreError, match="cannot be reached.*server is running"):
            Store.open(uri)
    finally:
        cluster.remove()


def test_the_program_role_can_only_add_to_history(pg_cluster: Any) -> None:
    uri = fresh_database(pg_cluster)
    db = uri.split("@/")[1].split("?")[0]
    ddl = [sql for m in MIGRATIONS for sql in (m.postgres or ())]
    pg_cluster.sql(f"DROP ROLE IF EXISTS app_{db}")
    pg_cluster.sql(f"CREATE ROLE app_{db} LOGIN")
    with psycopg.connect(uri, autocommit=True) as c:
        for sql in grant_statements(f"app_{db}", ddl, db):
            c.execute(sql)  # type: ignore[arg-type]
    app_uri = pg_cluster.uri(db, user=f"app_{db}")
    with Store.open(app_uri) as s:
        p = s.add_patient("Role test")
        rec = s.create_plan(p.id, nardi_plan())
        s.save_revision(rec.id, rec.plan, expected_revision=1, why="edit")
        s.set_setting("clinic_name", "North")
        s.set_setting("clinic_name", "South")
        s.update_patient(p.id, note="ok")
        sign_in(s)  # the named users: added and disabled (an UPDATE) as the program's role
        sign_in(s, "Nia", "nurse")
        sign_in(s)
        s.disable_user("Nia")
        assert s.changes()[0].who == "tester"
    raw = RawDb(app_uri)
    try:
        for sql in ("DROP TRIGGER changes_append_only ON changes",
                    "ALTER TABLE changes DISABLE TRIGGER ALL"):
            with pytest.raises(Refused, match="owner"):
                raw.execute(sql)
        for sql in ("UPDATE changes SET what = 'x'", "DELETE FROM revisions",
                    "TRUNCATE acknowledgements", "DELETE FROM patients",
                    "DELETE FROM users"):
            with pytest.raises(Refused, match="lacks a permission"):
                raw.execute(sql)
    finally:
        raw.close()
    assert cli(["server-grants", "Bad Name"]) == 2


def test_data_version_tells_of_another_pcs_save_within_two_seconds(
    records: Any,
) -> None:
    with Store.open(records) as mine, Store.open(records) as other:
        before = mine.data_version()
        mine.add_patient("My own")  # a store's own writes do not count
        assert mine.data_version() == before
        token = mine.last_change_id()
        other.add_patient("From the other PC")
        deadline = time.monotonic() + 2.0
        while mine.data_version() == before and time.monotonic() < deadline:
            time.sleep(0.05)
        assert mine.data_version() != before
        [change] = mine.changes_after(token)
        assert change.what == "Added patient From the other PC" and change.patient_id
