"""Named users: Argon2 hashes, one refusal for every failed sign-in, roles checked by the
store on every write, the change log naming the signed-in user, older files upgraded."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from accounts import FAST_HASHER, PASSWORD, sign_in
from conftest import nardi_plan

from taperdesk.model.scales import make_assessment, scale
from taperdesk.store import Permission, Role, Store, StoreError, load_demo
from taperdesk.store.roles import ROLE_PERMISSIONS
from taperdesk.store.today import RED_FLAG_ACK
from taperdesk.store.users import PASSWORD_HASHER, SIGN_IN_REFUSED

FIXTURES = Path(__file__).parent.parent / "fixtures" / "db"


def _hash_of(path: Path, name: str) -> str:
    with sqlite3.connect(path) as conn:
        return str(conn.execute("SELECT password_hash FROM users WHERE name = ?",
                                (name,)).fetchone()[0])


def test_passwords_are_kept_as_argon2id_hashes_with_argon2_cffis_defaults(
    db_path: Path,
) -> None:
    with Store.open(db_path) as s:
        assert s.hasher is PASSWORD_HASHER
        s.add_user("Dr Ada Lee", "prescriber", "a long secret")
        stored = _hash_of(db_path, "Dr Ada Lee")
        assert stored.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
        assert "a long secret" not in db_path.read_bytes().decode("latin-1")
        assert s.sign_in("dr ada  lee", "a long secret").name == "Dr Ada Lee"
        assert _hash_of(db_path, "Dr Ada Lee") == stored  # no rehash needed


def test_a_hash_made_with_other_settings_still_signs_in_unchanged(db_path: Path) -> None:
    with Store.open(db_path) as s:
        s.hasher = FAST_HASHER
        s.add_user("Nia", "nurse", PASSWORD)
    cheap = _hash_of(db_path, "Nia")
    assert "m=64,t=1,p=1" in cheap
    with Store.open(db_path) as s:  # the program's hasher: the hash carries its settings
        assert s.sign_in("Nia", PASSWORD).name == "Nia"
        assert s.check_password(PASSWORD) and not s.check_password("wrong password")
    assert _hash_of(db_path, "Nia") == cheap  # a sign-in writes nothing


def test_wrong_password_unknown_name_and_disabled_account_get_one_message(
    store: Store,
) -> None:
    sign_in(store, "Nia", "nurse")
    sign_in(store, "tester")
    store.disable_user("Nia")
    store.sign_out()
    for name, password in (("tester", "wrong password"), ("nobody", PASSWORD),
                           ("Nia", PASSWORD), ("", ""), ("tester", "")):
        with pytest.raises(StoreError) as caught:
            store.sign_in(name, password)
        assert str(caught.value) == SIGN_IN_REFUSED
        assert store.user is None
    with pytest.raises(StoreError, match="Sign in first"):
        store.add_patient("Nobody signed in")
    assert store.patient_count() == 0
    with pytest.raises(AttributeError):
        store.who = "Dr. House"  # type: ignore[misc]  # only a sign-in names who


def test_the_first_account_is_the_admin_whatever_its_role(db_path: Path) -> None:
    with Store.open(db_path) as s:
        s.hasher = FAST_HASHER
        before = s.add_patient("Before any account")  # no accounts yet: not guarded
        first = s.add_user("Dr Ada Lee", Role.PRESCRIBER, PASSWORD)
        assert first.admin and first.role is Role.PRESCRIBER
        assert first.may(Permission.USERS) and first.may(Permission.PLANS)
        assert s.user is None  # adding the first account does not sign it in
        with pytest.raises(StoreError, match="Sign in first"):
            s.add_user("Sneaky", "admin", PASSWORD)  # only an admin adds the others
        s.sign_in("Dr Ada Lee", PASSWORD)
        nurse = s.add_user("Nia", "nurse", PASSWORD)
        assert not nurse.admin
        assert [(u.name, u.role, u.admin) for u in s.users()] == [
            ("Dr Ada Lee", Role.PRESCRIBER, True), ("Nia", Role.NURSE, False)]
        assert [c.who for c in s.changes()][:2] == ["Dr Ada Lee", "Dr Ada Lee"]
        assert "first account, so also their admin" in s.changes()[1].what
        s.sign_out()
        with pytest.raises(StoreError, match="Sign in first"):
            s.update_patient(before.id, note="after the accounts")


def test_bad_accounts_are_refused_and_change_nothing(store: Store) -> None:
    before = len(store.changes())
    for args, message in (((" ", "nurse", PASSWORD), "user name"),
                          (("Nia", "surgeon", PASSWORD), "not one of prescriber"),
                          (("Nia", "nurse", "short"), "at least 8"),
                          (("TESTER", "nurse", PASSWORD), "already an account named")):
        with pytest.raises(StoreError, match=message):
            store.add_user(*args)
    assert [u.name for u in store.users()] == ["tester"] and len(store.changes()) == before


def test_the_last_admin_cannot_be_disabled(store: Store) -> None:
    with pytest.raises(StoreError, match="last admin"):
        store.disable_user("tester")
    with pytest.raises(StoreError, match="no account named"):
        store.disable_user("ghost")
    sign_in(store, "Root Two", "admin")
    sign_in(store, "tester")
    assert store.disable_user("Root Two").disabled
    assert store.users()[0].disabled and store.changes()[0].what.startswith("Disabled")


def _setup(store: Store) -> tuple[int, int]:
    """A patient with a plan, made by the tester; (patient id, plan id)."""
    p = store.add_patient("Role Test")
    return p.id, store.create_plan(p.id, nardi_plan()).id


def _writes(store: Store, patient_id: int, plan_id: int) -> dict[Permission, object]:
    ciwa = scale("ciwa-b")
    scores = {item.id: 0 for item in ciwa.items}
    rec = store.plan_record(plan_id)
    return {
        Permission.PATIENTS: lambda: store.update_patient(patient_id, note="changed"),
        Permission.ASSESSMENTS: lambda: store.add_assessment(
            patient_id, make_assessment(ciwa, date(2027, 1, 10), scores, ())),
        Permission.RED_FLAGS: lambda: store.record_decision(
            patient_id, plan_id, f"{RED_FLAG_ACK} 2027-01-10 (#1)", "Seen today"),
        Permission.PLANS: lambda: store.save_revision(
            plan_id, rec.plan, expected_revision=rec.revision, why="Re-saved"),
        Permission.HOLDS: lambda: store.record_decision(
            patient_id, plan_id, "Suggested hold declined", "Settling"),
        Permission.PLAN_WARNINGS: lambda: store.acknowledge(plan_id, "k@1", "k", "On purpose"),
        Permission.SETTINGS: lambda: store.set_setting("clinic_name", "Changed"),
        Permission.USERS: lambda: store.add_user("Another", "nurse", PASSWORD),
    }


@pytest.mark.parametrize("role", list(Role))
def test_each_role_may_do_only_its_own_writes(store: Store, role: Role) -> None:
    patient_id, plan_id = _setup(store)
    sign_in(store, "Someone", role.value)
    allowed = ROLE_PERMISSIONS[role]
    for permission, write in _writes(store, patient_id, plan_id).items():
        before = len(store.changes())
        if permission in allowed:
            write()  # type: ignore[operator]
            assert store.changes()[0].who == "Someone"
        else:
            with pytest.raises(StoreError) as caught:
                write()  # type: ignore[operator]
            assert str(caught.value) == f"Someone ({role.value}) may not {permission.value}."
            assert len(store.changes()) == before


def test_the_overlaps_are_as_documented() -> None:
    nurse, prescriber = ROLE_PERMISSIONS[Role.NURSE], ROLE_PERMISSIONS[Role.PRESCRIBER]
    assert Permission.PLANS not in nurse and nurse < prescriber
    assert ROLE_PERMISSIONS[Role.PHARMACIST] == {Permission.READ, Permission.PRINT}
    assert not ROLE_PERMISSIONS[Role.ADMIN] & {Permission.PLANS, Permission.PATIENTS,
                                               Permission.ASSESSMENTS}


def test_a_nurse_is_refused_a_plan_change_with_the_reason(store: Store) -> None:
    patient_id, plan_id = _setup(store)
    sign_in(store, "Nia", "nurse")
    with pytest.raises(StoreError, match=r"^Nia \(nurse\) may not change plans\.$"):
        store.create_plan(patient_id, nardi_plan())
    assert store.patient_count() == 1 and len(store.plans(patient_id)) == 1
    assert store.add_patient("Seen by the nurse").name == "Seen by the nurse"


def test_every_row_names_the_signed_in_user_never_the_os_account(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LOGNAME", "Dr. House")
    monkeypatch.setenv("USER", "Dr. House")
    with Store.open(db_path) as s:
        s.hasher = FAST_HASHER
        s.add_user("Dr Ada Lee", "prescriber", PASSWORD)
        s.sign_in("Dr Ada Lee", PASSWORD)
        load_demo(s)
        [p] = s.search_patients("demo")
        rec = s.active_plan(p.id)
        assert rec is not None
        s.acknowledge(rec.id, "w@1", "w", "Reviewed")
        whos = {c.who for c in s.changes()}
        whos |= {r.who for r in s.revisions(rec.id)}
        whos |= {a.who for a in s.assessments(p.id)}
        whos |= {a.who for a in s.acknowledgements(rec.id)}
    assert whos == {"Dr Ada Lee"}


@pytest.mark.parametrize("fixture", ["v1", "v3"])
def test_records_made_before_users_keep_working_and_their_first_account_is_the_admin(
    tmp_path: Path, fixture: str,
) -> None:
    path = tmp_path / f"{fixture}.sqlite3"
    shutil.copyfile(FIXTURES / f"{fixture}.sqlite3", path)
    with Store.open(path, create=False) as s:
        s.hasher = FAST_HASHER
        assert not s.has_users() and s.patient_count() >= 2  # reads as before
        old = len(s.changes())
        s.add_user("Dr Ada Lee", "admin", PASSWORD)
        with pytest.raises(StoreError, match="Sign in first"):
            s.set_archived(1, False)
        s.sign_in("Dr Ada Lee", PASSWORD)
        assert s.user is not None and s.user.admin
        s.set_setting("clinic_name", "Renamed")
        assert [c.who for c in s.changes()][:2] == ["Dr Ada Lee", "Dr Ada Lee"]
        assert {c.who for c in s.changes()[2:]} == {"fixture"}  # their own rows kept
        assert len(s.changes()) == old + 2


def test_the_v4_fixtures_accounts_sign_in_after_the_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "v4.sqlite3"
    shutil.copyfile(FIXTURES / "v4.sqlite3", path)
    expected = json.loads((FIXTURES / "v4_expected.json").read_text("utf-8"))
    passwords = expected["passwords"]
    with Store.open(path, create=False) as s:
        assert [[u.name, u.role.value, u.admin, u.disabled] for u in s.users()] == \
            expected["users"]
        assert s.sign_in("Nia Obi", passwords["Nia Obi"]).role is Role.NURSE
        with pytest.raises(StoreError, match=SIGN_IN_REFUSED):
            s.sign_in("Pat Reyes", passwords["Pat Reyes"])  # disabled in the fixture
