"""Plans and revisions: saved plans read back identical, history kept, bad rows refused."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from accounts import sign_in
from conftest import RawDb, Refused, nardi_plan
from hypothesis import HealthCheck, given, settings
from strategies import plans

from taperdesk.model import Plan, PlanError, insert_hold, set_step_dose
from taperdesk.model.catalogue import shipped_catalogue
from taperdesk.model.guardrails import check
from taperdesk.model.schedule import compute
from taperdesk.store import Store, StoreError
from taperdesk.store.codec import encode_plan, valid_plan
from taperdesk.store.evidence import revision_hash


def stored_as(plan: Plan) -> Plan:
    """The plan as the store keeps it (texts cleaned); a plan the model refuses (too many
    steps, a control character in a reason) is refused by the store's encoder with the
    model's message, and its place in the test is taken by a plain plan."""
    try:
        return valid_plan(plan, shipped_catalogue())
    except (PlanError, StoreError) as exc:
        with pytest.raises(StoreError, match=re.escape(str(exc))):
            encode_plan(plan, shipped_catalogue())
        return nardi_plan()


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(first=plans(), second=plans())
def test_any_plan_reads_back_identical_after_reopening(
    tmp_path: Path, first: Plan, second: Plan
) -> None:
    path = tmp_path / "roundtrip.sqlite3"
    path.unlink(missing_ok=True)
    first, second = stored_as(first), stored_as(second)  # what the one validation keeps
    with Store.open(path) as s:
        pid = s.add_patient("Round Trip").id
        rec = s.create_plan(pid, first)
        rec2 = s.save_revision(rec.id, second, expected_revision=1, why="changed")
        assert rec2.plan == second
    with Store.open(path) as s:
        assert s.plan_record(rec.id).plan == second
        assert [r.plan for r in s.revisions(rec.id)] == [first, second]
        assert s.active_plan(pid) == rec2
        # Including every edit in its order (holds, pins, back-steps).
        assert s.plan_record(rec.id).plan.edits == second.edits


def test_create_plan_makes_it_active_and_titles_it(store: Store) -> None:
    p = store.add_patient("Fay")
    a = store.create_plan(p.id, nardi_plan())
    assert (a.revision, a.active, a.title) == (1, True, "Clonazepam taper from 2027-01-04")
    b = store.create_plan(p.id, nardi_plan(2000, date(2027, 2, 1)), why="Second try")
    assert store.active_plan(p.id) == b
    assert [r.id for r in store.plans(p.id)] == [a.id, b.id]
    assert store.plan_record(a.id).active is False
    back = store.set_active_plan(a.id)
    assert back.active and store.active_plan(p.id) == back
    assert not store.plan_record(b.id).active
    assert store.changes(plan_id=a.id)[0].what.startswith(f"Made plan {a.id}")
    assert store.changes(plan_id=b.id)[0].what == "Second try: Clonazepam taper from 2027-02-01"


def test_revisions_keep_who_when_why_in_order(store: Store) -> None:
    p = store.add_patient("Gus")
    rec = store.create_plan(p.id, nardi_plan())
    held = insert_hold(rec.plan, date(2027, 2, 1), 14)
    sign_in(store, "dr-a")
    rec = store.save_revision(rec.id, held, expected_revision=1,
                              why="Inserted a hold on 2027-02-01 for 14 days")
    pinned = set_step_dose(held, 0, 2500)
    sign_in(store, "dr-b")
    rec = store.save_revision(rec.id, pinned, expected_revision=2, why="Step 1 set to 2.5 mg")
    revs = store.revisions(rec.id)
    assert [(r.revision, r.who, r.why) for r in revs] == [
        (1, "tester", "New plan"),
        (2, "dr-a", "Inserted a hold on 2027-02-01 for 14 days"),
        (3, "dr-b", "Step 1 set to 2.5 mg"),
    ]
    assert revs[0].when <= revs[1].when <= revs[2].when
    assert revs[2].when.tzinfo is not None
    assert [r.plan for r in revs] == [nardi_plan(), held, pinned]
    assert [c.what for c in store.changes(plan_id=rec.id)][:2] == [
        "Step 1 set to 2.5 mg", "Inserted a hold on 2027-02-01 for 14 days"]


def test_history_rows_cannot_be_rewritten(store: Store, raw: RawDb) -> None:
    rec = store.create_plan(store.add_patient("Hal").id, nardi_plan())
    with pytest.raises(Refused, match="append-only"):
        raw.execute("UPDATE revisions SET why = 'x' WHERE plan_id = ?", (rec.id,))
    with pytest.raises(Refused, match="append-only"):
        raw.execute("DELETE FROM revisions")
    assert [r.why for r in store.revisions(rec.id)] == ["New plan"]


