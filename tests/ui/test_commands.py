"""Undo commands and Session.apply without any widget: one edit, one undo step, saved each way."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from taperdesk.model import load_catalogue, set_step_days
from taperdesk.store import Store, StoreError, load_demo
from taperdesk.ui.commands import CallbackCommand
from taperdesk.ui.session import Session

TODAY = date(2026, 11, 24)


@pytest.fixture
def session(qapp, tmp_path: Path) -> Iterator[Session]:  # type: ignore[no-untyped-def]
    store = Store.open(tmp_path / "records.sqlite3")
    catalogue = load_catalogue()
    store.catalogue = catalogue
    load_demo(store, today=TODAY)
    s = Session(store, catalogue)
    s.open_patient(store.search_patients("", limit=1)[0].id)
    yield s
    store.close()


def test_apply_is_one_undo_step_saved_each_way(session: Session) -> None:
    before = session.plan
    first_days = session.schedule.steps[0].days
    revision = session.record.revision
    assert session.apply("Longer first step", set_step_days, 0, first_days + 7)
    assert session.undo_stack.count() == 1
    assert session.schedule.steps[0].days == first_days + 7
    assert session.record.revision == revision + 1
    stored = session.store.active_plan(session.patient.id)
    assert stored.plan == session.plan
    session.undo_stack.undo()
    assert session.plan == before
    assert session.schedule.steps[0].days == first_days
    assert session.record.revision == revision + 2  # the undo is saved as a new revision
    assert session.store.active_plan(session.patient.id).plan == before
    session.undo_stack.redo()
    assert session.schedule.steps[0].days == first_days + 7


def test_refusal_says_what_the_model_would_refuse_and_changes_nothing(
        session: Session) -> None:
    before, revision = session.plan, session.record.revision
    assert session.refusal(set_step_days, 0, 21) == ""
    said = session.refusal(set_step_days, 0, 0)
    assert said.startswith("This cannot be done: ") and len(said) > 25
    assert session.plan == before and session.undo_stack.count() == 0
    assert session.store.active_plan(session.patient.id).revision == revision
    session.open_patient(None)
    assert session.refusal(set_step_days, 0, 21) == "Open a plan first."


def test_bad_operation_is_refused_with_a_message_and_changes_nothing(
    session: Session, qtbot  # type: ignore[no-untyped-def]
) -> None:
    before, revision = session.plan, session.record.revision
    with qtbot.waitSignal(session.error) as blocker:
        assert not session.apply("No days", set_step_days, 0, 0)
    assert blocker.args[0]
    assert session.undo_stack.count() == 0
    assert session.plan == before
    assert session.store.active_plan(session.patient.id).revision == revision


def test_failing_save_shows_error_and_keeps_the_edit_on_screen(
    session: Session, qtbot, monkeypatch  # type: ignore[no-untyped-def]
) -> None:
    first_days = session.schedule.steps[0].days
    stored_before = session.store.active_plan(session.patient.id)

    def broken(*args: object, **kwargs: object) -> None:
        raise StoreError("disk full")

    monkeypatch.setattr(session.store, "save_revision", broken)
    with qtbot.waitSignal(session.error) as blocker:
        session.apply("Longer first step", set_step_days, 0, first_days + 7)
    assert "disk full" in blocker.args[0]
    assert session.schedule.steps[0].days == first_days + 7
    monkeypatch.undo()
    assert session.store.active_plan(session.patient.id).revision == stored_before.revision


def test_callback_command_runs_do_and_undo(session: Session) -> None:
    log: list[str] = []
    session.undo_stack.push(CallbackCommand("flag", lambda: log.append("do"),
                                            lambda: log.append("undo")))
    session.undo_stack.undo()
    session.undo_stack.redo()
    assert log == ["do", "undo", "do"]
