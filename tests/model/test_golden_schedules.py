"""The protocol model's reshaping changed no schedule: every plan below gives, step for
step, the JSON document the code before the reshape gave (tests/model/golden/, made
from main's code by running this file with TAPERDESK_WRITE_GOLDEN=1)."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from typing import Any

from model_helpers import ODT, SOL_01, UK, US, US_ODT, custom, plan

from taperdesk.model import Hold, Pin, check, compute, make_protocol
from taperdesk.model.plan import BackStep, Plan
from taperdesk.model.serialize import schedule_to_dict

GOLDEN = Path(__file__).parent / "golden" / "schedules.json"


def _plans() -> dict[str, Plan]:
    return {
        "nardi-3": plan("nardi", "3"),
        "nardi-1.75-uk": plan("nardi", "1.75", products=UK),
        "nardi-4-split": plan("nardi", "4", split="morning-night", products=US_ODT),
        "pc-10-14": plan(make_protocol("percent-current", percent="10", every_days=14), "2"),
        "pc-5-28-odt": plan(make_protocol("percent-current", percent="5", every_days=28), "1.5",
                            products=ODT),
        "pc-25-7-sol": plan(make_protocol("percent-current", percent="25", every_days=7), "2",
                            products=SOL_01),
        "ps-25-14": plan(make_protocol("percent-start", percent="25", every_days=14), "2"),
        "ps-10-7-3x": plan(make_protocol("percent-start", percent="10", every_days=7), "3",
                           split="three-times", products=US_ODT),
        "vissers-2": plan("vissers", "2", products=US_ODT),
        "fixed": plan(make_protocol("fixed", step_ug=250, every_days=3), "2", products=US),
        "custom": plan(custom(("1.5", 14), ("1", 14), ("0.5", 7)), "2"),
        "nardi-hold-pin-back": plan(
            "nardi", "3",
            edits=(Pin(2, 1750, None), Hold(date(2027, 1, 10), 7),
                   BackStep(date(2027, 2, 20), 7, "withdrawal")),
        ),
    }


def _documents() -> dict[str, object]:
    out: dict[str, object] = {}
    for name, p in _plans().items():
        s = compute(p)
        out[name] = _without_dose_drug(schedule_to_dict(s, tuple(check(s))))
    return json.loads(json.dumps(out))  # type: ignore[no-any-return]


def _without_dose_drug(doc: dict[str, Any]) -> dict[str, Any]:
    """Issue 14 names each dose's drug; a single-drug plan's is always the plan's drug, and
    the rest of the document is as before."""
    for step in doc["steps"]:
        for dose in step["doses"]:
            assert dose.pop("drug") == doc["drug"]
    return doc


def test_every_golden_plan_gives_the_schedule_it_gave_before() -> None:
    docs = _documents()
    if os.environ.get("TAPERDESK_WRITE_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(json.dumps(docs, indent=1, sort_keys=True), encoding="utf-8")
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert set(golden) == set(docs)
    for name in golden:
        assert docs[name] == golden[name], name
