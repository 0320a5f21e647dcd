"""`taperdesk users add|list|disable`: the records' user accounts (README "Users and sign-in").

Bad input, a wrong password or a role without the right: one line, exit 2, nothing
changed. The first account of a records file needs no --user and is its admin.
"""

from __future__ import annotations

import argparse

from taperdesk.cli.records_cmd import _open, add_db
from taperdesk.cli.signing import NEW_PASSWORD_ENV, ask_password
from taperdesk.store import Permission, Role, StoreError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from taperdesk.cli import _Parser

    us = sub.add_parser("users", help="add, list or disable the records' user accounts",
                        description="User accounts of the records (README \"Users and sign-in\").")
    users = us.add_subparsers(dest="users_command", metavar="ACTION", parser_class=_Parser)
    users.required = True
    add = users.add_parser(
        "add", help="add an account",
        description="Add an account; its password from $TAPERDESK_NEW_PASSWORD or a prompt. "
                    "The first account of a records file is also its admin; later ones are "
                    "added by an admin (--user).")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    add_db(add, products=False)
    add.set_defaults(run=run_add)
    ls = users.add_parser("list", help="list the accounts")
    add_db(ls, products=False)
    ls.set_defaults(run=run_list)
    off = users.add_parser("disable", help="disable an account (kept in the change log)")
    off.add_argument("name", metavar="NAME")
    add_db(off, products=False)
    off.set_defaults(run=run_disable)


def _refused(exc: StoreError) -> Exception:
    from taperdesk.cli import UsageError

    return UsageError(str(exc))


def run_add(args: argparse.Namespace) -> int:
    with _open(args, create=True) as store:
        try:
            if store.has_users():
                store.require(Permission.USERS)  # before asking the new password
            password = ask_password(NEW_PASSWORD_ENV, f"Password for the new account {args.name}: ")
            user = store.add_user(args.name, args.role, password)
        except StoreError as exc:
            raise _refused(exc) from None
    extra = " It is the records' first account, so it is also their admin." \
        if user.admin and user.role != Role.ADMIN else ""
    print(f"Added the account {user.label}.{extra}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    with _open(args, create=False) as store:
        rows = store.users()
    for u in rows:
        state = "disabled" if u.disabled else "active"
        print(f"{u.name}\t{u.role.value}{' +admin' if u.admin and u.role != Role.ADMIN else ''}"
              f"\t{state}")
    if not rows:
        print("No accounts yet: taperdesk users add NAME --role prescriber")
    return 0


def run_disable(args: argparse.Namespace) -> int:
    with _open(args, create=False) as store:
        try:
            user = store.disable_user(args.name)
        except StoreError as exc:
            raise _refused(exc) from None
    print(f"Disabled the account {user.label}; it can no longer sign in.")
    return 0
