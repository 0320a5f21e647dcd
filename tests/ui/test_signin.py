"""Named users in the window: the sign-in dialog (right and wrong password, the first
admin user), Sign out, the idle lock (a short interval here), a nurse's plan actions
disabled with the reason, and the Clinic server URI tested on OK against the real server."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from accounts import FAST_HASHER, PASSWORD, open_signed, sign_in
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QLineEdit
from standalone import answer_dialogs
from windowing import open_window

from taperdesk.model import set_step_days
from taperdesk.paths import RECORDS_FILE
from taperdesk.store import Store, StoreError
from taperdesk.store.users import SIGN_IN_REFUSED
from taperdesk.ui.action_registry import Act
from taperdesk.ui.session import Session
from taperdesk.ui.settings import SettingsDialog
from taperdesk.ui.signin import SignInDialog

NURSE = "Nia"


@pytest.fixture
def with_nurse(db: Path) -> Path:
    """The demo records with a second account: Nia, a nurse."""
    with open_signed(db) as s:
        sign_in(s, NURSE, "nurse")
    return db


def _session(path: Path) -> Session:
    store = Store.open(path)
    store.hasher = FAST_HASHER
    return Session(store, store.catalogue)


def test_sign_in_refuses_a_wrong_password_and_signs_in_the_right_one(
        qtbot, with_nurse: Path) -> None:  # type: ignore[no-untyped-def]
    session = _session(with_nurse)
    d = SignInDialog(session)
    qtbot.addWidget(d)
    assert not d.first and d.windowTitle() == "Sign in to TaperDesk"
    assert [d.name_box.itemText(i) for i in range(d.name_box.count())] == ["Nia", "tester"]
    d.name_box.setCurrentText(NURSE)
    d.password.setText("not her password")
    d.accept()
    assert d.result() == 0 and d.error.text() == SIGN_IN_REFUSED
    assert session.user is None and d.password.text() == ""
    d.password.setText(PASSWORD)
    with qtbot.waitSignal(session.user_changed):
        d.accept()
    assert d.result() == 1 and session.user is not None and session.user.name == NURSE
    session.store.close()


def test_records_with_no_users_create_the_first_admin_user(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    session = _session(tmp_path / "new.sqlite3")
    d = SignInDialog(session)
    qtbot.addWidget(d)
    assert d.first and d.windowTitle() == "Create the first (admin) user"
    d.name_edit.setText("Dr Ada Lee")
    d.role.setCurrentIndex(d.role.findData("nurse"))
    d.password.setText(PASSWORD)
    d.repeat.setText("something else")
    d.accept()
    assert d.result() == 0 and "differ" in d.error.text() and not session.store.has_users()
    d.password.setText(PASSWORD)
    d.repeat.setText(PASSWORD)
    d.accept()
    user = session.user
    assert d.result() == 1 and user is not None
    assert (user.name, user.role.value, user.admin) == ("Dr Ada Lee", "nurse", True)
    assert session.store.changes()[0].who == "Dr Ada Lee"
    session.store.close()


def test_a_nurse_sees_the_plan_actions_disabled_with_the_reason(
        qtbot, with_nurse: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, with_nurse, tmp_path / "settings.ini", user=NURSE)
    s, a = window.session, window.registry
    why = "Nia (nurse) may not change plans."
    for act in (Act.NEW_PLAN, Act.HOLD, Act.HOLD_1W, Act.REMOVE_HOLD, Act.BACK_STEP,
                Act.IMPORT):
        assert not a[act].isEnabled() and a[act].toolTip() == why, act
    assert not window.plan_form.isEnabled() and window.plan_form.toolTip() == why
    assert a[Act.ACKNOWLEDGE].toolTip() == "Nia (nurse) may not acknowledge plan warnings."
    for act in (Act.NEW_PATIENT, Act.ADD_ASSESSMENT, Act.PREVIEW, Act.SIGN_OUT):
        assert a[act].isEnabled(), act
    ack = window.checks.ack_button
    s.open_patient(s.patient.id)  # the panels enable their buttons again on a change...
    assert not ack.isEnabled() and "may not acknowledge plan warnings" in ack.toolTip()
    assert window.patients.new_button.isEnabled()  # ...and the role's say is kept
    assert window.sign_in_gate.who.text() == "Signed in: Nia (nurse)"
    revision = s.record.revision
    with qtbot.waitSignal(s.error) as said:  # a drag or a table edit is refused the same way
        assert not s.apply("Step 1 to 15 days", set_step_days, 0, 15)
    assert said.args == [why]
    assert s.record.revision == revision and s.undo_stack.count() == 0
    window.close()
    s.store.close()


def test_sign_out_hides_the_records_until_someone_signs_in(
        qtbot, monkeypatch, with_nurse: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, with_nurse, tmp_path / "settings.ini")
    s = window.session
    assert window.registry[Act.SIGN_OUT].shortcut().toString() == "Ctrl+Shift+L"
    seen: dict[str, Any] = {}

    def as_nurse(d: SignInDialog) -> bool:
        seen["hidden"] = not window.centralWidget().isVisible()
        seen["signed_out"] = s.user is None
        d.name_box.setCurrentText(NURSE)
        d.password.setText(PASSWORD)
        d.accept()
        return d.result() == 1

    answer_dialogs(monkeypatch, as_nurse, lambda d: False)
    window.registry[Act.SIGN_OUT].trigger()
    assert seen == {"hidden": True, "signed_out": True}
    assert s.user is not None and s.user.name == NURSE
    assert window.centralWidget().isVisible() and window.docks["plan"].isVisible()
    assert not window.registry[Act.NEW_PLAN].isEnabled()
    window.registry[Act.SIGN_OUT].trigger()  # cancelled: nobody signed in, the window closes
    assert s.user is None and not window.isVisible()
    s.store.close()


def test_the_idle_lock_hides_patient_data_and_keeps_the_edit_in_progress(
        qtbot, window) -> None:  # type: ignore[no-untyped-def]
    lock = window.sign_in_gate.idle
    assert lock.minutes == 15  # the TaperDesk default
    window.patients.search.setText("Dem")  # typed, not finished
    lock.start(1, ms=150)
    qtbot.waitUntil(lambda: lock.dialog is not None, timeout=3000)
    assert not window.centralWidget().isVisible() and not window.docks["patients"].isVisible()
    assert not window.menuBar().isVisible()
    dialog = lock.dialog
    dialog.password.setText("wrong password")
    assert not dialog.try_unlock() and lock.locked and "not the password" in dialog.error.text()
    dialog.reject()  # Escape does not unlock
    assert lock.locked
    dialog.password.setText("correct horse battery")
    assert dialog.try_unlock()
    assert not lock.locked and window.centralWidget().isVisible()
    assert window.patients.search.text() == "Dem"
    assert window.session.user is not None and window.session.user.name == "tester"


def _stopped(qtbot, lock) -> None:  # type: ignore[no-untyped-def]
    lock.timer.stop()  # as if the count were over: only input starts it again
    qtbot.wait(30)
    assert not lock.timer.isActive()


def test_input_counts_the_idle_time_again_once_the_window_is_up(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """The lock watches the window's input from the first run of the event loop: a key
    press or a mouse move, arriving as a real one does (through the window system to the
    window), starts the count again; the window's own events (a repaint) do not."""
    lock = window.sign_in_gate.idle
    qtbot.wait(20)  # the event loop has run
    _stopped(qtbot, lock)
    window.update()
    window.chart.plot.viewport().repaint()
    qtbot.wait(30)
    assert not lock.timer.isActive()  # painting is not input
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_D)
    assert lock.timer.isActive() and lock.timer.remainingTime() > 14 * 60_000
    _stopped(qtbot, lock)
    QTest.mouseMove(window.windowHandle(), QPoint(200, 200))
    qtbot.wait(30)
    assert lock.timer.isActive()
    assert not lock.locked


