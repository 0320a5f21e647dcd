"""Who runs a command: ``--user NAME`` and the password, for every command on the records.

The password comes from ``TAPERDESK_PASSWORD`` or a prompt that does not echo (with no
terminal and no variable: a clear error). A records file that has accounts is not
opened without ``--user``; one with none yet (made before users, or new) may be read
without, but not changed (docs/RECORDS.md "Users and roles").
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from taperdesk.store import Store, StoreError

PASSWORD_ENV = "TAPERDESK_PASSWORD"
USER_ENV = "TAPERDESK_USER"
NEW_PASSWORD_ENV = "TAPERDESK_NEW_PASSWORD"


def add_user_option(p: argparse.ArgumentParser) -> None:
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


def sign_in(store: Store, user: str | None, *, required: bool = True) -> None:
    """Sign ``user`` in on ``store``, or refuse (UsageError) when the file has accounts
    and no user was given. ``required=False``: a file with no accounts may go without."""
    from taperdesk.cli import UsageError

    if user is None:
        if store.has_users() and required:
            raise UsageError(
                f"the records file {store.path} has user accounts: give --user NAME (the "
                f"password from {PASSWORD_ENV} or a prompt)")
        return
    password = ask_password(PASSWORD_ENV, f"Password for {user}: ")
    try:
        store.sign_in(user, password)
    except StoreError as exc:
        raise UsageError(str(exc)) from None
