"""The Plan dock edits a cross-over to diazepam as the New plan dialog makes it: equivalence
column, days per substituted dose, the diazepam taper's protocol and parameters, diazepam's
products. Each change is one undo step that re-plans both drugs; a bad value is refused at
the field and changes nothing; a single-drug protocol hides the cross-over's fields.

The plan: lorazepam 3 mg/day three times a day from Mon 4 Jan 2027 (docs/MODEL.md's first
worked example), Ashton column, 7 days per dose, then 10 % of the current dose every 14 days
on diazepam 2, 5 and 10 mg tablets."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from layout_probe import cut_combos, cut_labels_and_buttons
from standalone import answer_dialogs
from test_layout import PROBE
from test_window_polish import unnamed

from taperdesk.model import CustomStep, Plan, StepKind, make_protocol, set_protocol
from taperdesk.ui.chart_summary import plan_summary
from taperdesk.ui.new_plan import NewPlanDialog
from taperdesk.ui.plan_fields import CHOOSE_PRODUCTS, row_label

START = date(2027, 1, 4)
TABLETS = ("diazepam-tab-2", "diazepam-tab-5", "diazepam-tab-10")


@pytest.fixture
def dock(window):  # type: ignore[no-untyped-def]
    s = window.session
    lz = s.catalogue.drug("lorazepam")
    plan = Plan("lorazepam", tuple(lz.product_sets[lz.default_product_set]), 3000,
                "three-times", START, make_protocol("diazepam-crossover"))
    assert s.create_plan(plan, "cross-over for the dock test")
    s.undo_stack.clear()
    return window


def doses(window) -> list[tuple[date, date, int, dict[str, int]]]:  # type: ignore[no-untyped-def]
    """Each step as (first day, last day, diazepam-equivalent µg, µg of each drug)."""
    return [(st.start, st.end, st.daily_ug, {d: st.drug_ug(d) for d in st.drugs})
            for st in window.session.schedule.steps]


ASHTON = [  # docs/MODEL.md: 1 mg lorazepam = 10 mg diazepam (Ashton), so 30 mg/day
    (date(2027, 1, 4), date(2027, 1, 10), 30000, {"lorazepam": 2000, "diazepam": 10000}),
    (date(2027, 1, 11), date(2027, 1, 17), 30000, {"lorazepam": 1000, "diazepam": 20000}),
    (date(2027, 1, 18), date(2027, 1, 24), 30000, {"diazepam": 30000}),
    (date(2027, 1, 25), date(2027, 2, 7), 27000, {"diazepam": 27000}),
    (date(2027, 2, 8), date(2027, 2, 21), 24000, {"diazepam": 24000}),
]


def choose(combo, data=None, text: str = "") -> None:  # type: ignore[no-untyped-def]
    """Pick an entry as a user does (the dock acts on ``activated``)."""
    index = combo.findText(text) if text else combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def undo_redo_restores(window, before, after) -> None:  # type: ignore[no-untyped-def]
    window.undo_action.trigger()
    assert doses(window)[:5] == before
    window.redo_action.trigger()
    assert doses(window)[:5] == after


def test_the_dock_shows_the_cross_over_fields_with_their_sources(dock) -> None:  # type: ignore[no-untyped-def]
    f = dock.plan_form
    x = f.crossover
    assert doses(dock)[:5] == ASHTON
    for field in (x.equivalence, x.swap_days, x.then, x.products, f.percent, f.every):
        assert field.isVisibleTo(f), field
        assert row_label(f._form, field).isVisibleTo(f)
        assert field.accessibleName() or row_label(f._form, field).buddy() is field
    assert not f.step_mg.isVisibleTo(f)
    assert (x.equivalence.currentData(), x.swap_days.value(), x.then.currentData()) == (
        "ashton", 7, "percent-current")
    assert x.products.currentData() == TABLETS
    assert (f.percent.text(), f.every.value()) == ("10", 14)  # the diazepam taper's
    text = f.source.text()
    assert "ASAM 2025 Table 7, Ashton column" in text
    assert "7 days per substitution: TaperDesk default (editable)" in text
    assert "Diazepam taper" in text and "SPEC.md product table" in text
    assert "TaperDesk default" in x.swap_days.toolTip()
    assert "Table 7" in x.equivalence.currentText()
    assert "ASAM" in f.percent.toolTip()  # the taper's parameters name the taper's source


def test_equivalence_column_is_one_undo_step(dock) -> None:  # type: ignore[no-untyped-def]
    s, x = dock.session, dock.plan_form.crossover
    choose(x.equivalence, "va-dod")
    assert s.plan.protocol.equivalence == "va-dod" and s.undo_stack.count() == 1
    va = [  # VA/DoD: 2 mg lorazepam = 10 mg diazepam, so 15 mg/day
        (date(2027, 1, 4), date(2027, 1, 10), 15000, {"lorazepam": 2000, "diazepam": 5000}),
        (date(2027, 1, 11), date(2027, 1, 17), 15000, {"lorazepam": 1000, "diazepam": 10000}),
        (date(2027, 1, 18), date(2027, 1, 24), 15000, {"diazepam": 15000}),
    ]
    assert doses(dock)[:3] == va
    assert s.schedule.stop_date == date(2027, 7, 12)
    assert s.store.active_plan(s.patient.id).plan == s.plan  # saved at once
    window = dock
    window.undo_action.trigger()
    assert doses(dock)[:5] == ASHTON and x.equivalence.currentData() == "ashton"
    window.redo_action.trigger()
    assert doses(dock)[:3] == va and x.equivalence.currentData() == "va-dod"


def test_days_per_substituted_dose(dock) -> None:  # type: ignore[no-untyped-def]
    s, x = dock.session, dock.plan_form.crossover
    x.swap_days.setValue(14)
    x.swap_days.editingFinished.emit()
    assert s.plan.protocol.every_days == 14 and s.undo_stack.count() == 1
    fortnights = [
        (date(2027, 1, 4), date(2027, 1, 17), 30000, {"lorazepam": 2000, "diazepam": 10000}),
        (date(2027, 1, 18), date(2027, 1, 31), 30000, {"lorazepam": 1000, "diazepam": 20000}),
        (date(2027, 2, 1), date(2027, 2, 14), 30000, {"diazepam": 30000}),
        (date(2027, 2, 15), date(2027, 2, 28), 27000, {"diazepam": 27000}),
        (date(2027, 3, 1), date(2027, 3, 14), 24000, {"diazepam": 24000}),
    ]
    assert doses(dock)[:5] == fortnights
    assert "14 days per substitution" in dock.plan_form.source.text()
    undo_redo_restores(dock, ASHTON, fortnights)
    assert x.swap_days.value() == 14


def test_the_diazepam_taper_s_percent_and_every(dock) -> None:  # type: ignore[no-untyped-def]
    s, f = dock.session, dock.plan_form
    f.percent.setText("20")
    f.percent.editingFinished.emit()
    assert str(s.plan.protocol.then.percent) == "20" and s.plan.protocol.equivalence == "ashton"
    twenty = ASHTON[:3] + [
        (date(2027, 1, 25), date(2027, 2, 7), 24000, {"diazepam": 24000}),
        (date(2027, 2, 8), date(2027, 2, 21), 19000, {"diazepam": 19000}),
    ]
    assert doses(dock)[:5] == twenty
    f.every.setValue(28)
    f.every.editingFinished.emit()
    assert s.plan.protocol.then.every_days == 28 and s.plan.protocol.every_days == 7
    monthly = ASHTON[:3] + [
        (date(2027, 1, 25), date(2027, 2, 21), 24000, {"diazepam": 24000}),
        (date(2027, 2, 22), date(2027, 3, 21), 19000, {"diazepam": 19000}),
    ]
    assert doses(dock)[:5] == monthly and s.undo_stack.count() == 2
    undo_redo_restores(dock, twenty, monthly)
    dock.undo_action.trigger()
    dock.undo_action.trigger()
    assert doses(dock)[:5] == ASHTON and f.percent.text() == "10"


def test_another_diazepam_taper_and_its_refused_default(dock) -> None:  # type: ignore[no-untyped-def]
    """Nardi from its defaults; fixed's default 0.25 mg cut is smaller than diazepam tablets
    can change, so it is refused at the field, nothing changes, and the fixed cut's own
    field waits for a cut the tablets can make."""
    s, f = dock.session, dock.plan_form
    x = f.crossover
    choose(x.then, "nardi")
    assert s.plan.protocol.then.id == "nardi" and s.undo_stack.count() == 1
    nardi = ASHTON[:3] + [
        (date(2027, 1, 25), date(2027, 2, 7), 30000, {"diazepam": 30000}),
        (date(2027, 2, 8), date(2027, 2, 21), 29000, {"diazepam": 29000}),
    ]
    assert doses(dock)[:5] == nardi
    assert not f.percent.isVisibleTo(f) and not f.every.isVisibleTo(f)  # Nardi takes none
    plan = s.plan
    choose(x.then, "fixed")
    assert s.plan == plan and s.undo_stack.count() == 1
    assert "smallest change these products can make (1 mg)" in f.error.text()
    assert x.then.currentData() == "fixed" and f.step_mg.isVisibleTo(f)
    f.step_mg.setText("3")
    f.step_mg.editingFinished.emit()
    assert s.plan.protocol.then == make_protocol("fixed", step_ug=3000, every_days=3)
    assert not f.error.text() and s.undo_stack.count() == 2
    fixed = ASHTON[:3] + [
        (date(2027, 1, 25), date(2027, 1, 27), 27000, {"diazepam": 27000}),
        (date(2027, 1, 28), date(2027, 1, 30), 24000, {"diazepam": 24000}),
    ]
    assert doses(dock)[:5] == fixed
    undo_redo_restores(dock, nardi, fixed)


def test_diazepam_products_a_set_and_ticked(dock, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    s, f = dock.session, dock.plan_form
    x = f.crossover
    choose(x.products, text="solution-2mg-5ml")
    assert s.plan.protocol.then_products == ("diazepam-sol-0.4",)
    steps = s.schedule.steps
    assert {u.product.id for st in steps for d in st.doses if d.drug == "diazepam"
            for u in d.made.units} == {"diazepam-sol-0.4"}
    assert (steps[4].daily_ug, steps[-1].daily_ug, s.schedule.stop_date) == (
        24320, 40, date(2029, 1, 8))  # 0.1 mL of 2 mg/5 mL is 0.04 mg
    assert "Diazepam oral solution 2 mg/5 mL" in f.source.text()
    undo_redo_restores(dock, ASHTON, doses(dock)[:5])
    dock.undo_action.trigger()

    def tick(d) -> bool:  # type: ignore[no-untyped-def]
        d.products.set_chosen(())
        d.accept()
        assert "Tick at least one" in d.error.text() and not d.result()
        d.products.set_chosen((*TABLETS, "diazepam-sol-0.4"))
        d.accept()
        return bool(d.result())

    answer_dialogs(monkeypatch, tick)
    assert x.products.findText(CHOOSE_PRODUCTS) == x.products.count() - 1
    choose(x.products, text=CHOOSE_PRODUCTS)
    assert s.plan.protocol.then_products == (*TABLETS, "diazepam-sol-0.4")
    assert x.products.currentText().startswith("custom")
    assert doses(dock)[:3] == ASHTON[:3]  # whole tablets first: the substitution is unchanged
    assert (s.schedule.steps[-1].daily_ug, s.schedule.stop_date) == (40, date(2029, 1, 8))
    assert s.undo_stack.count() == 1


def test_bad_values_are_refused_and_change_nothing(dock, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    s, f = dock.session, dock.plan_form
    plan = s.plan
    for text in ("abc", "0", "100", "-5"):
        f.percent.setText(text)
        f.percent.editingFinished.emit()
        assert s.plan == plan and s.undo_stack.count() == 0, text
        assert f.error.text(), text
        assert f.percent.text() == "10", text  # the field shows the plan again
    assert "percent must be more than 0" in f.error.text()
    assert s.store.active_plan(s.patient.id).plan == plan

    def cancel(d) -> bool:  # type: ignore[no-untyped-def]
        d.reject()
        return False

    answer_dialogs(monkeypatch, cancel)
    choose(f.crossover.products, text=CHOOSE_PRODUCTS)
    assert s.plan == plan and f.crossover.products.currentData() == TABLETS
    choose(f.drug, "diazepam")  # a cross-over from diazepam itself
    assert s.plan == plan and "diazepam itself" in f.error.text()
    assert doses(dock)[:5] == ASHTON


def test_a_single_drug_protocol_hides_the_cross_over_fields(dock) -> None:  # type: ignore[no-untyped-def]
    s, f = dock.session, dock.plan_form
    x = f.crossover
    choose(f.protocol, "percent-current")
    assert s.plan.protocol.id == "percent-current" and s.schedule.crossover is None
    assert all(st.kind != StepKind.SUBSTITUTION for st in s.schedule.steps)
    for field in (x.equivalence, x.swap_days, x.then, x.products):
        assert not field.isVisibleTo(f)
        assert not row_label(f._form, field).isVisibleTo(f)
    assert f.percent.isVisibleTo(f) and f.every.isVisibleTo(f)
    assert s.schedule.steps[0].drugs == ("lorazepam",)
    assert "Table 7" not in f.source.text()
    dock.undo_action.trigger()
    assert doses(dock)[:5] == ASHTON and x.equivalence.isVisibleTo(f)
    choose(f.protocol, "diazepam-crossover")  # unchanged: no edit
    assert s.undo_stack.index() == 0


def test_the_chart_summary_says_each_drug_s_dose_on_two_drug_days(dock) -> None:  # type: ignore[no-untyped-def]
    described = dock.chart.plot.accessibleDescription()
    assert described == plan_summary(dock.session.schedule)
    assert described.startswith(
        "Lorazepam to Diazepam: from 3 mg/day of Lorazepam (30 mg/day diazepam-equivalent)")
    assert ("Two drugs a day on 2 steps: step 1, 04 Jan 2027 to 10 Jan 2027: Lorazepam 2 mg "
            "+ Diazepam 10 mg a day (30 mg/day diazepam-equivalent); step 2, 11 Jan 2027 to "
            "17 Jan 2027: Lorazepam 1 mg + Diazepam 20 mg a day (30 mg/day "
            "diazepam-equivalent).") in described
    assert "step 3," not in described  # all diazepam from 18 Jan: one drug
    choose(dock.plan_form.crossover.equivalence, "va-dod")
    described = dock.chart.plot.accessibleDescription()
    assert "Lorazepam 2 mg + Diazepam 5 mg a day (15 mg/day" in described
    assert "Lorazepam 1 mg + Diazepam 10 mg a day" in described
    choose(dock.plan_form.protocol, "percent-current")
    assert "Two drugs" not in dock.chart.plot.accessibleDescription()
    assert dock.chart.plot.accessibleDescription().startswith("Lorazepam: from 3 mg/day")


def test_the_cross_over_fields_are_named_in_the_tab_order_and_not_cut(dock, qtbot) -> None:  # type: ignore[no-untyped-def]
    f = dock.plan_form
    x = f.crossover
    dock.resize(1366, 768)
    dock.default_layout()
    qtbot.wait(20)
    assert unnamed(dock) == []
    assert cut_combos(f) + cut_labels_and_buttons(f) == []
    for combo in (f.protocol, x.equivalence, x.then, x.products):  # every entry fits
        for i in range(combo.count()):
            combo.setCurrentIndex(i)
            assert cut_combos(f) == [], combo.currentText()
    chain, widget = [], dock.patients.search
    for _ in range(400):
        widget = widget.nextInFocusChain()
        if widget in (f.protocol, x.equivalence, x.swap_days, x.then, x.products, f.percent,
                      f.every):
            chain.append(widget)
    assert chain[:7] == [f.protocol, x.equivalence, x.swap_days, x.then, x.products,
                         f.percent, f.every]


def test_nothing_is_cut_at_150_percent_with_a_cross_over(dock, db: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The probe of test_layout in a fresh process at 150 %, on the cross-over plan."""
    env = dict(os.environ, QT_SCALE_FACTOR="1.5", QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, str(PROBE), str(db), "1280", "720"], env=env,
                          capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    found = json.loads(proc.stdout.strip().splitlines()[-1])
    assert found["ratio"] == 1.5 and found["crossover"]
    assert found["cut"] == []


