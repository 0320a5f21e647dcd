"""Two TaperDesks on one records file (two Store instances, as two PCs): a conflict then
Undo never writes over the other's revision, the window catches up with the other's
saves within 2 seconds, and no handout is made from an older plan."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from accounts import open_signed, sign_in
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from windowing import open_window

from taperdesk.model import set_step_days
from taperdesk.store import Store, load_demo
from taperdesk.ui.handout_actions import handout_pdf
from taperdesk.ui.live import LIVE_CHECK_MS
from taperdesk.ui.session import CONFLICT, UNDO_REFUSED, UPDATED_PLAN, Session
from taperdesk.ui.window import MainWindow

TODAY = date(2026, 11, 24)


@pytest.fixture
def two(qapp, tmp_path: Path) -> Iterator[tuple[Session, Store]]:  # type: ignore[no-untyped-def]
    """This window's Session (PC "a") and a second Store on the same file (PC "b")."""
    path = tmp_path / "records.sqlite3"
    a = Store.open(path)
    sign_in(a, "pc-a")
    load_demo(a, today=TODAY)
    b = Store.open(path)
    sign_in(b, "pc-b")
    s = Session(a, a.catalogue)
    s.open_patient(a.search_patients("", limit=1)[0].id)
    yield s, b
    b.close()
    a.close()


def other_pc_saves(s: Session, b: Store, days: int) -> int:
    """PC b lengthens step 1 of the same plan and saves it; returns its revision."""
    assert s.record is not None
    stored = b.plan_record(s.record.id)
    plan = set_step_days(stored.plan, 0, days, catalogue=b.catalogue)
    return b.save_revision(stored.id, plan, expected_revision=stored.revision,
                           why=f"PC b: {days} days").revision


def test_a_conflicting_edit_shows_the_newer_plan_and_leaves_no_history(
        two: tuple[Session, Store], qtbot) -> None:  # type: ignore[no-untyped-def]
    s, b = two
    assert s.apply("Step 1 to 15 days", set_step_days, 0, 15)
    theirs = other_pc_saves(s, b, 30)
    with qtbot.waitSignal(s.error) as said:
        s.apply("Step 1 to 16 days", set_step_days, 0, 16)
    assert said.args == [CONFLICT]
    assert s.record.revision == theirs and s.schedule.steps[0].days == 30
    assert s.undo_stack.count() == 0 and not s.undo_stack.canUndo()
    assert b.plan_record(s.record.id).revision == theirs  # nothing written over it


def test_undo_after_another_pc_saved_is_refused_and_overwrites_nothing(
        two: tuple[Session, Store], qtbot) -> None:  # type: ignore[no-untyped-def]
    s, b = two
    assert s.apply("Step 1 to 15 days", set_step_days, 0, 15)
    theirs = other_pc_saves(s, b, 30)
    with qtbot.waitSignal(s.error) as said:
        s.undo_stack.undo()  # as Edit > Undo does: from the stack, inside the command
    assert said.args[0] in (UNDO_REFUSED, CONFLICT)
    qtbot.waitUntil(lambda: s.undo_stack.count() == 0, timeout=1000)
    stored = b.plan_record(s.record.id)
    assert stored.revision == theirs and stored.plan == s.plan
    assert s.schedule.steps[0].days == 30


def test_edit_and_undo_against_a_second_writer_in_a_loop(
        two: tuple[Session, Store], qtbot) -> None:  # type: ignore[no-untyped-def]
    """The loop that segfaulted: every revision either PC wrote is kept, and each of this
    window's Undo revisions follows a revision this window made."""
    s, b = two
    assert s.record is not None
    plan_id = s.record.id
    for i in range(12):
        s.apply(f"a{i}", set_step_days, 0, 10 + i)
        if i % 3 == 1:
            other_pc_saves(s, b, 40 + i)
        s.undo_stack.undo()
        qtbot.wait(1)  # the event loop turns: a conflict settles the history
        if i % 4 == 0:
            s.undo_stack.redo()
        s.live.check()
    revisions = b.revisions(plan_id)
    assert [r.revision for r in revisions] == list(range(1, len(revisions) + 1))
    by = {r.revision: r for r in revisions}
    undos = [r for r in revisions if r.why.startswith("Undo: ")]
    assert undos and all(r.who == "pc-a" for r in undos)
    for r in undos:  # an Undo only ever follows this window's own revision
        assert by[r.revision - 1].who == "pc-a", (r.revision, r.why)
    assert sum(r.who == "pc-b" for r in revisions) == 4
    assert s.record.revision == revisions[-1].revision and s.plan == revisions[-1].plan


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    db = tmp_path / "records.sqlite3"
    with Store.open(db) as store:
        load_demo(store, today=TODAY)
    w = open_window(qtbot, db, tmp_path / "settings.ini")
    yield w
    w.close()
    w.session.store.close()


