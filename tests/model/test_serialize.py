"""Plans to and from plain dicts (plan files, the database, `--format json`)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from model_helpers import custom, plan

from taperdesk.model import (
    PlanError,
    back_step,
    check,
    compute,
    insert_hold,
    make_protocol,
    set_step_days,
    set_step_dose,
)
from taperdesk.model.serialize import plan_from_dict, plan_to_dict, schedule_to_dict


def edited_plan() -> Any:
    p = plan(make_protocol("percent-current", percent="7.5", every_days=21), "2.5",
             split="morning-night", allow_quarters=True, indication="panic")
    p = insert_hold(p, date(2027, 2, 1), 14, stretch_percent=150, reason="poor sleep")
    p = back_step(p, date(2027, 1, 10), 3, "panic attack")
    p = set_step_dose(p, 5, 1250)
    return set_step_days(p, 6, 30)


def test_round_trip_through_json_text() -> None:
    for p in (edited_plan(), plan(custom(("2", 7), ("1", 14)), "3"), plan("nardi", "0.75")):
        d = plan_to_dict(p)
        assert plan_from_dict(json.loads(json.dumps(d))) == p


def test_doses_are_decimal_strings_never_floats() -> None:
    d = plan_to_dict(edited_plan())
    assert d["start_mg"] == "2.5" and d["protocol"]["percent"] == "7.5"
    pins = [e for e in d["edits"] if e["type"] == "pin"]
    assert pins and all(isinstance(e["mg"], str | None) for e in pins)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("drug"), r"plan\.drug: missing"),
        (lambda d: d.update(start_mg=2.5), r"plan\.start_mg: expected str"),
        (lambda d: d.update(start_mg="-1"), "cannot be negative"),
        (lambda d: d.update(start="2027-02-30"), r"plan\.start: '2027-02-30' is not a date"),
        (lambda d: d.update(split="sometimes"), "unknown split"),
        (lambda d: d.update(products="clonazepam-tab-1-us"), r"plan\.products: expected list"),
        (lambda d: d.update(products=["nope"]), "has no product 'nope'"),
        (lambda d: d["protocol"].update(id="magic"), "unknown protocol"),
        (lambda d: d["protocol"].update(every_days=0), r"protocol\.every_days: must be from 1"),
        (lambda d: d["edits"][0].update(type="pause"), r"edits\[0\]\.type: 'pause'"),
        (lambda d: d["edits"][0].update(days=400), r"edits\[0\]\.days: must be from 1 to 365"),
        (lambda d: d["edits"][0].update(on="soon"), r"edits\[0\]\.on: 'soon' is not a date"),
        (lambda d: d["edits"][0].update(stretch_percent=99), "stretch_percent"),
        (lambda d: d.update(edits="x"), r"plan\.edits: expected list"),
    ],
)
def test_bad_plan_dicts_name_the_field(change: Any, message: str) -> None:
    d = plan_to_dict(edited_plan())
    change(d)
    with pytest.raises(PlanError, match=message):
        plan_from_dict(d)


def test_schedule_json_has_the_fields_of_issue_2() -> None:
    s = compute(plan("nardi", "3"))
    d = json.loads(json.dumps(schedule_to_dict(s, check(s))))
    assert d["drug"] == "clonazepam" and d["start"] == "2027-01-04"
    assert d["stop_date"] == "2027-03-22"
    first = d["steps"][0]
    assert (first["start"], first["days"], first["daily_mg"], first["kind"]) == (
        "2027-01-04", 14, "2.5", "taper"
    )
    assert first["doses"] == [{"time": "night", "drug": "clonazepam", "mg": "2.5", "units": [
        {"product": "clonazepam-tab-2-us", "strength_mg": "2", "count": "1"},
        {"product": "clonazepam-tab-0.5-us", "strength_mg": "0.5", "count": "1"},
    ]}]
    assert d["steps"][-1]["doses"][0]["units"][0]["count"] == "0.5"
    assert {w["code"] for w in d["warnings"]} >= {"first-cut-over-10pct"}
    assert all(w["message"] and w["source"] for w in d["warnings"])


def test_liquid_units_give_ml() -> None:
    s = compute(plan("nardi", "1", products=("clonazepam-sol-0.1",)))
    unit = schedule_to_dict(s, ())["steps"][0]["doses"][0]["units"][0]
    assert unit == {"product": "clonazepam-sol-0.1", "ml": "7.5", "mg_per_ml": "0.1"}
