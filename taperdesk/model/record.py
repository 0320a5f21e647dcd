"""``@record``: a frozen dataclass whose comparison, hash and repr are shared code.

``@dataclass(frozen=True)`` writes six methods as source text for each class and
compiles each one (``__init__``, ``__repr__``, ``__eq__``, ``__hash__``,
``__setattr__``, ``__delattr__``). TaperDesk's window makes some fifty such classes
before it opens. Those compiles were the largest part of TaperDesk's own import
time (docs/PERFORMANCE.md, sixth round).

``record`` has dataclasses write only what must differ per class: ``__init__`` and
the frozen guards. Equality, the hash and the repr are three functions shared by
every record. They read each class's fields once, at decoration:

- equality holds between two objects of the same class whose compared fields are equal;
- the hash is the hash of those fields;
- the repr is ``Name(field=value, ...)``.

These are the rules ``@dataclass(frozen=True)`` itself follows, including each
field's ``compare``, ``hash`` and ``repr`` flags. The class is still a frozen
dataclass: ``dataclasses.fields``, ``replace`` and ``asdict`` work on it, and
assigning to a field raises ``FrozenInstanceError``. tests/model/test_record.py
checks each rule against ``@dataclass(frozen=True)``.
"""

from __future__ import annotations

import dataclasses
import reprlib
from collections.abc import Callable
from operator import attrgetter
from typing import Any, cast, dataclass_transform, overload

_KEY = "__record_key__"  # the class's compared fields, read as one tuple
_HASHED = "__record_hashed__"  # the fields its hash is made of
_SHOWN = "__record_shown__"  # the names its repr lists


def _getter(names: tuple[str, ...]) -> Callable[[object], tuple[Any, ...]]:
    """A function reading ``names`` from an object as one tuple (``()`` for none)."""
    if not names:
        return lambda _obj: ()
    if len(names) == 1:
        one = attrgetter(names[0])
        return lambda obj: (one(obj),)
    return attrgetter(*names)


def _eq(self: object, other: object) -> object:
    if other.__class__ is not self.__class__:
        return NotImplemented
    key = getattr(self.__class__, _KEY)
    return bool(key(self) == key(other))


def _hash(self: object) -> int:
    return hash(getattr(self.__class__, _HASHED)(self))


@reprlib.recursive_repr()
def _repr(self: object) -> str:
    shown = getattr(self.__class__, _SHOWN)
    inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in shown)
    return f"{self.__class__.__qualname__}({inner})"


def _finish[T: type](cls: T, eq: bool) -> T:
    made: Any = dataclasses.dataclass(cls, frozen=True, eq=False, repr=False)
    fields = dataclasses.fields(made)
    own = vars(made)
    if "__repr__" not in own:
        setattr(made, _SHOWN, tuple(f.name for f in fields if f.repr))
        made.__repr__ = _repr
    if not eq:
        return cast(T, made)  # equal only to itself, hashed by identity, as object's
    if "__eq__" not in own:
        setattr(made, _KEY, _getter(tuple(f.name for f in fields if f.compare)))
        made.__eq__ = _eq
    # dataclasses' rule: a hash of the fields unless the class wrote its own __hash__
    # (a __hash__ of None that Python put there for a class's own __eq__ does not count)
    explicit = "__hash__" in own and not (own["__hash__"] is None and "__eq__" in own)
    if not explicit:
        hashed = tuple(f.name for f in fields if (f.compare if f.hash is None else f.hash))
        setattr(made, _HASHED, _getter(hashed))
        made.__hash__ = _hash
    return cast(T, made)


@overload
def record[T: type](cls: T, /) -> T: ...
@overload
def record[T: type](*, eq: bool = True) -> Callable[[T], T]: ...


@dataclass_transform(frozen_default=True)
def record[T: type](cls: T | None = None, /, *, eq: bool = True) -> T | Callable[[T], T]:
    """``@dataclass(frozen=True)`` (or ``(frozen=True, eq=False)`` with ``eq=False``:
    objects equal only to themselves, hashed by identity), made with less generated code."""
    if cls is None:
        return lambda c: _finish(c, eq)
    return _finish(cls, eq)
