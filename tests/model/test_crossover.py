"""Cross-over to diazepam (issue 14, SPEC.md "Cross-over to diazepam"): properties on random
plans, the worked lorazepam example, refusals and the guardrails on the equivalent total."""

from __future__ import annotations

import copy
import json
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from model_helpers import same_as_from_nothing

from taperdesk.model import (
    Plan,
    PlanError,
    StepKind,
    back_step,
    check,
    compute,
    dispense,
    insert_hold,
    make_protocol,
    set_step_days,
    set_step_dose,
    snap_dose,
)
from taperdesk.model.catalogue import Catalogue, parse_catalogue, shipped_catalogue
from taperdesk.model.crossover import equivalent_ug
from taperdesk.model.plan import SPLITS
from taperdesk.model.protocols import Protocol
from taperdesk.model.schedule import Schedule
from taperdesk.model.serialize import plan_from_dict, plan_to_dict, schedule_to_dict
from taperdesk.resources import read_json

CAT = shipped_catalogue()
FROM = ("lorazepam", "alprazolam", "oxazepam", "temazepam", "chlordiazepoxide", "clonazepam")
START = date(2027, 1, 4)
SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
DZ_SETS = [("diazepam-tab-2", "diazepam-tab-5", "diazepam-tab-10"), ("diazepam-sol-0.4",),
           ("diazepam-tab-2", "diazepam-tab-5", "diazepam-tab-10", "diazepam-sol-0.4")]


@st.composite
def crossovers(draw: st.DrawFn) -> Plan:
    drug = CAT.drug(draw(st.sampled_from(FROM)))
    products = drug.product_sets[draw(st.sampled_from(sorted(drug.product_sets)))]
    then = draw(st.sampled_from([
        make_protocol("percent-current", percent="10", every_days=14),
        make_protocol("percent-current", percent="25", every_days=7),
        make_protocol("percent-start", percent="20", every_days=14),
        make_protocol("vissers"),
    ]))
    proto = make_protocol("diazepam-crossover", equivalence=draw(st.sampled_from(
        ["ashton", "va-dod"])), every_days=draw(st.integers(1, 21)), then=then,
        then_products=draw(st.sampled_from(DZ_SETS)))
    solids = [drug.product(p).strength_ug for p in products if not drug.product(p).is_liquid]
    base = min(solids) if solids else 500
    plan = Plan(drug.id, products, draw(st.integers(1, 12)) * base,
                draw(st.sampled_from(sorted(SPLITS))), START, proto)
    try:
        compute(plan)
    except PlanError:
        assume(False)
    return plan


def _max_gap(s: Schedule, up_to: Decimal) -> int:
    """The largest gap between neighbouring doses the diazepam products make (0 included)."""
    made = [0, *s.formulary.makeable(int(up_to) + s.formulary.smallest_ug * 2)]
    return max(b - a for a, b in zip(made, made[1:], strict=False))


def _equivalent(s: Schedule, step_no: int) -> Decimal:
    assert s.crossover is not None
    return sum((s.crossover.equivalent(d) for d in s.steps[step_no].doses), Decimal(0))


@SETTINGS
@given(crossovers())
def test_substitution_keeps_the_diazepam_equivalent_total(plan: Plan) -> None:
    s = compute(plan)
    assert s.crossover is not None
    start = s.crossover.start_equivalent
    subs = [st for st in s.steps if st.kind is StepKind.SUBSTITUTION]
    assert subs and len(subs) == len(s.crossover.start_doses)
    for step in subs:
        total = _equivalent(s, step.row)
        assert abs(total - start) <= _max_gap(s, start), (step.row, total, start)
        assert step.daily_ug == int(total.to_integral_value())
        assert plan.protocol.info.source in step.source and s.crossover.source in step.source
        assert "Table 7" in step.source


@SETTINGS
@given(crossovers())
def test_every_dose_is_real_units_of_its_own_drug(plan: Plan) -> None:
    s = compute(plan)
    assert s.crossover is not None
    from_drug = plan.drug
    replaced: set[str] = set()
    for step in s.steps:
        for d in step.doses:
            assert d.drug in (from_drug, "diazepam")
            assert d.units and all(u.product.drug == d.drug for u in d.units)
            assert sum(u.ug for u in d.units) == d.ug > 0
            if d.drug == from_drug:
                assert all(u.product.id in plan.products for u in d.units)
            else:
                assert all(u.product in s.formulary.products for u in d.units)
            if d.drug == from_drug:
                assert step.kind is StepKind.SUBSTITUTION and d.time not in replaced
        if step.kind is StepKind.SUBSTITUTION:
            replaced |= {d.time for d in step.doses if d.drug == "diazepam"}
            order = [t for t in ("night", "midday", "morning") if t in replaced]
            assert order == sorted(replaced, key=("night", "midday", "morning").index)