def test_the_new_plan_dialog_shares_the_fields_and_fits_1366x768(dock, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The dialog opened on the cross-over starts from its fields (now diazepam products
    too), makes the plan they describe, and still fits a 1366x768 screen less a taskbar."""
    s = dock.session
    d = NewPlanDialog(s.catalogue, START, dock, like=s.plan)
    qtbot.addWidget(d)
    assert d.crossover.products.isVisibleTo(d) and d.then_products is d.crossover.products
    d.dose.setText("3")
    d.equivalence.setCurrentIndex(d.equivalence.findData("va-dod"))
    d.swap_days.setValue(14)
    d.then_products.setCurrentIndex(d.then_products.findText("solution-2mg-5ml"))
    plan = d.build()
    p = plan.protocol
    assert (p.equivalence, p.every_days, p.then_products) == ("va-dod", 14, ("diazepam-sol-0.4",))
    assert "ASAM 2025 Table 7, VA/DoD column" in d.source.text()
    assert "14 days per substitution: TaperDesk default (editable)" in d.source.text()
    assert "SPEC.md product table" in d.then_products.toolTip()
    assert unnamed(d) == []
    d.show()
    qtbot.waitExposed(d)
    assert d.minimumSizeHint().height() + 30 <= 728  # a 30 px title bar, a 40 px taskbar


def test_a_custom_diazepam_taper_from_a_plan_file_is_kept(dock) -> None:  # type: ignore[no-untyped-def]
    """`taperdesk plan --then custom --step ...` or a plan file can give the diazepam taper
    custom steps: the dock shows it as such and another field's change keeps its steps."""
    s, f = dock.session, dock.plan_form
    steps = (CustomStep(20000, 14), CustomStep(10000, 14))
    custom = make_protocol("diazepam-crossover",
                           then=make_protocol("custom", custom_steps=steps))
    assert s.apply("custom diazepam taper", set_protocol, custom)
    assert f.crossover.then.currentData() == "custom"
    choose(f.crossover.equivalence, "va-dod")
    assert s.plan.protocol.then.custom_steps == steps
    assert doses(dock)[0][3] == {"lorazepam": 2000, "diazepam": 5000}  # VA/DoD
    assert [st.daily_ug for st in s.schedule.steps[3:]] == [20000, 10000]  # as typed


def test_a_cross_over_plan_keeps_the_window_within_1366_px(dock, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The chart's key of the two drugs wraps: it made the window 1431 px wide, so the
    Checks and Symptoms docks ran off a 1366×768 screen."""
    dock.resize(1366, 768)
    dock.show()
    dock.default_layout()
    qtbot.wait(20)
    key = dock.chart.drug_layer.key
    assert key.isVisible() and "lorazepam" in key.text()
    assert dock.minimumSizeHint().width() <= 1366
    assert dock.width() <= 1366
    for name in ("checks", "symptoms"):
        d = dock.docks[name]
        assert d.geometry().right() <= dock.width(), name


def test_the_new_plan_dialog_scrolls_its_fields_on_1280x720_less_a_taskbar(
        dock, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """1920x1080 at 150 % is 1280x720: a cross-over's fields (about 680 px) scroll inside
    the dialog, whose preview, error line, OK and Cancel stay on the screen."""
    from PySide6.QtCore import QRect

    screen = QRect(0, 0, 1280, 680)
    monkeypatch.setattr("taperdesk.ui.dialogs.available_geometry", lambda _p=None: screen)
    d = NewPlanDialog(dock.session.catalogue, START, dock, like=dock.session.plan)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    assert d.height() + 30 <= screen.height() and d.width() <= screen.width()
    ok = d.buttons.button(d.buttons.StandardButton.Ok)
    assert ok.isVisible() and d.rect().contains(ok.geometry().translated(d.buttons.pos()))
    bar = d.fields_scroll.verticalScrollBar()
    assert bar.maximum() > 0  # the fields scroll...
    d.fields_scroll.ensureWidgetVisible(d.crossover.products)  # ...and each can be brought in view
    assert d.crossover.products.visibleRegion().boundingRect().height() > 0
    assert cut_combos(d) == [] and cut_labels_and_buttons(d) == []
    d.dose.setText("3")
    d.accept()
    assert d.result() == 1 and d.plan() is not None and d.plan().protocol.then is not None


def test_the_step_table_sizes_its_columns_afresh_for_a_new_plan(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A cross-over made in an open window: its wider mg/day ('2 mg lorazepam + 10 mg
    diazepam') and dose cells are not cut to the previous plan's widths."""
    from layout_probe import cut_columns

    window.resize(1366, 768)
    window.show()
    qtbot.wait(10)
    assert cut_columns(window.steps.view, "step table") == []
    s = window.session
    lz = s.catalogue.drug("lorazepam")
    plan = Plan("lorazepam", tuple(lz.product_sets[lz.default_product_set]), 3000,
                "three-times", START, make_protocol("diazepam-crossover"))
    assert s.create_plan(plan, "cross-over in an open window")
    qtbot.wait(10)
    assert s.schedule.crossover is not None
    assert cut_columns(window.steps.view, "step table") == []
