"""Patients: adding, editing, archiving, finding; each edit logged; bad input refused."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import RawDb, Refused

from taperdesk.store import Store, StoreError


def test_added_patient_reads_back_and_is_logged(store: Store) -> None:
    p = store.add_patient("  Ada   Lovelace ", born=date(1961, 3, 14), clinic_id="MRN-1",
                          opioid=True, note="calls mornings")
    assert store.patient(p.id) == p
    assert (p.name, p.born, p.clinic_id, p.opioid, p.archived) == (
        "Ada Lovelace", date(1961, 3, 14), "MRN-1", True, False)
    [change] = store.changes(patient_id=p.id)
    assert change.who == "tester"
    assert "Ada Lovelace" in change.what and "opioid" in change.what
    assert store.patient_count() == 1


def test_update_logs_each_field_and_skips_no_change(store: Store) -> None:
    p = store.add_patient("Bo Lee")
    q = store.update_patient(p.id, name="Bo Li", opioid=True, born=date(1970, 1, 2))
    assert (q.name, q.opioid, q.born) == ("Bo Li", True, date(1970, 1, 2))
    whats = [c.what for c in store.changes(patient_id=p.id)]
    assert "Name set to Bo Li" in whats
    assert "Opioid co-prescription flagged" in whats
    assert "Date of birth set to 1970-01-02" in whats
    before = len(store.changes())
    assert store.update_patient(p.id, name="Bo Li") == q
    assert len(store.changes()) == before


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": "  "}, "name cannot be empty"),
        ({"name": "x" * 201}, "longer than 200"),
        ({"born": date(2999, 1, 1)}, "in the future"),
        ({"born": date(1800, 1, 1)}, "before 1900"),
        ({"opioid": "yes"}, "true or false"),
        ({"colour": "red"}, "no field 'colour'"),
        ({"name": "A\x07B"}, "control character U\\+0007"),
    ],
)
def test_bad_patient_fields_are_refused_and_change_nothing(
    store: Store, fields: dict[str, object], message: str
) -> None:
    p = store.add_patient("Cy Young")
    before = store.changes()
    with pytest.raises(StoreError, match=message):
        store.update_patient(p.id, **fields)
    assert store.patient(p.id) == p
    assert store.changes() == before


def test_clinic_id_is_unique_ignoring_case(store: Store) -> None:
    a = store.add_patient("Ann", clinic_id="mrn-7")
    with pytest.raises(StoreError, match="already used by Ann"):
        store.add_patient("Ben", clinic_id="MRN-7")
    b = store.add_patient("Ben", clinic_id="MRN-8")
    with pytest.raises(StoreError, match="already used"):
        store.update_patient(b.id, clinic_id="Mrn-7")
    assert store.patient_count() == 2
    assert store.find_patients("MRN-7") == [a]


def test_archive_hides_from_search_and_back(store: Store) -> None:
    p = store.add_patient("Dee Ray")
    store.set_archived(p.id, True)
    assert store.search_patients("dee") == []
    assert [x.id for x in store.search_patients("dee", include_archived=True)] == [p.id]
    assert store.set_archived(p.id, False).archived is False
    assert [x.id for x in store.search_patients("dee")] == [p.id]
    whats = [c.what for c in store.changes(patient_id=p.id)]
    assert whats[:2] == ["Brought the patient back from archive", "Archived the patient"]


def test_search_ignores_case_accents_and_word_order(store: Store) -> None:
    names = ["Zoë Müller", "Anna Smith", "Sam Anderson", "Bob Smithers"]
    ids = {n: store.add_patient(n, clinic_id=f"C-{i}").id for i, n in enumerate(names)}
    found = [p.name for p in store.search_patients("SMITH")]
    assert found == ["Anna Smith", "Bob Smithers"]  # ordered by name
    assert [p.name for p in store.search_patients("muller zoe")] == ["Zoë Müller"]
    assert [p.name for p in store.search_patients("c-2")] == ["Sam Anderson"]
    assert [p.name for p in store.search_patients("and")] == ["Sam Anderson"]
    assert len(store.search_patients("")) == 4
    assert len(store.search_patients("", limit=2)) == 2
    assert store.search_patients("%") == []  # no wildcard characters
    assert store.find_patients(str(ids["Anna Smith"]))[0].name == "Anna Smith"
    assert [p.name for p in store.find_patients("anna  SMITH")] == ["Anna Smith"]


def test_each_word_matches_the_name_or_the_clinic_id(store: Store) -> None:
    """The name and the clinic ID are looked at through different indexes: a word may match
    either one, each word on its own, and a patient with no clinic ID still matches by
    name; archived patients stay hidden whichever matched."""
    kim = store.add_patient("Kim Rosales", clinic_id="AB-77")
    store.add_patient("Lee Rosa")  # no clinic ID
    store.add_patient("Rosa Ab", clinic_id="X-1")
    gone = store.add_patient("Rosa Archived", clinic_id="AB-78")
    store.set_archived(gone.id, True)
    names = lambda text, **kw: [p.name for p in store.search_patients(text, **kw)]  # noqa: E731
    assert names("rosa") == ["Kim Rosales", "Lee Rosa", "Rosa Ab"]
    assert names("ab") == ["Kim Rosales", "Rosa Ab"]  # a clinic ID, a name
    assert names("rosa ab-7") == ["Kim Rosales"]  # one word the name, the other the ID
    assert names("ab-7 rosa", include_archived=True) == ["Kim Rosales", "Rosa Archived"]
    assert names("ab-78") == [] and names("ab-78", include_archived=True) == ["Rosa Archived"]
    assert names("ÁB 77") == ["Kim Rosales"]  # both words in the clinic ID, accent ignored
    assert names("lee x-1") == []  # every word must match the same patient
    assert names("rosa", limit=2) == ["Kim Rosales", "Lee Rosa"]
    assert store.search_patients("x-1") == [store.patient(store.find_patients("X-1")[0].id)]
    assert kim == store.search_patients("77")[0]


def test_unknown_patient_is_a_clear_error(store: Store) -> None:
    with pytest.raises(StoreError, match="no patient 99"):
        store.patient(99)
    with pytest.raises(StoreError, match="no patient 99"):
        store.update_patient(99, name="X")


def test_change_log_refuses_update_and_delete(store: Store, raw: RawDb) -> None:
    store.add_patient("Eve")
    with pytest.raises(Refused, match="append-only"):
        raw.execute("UPDATE changes SET what = 'nothing happened'")
    with pytest.raises(Refused, match="append-only"):
        raw.execute("DELETE FROM changes")
    assert "Eve" in store.changes()[0].what


def test_settings_round_trip_and_are_logged(store: Store) -> None:
    assert store.setting("clinic_phone", "none") == "none"
    store.set_setting("clinic_phone", "555 0100")
    assert store.setting("clinic_phone") == "555 0100"
    store.set_setting("clinic_phone", "555 0199")
    assert store.setting("clinic_phone") == "555 0199"
    assert "555 0199" in store.changes()[0].what
    with pytest.raises(StoreError):
        store.set_setting("", "x")