def test_a_damaged_plan_row_names_the_plan(store: Store, raw: RawDb) -> None:
    p = store.add_patient("Ida")
    rec = store.create_plan(p.id, nardi_plan())
    bad = '{"drug": "clonazepam", "products": ["no-such-tablet"]}'
    at = "2027-01-01T00:00:00+00:00"  # with its hash: the row reads, the plan does not
    raw.execute("INSERT INTO revisions VALUES (?, 2, ?, 'x', ?, 'hand edit', ?)",
                (rec.id, bad, at, revision_hash(rec.id, 2, bad, "x", at, "hand edit")))
    raw.execute("UPDATE plans SET revision = 2 WHERE id = ?", (rec.id,))
    with pytest.raises(StoreError, match=f"plan {rec.id} \\(revision 2\\)"):
        store.plan_record(rec.id)
    with pytest.raises(StoreError, match="cannot be read"):
        store.active_plan(p.id)
    assert store.patient(p.id).name == "Ida"  # the rest of the records still work


def test_a_plan_that_is_not_valid_is_not_saved(store: Store) -> None:
    p = store.add_patient("Jo")
    rec = store.create_plan(p.id, nardi_plan())
    from dataclasses import replace
    bad = replace(rec.plan, products=("no-such-tablet",))
    with pytest.raises(StoreError, match="cannot be saved"):
        store.save_revision(rec.id, bad, expected_revision=1, why="x")
    with pytest.raises(StoreError, match="cannot be saved"):
        store.create_plan(p.id, bad)
    assert [r.revision for r in store.revisions(rec.id)] == [1]
    assert len(store.plans(p.id)) == 1
    with pytest.raises(StoreError, match="no patient 42"):
        store.create_plan(42, nardi_plan())


def test_acknowledgements_need_a_reason_and_are_kept(store: Store) -> None:
    p = store.add_patient("Kim")
    rec = store.create_plan(p.id, nardi_plan())
    warning = check(compute(rec.plan))[0]
    with pytest.raises(StoreError, match="reason cannot be empty"):
        store.acknowledge(rec.id, warning.key, warning.code, "  ")
    ack = store.acknowledge(rec.id, warning.key, warning.code, "Patient prefers this pace")
    assert store.acknowledgements(rec.id) == [ack]
    assert (ack.who, ack.code) == ("tester", warning.code)
    assert warning.key in store.changes(plan_id=rec.id)[0].what
    with pytest.raises(StoreError, match="no plan 77"):
        store.acknowledge(77, warning.key, warning.code, "x")


def test_decisions_on_suggested_holds_are_logged(store: Store) -> None:
    p = store.add_patient("Lou")
    rec = store.create_plan(p.id, nardi_plan())
    change = store.record_decision(p.id, rec.id, "Declined the suggested hold",
                                   "Symptoms already easing")
    assert change.what == "Declined the suggested hold. Reason: Symptoms already easing"
    assert store.changes(patient_id=p.id)[0] == change
    other = store.add_patient("Max")
    with pytest.raises(StoreError, match="not a plan of patient"):
        store.record_decision(other.id, rec.id, "Accepted", "x")


def test_a_failed_call_inside_a_transaction_undoes_only_itself(store: Store) -> None:
    with store.transaction():
        kept = store.add_patient("Kept", clinic_id="K-1")
        with pytest.raises(StoreError, match="already used"):
            store.add_patient("Clash", clinic_id="k-1")
        rec = store.create_plan(kept.id, nardi_plan())
        with pytest.raises(StoreError):
            store.save_revision(rec.id, nardi_plan(), expected_revision=5, why="stale")
        with pytest.raises(ValueError), store.transaction():  # written, then failed
            store.add_patient("Inner")
            raise ValueError("the inner edit fails after writing")
        store.add_patient("After")
    assert [p.name for p in store.search_patients()] == ["After", "Kept"]
    assert not any("Inner" in c.what for c in store.changes())
    assert [r.revision for r in store.revisions(rec.id)] == [1]
    with pytest.raises(RuntimeError), store.transaction():
        store.add_patient("Gone")
        raise RuntimeError("the whole edit fails")
    assert store.patient_count() == 2
    assert "Gone" not in " ".join(c.what for c in store.changes())
