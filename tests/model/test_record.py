"""``@record`` behaves as ``@dataclass(frozen=True)``: equality, hash, repr, frozenness."""

from __future__ import annotations

import dataclasses
from dataclasses import FrozenInstanceError, dataclass, field

import pytest
from hypothesis import given
from hypothesis import strategies as st

from taperdesk.model.record import record


@record
class Dose:
    """A test record: two compared fields, one left out of comparison and repr."""

    ug: int
    unit: str = "mg"
    note: str = field(default="", compare=False, repr=False)


@dataclass(frozen=True)
class DoseDC:
    """The same class as a plain frozen dataclass, to compare against."""

    ug: int
    unit: str = "mg"
    note: str = field(default="", compare=False, repr=False)


@record
class Later(Dose):
    """A record inheriting a record's fields."""

    day: int = 0


@record(eq=False)
class Shelf:
    """A record equal only to itself (``@dataclass(frozen=True, eq=False)``)."""

    name: str


@record
class OwnEq:
    """A record that writes its own equality: kept, and hashed by its fields."""

    a: int
    b: int = 0

    def __eq__(self, other: object) -> bool:
        return isinstance(other, OwnEq) and self.a == other.a


@record
class Empty:
    """A record with no fields."""


@record
class Node:
    """A record that can hold itself (through a list), for the recursive repr."""

    items: list[object] = field(default_factory=list, hash=False)


values = st.tuples(st.integers(-5, 5), st.sampled_from(["mg", "µg"]), st.text(max_size=3))


@given(values, values)
def test_equality_and_hash_follow_a_frozen_dataclass(a: tuple[int, str, str],
                                                      b: tuple[int, str, str]) -> None:
    ra, rb, da, db = Dose(*a), Dose(*b), DoseDC(*a), DoseDC(*b)
    assert (ra == rb) == (da == db)
    assert (ra != rb) == (da != db)
    assert hash(ra) == hash(da)  # both the hash of (ug, unit)
    assert repr(ra) == repr(da).replace("DoseDC", "Dose")


def test_repr_names_the_shown_fields_only() -> None:
    assert repr(Dose(500, note="private")) == "Dose(ug=500, unit='mg')"
    assert repr(Later(500, day=3)) == "Later(ug=500, unit='mg', day=3)"
    assert repr(Empty()) == "Empty()"


def test_a_record_is_not_equal_to_another_class_with_the_same_fields() -> None:
    assert Dose(500) != DoseDC(500)
    assert Dose(500) != Later(500)
    assert Dose(500).__eq__(DoseDC(500)) is NotImplemented
    assert Later(500, day=1) != Later(500, day=2)
    assert Later(500, day=1) == Later(500, day=1)
    assert Empty() == Empty() and hash(Empty()) == hash(Empty())


def test_it_is_frozen_and_still_a_dataclass() -> None:
    d = Dose(500)
    with pytest.raises(FrozenInstanceError):
        d.ug = 250  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        del d.unit  # type: ignore[misc]
    assert dataclasses.is_dataclass(d)
    assert dataclasses.replace(d, ug=250) == Dose(250)
    assert dataclasses.asdict(Later(1, day=2)) == {"ug": 1, "unit": "mg", "note": "",
                                                  "day": 2}
    assert [f.name for f in dataclasses.fields(Later)] == ["ug", "unit", "note", "day"]
    assert {Dose(1), Dose(1, note="x"), Dose(2)} == {Dose(1), Dose(2)}


def test_eq_false_means_identity() -> None:
    a, b = Shelf("x"), Shelf("x")
    assert a == a and a != b
    assert hash(a) == object.__hash__(a)
    assert len({a, b}) == 2


def test_a_class_with_its_own_eq_keeps_it_and_is_hashed_by_its_fields() -> None:
    assert OwnEq(1, 2) == OwnEq(1, 3)
    assert hash(OwnEq(1, 2)) == hash((1, 2))


def test_a_record_holding_itself_repr_does_not_recurse_forever() -> None:
    n = Node()
    n.items.append(n)
    assert repr(n) == "Node(items=[...])"
    assert hash(Node()) == hash(Node())  # the hash leaves out the list (hash=False)
