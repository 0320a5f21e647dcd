"""Clinic server budget: saving a plan edit (one revision, with its change-log row and
NOTIFY) on PostgreSQL, p95 <= 20 ms (SPEC.md). A throwaway cluster on this machine with
fsync on, as a server keeps it; a clinic's network adds its round trips."""

from __future__ import annotations

from datetime import date

from benchmarks.harness import Outcome, percentile, time_ms
from benchmarks.pgcluster import PgCluster
from taperdesk.model import Plan, insert_hold, make_protocol
from taperdesk.store import Store

SAVE_BUDGET_MS = 20.0


def server_save(quick: bool) -> list[Outcome]:
    saves = 50 if quick else 300
    cluster = PgCluster(fsync=True, name="taperdesk-bench-pg-")
    try:
        cluster.sql("CREATE DATABASE bench")
        with Store.open(cluster.uri("bench")) as store:
            plan = Plan("clonazepam", ("clonazepam-tab-0.5-us", "clonazepam-tab-1-us"), 3000,
                        "morning-night", date(2027, 1, 4), make_protocol("nardi"))
            rec = store.create_plan(store.add_patient("Bench").id, plan)
            samples = []
            for i in range(saves):
                edited = insert_hold(plan, date(2027, 2, 1 + i % 20), 7 + i % 5)
                samples.append(time_ms(lambda e=edited, r=rec, n=i: store.save_revision(
                    r.id, e, expected_revision=r.revision, why=f"hold {n}")))
                rec = store.plan_record(rec.id)
    finally:
        cluster.remove()
    return [Outcome("save a plan edit on the clinic server, p95", percentile(samples, 95),
                    SAVE_BUDGET_MS, "ms",
                    detail=f"p95 of {saves} saves, local PostgreSQL over a Unix socket")]
