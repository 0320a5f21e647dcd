"""Undo commands (orange-canvas-core style) and Session.apply without any widget: one
edit, one undo step, saved each way."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from taperdesk.model import load_catalogue, set_step_days
from taperdesk.model.scales import make_assessment, scale
from taperdesk.store import Store, StoreError, load_demo
from taperdesk.ui.changes import Changes
from taperdesk.ui.commands import AddAssessmentCommand, CallbackCommand, PlanEditCommand
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


def test_plan_edit_command_alone_saves_each_way_and_says_what_changed(
        session: Session, qtbot) -> None:  # type: ignore[no-untyped-def]
    before = session.plan
    after = set_step_days(before, 0, 30, catalogue=session.catalogue)
    command = PlanEditCommand(session, before, after, "Step 1 to 30 days")
    with qtbot.waitSignal(session.changed) as told:
        session.undo_stack.push(command)
    assert told.args[0] == Changes(plan=True) and command.changes.ok
    assert session.store.active_plan(session.patient.id).plan == after
    session.undo_stack.undo()
    assert session.store.active_plan(session.patient.id).plan == before
    whys = [r.why for r in session.store.revisions(session.record.id)][-2:]
    assert whys == ["Step 1 to 30 days", "Undo: Step 1 to 30 days"]


def test_add_assessment_command_alone_saves_and_withdraws(session: Session) -> None:
    sc = scale("checklist")
    a = make_assessment(sc, date(2026, 11, 20), {i.id: 1 for i in sc.items})
    count = len(session.assessments)
    command = AddAssessmentCommand(session, a)
    session.undo_stack.push(command)
    assert command.changes == Changes(assessments=True) and command.saved_id is not None
    assert len(session.store.assessments(session.patient.id)) == count + 1
    session.undo_stack.undo()
    assert len(session.store.assessments(session.patient.id)) == count
    assert len(session.assessments) == count


def test_patient_edit_command_alone_undoes_and_redoes_the_details(session: Session) -> None:
    p = session.patient
    changes = session.update_patient("Opioid", opioid=not p.opioid)
    assert changes.ok and changes.patient and session.undo_stack.count() == 1
    assert session.store.patient(p.id).opioid is not p.opioid
    session.undo_stack.undo()
    assert session.store.patient(p.id).opioid is p.opioid
    session.undo_stack.redo()
    assert session.store.patient(p.id).opioid is not p.opioid
    refused = session.update_patient("No name", name="")
    assert not refused.ok and refused.refused and session.undo_stack.count() == 1
