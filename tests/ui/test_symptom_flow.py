"""Assessments through the dialog, the suggested hold, and the red-flag banner."""

from __future__ import annotations

from datetime import timedelta

from taperdesk.model.scales import scale
from taperdesk.ui.dialogs import to_qdate
from taperdesk.ui.symptom_panel import AssessmentDialog


def fill(dialog: AssessmentDialog, value: int) -> None:
    for spin in dialog.spins.values():
        spin.setValue(value)


def test_dialog_shows_items_total_and_band(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    on = window.session.plan.start + timedelta(days=10)
    d = AssessmentDialog(on, window)
    qtbot.addWidget(d)
    assert len(d.spins) == 20 and all(s.maximum() == 4 for s in d.spins.values())
    fill(d, 2)
    assert d.total.text() == "Total 40 of 80: moderate"
    d.scale_box.setCurrentIndex(d.scale_box.findData("checklist"))
    assert len(d.spins) == len(scale("checklist").items)
    assert "of 33" in d.total.text()


def test_threshold_assessment_suggests_a_hold_and_accepting_inserts_it(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    s = window.session
    on = s.plan.start + timedelta(days=10)
    before = s.schedule
    d = AssessmentDialog(on, window)
    qtbot.addWidget(d)
    fill(d, 2)  # 40: moderate band, the hold threshold
    d.date.setDate(to_qdate(on))
    suggestion = None
    window.symptoms.offer = lambda sg: None  # the dialog is answered below instead
    suggestion = window.symptoms.add(d.assessment())
    assert suggestion is not None and suggestion.days == 14 and suggestion.on == on
    assert "moderate" in suggestion.reason
    assert window.symptoms.model.rowCount() == 4
    assert window.symptoms.decide(suggestion, "accept", "agreed with patient")
    after = s.schedule
    assert after.stop_date == before.stop_date + timedelta(days=14)
    assert any(st.kind == "hold" and st.start == on for st in after.steps)
    log = [c.what for c in s.store.changes(patient_id=s.patient.id)]
    assert any(w.startswith("Suggested hold accepted") and "agreed with patient" in w
               for w in log)
    # Undo everything back to the start: the hold, then the assessment.
    window.undo_action.trigger()
    assert s.schedule.stop_date == before.stop_date
    window.undo_action.trigger()
    assert window.symptoms.model.rowCount() == 3
    window.redo_action.trigger()
    assert window.symptoms.model.rowCount() == 4


def test_declining_records_the_reason_and_changes_no_plan(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    s = window.session
    plan = s.plan
    window.symptoms.offer = lambda sg: None
    sc = scale("ciwa-b")
    from taperdesk.model.scales import make_assessment

    a = make_assessment(sc, plan.start + timedelta(days=3), {i.id: 3 for i in sc.items})
    suggestion = window.symptoms.add(a)
    assert suggestion is not None
    assert window.symptoms.decide(suggestion, "decline", "patient wants to continue")
    assert s.plan == plan
    log = [c.what for c in s.store.changes(patient_id=s.patient.id)]
    assert any("declined" in w and "patient wants to continue" in w for w in log)


def test_red_flag_banner_stays_until_acknowledged(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    s = window.session
    banner = window.banner
    assert not banner.isVisibleTo(window)
    window.symptoms.offer = lambda sg: None
    d = AssessmentDialog(s.plan.start + timedelta(days=5), window)
    qtbot.addWidget(d)
    d.flags["seizure"].setChecked(True)
    window.symptoms.add(d.assessment())
    assert banner.isVisibleTo(window)
    assert "Seizure" in banner.text.text()
    s.open_patient(s.patient.id)  # reopening does not hide it
    assert banner.isVisibleTo(window)
    assert not banner.acknowledge("   ")
    assert banner.isVisibleTo(window)
    assert banner.acknowledge("sent to the emergency department")
    assert not banner.isVisibleTo(window)
    s.open_patient(s.patient.id)
    assert not banner.isVisibleTo(window)
