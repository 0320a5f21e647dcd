"""The symptom table, the assessment dialog, the suggested hold and the red-flag banner,
on their own with a Session on a real records file."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget
from standalone import answer_dialogs, open_session

from taperdesk.model.scales import make_assessment, scale
from taperdesk.store import StoreError
from taperdesk.ui.assessment_dialog import AssessmentDialog
from taperdesk.ui.dialogs import to_qdate
from taperdesk.ui.hold_suggestion import SuggestionDialog
from taperdesk.ui.red_flag_banner import RedFlagBanner
from taperdesk.ui.symptom_panel import SymptomPanel

TODAY = date.today()
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def session(tmp_path: Path):  # type: ignore[no-untyped-def]
    s = open_session(tmp_path / "records.sqlite3")
    yield s
    s.store.close()


@pytest.fixture
def panel(qtbot, session) -> SymptomPanel:  # type: ignore[no-untyped-def]
    p = SymptomPanel(session)
    qtbot.addWidget(p)
    return p


def scored(value: int, flags: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
    """An answer to the assessment dialog: every item scored ``value``, then OK."""
    def fill(d: QDialog) -> bool:
        assert isinstance(d, AssessmentDialog)
        for spin in d.spins.values():
            spin.setValue(value)
        for f in flags:
            d.flags[f].setChecked(True)
        d.accept()
        return d.result() == QDialog.DialogCode.Accepted
    return fill


def click(name: str, reason: str = ""):  # type: ignore[no-untyped-def]
    """An answer to the suggestion dialog: type a reason, click a button."""
    def answer(d: QDialog) -> bool:
        assert isinstance(d, SuggestionDialog)
        d.reason_edit.setText(reason)
        getattr(d, f"{name}_button").click()
        return d.result() == QDialog.DialogCode.Accepted
    return answer


def log(session) -> list[str]:  # type: ignore[no-untyped-def]
    return [c.what for c in session.store.changes(patient_id=session.patient.id)]


def test_dialog_shows_items_ranges_anchors_and_scores_as_you_go(qtbot, panel) -> None:  # type: ignore[no-untyped-def]
    d = panel.new_dialog(TODAY)
    qtbot.addWidget(d)
    assert d.scale_box.currentData() == "ciwa-b"  # the scale used last for this patient
    assert len(d.spins) == 20 and {(s.minimum(), s.maximum()) for s in d.spins.values()} == {
        (0, 4)}
    assert "0 = not at all" in d.anchors.text() and "4 = very much" in d.anchors.text()
    assert "Busto" in d.source.text()
    assert set(d.flags) == {"seizure", "confusion", "hallucinations", "suicidal"}
    assert d.total.text() == "Total 0 of 80: none"
    for spin in d.spins.values():
        spin.setValue(1)
    assert d.total.text() == "Total 20 of 80: mild"
    next(iter(d.spins.values())).setValue(2)
    assert d.total.text().startswith("Total 21 of 80: moderate (reaches the hold threshold")
    d.scale_box.setCurrentIndex(d.scale_box.findData("checklist"))
    assert len(d.spins) == len(scale("checklist").items)
    assert d.total.text() == "Total 0 of 33: none" and "0 = none" in d.anchors.text()


def test_dialog_refuses_a_date_after_today_at_the_field(qtbot, panel) -> None:  # type: ignore[no-untyped-def]
    d = panel.new_dialog(TODAY)
    qtbot.addWidget(d)
    d.date.setDate(to_qdate(TODAY + timedelta(days=1)))
    d.accept()
    assert d.result() != QDialog.DialogCode.Accepted
    assert "after today" in d.date_error.text()
    d.date.setDate(to_qdate(TODAY))
    assert d.date_error.text() == ""
    d.accept()
    assert d.result() == QDialog.DialogCode.Accepted


def test_threshold_assessment_offers_the_hold_and_accepting_inserts_it(
        qtbot, panel, session, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    before, plan = session.schedule, session.plan
    rows = panel.model.rowCount()
    answer_dialogs(monkeypatch, scored(2), click("accept", "agreed with the patient"))
    with qtbot.waitSignal(panel.model.rowsInserted) as inserted:
        qtbot.mouseClick(panel.add_button, LEFT)
    assert inserted.args[1] == inserted.args[2] == rows  # appended, not a reset
    assert panel.model.rowCount() == rows + 1
    assert panel.model.index(rows, 2).data() == "40"
    assert panel.model.index(rows, 3).data() == "moderate"
    assert "moderate band" in panel.message.text()
    after = session.schedule
    # SPEC: the dose taken today is kept for 14 days from today; the next cut is on day 15,
    # so the hold is only the days the plan lacked.
    held = before.dose_on(TODAY)
    due = next((st.start for st in before.steps if st.start > TODAY and st.daily_ug != held),
               before.stop_date)
    extra = (TODAY + timedelta(days=14) - due).days
    assert extra > 0
    hold = next(st for st in after.steps if st.kind == "hold" and st.start == TODAY)
    assert hold.days == extra and hold.daily_ug == held
    assert all(after.dose_on(TODAY + timedelta(days=n)) == held for n in range(14))
    assert after.dose_on(TODAY + timedelta(days=14)) == before.dose_on(due)
    for old in before.steps:
        if old.start > TODAY:  # every later date moved by the hold
            assert after.dose_on(old.start + timedelta(days=extra)) == old.daily_ug
    assert after.stop_date == before.stop_date + timedelta(days=extra)
    assert any(w.startswith("Suggested hold accepted") and "agreed with the patient" in w
               for w in log(session))
    stack = session.undo_stack
    assert stack.count() == 2  # the assessment, then the hold: two undo steps
    stack.undo()
    assert session.plan == plan
    stack.undo()
    assert panel.model.rowCount() == rows
    stack.redo()
    stack.redo()
    assert panel.model.rowCount() == rows + 1
    assert session.schedule.stop_date == before.stop_date + timedelta(days=extra)


def test_declining_needs_a_reason_records_it_and_changes_no_plan(
        qtbot, panel, session, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    plan = session.plan
    shown = answer_dialogs(monkeypatch, scored(3), click("decline", ""))
    panel.add_dialog()
    refused = shown[1]
    assert refused.result() != QDialog.DialogCode.Accepted
    assert "why" in refused.error.text().lower()
    assert not any("declined" in w for w in log(session))
    suggestion = panel.last_suggestion
    assert suggestion is not None
    dialog = SuggestionDialog(suggestion, session)
    qtbot.addWidget(dialog)
    click("decline", "patient wants to keep going")(dialog)
    assert dialog.choice == "decline"
    assert panel.decide(suggestion, dialog.choice, dialog.reason)
    assert session.plan == plan
    assert any("declined" in w and "patient wants to keep going" in w for w in log(session))


def test_change_opens_the_hold_dialog_prefilled_and_inserts_that_hold(
        qtbot, panel, session, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def change(d: QDialog) -> bool:
        assert isinstance(d, SuggestionDialog)
        d.change_button.click()
        return d.result() == QDialog.DialogCode.Accepted

    def three_weeks_slower(d: QDialog) -> bool:
        on, days, stretch, reason = d.values()  # type: ignore[attr-defined]
        assert (on, days, stretch) == (TODAY, 14, 100) and "moderate band" in reason
        d.set_length(21)  # type: ignore[attr-defined]
        d.pace.setCurrentIndex(d.pace.findData(150))  # type: ignore[attr-defined]
        d.accept()
        return d.result() == QDialog.DialogCode.Accepted

    before = session.schedule
    held = before.dose_on(TODAY)
    due = next((st.start for st in before.steps if st.start > TODAY and st.daily_ug != held),
               before.stop_date)
    answer_dialogs(monkeypatch, scored(2), change, three_weeks_slower)
    panel.add_dialog()
    hold = session.plan.edits[-1]  # only the days the plan lacked, from the assessment
    assert (hold.on, hold.days, hold.stretch_percent) == (
        TODAY, (TODAY + timedelta(days=21) - due).days, 150)
    assert all(session.schedule.dose_on(TODAY + timedelta(days=n)) == held for n in range(21))
    assert session.schedule.dose_on(TODAY + timedelta(days=21)) != held
    assert any(w.startswith("Suggested hold changed") and "held 21 days" in w
               for w in log(session))


def test_when_the_plan_already_keeps_the_dose_accept_records_it_without_an_edit(
        qtbot, panel, session) -> None:  # type: ignore[no-untyped-def]
    panel.offer = lambda suggestion: False  # type: ignore[method-assign]
    sc = scale("ciwa-b")
    suggestion = panel.add(make_assessment(sc, TODAY, {i.id: 2 for i in sc.items}))
    assert suggestion is not None
    plan, sched = session.plan, session.schedule
    held = sched.dose_on(TODAY)
    due = next((st.start for st in sched.steps if st.start > TODAY and st.daily_ug != held),
               sched.stop_date)
    one_day = replace(suggestion, days=1)  # the plan keeps today's dose at least until due
    dialog = SuggestionDialog(one_day, session)
    qtbot.addWidget(dialog)
    last = due - timedelta(days=1)
    words = dialog.summary.text()
    assert (f"The plan already keeps {held / 1000:g} mg/day until {last:%a} {last.day} "
            f"{last:%b}") in words
    assert "Choose more days to postpone it." in words and "Until now" not in words
    assert dialog.accept_button.isEnabled() and dialog.error.text() == ""
    steps = session.undo_stack.count()
    click("accept", "agreed")(dialog)
    assert panel.decide(one_day, dialog.choice, dialog.reason)
    assert session.plan == plan and session.undo_stack.count() == steps
    assert any(w.startswith("Suggested hold accepted") and "not changed" in w
               for w in log(session))


def test_a_suggestion_before_the_plan_starts_holds_the_current_dose_and_moves_the_start(
        qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Issue 11, rule 1: a CIWA-B of 26 recorded before the plan starts."""
    session = open_session(tmp_path / "later.sqlite3", today=TODAY + timedelta(days=10))
    panel = SymptomPanel(session)
    qtbot.addWidget(panel)
    panel.offer = lambda suggestion: False  # type: ignore[method-assign]
    sc = scale("ciwa-b")
    scores = {item.id: (2 if n < 13 else 0) for n, item in enumerate(sc.items)}
    suggestion = panel.add(make_assessment(sc, TODAY, scores))
    assert suggestion is not None and suggestion.on == TODAY < session.plan.start
    before = session.schedule
    current = f"{before.start_ug / 1000:g} mg/day"
    first = before.steps[0]
    dialog = SuggestionDialog(suggestion, session)
    qtbot.addWidget(dialog)
    assert dialog.accept_button.isEnabled() and dialog.error.text() == ""
    moved = TODAY + timedelta(days=14)  # the start moves to D + N
    extra = (moved - first.start).days
    words = dialog.summary.text()
    assert f"Stay on {current} for 14 days, from {TODAY:%a} {TODAY.day} {TODAY:%b}" in words
    assert f"the cut to {first.daily_ug / 1000:g} mg moves to {moved:%a} {moved.day}" in words
    change = dialog.change_dialog()
    qtbot.addWidget(change)
    assert change.values()[0] == TODAY  # Change… keeps the assessment's date
    click("accept", "agreed")(dialog)
    assert dialog.choice == "accept"
    assert panel.decide(suggestion, dialog.choice, dialog.reason)
    after = session.schedule
    assert session.plan.start == moved  # the start moved later: no cut on the old date
    assert after.dose_on(first.start) == before.start_ug
    assert after.steps[0].daily_ug == first.daily_ug and after.steps[0].kind == "taper"
    assert all(after.dose_on(TODAY + timedelta(days=n)) == before.start_ug for n in range(14))
    assert after.stop_date == before.stop_date + timedelta(days=extra)
    session.store.close()


