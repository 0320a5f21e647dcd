"""`taperdesk users add|list|disable` and `taperdesk log [PATIENT]`.

Bad input, a wrong password or a role without the right: one line, exit 2, nothing
changed. The first account of a records file needs no --user and is its admin.
"""

from __future__ import annotations

import argparse
import json

from taperdesk.cli.records_cmd import _add_db, _patient_id, open_records
from taperdesk.cli.signing import NEW_PASSWORD_ENV, ask_password
from taperdesk.store import Permission, Role, StoreError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from taperdesk.cli import _Parser

    us = sub.add_parser("users", help="add, list or disable the records' user accounts",
                        description="User accounts of the records file (docs/RECORDS.md).")
    users = us.add_subparsers(dest="users_command", metavar="ACTION", parser_class=_Parser)
    users.required = True
    add = users.add_parser(
        "add", help="add an account",
        description="Add an account; its password from $TAPERDESK_NEW_PASSWORD or a prompt. "
                    "The first account of a records file is also its admin; later ones are "
                    "added by an admin (--user).")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    _add_db(add, products=False)
    add.set_defaults(run=run_add)
    ls = users.add_parser("list", help="list the accounts")
    _add_db(ls, products=False)
    ls.set_defaults(run=run_list)
    off = users.add_parser("disable", help="disable an account (kept in the change log)")
    off.add_argument("name", metavar="NAME")
    _add_db(off, products=False)
    off.set_defaults(run=run_disable)

    log = sub.add_parser("log", help="print the change log: when, who, what",
                         description="The change log, newest first, in local time.")
    log.add_argument("patient", metavar="PATIENT", nargs="?",
                     help="only this patient's changes (id, clinic ID or full name)")
    log.add_argument("--limit", type=int, default=100, metavar="N",
                     help="at most N rows (default 100)")
    log.add_argument("--format", choices=("table", "json"), default="table")
    _add_db(log, products=False)
    log.set_defaults(run=run_log)


def _refused(exc: StoreError) -> Exception:
    from taperdesk.cli import UsageError

    return UsageError(str(exc))


def run_add(args: argparse.Namespace) -> int:
    with open_records(args, create=True) as store:
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
    with open_records(args, create=False) as store:
        rows = store.users()
    for u in rows:
        state = "disabled" if u.disabled else "active"
        print(f"{u.name}\t{u.role.value}{' +admin' if u.admin and u.role != Role.ADMIN else ''}"
              f"\t{state}")
    if not rows:
        print("No accounts yet: taperdesk users add NAME --role prescriber")
    return 0


def run_disable(args: argparse.Namespace) -> int:
    with open_records(args, create=False) as store:
        try:
            user = store.disable_user(args.name)
        except StoreError as exc:
            raise _refused(exc) from None
    print(f"Disabled the account {user.label}; it can no longer sign in.")
    return 0


def run_log(args: argparse.Namespace) -> int:
    from taperdesk.cli import UsageError

    if args.limit < 1:
        raise UsageError("--limit must be 1 or more")
    with open_records(args, create=False) as store:
        try:
            pid = _patient_id(store, args.patient) if args.patient else None
            rows = store.changes(patient_id=pid, limit=args.limit)
        except StoreError as exc:
            raise _refused(exc) from None
    if args.format == "json":
        print(json.dumps([{"id": c.id, "when": c.when.astimezone().isoformat(), "who": c.who,
                           "patient_id": c.patient_id, "plan_id": c.plan_id, "what": c.what}
                          for c in rows], indent=1, ensure_ascii=False))
        return 0
    width = max((len(c.who) for c in rows), default=3)
    print(f"{'when':16}  {'who':{width}}  what")
    for c in rows:
        print(f"{c.when.astimezone():%Y-%m-%d %H:%M}  {c.who:{width}}  {c.what}")
    return 0