@SETTINGS
@given(crossovers())
def test_the_diazepam_taper_ends_at_zero(plan: Plan) -> None:
    s = compute(plan)
    taper = [st for st in s.steps if st.kind is StepKind.TAPER]
    # Without taper rows the substitution already ended on the smallest diazepam dose.
    assert taper or s.steps[-1].drug_ug("diazepam") == s.formulary.smallest_ug
    assert s.steps[-1].drugs == ("diazepam",)
    assert all(st.drugs == ("diazepam",) for st in taper)
    assert s.dose_on(s.stop_date) == 0 and s.step_at(s.stop_date) is None
    assert [st.daily_ug for st in taper] == sorted((st.daily_ug for st in taper), reverse=True)


@given(st.sampled_from(FROM), st.integers(1, 400))
def test_the_two_columns_differ_exactly_by_the_table(drug_id: str, units: int) -> None:
    drug = CAT.drug(drug_id)
    dose = units * 250
    ashton = equivalent_ug(drug, dose, "ashton")
    va = equivalent_ug(drug, dose, "va-dod")
    a, v = drug.diazepam_equivalent_ug["ashton"], drug.diazepam_equivalent_ug["va-dod"]
    # ashton / va-dod == v / a, exactly up to Decimal's 28 digits (e.g. 10/15 mg temazepam).
    tiny = Decimal("1e-20") * dose * 10000
    assert abs(ashton * a - dose * 10000) <= tiny and abs(va * v - dose * 10000) <= tiny
    assert abs(ashton * a - va * v) <= tiny
    if a == v:
        assert ashton == va


def test_the_shipped_table_is_asam_table_7_as_spec_lists_it() -> None:
    spec = {"clonazepam": (500, 1000), "alprazolam": (500, 1000), "lorazepam": (1000, 2000),
            "oxazepam": (20000, 30000), "temazepam": (20000, 15000),
            "chlordiazepoxide": (25000, 25000)}
    for drug_id, (ashton, va) in spec.items():
        eq = CAT.drug(drug_id).diazepam_equivalent_ug
        assert (eq["ashton"], eq["va-dod"]) == (ashton, va), drug_id


def _lorazepam(**kw: object) -> Plan:
    proto = make_protocol("diazepam-crossover", equivalence="ashton", **kw)  # type: ignore[arg-type]
    return Plan("lorazepam", CAT.drug("lorazepam").resolve_products(None), 3000, "three-times",
                START, proto)


def test_lorazepam_3mg_three_times_a_day_ashton() -> None:
    s = compute(_lorazepam())
    first = s.steps[:3]
    assert [st.kind for st in first] == [StepKind.SUBSTITUTION] * 3
    assert [[(d.time, d.drug, d.ug) for d in st.doses] for st in first] == [
        [("morning", "lorazepam", 1000), ("midday", "lorazepam", 1000),
         ("night", "diazepam", 10000)],
        [("morning", "lorazepam", 1000), ("midday", "diazepam", 10000),
         ("night", "diazepam", 10000)],
        [("morning", "diazepam", 10000), ("midday", "diazepam", 10000),
         ("night", "diazepam", 10000)],
    ]
    assert [st.days for st in first] == [7, 7, 7]
    assert "TaperDesk default (editable)" in first[0].rationale
    assert s.start_ug == 30000 and s.steps[3].daily_ug == 27000
    assert first[0].drug_ug("lorazepam") == 2000 and first[0].drug_ug("diazepam") == 10000
    codes = [w.code for w in check(s)]
    assert "dose-not-makeable" not in codes and "dose-rise" not in codes


def test_the_va_dod_column_halves_the_lorazepam_equivalent() -> None:
    proto = make_protocol("diazepam-crossover", equivalence="va-dod")
    s = compute(Plan("lorazepam", ("lorazepam-tab-1",), 2000, "night", START, proto))
    assert s.steps[0].doses[0].drug == "diazepam" and s.steps[0].daily_ug == 10000
    assert "VA/DoD column" in s.steps[0].source


def test_the_25_percent_rule_reads_the_equivalent_total_during_substitution() -> None:
    # Only 5 mg diazepam tablets: 0.25 mg alprazolam (2.5 mg diazepam, VA/DoD) is made as
    # 5 mg at night, then the morning's 0 mg: 7.5 -> 5 mg equivalent within 2 weeks.
    proto = make_protocol("diazepam-crossover", equivalence="va-dod",
                          then_products=("diazepam-tab-5",))
    s = compute(Plan("alprazolam", ("alprazolam-tab-0.25",), 500, "morning-night", START,
                     proto))
    assert [st.daily_ug for st in s.steps[:2]] == [7500, 5000]
    by_code = {w.code: w for w in check(s)}
    assert "step 2" in by_code["cut-over-25pct-in-2-weeks"].message.lower()
    assert "dose-rise" in by_code


@pytest.mark.parametrize(("drug", "products", "equivalence", "words"), [
    ("diazepam", ("diazepam-tab-10",), "ashton", "diazepam itself"),
    ("nodz", ("nodz-tab-1",), "ashton", "Nodz has no diazepam equivalent"),
    ("halfdz", ("halfdz-tab-1",), "va-dod", "Halfdz has no 'va-dod' diazepam equivalent"),
])
def test_refused_cross_overs_name_the_drug(
    drug: str, products: tuple[str, ...], equivalence: str, words: str
) -> None:
    cat = _catalogue_with_odd_drugs()
    plan = Plan(drug, products, 10000, "night", START,
                make_protocol("diazepam-crossover", equivalence=equivalence))
    with pytest.raises(PlanError, match=words):
        compute(plan, cat)
    with pytest.raises(PlanError, match=words):
        plan_from_dict(json.loads(json.dumps(plan_to_dict(plan))), cat)


