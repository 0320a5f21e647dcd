"""The plan editor dock: each field says its source; each change is one undo step saved at once;
a bad value is refused at the field and changes nothing."""

from __future__ import annotations

from standalone import answer_dialogs

from taperdesk.ui.plan_fields import CHOOSE_PRODUCTS


def test_every_field_names_its_source(window) -> None:  # type: ignore[no-untyped-def]
    f = window.plan_form
    for field in (f.drug, f.products, f.split, f.protocol, f.percent, f.every, f.step_mg):
        assert "source" in field.toolTip().lower(), field
    assert "Nardi" in f.protocol.toolTip()
    assert "Nardi" in f.source.text()


def test_protocol_change_is_one_undo_step(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    s, f = window.session, window.plan_form
    before = s.plan
    f.protocol.setCurrentIndex(f.protocol.findData("percent-current"))
    f.protocol.activated.emit(f.protocol.currentIndex())
    assert s.plan.protocol.id == "percent-current" and s.undo_stack.count() == 1
    assert f.percent.isVisibleTo(f) and f.percent.text() == "10"
    assert "ASAM" in f.percent.toolTip()
    f.percent.setText("5")
    f.percent.editingFinished.emit()
    assert str(s.plan.protocol.percent) == "5" and s.undo_stack.count() == 2
    assert s.store.active_plan(s.patient.id).plan == s.plan
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert s.plan == before


def test_bad_protocol_values_are_refused_at_the_field(window) -> None:  # type: ignore[no-untyped-def]
    s, f = window.session, window.plan_form
    f.protocol.setCurrentIndex(f.protocol.findData("percent-current"))
    f.protocol.activated.emit(f.protocol.currentIndex())
    plan = s.plan
    for text in ("abc", "150", "0"):
        f.percent.setText(text)
        f.percent.editingFinished.emit()
        assert s.plan == plan, text
        assert f.error.text(), text
    assert f.percent.text() == "10"  # the field shows the plan again


def test_split_and_start_change_the_schedule(window) -> None:  # type: ignore[no-untyped-def]
    s, f = window.session, window.plan_form
    f.split.setCurrentIndex(f.split.findData("night"))
    f.split.activated.emit(f.split.currentIndex())
    assert s.plan.split == "night"
    assert all({d.time for d in st.doses} <= {"night"} for st in s.schedule.steps)
    start = s.schedule.steps[0].start
    f.start.setDate(f.start.date().addDays(7))
    f.start.editingFinished.emit()
    assert (s.schedule.steps[0].start - start).days == 7


def test_products_ticked_one_by_one(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    s, f = window.session, window.plan_form

    def tick(d) -> bool:  # type: ignore[no-untyped-def]
        d.products.set_chosen(())
        d.accept()
        assert "Tick at least one" in d.error.text() and not d.result()
        d.products.set_chosen(("clonazepam-tab-0.5-us", "clonazepam-odt-0.25"))
        d.accept()
        return bool(d.result())

    answer_dialogs(monkeypatch, tick)
    f.products.setCurrentIndex(f.products.findText(CHOOSE_PRODUCTS))
    f.products.activated.emit(f.products.currentIndex())
    assert s.plan.products == ("clonazepam-tab-0.5-us", "clonazepam-odt-0.25")
    assert f.products.currentText().startswith("custom")
    assert s.undo_stack.count() == 1


def test_create_button_only_without_a_plan(window) -> None:  # type: ignore[no-untyped-def]
    assert not window.plan_form.create_button.isVisibleTo(window.plan_form)
    assert window.plan_form.drug.isEnabled()
    window.patients.add_patient(name="No Plan Yet", born=None, clinic_id="", opioid=False)
    assert window.plan_form.create_button.isVisibleTo(window.plan_form)
    assert not window.plan_form.drug.isEnabled()
    assert window.steps.model.rowCount() == 0
    assert window.chart.curve.getData()[0] is None or len(window.chart.curve.getData()[0]) == 0


def test_a_second_plan_and_switching_back(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    s, f = window.session, window.plan_form
    demo = s.record
    assert not f.which.isVisibleTo(f)  # one plan: no chooser

    def plan(d) -> bool:  # type: ignore[no-untyped-def]
        d.dose.setText("1")
        d.accept()
        return bool(d.result())

    answer_dialogs(monkeypatch, plan)
    assert f.new_plan_dialog()
    assert s.record.id != demo.id and s.plan.start_ug == 1000
    assert s.plan.drug == demo.plan.drug  # the new plan starts from the current one's drug
    assert f.which.isVisibleTo(f) and f.which.count() == 2
    f.which.setCurrentIndex(f.which.findData(demo.id))
    f.which.activated.emit(f.which.currentIndex())
    assert s.record.id == demo.id and s.plan == demo.plan
    assert s.store.active_plan(s.patient.id).id == demo.id
    assert window.steps.model.rowCount() == len(s.schedule.steps)
