"""Assessments: validated against their scale, listed by date, withdrawn with a reason."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from taperdesk.model.scales import Assessment, make_assessment, scale
from taperdesk.store import Store, StoreError


def ciwa(on: date, level: int = 1, flags: tuple[str, ...] = (), note: str = "") -> Assessment:
    sc = scale("ciwa-b")
    return make_assessment(sc, on, {i.id: level for i in sc.items}, flags, note)


def test_assessments_read_back_by_date(store: Store) -> None:
    p = store.add_patient("Ned")
    late = store.add_assessment(p.id, ciwa(date(2027, 2, 1), 2, ("seizure",), "fit at home"))
    early = store.add_assessment(p.id, ciwa(date(2027, 1, 1), 1))
    got = store.assessments(p.id)
    assert [r.id for r in got] == [early.id, late.id]
    assert got[1].assessment == ciwa(date(2027, 2, 1), 2, ("seizure",), "fit at home")
    assert got[1].who == "tester"
    logged = store.changes(patient_id=p.id)[1].what  # newest first: 'late' was entered first
    assert "RED FLAGS: Seizure" in logged
    assert "total 40 (moderate)" in logged


def test_withdrawn_assessment_is_hidden_but_logged(store: Store) -> None:
    p = store.add_patient("Oli")
    a = store.add_assessment(p.id, ciwa(date(2027, 1, 1)))
    with pytest.raises(StoreError, match="reason cannot be empty"):
        store.delete_assessment(a.id, why="")
    store.delete_assessment(a.id, why="Wrong patient")
    assert store.assessments(p.id) == []
    assert store.changes(patient_id=p.id)[0].what.endswith("Wrong patient")
    with pytest.raises(StoreError, match=f"no assessment {a.id}"):
        store.delete_assessment(a.id, why="again")


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (lambda a: replace(a, scale_id="no-scale"), "unknown scale"),
        (lambda a: replace(a, scores=a.scores[:-1]), "no score given"),
        (lambda a: replace(a, scores=((a.scores[0][0], 9),) + a.scores[1:]), "score must be"),
        (lambda a: replace(a, red_flags=frozenset({"hiccups"})), "unknown red flag"),
        (lambda a: replace(a, scores=tuple(reversed(a.scores))), "scale's order"),
    ],
)
def test_bad_assessments_are_refused(store: Store, spoil, message: str) -> None:  # type: ignore[no-untyped-def]
    p = store.add_patient("Pia")
    before = store.changes()
    with pytest.raises(StoreError, match=message):
        store.add_assessment(p.id, spoil(ciwa(date(2027, 1, 1))))
    assert store.assessments(p.id) == []
    assert store.changes() == before
