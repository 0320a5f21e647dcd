"""Plan files: any plan round-trips; a bad file (fuzzed, or wrong in one field) is
refused with a message naming the field, and an import is all or nothing."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import nardi_plan
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import plans

from taperdesk.model import Plan, PlanError, holds_by_date, insert_hold
from taperdesk.model.catalogue import shipped_catalogue
from taperdesk.store import (
    PlanDocument,
    PlanFileError,
    Store,
    StoreError,
    read_plan_file,
    write_plan_file,
)
from taperdesk.store.codec import check_text, valid_plan
from taperdesk.store.planfile import document_to_dict, parse_plan_document

FIXED = settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                         HealthCheck.too_slow])
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20)
    | st.sampled_from(["2027-01-04", "0.5", "clonazepam", "hold", "nardi", "pin"]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner,
                                                                  max_size=4),
    max_leaves=20,
)


def good_doc() -> dict[str, Any]:
    from datetime import date
    plan = insert_hold(nardi_plan(), date(2027, 2, 1), 14, reason="sleep")
    return document_to_dict(PlanDocument(plan, "Rae Ortiz", True, date(1980, 5, 6), "MRN-9"))


@settings(FIXED, max_examples=150)
@given(plan=plans(), name=st.text(max_size=40), opioid=st.booleans())
def test_any_plan_file_reads_back_identical(
    tmp_path: Path, plan: Plan, name: str, opioid: bool
) -> None:
    path = tmp_path / "p.taper.json"
    doc = PlanDocument(plan, name, opioid, None, "")
    write_plan_file(path, doc, force=True)  # hypothesis reuses the folder
    try:  # what a plan file may hold is what the store would keep; holds in date order
        kept_name = " ".join(check_text(name, "patient.name", 200).split())  # read first
        kept = PlanDocument(valid_plan(holds_by_date(plan), shipped_catalogue()), kept_name,
                            opioid)
    except (PlanError, StoreError) as exc:
        with pytest.raises(PlanFileError, match=re.escape(str(exc))):
            read_plan_file(path)
    else:
        assert read_plan_file(path) == kept


def _spoil(doc: Any, path: list[Any], value: Any) -> Any:
    """``doc`` with the value at ``path`` replaced (or deleted when value is ...)."""
    node = doc
    for key in path[:-1]:
        node = node[key]
    if value is ...:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return doc


def _paths(node: Any, prefix: list[Any]) -> list[list[Any]]:
    out = []
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(
        node, list) else []
    for k, v in items:
        out.append([*prefix, k])
        out += _paths(v, [*prefix, k])
    return out


ALL_PATHS = _paths(good_doc(), [])


def _import_checked(tmp_path: Path, raw: bytes) -> None:
    """Import ``raw`` into a records file: either all of it or nothing; never a crash."""
    path = tmp_path / "fuzz.taper.json"
    path.write_bytes(raw)
    db = tmp_path / "fuzz.sqlite3"
    with Store.open(db) as s:
        before = (s.patient_count(), len(s.changes()))
        try:
            doc = read_plan_file(path, s.catalogue)
        except PlanFileError as exc:
            assert str(exc).startswith(str(path))
            assert "\n" not in str(exc)
            assert (s.patient_count(), len(s.changes())) == before
            return
        try:
            done = s.import_document(doc)
        except StoreError:
            assert (s.patient_count(), len(s.changes())) == before
            return
        assert s.plan_record(done.record.id).plan == doc.plan


@settings(FIXED, max_examples=300)
@given(path=st.sampled_from(ALL_PATHS), value=JSON | st.just(...))
def test_a_file_wrong_in_one_place_is_refused_or_whole(
    tmp_path: Path, path: list[Any], value: Any
) -> None:
    doc = _spoil(good_doc(), path, value)
    _import_checked(tmp_path, json.dumps(doc).encode())


@settings(FIXED, max_examples=200)
@given(raw=st.binary(max_size=300) | JSON.map(lambda v: json.dumps(v).encode()))
def test_random_bytes_and_json_never_crash_the_importer(tmp_path: Path, raw: bytes) -> None:
    _import_checked(tmp_path, raw)


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (["plan", "edits", 0, "days"], 0, r"plan\.edits\[0\]\.days: must be from 1 to 365"),
        (["plan", "edits", 0, "on"], "2027-02-30", r"plan\.edits\[0\]\.on: .* is not a date"),
        (["plan", "edits", 0, "dayz"], 3, r"plan\.edits\[0\]: unknown field 'dayz'"),
        (["plan", "edit"], [], r"plan: unknown field 'edit'"),
        (["plan", "drug"], "aspirin", "unknown drug 'aspirin'"),
        (["plan", "products"], ["clonazepam-tab-3"], "no product 'clonazepam-tab-3'"),
        (["plan", "start_mg"], 0.5, r"plan\.start_mg: expected str"),
        (["plan", "start_mg"], "-1", "cannot be negative"),
        (["plan", "protocol", "id"], "fast", "unknown protocol"),
        (["patient", "born"], "1980-13-01", r"patient\.born: .* is not a date"),
        (["patient", "opioid_co_prescription"], "yes", "true or false"),
        (["version"], 2, "version 2 is newer"),
        (["format"], "something-else", "not a TaperDesk plan file"),
    ],
)
def test_bad_fields_are_named(tmp_path: Path, path: list[Any], value: Any, message: str) -> None:
    p = tmp_path / "bad.taper.json"
    p.write_text(json.dumps(_spoil(good_doc(), path, value)))
    with pytest.raises(PlanFileError, match=message):
        read_plan_file(p)


def test_repeated_keys_and_nan_are_refused(tmp_path: Path) -> None:
    p = tmp_path / "dup.taper.json"
    text = json.dumps(good_doc())
    p.write_text(text.replace('"edits": [', '"edits": [], "edits": [', 1))
    with pytest.raises(PlanFileError, match="'edits' appears twice"):
        read_plan_file(p)
    p.write_text(text.replace('"days": 14', '"days": NaN', 1))
    with pytest.raises(PlanFileError, match="NaN is not allowed"):
        read_plan_file(p)


def test_too_large_or_unreadable_files(tmp_path: Path) -> None:
    big = tmp_path / "big.taper.json"
    big.write_bytes(b" " * (2 * 1024 * 1024 + 1))
    with pytest.raises(PlanFileError, match="larger than 2 MB"):
        read_plan_file(big)
    with pytest.raises(PlanFileError, match="cannot be read"):
        read_plan_file(tmp_path / "missing.taper.json")
    deep = tmp_path / "deep.taper.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(PlanFileError):
        read_plan_file(deep)


def test_import_matches_patients_or_refuses_to_guess(store: Store) -> None:
    doc = parse_plan_document(good_doc())
    first = store.import_document(doc)
    assert first.new_patient and first.patient.opioid and first.patient.clinic_id == "MRN-9"
    again = store.import_document(doc)
    assert not again.new_patient and again.patient.id == first.patient.id
    assert store.active_plan(first.patient.id) == again.record
    other = store.add_patient("Rae Ortiz")  # a second patient of the same name
    from dataclasses import replace
    no_id = replace(doc, clinic_id="")
    with pytest.raises(StoreError, match="2 patients are named Rae Ortiz"):
        store.import_document(no_id)
    assert store.import_document(no_id, patient_id=other.id).patient.id == other.id
    with pytest.raises(StoreError, match="belongs to Rae Ortiz"):
        store.import_document(replace(doc, patient_name="Someone Else"))
    with pytest.raises(StoreError, match="born 1980-05-06"):
        store.import_document(replace(doc, born=doc.born.replace(year=1981)))  # type: ignore[union-attr]


def test_import_adds_an_opioid_flag_but_never_removes_one(store: Store) -> None:
    p = store.add_patient("Sol Tan")
    doc = PlanDocument(nardi_plan(), "Sol Tan", True)
    done = store.import_document(doc)
    assert done.flagged_opioid and store.patient(p.id).opioid
    done = store.import_document(PlanDocument(nardi_plan(), "Sol Tan", False))
    assert not done.flagged_opioid and store.patient(p.id).opioid


def test_export_carries_the_patient_and_the_latest_revision(store: Store, tmp_path: Path) -> None:
    from datetime import date
    p = store.add_patient("Uma Roy", born=date(1950, 1, 2), clinic_id="X-1", opioid=True,
                          language="es")
    rec = store.create_plan(p.id, nardi_plan())
    held = insert_hold(rec.plan, date(2027, 2, 1), 7)
    store.save_revision(rec.id, held, expected_revision=1, why="hold")
    out = tmp_path / "uma.taper.json"
    write_plan_file(out, store.export_document(rec.id))
    assert read_plan_file(out) == PlanDocument(held, "Uma Roy", True, date(1950, 1, 2), "X-1",
                                               "es")
    assert oct(out.stat().st_mode & 0o777) == "0o600"
