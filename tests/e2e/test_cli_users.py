"""`taperdesk users add|list|disable` and `--user` on the records commands: the first
account is the admin, a wrong password or a role without the right exits 2 with one
line and changes nothing, and every change the command makes names the signed-in user."""

from __future__ import annotations

from pathlib import Path

from accounts import PASSWORD, open_signed, sign_in
from clirun import run

from taperdesk.store import Store, load_demo

NEW = {"TAPERDESK_NEW_PASSWORD": "a new long password"}


def _records(tmp_path: Path) -> Path:
    """Demo records whose accounts are the tester (prescriber, admin) and Nia (nurse)."""
    db = tmp_path / "r.sqlite3"
    with open_signed(db) as s:
        load_demo(s)
        sign_in(s, "Nia", "nurse")
    return db


def test_the_first_account_is_made_without_sign_in_and_is_the_admin(tmp_path: Path) -> None:
    db = tmp_path / "new.sqlite3"
    r = run("users", "add", "Dr Ada Lee", "--role", "prescriber", "--db", str(db),
            home=tmp_path, env=NEW)
    assert r.returncode == 0, r.stderr
    assert "also their admin" in r.stdout
    r = run("users", "add", "Nia", "--role", "nurse", "--db", str(db), home=tmp_path, env=NEW)
    assert r.returncode == 2 and "have user accounts: give --user NAME" in r.stderr
    r = run("users", "add", "Nia", "--role", "nurse", "--db", str(db), "--user", "Dr Ada Lee",
            home=tmp_path, env={**NEW, "TAPERDESK_PASSWORD": "a new long password"})
    assert r.returncode == 0, r.stderr
    r = run("users", "list", "--db", str(db), "--user", "Nia", home=tmp_path,
            env={"TAPERDESK_PASSWORD": "a new long password"})
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == ["Dr Ada Lee\tprescriber +admin\tactive",
                                     "Nia\tnurse\tactive"]
    with Store.open(db) as s:
        assert [c.who for c in s.changes()] == ["Dr Ada Lee", "Dr Ada Lee"]


def test_a_wrong_password_exits_2_with_one_line_and_changes_nothing(tmp_path: Path) -> None:
    db = _records(tmp_path)
    with Store.open(db) as s:
        before = len(s.changes())
    for user, password in (("tester", "wrong password"), ("nobody", PASSWORD)):
        r = run("users", "add", "Eve", "--role", "nurse", "--db", str(db), "--user", user,
                home=tmp_path, env={**NEW, "TAPERDESK_PASSWORD": password})
        assert r.returncode == 2
        assert r.stderr.strip() == ("taperdesk: error: The name or password is wrong, or the "
                                    "account is disabled.")
    r = run("log", "--db", str(db), home=tmp_path)  # reading needs a sign-in too
    assert r.returncode == 2 and len(r.stderr.splitlines()) == 1
    with Store.open(db) as s:
        assert len(s.changes()) == before and len(s.users()) == 2


def test_a_nurse_may_not_import_a_plan_or_add_accounts(tmp_path: Path) -> None:
    db = _records(tmp_path)
    plan = tmp_path / "demo.taper.json"
    as_tester = {"TAPERDESK_PASSWORD": PASSWORD}
    r = run("export", "DEMO-1", "-o", str(plan), "--db", str(db), "--user", "tester",
            home=tmp_path, env=as_tester)
    assert r.returncode == 0, r.stderr
    with Store.open(db) as s:
        before = (len(s.changes()), len(s.plans(s.search_patients("")[0].id)))
    as_nurse = {**NEW, "TAPERDESK_PASSWORD": PASSWORD}
    r = run("import", str(plan), "--db", str(db), "--user", "Nia", home=tmp_path, env=as_nurse)
    assert r.returncode == 2
    assert r.stderr.strip() == ("taperdesk: error: nothing imported: Nia (nurse) may not "
                                "change plans.")
    r = run("users", "add", "Eve", "--role", "nurse", "--db", str(db), "--user", "Nia",
            home=tmp_path, env=as_nurse)
    assert r.returncode == 2 and "Nia (nurse) may not manage user accounts." in r.stderr
    r = run("users", "disable", "Nia", "--db", str(db), "--user", "tester", home=tmp_path,
            env=as_tester)
    assert r.returncode == 0, r.stderr
    with Store.open(db) as s:
        assert (len(s.changes()) - 1, len(s.plans(s.search_patients("")[0].id))) == before
        assert s.changes()[0].who == "tester" and s.changes()[0].what.startswith("Disabled")
    r = run("log", "--db", str(db), "--user", "Nia", home=tmp_path, env=as_nurse)
    assert r.returncode == 2 and "wrong, or the account is disabled" in r.stderr


def test_records_without_accounts_work_as_before_and_refuse_a_user(tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite3"
    with Store.open(db) as s:
        load_demo(s)
    r = run("log", "--db", str(db), home=tmp_path)
    assert r.returncode == 0, r.stderr
    r = run("log", "--db", str(db), "--user", "tester", home=tmp_path,
            env={"TAPERDESK_PASSWORD": PASSWORD})
    assert r.returncode == 2 and "no user accounts yet" in r.stderr
