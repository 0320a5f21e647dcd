"""Named user accounts: add, list, disable, sign in. Passwords are kept as Argon2 hashes.

The first account of a records file is its admin, whatever role it is given; after
that only an admin adds or disables accounts. ``sign_in`` answers a wrong password,
an unknown name and a disabled account with the same message, so a refusal tells
nobody which names exist. Roles and rights: store/roles.py.
"""

from __future__ import annotations

import sqlite3
from functools import cache
from typing import TYPE_CHECKING, Any

from taperdesk.store.base import StoreBase
from taperdesk.store.codec import check_text, decode_time, normalise
from taperdesk.store.errors import StoreError
from taperdesk.store.roles import Permission, Role, User, parse_role

if TYPE_CHECKING:
    from argon2 import PasswordHasher


@cache
def password_hasher() -> PasswordHasher:
    """argon2-cffi's defaults (Argon2id, RFC 9106's low-memory profile). Each hash carries its
    own parameters, so one made with others is still checked correctly. Made (and argon2
    loaded) when a password is first hashed or checked, not when the records open: a start
    on records without accounts never needs it."""
    from argon2 import PasswordHasher

    return PasswordHasher()


def __getattr__(name: str) -> Any:
    if name == "PASSWORD_HASHER":  # the program's hasher, as it was known before
        return password_hasher()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

MIN_PASSWORD = 8
"""TaperDesk default: the shortest password accepted (characters); not a clinical number."""
MAX_USER_NAME = 100
SIGN_IN_REFUSED = "The name or password is wrong, or the account is disabled."
_COLUMNS = "id, name, role, admin, disabled, created"


def _user(r: sqlite3.Row | Any) -> User:
    return User(r["id"], r["name"], Role(r["role"]), bool(r["admin"]), bool(r["disabled"]),
                decode_time(r["created"]))


class UsersMixin(StoreBase):
    _hasher: PasswordHasher | None = None

    @property
    def hasher(self) -> PasswordHasher:
        """The Argon2 hasher (``password_hasher()``); tests of other parts may set a cheaper
        one on their store."""
        return self._hasher or password_hasher()

    @hasher.setter
    def hasher(self, hasher: PasswordHasher) -> None:
        self._hasher = hasher

    def users(self) -> list[User]:
        """Every account, disabled ones included, by name."""
        return [_user(r) for r in self._rows(
            f"SELECT {_COLUMNS} FROM users ORDER BY name_key, id")]

    def add_user(self, name: str, role: Role | str, password: str) -> User:
        """Add an account. The file's first account needs no sign-in and is its admin;
        every later one is added by a signed-in admin."""
        name = " ".join(check_text(name, "user name", MAX_USER_NAME, required=True).split())
        try:
            role = parse_role(role)
        except ValueError as exc:
            raise StoreError(str(exc)) from None
        first = not self.has_users()
        if not first:
            self.require(Permission.USERS)
        if not isinstance(password, str) or len(password) < MIN_PASSWORD:
            raise StoreError(f"The password must have at least {MIN_PASSWORD} characters.")
        digest = self.hasher.hash(password)
        at = self._stamp()
        admin = first or role == Role.ADMIN
        with self._write() as conn:
            if first and conn.execute("SELECT 1 FROM users LIMIT 1").fetchone() is not None:
                raise StoreError("Another program added the first account meanwhile; sign in.")
            if conn.execute("SELECT 1 FROM users WHERE name_key = ?",
                            (normalise(name),)).fetchone() is not None:
                raise StoreError(f"There is already an account named {name}.")
            cur = conn.execute(
                "INSERT INTO users (name, name_key, role, admin, password_hash, disabled,"
                " created) VALUES (?, ?, ?, ?, ?, 0, ?)",
                (name, normalise(name), role.value, int(admin), digest, at),
            )
            assert cur.lastrowid is not None
            user = User(cur.lastrowid, name, role, admin, False, decode_time(at))
            signed_in = self.user
            if first:
                self.user = user  # the first account records its own making
            try:
                extra = ": the records' first account, so also their admin" \
                    if first and role != Role.ADMIN else ""
                self._log(conn, f"Added the account {user.label}{extra}", at=at)
            finally:
                self.user = signed_in
        return user

    def disable_user(self, name: str) -> User:
        """Disable an account (kept, for the change log names it); it can no longer sign in.

        The last enabled admin cannot be disabled: nobody could manage accounts after."""
        self.require(Permission.USERS)
        with self._write() as conn:
            row = conn.execute(f"SELECT {_COLUMNS} FROM users WHERE name_key = ?",
                               (normalise(name),)).fetchone()
            if row is None:
                raise StoreError(f"There is no account named {name}.")
            user = _user(row)
            if user.disabled:
                return user
            admins = conn.execute("SELECT count(*) FROM users WHERE admin = 1 AND disabled = 0"
                                  " AND id != ?", (user.id,)).fetchone()[0]
            if user.admin and admins == 0:
                raise StoreError(f"{user.name} is the last admin; add another admin before "
                                 "disabling this account.")
            conn.execute("UPDATE users SET disabled = 1 WHERE id = ?", (user.id,))
            self._log(conn, f"Disabled the account {user.label}")
        return User(user.id, user.name, user.role, user.admin, True, user.created)

    def sign_in(self, name: str, password: str) -> User:
        """Sign in: from now on every change names this user and is checked against their
        role. Refused with one message (SIGN_IN_REFUSED) whatever was wrong."""
        key = normalise(name) if isinstance(name, str) else ""
        rows = self._rows(f"SELECT {_COLUMNS}, password_hash FROM users WHERE name_key = ?",
                          (key,)) if key else []
        digest = rows[0]["password_hash"] if rows else None
        ok = self._verify(digest, password if isinstance(password, str) else "")
        if not ok or not rows or rows[0]["disabled"]:
            raise StoreError(SIGN_IN_REFUSED)
        user = _user(rows[0])
        self.user = user
        return user

    def check_password(self, password: str) -> bool:
        """Whether ``password`` is the signed-in user's (the window's idle lock asks it
        again); changes nothing."""
        if self.user is None:
            return False
        rows = self._rows("SELECT password_hash, disabled FROM users WHERE id = ?",
                          (self.user.id,))
        return bool(rows) and not rows[0]["disabled"] and self._verify(
            rows[0]["password_hash"], password if isinstance(password, str) else "")

    def sign_out(self) -> None:
        """Nobody is signed in: writes are refused until the next sign-in."""
        self.user = None

    def _verify(self, digest: str | None, password: str) -> bool:
        # An unknown name is checked against a throwaway hash, so it takes as long as a
        # wrong password and the refusal's timing does not tell which names exist.
        from argon2.exceptions import InvalidHashError, VerificationError

        try:
            return bool(self.hasher.verify(digest or self._decoy(), password))
        except (VerificationError, InvalidHashError):
            return False

    _decoys: dict[int, str] = {}

    def _decoy(self) -> str:
        key = id(self.hasher)
        if key not in self._decoys:
            self._decoys[key] = self.hasher.hash("not a password of anybody")
        return self._decoys[key]
