"""Who runs a command: ``--user NAME`` and the password, for every command on the records.

The password comes from ``TAPERDESK_PASSWORD`` or a prompt that does not echo (with no
terminal and no variable: a clear error). Records that have accounts are neither read
nor changed without ``--user``; records with none yet (made before users, or new) are
used as before until ``taperdesk users add`` makes their first account, the admin
(README "Users and sign-in").
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from taperdesk.store import Store

PASSWORD_ENV = "TAPERDESK_PASSWORD"
USER_ENV = "TAPERDESK_USER"
NEW_PASSWORD_ENV = "TAPERDESK_NEW_PASSWORD"


def add_user_option(p: argparse._ActionsContainer) -> None:
    p.add_argument("--user", metavar="NAME", default=os.environ.get(USER_ENV) or None,
                   help=f"your TaperDesk account (default: ${USER_ENV}); the password from "
                        f"${PASSWORD_ENV} or a prompt")


def ask_password(env: str, prompt: str) -> str:
    """The password in ``env``, else one typed at a prompt that does not echo."""
    from taperdesk.cli import UsageError

    given = os.environ.get(env)
    if given is not None:
        return given
    if not sys.stdin.isatty():
        raise UsageError(f"no password: set {env} or run the command in a terminal")
    try:
        return getpass.getpass(prompt)
    except EOFError:
        raise UsageError("no password was typed") from None


def sign_in(store: Store, user: str | None) -> None:
    """Sign ``user`` in on ``store``, or refuse (UsageError) when the records have
    accounts and no user was given, or the password is wrong."""
    from taperdesk.cli import UsageError

    if user is None:
        if store.has_users():
            raise UsageError(
                f"the records at {store.location} have user accounts: give --user NAME "
                f"(the password from {PASSWORD_ENV} or a prompt)")
        return
    if not store.has_users():
        raise UsageError(f"the records at {store.location} have no user accounts yet: "
                         "make the first (the admin) with taperdesk users add NAME --role ROLE")
    from taperdesk.store import StoreError

    password = ask_password(PASSWORD_ENV, f"Password for {user}: ")
    try:
        store.sign_in(user, password)
    except StoreError as exc:
        raise UsageError(str(exc)) from None