def test_a_failed_save_is_shown_and_nothing_is_suggested(
        qtbot, panel, session, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def broken(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise StoreError("the disk is full")

    monkeypatch.setattr(session.store, "add_assessment", broken)
    rows = panel.model.rowCount()
    sc = scale("ciwa-b")
    with qtbot.waitSignal(session.error) as error:
        result = panel.add(make_assessment(sc, TODAY, {i.id: 3 for i in sc.items}))
    assert result is None and "disk is full" in error.args[0]
    assert panel.model.rowCount() == rows and session.undo_stack.count() == 0


def test_a_backdated_assessment_is_inserted_in_date_order(qtbot, panel, session) -> None:  # type: ignore[no-untyped-def]
    first = session.assessments[0].assessment.on
    panel.offer = lambda suggestion: False  # type: ignore[method-assign]
    sc = scale("ciwa-b")
    with qtbot.waitSignal(panel.model.rowsInserted) as inserted:
        panel.add(make_assessment(sc, first + timedelta(days=1), {i.id: 0 for i in sc.items}))
    assert inserted.args[1] == 1
    days = [panel.model.record(r).assessment.on for r in range(panel.model.rowCount())]
    assert days == sorted(days)
    with qtbot.waitSignal(panel.model.rowsRemoved) as removed:
        session.undo_stack.undo()
    assert removed.args[1] == 1


def test_symptom_table_model_passes_qtmodeltester(qtmodeltester, panel, session) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(panel.model)
    panel.offer = lambda suggestion: False  # type: ignore[method-assign]
    sc = scale("checklist")
    panel.add(make_assessment(sc, TODAY, {i.id: 1 for i in sc.items}, ["confusion"]))
    row = panel.model.rowCount() - 1
    assert panel.model.index(row, 1).data() == "Confusion or delirium"
    session.undo_stack.undo()
    qtmodeltester.check(panel.model)


def test_red_flag_banner_stays_until_acknowledged(qtbot, panel, session, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = QWidget()  # the banner hides itself inside the window that holds it
    qtbot.addWidget(window)
    banner = RedFlagBanner(session, window)
    window.show()
    assert not banner.isVisible()
    answer_dialogs(monkeypatch, scored(0, ("seizure",)))
    panel.add_dialog()
    assert banner.isVisible()
    assert "Seizure or fit" in banner.text.text() and "emergency" in banner.text.text()
    session.open_patient(session.patient.id)  # reopening the patient does not hide it
    assert banner.isVisible()
    assert not banner.acknowledge("   ")
    assert banner.isVisible()

    def reason(d: QDialog) -> bool:
        d.reason.setText("sent to the emergency department")  # type: ignore[attr-defined]
        d.accept()
        return d.result() == QDialog.DialogCode.Accepted

    answer_dialogs(monkeypatch, reason)
    qtbot.mouseClick(banner.button, LEFT)
    assert not banner.isVisible()
    assert any(w.startswith("Red flag acknowledged") and "emergency department" in w
               for w in log(session))
    session.open_patient(session.patient.id)
    assert not banner.isVisible()
    answer_dialogs(monkeypatch, scored(0, ("suicidal",)))
    panel.add_dialog()  # a new red flag shows again
    assert banner.isVisible() and "Suicidal thoughts" in banner.text.text()


def test_an_old_acknowledgement_is_found_under_many_later_changes(qtbot, session) -> None:  # type: ignore[no-untyped-def]
    sc = scale("ciwa-b")
    s, store = session, session.store
    store.add_assessment(s.patient.id, make_assessment(sc, TODAY, {i.id: 0 for i in sc.items},
                                                       ["hallucinations"]))
    s.reload_assessments()
    banner = RedFlagBanner(s)
    qtbot.addWidget(banner)
    assert banner.pending() and banner.acknowledge("reviewed by the psychiatrist")
    with store.transaction():
        for i in range(1100):
            store.record_decision(s.patient.id, None, f"Note {i}", "")
    s.open_patient(s.patient.id)
    assert banner.pending() == []