def test_the_window_shows_another_pcs_save_within_two_seconds(
        window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    s = window.session
    assert LIVE_CHECK_MS <= 1000
    with open_signed(s.store.path, "pc-b") as b:
        theirs = other_pc_saves(s, b, 33)
        b.add_patient("Added Elsewhere")
    qtbot.waitUntil(lambda: s.record is not None and s.record.revision == theirs,
                    timeout=2000)
    assert s.schedule.steps[0].days == 33
    assert window.steps.model.data(window.steps.model.index(0, 3)) is not None
    assert window.statusBar().currentMessage() == UPDATED_PLAN
    names = window.patients.labels()
    assert any(n.startswith("Added Elsewhere") for n in names)


def test_a_drag_in_progress_is_not_thrown_away_by_another_pcs_save(
        window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    s = window.session
    dragged = set_step_days(s.plan, 0, 19, catalogue=s.catalogue)
    s.preview(dragged, dragging=True)
    with open_signed(s.store.path, "pc-b") as b:
        theirs = other_pc_saves(s, b, 33)
    qtbot.wait(LIVE_CHECK_MS + 300)
    assert s.dragging and s.schedule.steps[0].days == 19 and s.record.revision != theirs
    s.end_preview()
    qtbot.waitUntil(lambda: s.record.revision == theirs, timeout=2000)


def test_no_handout_from_a_plan_older_than_the_stored_one(
        window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    s = window.session
    window.session.live.timer.stop()  # the check before printing must catch it by itself
    with open_signed(s.store.path, "pc-b") as b:
        theirs = other_pc_saves(s, b, 33)
    with qtbot.waitSignal(s.error) as said:
        assert handout_pdf(s, "patient") is None
    assert said.args[0].startswith("Not printed: another TaperDesk saved a newer version")
    assert s.record.revision == theirs and s.schedule.steps[0].days == 33
    pdf = handout_pdf(s, "patient")  # now shown: it can be printed
    assert pdf is not None and pdf.startswith(b"%PDF")


def test_an_open_dialog_defers_the_update_until_it_closes(
        window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    s = window.session
    dialog = QDialog(window)
    dialog.setModal(True)
    dialog.show()  # as a dialog the user is typing into, without blocking the test
    qtbot.waitExposed(dialog)
    with open_signed(s.store.path, "pc-b") as b:
        theirs = other_pc_saves(s, b, 33)
    qtbot.wait(LIVE_CHECK_MS + 300)
    assert s.record.revision != theirs
    dialog.close()
    qtbot.waitUntil(lambda: s.record.revision == theirs, timeout=2000)


def test_a_field_being_typed_into_is_not_overwritten_by_another_pcs_save(
        window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    s = window.session
    window.activateWindow()
    qtbot.waitActive(window)
    field = window.plan_form.dose
    field.setFocus()
    qtbot.waitUntil(field.hasFocus, timeout=1000)
    field.selectAll()
    qtbot.keyClicks(field, "1.5")
    with open_signed(s.store.path, "pc-b") as b:
        theirs = other_pc_saves(s, b, 33)
    qtbot.wait(LIVE_CHECK_MS + 300)
    assert field.text() == "1.5" and s.record.revision != theirs
    with qtbot.waitSignal(s.error) as said:  # Enter: the typed edit meets the newer plan
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert said.args == [CONFLICT]
    assert s.record.revision == theirs and s.schedule.steps[0].days == 33
