"""Texts and cells the records cannot trust (issue 10, defects 5 and 6): lone surrogates and
control characters refused with a message, look-alike names made one, and a date or
timestamp damaged in the file named as a damaged record, never a traceback."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from conftest import nardi_plan

from taperdesk.model import insert_hold
from taperdesk.store import PlanDocument, Store, StoreError

LOOK_ALIKES = ["Demo\u200b Patient", "Demo Pat\u200dient", "\ufeffDemo Patient",
               "Demo \u202ePatient", "Demo Patient\u2069", "De\u200emo Patient",
               "Demo Patient"]


@pytest.mark.parametrize("bad", ["\ud800", "Ann \udcff Lee", "A\x07B", "A\u2028B", "A\u00adB"])
@pytest.mark.parametrize("field", ["name", "clinic_id", "note"])
def test_surrogates_and_controls_are_refused_with_the_field_named(
    store: Store, field: str, bad: str
) -> None:
    fields = {"name": "Ann Lee", field: bad}
    with pytest.raises(StoreError, match=f"{field.replace('_id', ' ID')} contains"):
        store.add_patient(**fields)  # type: ignore[arg-type]
    assert store.patient_count() == 0
    p = store.add_patient("Ann Lee")
    with pytest.raises(StoreError, match="contains"):
        store.update_patient(p.id, **{field: bad})
    assert store.patient(p.id).name == "Ann Lee"


def test_reasons_and_log_texts_refuse_surrogates(store: Store) -> None:
    p = store.add_patient("Bo")
    rec = store.create_plan(p.id, nardi_plan())
    held = insert_hold(rec.plan, date(2027, 2, 1), 14, reason="sleep \ud800")
    with pytest.raises(StoreError, match="reason of edit 1 contains U\\+D800"):
        store.save_revision(rec.id, held, expected_revision=1, why="hold")
    with pytest.raises(StoreError, match="reason contains U\\+D800"):
        store.acknowledge(rec.id, "k", "c", "\ud800")
    assert store.plan_record(rec.id).revision == 1


def test_look_alike_names_are_one_name_and_clinic_ids_clash(store: Store) -> None:
    first = store.add_patient("Demo Patient", clinic_id="DEMO-1")
    for name in LOOK_ALIKES:
        assert name == "Demo Patient" or store.add_patient(name).name == "Demo Patient"
        assert first.id in [p.id for p in store.find_patients(name)]
        assert first.id in [p.id for p in store.search_patients(name)]
    for clinic_id in ("DEMO\u200b-1", "\u202eDEMO-1", "demo-1\u2060"):
        with pytest.raises(StoreError, match="(?i)Clinic ID DEMO-1 is already used by Demo"):
            store.add_patient("Someone Else", clinic_id=clinic_id)
    assert {p.name for p in store.search_patients("")} == {"Demo Patient"}


def test_a_plan_file_for_a_look_alike_name_lands_on_the_same_patient(store: Store) -> None:
    p = store.add_patient("Demo Patient")
    done = store.import_document(PlanDocument(nardi_plan(), "Demo\u200b Patient"))
    assert (done.patient.id, done.new_patient) == (p.id, False)


def test_text_is_stored_in_nfc(store: Store) -> None:
    p = store.add_patient("Ola\u0301")  # an a and a combining accent
    assert store.patient(p.id).name == "Olá" and len(store.patient(p.id).name) == 3


@pytest.fixture
def file_store(db_path: Path) -> Iterator[Store]:
    """Damaged cells are a records FILE's risk (a disk, a hand edit); the server keeps
    typed columns and append-only triggers that refuse such edits."""
    with Store.open(db_path) as s:
        yield s


def raw(db: Path, sql: str, *params: object) -> None:
    """Change the file as another program could (it may drop the append-only triggers)."""
    con = sqlite3.connect(db)
    try:
        with con:
            con.execute("DROP TRIGGER IF EXISTS acknowledgements_no_update")
            con.execute(sql, params)
    finally:
        con.close()


def test_a_bad_date_of_birth_in_the_file_is_a_damaged_record(file_store: Store,
                                                             db_path: Path) -> None:
    store = file_store
    p = store.add_patient("Cy", born=date(1990, 1, 2))
    raw(db_path, "UPDATE patients SET born = '1990-13-45' WHERE id = ?", p.id)
    for read in (lambda: store.patient(p.id), lambda: store.search_patients(""),
                 lambda: store.find_patients("Cy")):
        with pytest.raises(StoreError, match=f"Damaged record: patients row {p.id} has born "
                                             "'1990-13-45', which is not a date"):
            read()
    assert any(f"patients row {p.id}" in x for x in store.verify())


def test_a_bad_acknowledgement_time_is_a_damaged_record(file_store: Store,
                                                        db_path: Path) -> None:
    store = file_store
    p = store.add_patient("Di")
    rec = store.create_plan(p.id, nardi_plan())
    store.acknowledge(rec.id, "k", "c", "on purpose")
    raw(db_path, "UPDATE acknowledgements SET at = 'yesterday-ish'")
    with pytest.raises(StoreError, match="Damaged record: acknowledgements row 1 has at "
                                         "'yesterday-ish', which is not a timestamp"):
        store.acknowledgements(rec.id)
    assert [x for x in store.verify() if "acknowledgements row 1" in x]