def test_typing_in_a_dialog_counts_as_input(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """A dialog is a window of its own: once it has the focus, typing into it starts the
    count again too (a long form filled in is not idle time)."""
    lock = window.sign_in_gate.idle
    qtbot.wait(20)
    dialog = QDialog(window)
    field = QLineEdit(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is dialog.windowHandle(),
                    timeout=3000)
    field.setFocus()
    _stopped(qtbot, lock)
    QTest.keyClick(dialog.windowHandle(), Qt.Key.Key_A)
    assert field.text() == "a"  # it reached the field, through the dialog's window
    assert lock.timer.isActive() and not lock.locked
    dialog.close()


def test_the_idle_time_is_an_editable_setting(qtbot, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def five(d: SettingsDialog) -> bool:
        assert d.idle.value() == 15 and "TaperDesk default: 15 minutes" in d.idle.toolTip()
        d.idle.setValue(5)
        d.accept()
        return d.result() == 1

    answer_dialogs(monkeypatch, five)
    assert window.files.settings_dialog()
    assert window.session.store.setting("idle_lock_minutes") == "5"
    assert window.sign_in_gate.idle.minutes == 5
    assert window.sign_in_gate.idle.timer.interval() == 5 * 60_000


def test_the_clinic_server_is_tested_on_ok_and_kept_for_the_next_start(
        qtbot, window, monkeypatch, pg_cluster: Any, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pg_cluster.sql("CREATE DATABASE signin_empty")
    pg_cluster.sql("CREATE DATABASE signin_other")
    pg_cluster.sql("CREATE TABLE invoices (id int)", db="signin_other")
    good = pg_cluster.uri("signin_empty")
    checks: list[str] = []

    def fill(d: SettingsDialog) -> bool:
        for uri in (pg_cluster.uri("signin_other"), pg_cluster.uri("no_such_db"),
                    "postgresql://nobody@/x?host=/nonexistent-socket-dir", good):
            d.server.setText(uri)
            d.accept()
            checks.append(d.error.text() if d.result() != 1 else "OK")
        return d.result() == 1

    answer_dialogs(monkeypatch, fill)
    assert window.files.settings_dialog()
    assert "belongs to another program" in checks[0] and "invoices" in checks[0]
    assert "no such database" in checks[1]
    assert "cannot be reached" in checks[2]
    assert checks[3] == "OK"
    assert checks[0].startswith("Clinic server: ")
    assert window.settings.value(RECORDS_FILE) == good
    assert window.statusBar().currentMessage().startswith("The clinic server setting")
    with pytest.raises(StoreError, match="holds no TaperDesk records yet"):
        Store.open(good, create=False)  # the test on OK changed nothing there: still empty


def test_a_server_given_before_is_shown_and_emptying_it_forgets_it(
        qtbot, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    settings: QSettings = window.settings
    settings.setValue(RECORDS_FILE, "postgresql://clinic@db.example/taperdesk")

    def empty(d: SettingsDialog) -> bool:
        assert d.server.text() == "postgresql://clinic@db.example/taperdesk"
        d.server.setText("")
        d.accept()
        return d.result() == 1

    answer_dialogs(monkeypatch, empty)
    assert window.files.settings_dialog()
    assert settings.value(RECORDS_FILE) is None