def _catalogue_with_odd_drugs() -> Catalogue:
    data = copy.deepcopy(read_json("drugs.json"))
    for did, eq in (("nodz", None), ("halfdz", {"ashton": "1"})):
        data["drugs"].append({
            "id": did, "name": did.capitalize(), "diazepam_10mg_equivalent": eq,
            "default_product_set": "t", "product_sets": {"t": [f"{did}-tab-1"]},
            "products": [{"id": f"{did}-tab-1", "form": "tablet", "strength_mg": "1"}],
        })
    return parse_catalogue(data)


def test_bad_protocol_parameters_are_refused() -> None:
    with pytest.raises(PlanError, match="equivalence must be one of ashton, va-dod"):
        make_protocol("diazepam-crossover", equivalence="bnf")
    with pytest.raises(PlanError, match="cannot itself be a cross-over"):
        make_protocol("diazepam-crossover", then=make_protocol("diazepam-crossover"))
    with pytest.raises(PlanError, match="diazepam taper: percent"):
        make_protocol("diazepam-crossover", then=Protocol("percent-current", Decimal(0), 14))
    with pytest.raises(PlanError, match="has no product 'clonazepam-tab-1-us'"):
        compute(_lorazepam(then_products=("clonazepam-tab-1-us",)))


def test_plan_files_round_trip_the_cross_over_and_older_files_still_read() -> None:
    plan = _lorazepam(every_days=10, then=make_protocol("vissers"),
                      then_products=("diazepam-tab-2", "diazepam-tab-5"))
    d = json.loads(json.dumps(plan_to_dict(plan)))
    assert d["protocol"]["then"] == {"id": "vissers"} and d["protocol"]["equivalence"] == "ashton"
    assert plan_from_dict(d) == plan
    old = {"drug": "clonazepam", "products": ["clonazepam-tab-0.5-us"], "start_mg": "1",
           "split": "night", "start": "2027-01-04", "protocol": {"id": "nardi"}}
    assert plan_from_dict(old).protocol.then is None


def test_json_names_each_doses_drug_and_the_pharmacy_counts_both() -> None:
    s = compute(_lorazepam())
    doc = schedule_to_dict(s, check(s))
    assert doc["crossover"]["from_drug"] == "lorazepam"
    assert [d["drug"] for d in doc["steps"][0]["doses"]] == ["lorazepam", "lorazepam",
                                                            "diazepam"]
    assert doc["steps"][0]["drugs"] == {"lorazepam": "2", "diazepam": "10"}
    supplied = {d.product.id: d.dispense for d in dispense(s, START, date(2027, 1, 17))}
    assert supplied == {"lorazepam-tab-1": 21, "diazepam-tab-10": 21}
    month = [d.product.id for d in dispense(s, START, date(2027, 1, 31))]
    assert month == ["lorazepam-tab-1", "diazepam-tab-10", "diazepam-tab-5", "diazepam-tab-2"]


def test_holds_keep_both_drugs_and_substitution_lengths_can_be_set() -> None:
    plan = _lorazepam()
    held = compute(insert_hold(plan, date(2027, 1, 13), 7))
    hold = next(st for st in held.steps if st.kind is StepKind.HOLD)
    assert hold.drugs == ("lorazepam", "diazepam") and hold.doses == held.steps[1].doses
    assert hold.daily_ug == 30000
    longer = compute(set_step_days(plan, 0, 14))
    assert [st.days for st in longer.steps[:3]] == [14, 7, 7]
    with pytest.raises(PlanError, match="diazepam equivalent of the doses it replaces"):
        set_step_dose(plan, 0, 20000)
    back = compute(back_step(plan, date(2027, 2, 10), 7, "withdrawal"))
    row = next(st for st in back.steps if st.kind is StepKind.BACK_STEP)
    assert (row.daily_ug, row.drugs) == (27000, ("diazepam",))


@SETTINGS
@given(crossovers(), st.data())
def test_dragging_a_diazepam_step_re_plans_as_computing_from_nothing(
    plan: Plan, data: st.DataObject
) -> None:
    """The diazepam taper is generated incrementally too (its pins shifted past the
    substitutions): a drag's every preview is the full schedule."""
    s = compute(plan)
    rows = [x.row for x in s.steps if x.kind == StepKind.TAPER]
    assume(rows)
    row = data.draw(st.sampled_from(rows))
    shown = [plan]
    for ug in data.draw(st.lists(st.integers(0, 2 * s.start_ug), min_size=1, max_size=6)):
        try:
            shown.append(set_step_dose(plan, row, snap_dose(plan, ug)))
        except PlanError:
            continue
    assert same_as_from_nothing(shown) == len(shown)
