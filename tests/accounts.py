"""Signed-in accounts for tests of everything that writes records.

Once records have an account, every write needs a signed-in user whose role allows it.
Tests sign in ``tester``, the records' first account (a prescriber, so also their
admin: it may do everything), or another account made by it. Their Argon2 hasher is
cheaper than the program's (argon2-cffi's defaults take about a second a hash on the
2-core machine): real Argon2id, with less memory and time; tests/store/test_users.py
tests the program's own hasher.
"""

from __future__ import annotations

from argon2 import PasswordHasher

from taperdesk.store import Store, User

FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)
TESTER = "tester"
PASSWORD = "correct horse battery"


def sign_in(store: Store, name: str = TESTER, role: str = "prescriber",
            password: str = PASSWORD) -> User:
    """Sign ``name`` in on ``store``; the accounts are made first where missing (the
    tester first, as the records' admin, then ``name`` with ``role``, added by it)."""
    store.hasher = FAST_HASHER
    names = {u.name for u in store.users()}
    if TESTER not in names and not names:
        store.add_user(TESTER, "prescriber", PASSWORD)
    if name not in names and name != TESTER:
        store.sign_in(TESTER, PASSWORD)
        store.add_user(name, role, password)
    return store.sign_in(name, password)


def open_signed(path: object, name: str = TESTER, **kw: object) -> Store:
    """``Store.open(path, **kw)`` with ``name`` signed in (default: the tester, a
    prescriber and the records' admin)."""
    store = Store.open(path, **kw)  # type: ignore[arg-type]
    try:
        sign_in(store, name)
    except BaseException:
        store.close()
        raise
    return store
