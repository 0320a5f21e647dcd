"""Issue 14 in the window: the New plan dialog makes a cross-over to diazepam (its
equivalence chosen), the chart draws one line per drug besides the equivalent total, and
the step table names each dose's drug."""

from __future__ import annotations

from standalone import answer_dialogs

from taperdesk.model import StepKind
from taperdesk.ui.new_plan import NewPlanDialog
from taperdesk.ui.steps import COLUMNS, TIME_COLUMNS


def _fill(d: NewPlanDialog, drug: str = "lorazepam", equivalence: str = "va-dod") -> None:
    d.drug.setCurrentIndex(d.drug.findData(drug))
    d.dose.setText("3")
    d.split.setCurrentIndex(d.split.findData("three-times"))
    d.protocol.setCurrentIndex(d.protocol.findData("diazepam-crossover"))
    d.equivalence.setCurrentIndex(d.equivalence.findData(equivalence))


def test_new_plan_dialog_makes_a_cross_over_and_the_chart_draws_both_drugs(
    window, monkeypatch  # type: ignore[no-untyped-def]
) -> None:
    s, f = window.session, window.plan_form
    seen: dict[str, object] = {}

    def make(d: NewPlanDialog) -> bool:
        _fill(d)
        seen["extra_shown"] = d.equivalence.isVisibleTo(d) and d.then.isVisibleTo(d)
        seen["preview"] = d.preview.text()
        d.accept()
        return bool(d.result())

    answer_dialogs(monkeypatch, make)
    assert f.new_plan_dialog()
    assert seen["extra_shown"]
    assert "lorazepam 2 mg + diazepam 5 mg" in str(seen["preview"])
    p = s.plan
    assert (p.drug, p.protocol.id, p.protocol.equivalence) == ("lorazepam", "diazepam-crossover",
                                                               "va-dod")
    assert p.protocol.then is not None and p.protocol.then.id == "percent-current"
    sched = s.schedule
    assert sched.crossover is not None and sched.steps[0].kind == StepKind.SUBSTITUTION
    # VA/DoD: 2 mg lorazepam = 10 mg diazepam, so 3 mg/day is 15 mg/day of diazepam.
    assert sched.start_ug == 15000
    chart = window.chart
    assert chart.drug_layer.drugs == ("lorazepam", "diazepam")
    lxs, lys = chart.drug_layer.points("lorazepam")
    dxs, dys = chart.drug_layer.points("diazepam")
    assert lys[:4] == [2.0, 1.0, 0.0, 0.0] and dys[:3] == [5.0, 10.0, 15.0] and dys[-1] == 0.0
    assert list(chart.curve.getData()[1][:3]) == [15.0, 15.0, 15.0]  # the equivalent total
    assert chart.drug_layer.key.isVisibleTo(chart) and "VA/DoD" in chart.drug_layer.key.text()
    m = window.steps.model
    night = m.data(m.index(0, TIME_COLUMNS[2]))
    morning = m.data(m.index(0, TIME_COLUMNS[0]))
    assert "diazepam" in night and "lorazepam" in morning
    assert "diazepam-eq." in m.data(m.index(0, [c.title for c in COLUMNS].index("mg/day")))
    assert "Table 7" in m.data(m.index(0, [c.title for c in COLUMNS].index("Source")))


def test_a_cross_over_from_diazepam_is_refused_at_the_dialog(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    s, f = window.session, window.plan_form
    before = s.plan
    seen: dict[str, str] = {}

    def refuse(d: NewPlanDialog) -> bool:
        _fill(d, drug="diazepam")
        seen["problem"] = d.problem()
        d.reject()
        return False

    answer_dialogs(monkeypatch, refuse)
    assert not f.new_plan_dialog()
    assert "diazepam itself" in seen["problem"]
    assert s.plan == before  # nothing saved
