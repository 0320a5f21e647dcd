"""Today in the window, the patient header and the appointments panel, driven with qtbot
on a real records file (the demo patient, laid out around the real today, and a patient
with no plan)."""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path

import pytest
from accounts import open_signed
from pdftext import flat, page_texts
from PySide6.QtCore import Qt
from standalone import answer_dialogs
from test_chart import at, drag
from windowing import open_window

from taperdesk.model.appointments import Appointment, Kind
from taperdesk.model.today import Reason, dose_today
from taperdesk.report import patient_handout
from taperdesk.store import Store, load_demo
from taperdesk.ui.appointments_dialog import AppointmentDialog, ProposeDialog
from taperdesk.ui.chart_axis import ts
from taperdesk.ui.dialogs import to_qdate
from taperdesk.ui.handout_actions import handout_input

NO_PLAN = "Zed Noplan"


@pytest.fixture
def today_db(tmp_path: Path) -> Path:
    path = tmp_path / "records.sqlite3"
    store = Store.open(path)
    load_demo(store)  # around the real today, so today's dose and the next change exist
    store.add_patient(NO_PLAN, clinic_id="Z-1")
    store.close()
    return path


@pytest.fixture
def win(qtbot, today_db: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    w = open_window(qtbot, today_db, tmp_path / "settings.ini")
    qtbot.waitUntil(lambda: not w.today.stale and w.today.model.rowCount() > 0, timeout=3000)
    yield w
    w.close()
    w.session.store.close()


def _row(w, reason: Reason, patient: str) -> int:  # type: ignore[no-untyped-def]
    items = w.today.model.items
    return next(n for n, i in enumerate(items)
                if i.reason is reason and i.patient.startswith(patient))


def _activate(qtbot, w, row: int) -> None:  # type: ignore[no-untyped-def]
    """Select a row of Today and press Enter in it, as a user does."""
    view = w.today.view
    view.setFocus()
    view.setCurrentIndex(w.today.model.index(row, 0))
    qtbot.keyClick(view, Qt.Key.Key_Return)


def test_today_is_shown_first_and_opens_the_patient_whose_header_follows_a_drag(
        qtbot, win) -> None:  # type: ignore[no-untyped-def]
    w, s = win, win.session
    assert w.docks["today"].isVisible() and not w.today.visibleRegion().isEmpty()
    reasons = {i.reason for i in w.today.model.items}
    assert Reason.NO_PLAN in reasons
    # open the patient with no plan from Today: the header's empty state, no old plan
    _activate(qtbot, w, _row(w, Reason.NO_PLAN, NO_PLAN))
    assert s.patient is not None and s.patient.name == NO_PLAN
    assert w.header.showing_empty and w.header.new_plan_button.isVisibleTo(w)
    assert NO_PLAN in w.header.empty.text() and "no plan" in w.header.empty.text()
    assert w.plan_form.dose.text() == "" and w.plan_form.drug.currentIndex() == -1
    # back to the demo patient, from a dose-change-free item (no plan -> the demo's)
    demo = next(n for n, i in enumerate(w.today.model.items) if i.patient != NO_PLAN)
    _activate(qtbot, w, demo)
    assert s.patient is not None and s.patient.name != NO_PLAN
    assert not w.header.showing_empty
    sched, day = s.schedule, s.today()
    step = sched.step_at(day)
    assert step is not None
    assert f"<b>{step.daily_ug / 1000:g} mg/day</b>" in w.header.dose.text()
    # drag the level of the next step (the next change): the header says the new dose
    change = dose_today(sched, day).next_change
    assert change is not None and change.after_ug > 0
    nxt = sched.step_at(change.on)
    assert nxt is not None and nxt.start == change.on
    before = w.header.next_change.text()
    w.chart.fit()
    qtbot.wait(10)
    mid = (ts(nxt.start) + ts(nxt.next_start)) / 2
    level = nxt.daily_ug / 1000
    now = dose_today(sched, day).daily_ug / 1000
    to = next(level + d for d in (-0.25, 0.25, 0.5) if level + d > 0 and level + d != now)
    drag(qtbot, w.chart, at(w.chart, mid, level), at(w.chart, mid, to))
    qtbot.wait(20)
    moved = s.schedule.step_at(nxt.start)
    assert moved is not None and moved.daily_ug != nxt.daily_ug
    header = w.header.next_change.text()
    assert header != before
    assert f"{moved.daily_ug / 1000:g} mg/day" in header


def test_a_red_flag_item_comes_first_and_opens_the_assessment(qtbot, win) -> None:  # type: ignore[no-untyped-def]
    w, s = win, win.session
    from taperdesk.model.scales import make_assessment, red_flags, scale

    ciwa = scale("ciwa-b")
    flag = red_flags()[0].id
    a = make_assessment(ciwa, s.today(), {i.id: 0 for i in ciwa.items},
                        flags=(flag,))
    s.open_patient(s.store.search_patients(NO_PLAN)[0].id)
    assert s.add_assessment(a).ok
    w.today.reload()
    first = w.today.model.items[0]
    assert first.reason is Reason.RED_FLAG and first.patient == NO_PLAN
    assert "red flag" in w.today.title.text()
    demo = s.store.search_patients("Demo")[0].id
    s.open_patient(demo)
    _activate(qtbot, w, 0)
    assert s.patient is not None and s.patient.name == NO_PLAN
    rows = w.symptoms.view.selectionModel().selectedRows()
    assert rows and w.symptoms.model.record(rows[0].row()).assessment.on == s.today()


def _fill(on: date, at_: str = "", kind: Kind = Kind.VISIT, note: str = ""):  # type: ignore[no-untyped-def]
    def answer(d: AppointmentDialog) -> bool:
        d.kind.setCurrentIndex(d.kind.findData(kind))
        d.on.setDate(to_qdate(on))
        d.at.setText(at_)
        d.note.setText(note)
        d.accept()
        return d.result() == 1

    return answer


def test_appointment_add_undo_redo_and_on_today_header_and_handout(
        qtbot, win, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    w, s = win, win.session
    pid = s.patient.id
    on = s.today() + timedelta(days=3)
    answer_dialogs(monkeypatch, _fill(on, "10:30", Kind.PHONE, "How is the new dose?"))
    assert w.appointments.add_dialog()
    booked = s.store.appointments(pid)
    assert [r.appointment for r in booked] == [
        Appointment(on, time(10, 30), Kind.PHONE, "How is the new dose?")]
    assert w.appointments.list.topLevelItemCount() == 1
    qtbot.waitUntil(lambda: "Phone check-in" in w.header.appointment.text(), timeout=1000)
    # the handout prints the patient's own next appointment (not the clinic-wide one)
    assert s.save_settings({"next_appointment": "Ring the clinic"}).ok
    inp = handout_input(s)
    assert inp is not None
    c = inp.clinic
    assert (c.next_on, c.next_at, c.next_kind, c.next_date) == (on, time(10, 30), Kind.PHONE, on)
    handout = flat(" ".join(page_texts(patient_handout(inp))))
    assert "at 10:30 (phone check-in)" in handout and "Ring the clinic" not in handout
    s.undo_stack.undo()
    assert s.store.appointments(pid) == []
    qtbot.waitUntil(lambda: w.appointments.list.topLevelItemCount() == 0, timeout=1000)
    qtbot.waitUntil(lambda: "none booked" in w.header.appointment.text(), timeout=1000)
    s.undo_stack.redo()
    assert [r.appointment.on for r in s.store.appointments(pid)] == [on]
    # on the day itself it is on Today
    today_on = s.today()
    answer_dialogs(monkeypatch, _fill(today_on, "", Kind.VISIT, "Weekly review"))
    assert w.appointments.add_dialog()
    w.today.reload()
    assert any(i.reason is Reason.APPOINTMENT and "Weekly review" in i.detail
               for i in w.today.model.items)
    # change it, then cancel it with Delete; both undo
    w.appointments.select_on(today_on)
    answer_dialogs(monkeypatch, _fill(today_on, "09:15", Kind.VISIT, "Weekly review"))
    assert w.appointments.edit_dialog()
    assert any(r.appointment.at == time(9, 15) for r in s.store.appointments(pid))
    w.appointments.select_on(today_on)
    w.appointments.list.setFocus()
    qtbot.keyClick(w.appointments.list, Qt.Key.Key_Delete)
    assert [r.appointment.on for r in s.store.appointments(pid)] == [on]
    s.undo_stack.undo()
    s.undo_stack.undo()
    assert any(r.appointment.at is None and r.appointment.on == today_on
               for r in s.store.appointments(pid))


def test_bad_appointments_are_refused_at_the_field_and_nothing_is_saved(
        qtbot, win, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    w, s = win, win.session
    pid = s.patient.id
    on = s.today() + timedelta(days=5)
    answer_dialogs(monkeypatch, _fill(on, "11:00"))
    assert w.appointments.add_dialog()
    count = s.undo_stack.count()
    shown: list[str] = []

    def refused(on_: date, at_: str):  # type: ignore[no-untyped-def]
        def answer(d: AppointmentDialog) -> bool:
            _fill(on_, at_)(d)
            shown.append(d.error.text())
            assert d.result() != 1  # still open: OK was refused
            return False

        return answer

    answer_dialogs(monkeypatch, refused(s.today() - timedelta(days=1), ""),
                   refused(on, "11:00"), refused(on, "25:99"))
    for _ in range(3):
        assert not w.appointments.add_dialog()
    assert "in the past" in shown[0]
    assert "already" in shown[1]
    assert "not a time" in shown[2]
    assert len(s.store.appointments(pid)) == 1 and s.undo_stack.count() == count
    # on or after the plan's stop date: a warning at the field, not a refusal
    d = AppointmentDialog(s, w)
    d.on.setDate(to_qdate(s.schedule.stop_date))
    assert "stop date" in d.warning.text()
    # an archived patient cannot be booked
    assert s.set_archived(True).ok
    answer_dialogs(monkeypatch, refused(on + timedelta(days=1), ""))
    assert not w.appointments.add_dialog()
    assert "archived" in shown[-1]
    assert len(s.store.appointments(pid)) == 1


def test_propose_check_ins_books_them_all_as_one_undo_step(qtbot, win, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    w, s = win, win.session
    pid = s.patient.id
    proposed = s.proposed_checkins()
    assert proposed and all(a.on >= s.today() for a in proposed)
    assert any(a.kind is Kind.PHONE for a in proposed)
    assert w.appointments.proposal.isVisibleTo(w)

    def untick_first_and_book(d: ProposeDialog) -> bool:
        assert d.list.count() == len(proposed)
        d.list.item(0).setCheckState(Qt.CheckState.Unchecked)
        d.accept()
        return d.result() == 1

    answer_dialogs(monkeypatch, untick_first_and_book)
    assert w.appointments.propose_dialog()
    assert [r.appointment for r in s.store.appointments(pid)] == proposed[1:]
    assert s.proposed_checkins() == proposed[:1]
    s.undo_stack.undo()
    assert s.store.appointments(pid) == []
    s.undo_stack.redo()
    assert len(s.store.appointments(pid)) == len(proposed) - 1


def test_print_the_day_and_the_weeks_handouts_open_the_preview(qtbot, win) -> None:  # type: ignore[no-untyped-def]
    from taperdesk.ui import today_actions

    w = win
    preview = today_actions.print_day(w)
    assert preview is not None and preview.file.page_count == 1
    text = page_texts(preview._pdf)[0]
    assert NO_PLAN in text and "No plan" in text
    preview.close()
    week = today_actions.print_week(w)
    has_change = any(i.reason is Reason.STEP_CHANGE for i in w.today.model.items)
    assert (week is not None) == has_change
    if week is not None:
        assert week.file.page_count >= 2
        week.close()


def test_today_follows_another_programs_save_and_ctrl_t_reaches_it(
        qtbot, win, today_db: Path) -> None:  # type: ignore[no-untyped-def]
    w = win
    w.docks["patients"].raise_()
    qtbot.waitUntil(lambda: not w.today.shown, timeout=1000)
    other = open_signed(today_db)  # another TaperDesk on the same records
    try:
        other.add_patient("Una Later", clinic_id="U-7")
    finally:
        other.close()
    w.session.live.check()  # the live timer's tick, now
    assert w.today.stale  # hidden: only noted
    qtbot.keyClick(w, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert w.today.shown and w.today.view.hasFocus()
    qtbot.waitUntil(lambda: any(i.patient == "Una Later" and i.reason is Reason.NO_PLAN
                                for i in w.today.model.items), timeout=3000)
