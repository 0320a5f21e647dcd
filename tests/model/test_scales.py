"""Scales as data: CIWA-B and the seed checklist, scoring, bands, red flags, hold suggestion."""

from __future__ import annotations

from datetime import date

import pytest

from taperdesk.model.scales import (
    DEFAULT_HOLD_DAYS,
    Assessment,
    ScaleError,
    make_assessment,
    parse_scale,
    red_flags,
    scale,
    score,
    suggest_hold,
)
from taperdesk.resources import read_json

CIWA = scale("ciwa-b")
CHECK = scale("checklist")


def all_items(sc: object, value: int) -> dict[str, int]:
    return {i.id: value for i in sc.items}  # type: ignore[attr-defined]


def ciwa(on: date, total: int, flags: tuple[str, ...] = ()) -> Assessment:
    """A CIWA-B assessment whose items add up to ``total`` (4s first)."""
    scores = {}
    for item in CIWA.items:
        scores[item.id] = min(4, total)
        total -= scores[item.id]
    return make_assessment(CIWA, on, scores, flags)


def test_ciwa_b_has_20_items_0_to_4_and_totals_0_to_80() -> None:
    assert len(CIWA.items) == 20
    assert all((i.min, i.max) == (0, 4) for i in CIWA.items)
    assert sum(i.rated_by == "patient" for i in CIWA.items) == 17
    assert [i.id for i in CIWA.items if i.rated_by == "observer"] == [
        "sweating-restlessness-or-agitation", "tremor", "palm-perspiration"
    ]
    assert CIWA.max_total == 80
    assert "Busto" in CIWA.source
    assert score(CIWA, make_assessment(CIWA, date(2027, 1, 1), all_items(CIWA, 4))).total == 80


@pytest.mark.parametrize(
    ("total", "band"),
    [(0, "none"), (1, "mild"), (20, "mild"), (21, "moderate"), (40, "moderate"),
     (41, "severe"), (60, "severe"), (61, "very severe"), (80, "very severe")],
)
def test_ciwa_b_default_bands(total: int, band: str) -> None:
    assert score(CIWA, ciwa(date(2027, 1, 1), total)).band.label == band


def test_checklist_has_the_seed_symptoms_each_0_to_3() -> None:
    labels = " ".join(i.label.lower() for i in CHECK.items)
    for word in ("anxiety", "insomnia", "tremor", "sweating", "palpitations", "headache",
                 "nausea", "muscle", "irritability", "concentration", "perceptual"):
        assert word in labels
    assert len(CHECK.items) == 11 and all(i.max == 3 for i in CHECK.items)
    assert CHECK.max_total == 33


def test_red_flags_make_an_assessment_urgent_whatever_the_scale() -> None:
    assert {f.id for f in red_flags()} == {"seizure", "confusion", "hallucinations", "suicidal"}
    calm = make_assessment(CHECK, date(2027, 1, 1), all_items(CHECK, 0), ["suicidal"])
    scored = score(CHECK, calm)
    assert scored.urgent and [f.id for f in scored.red_flags] == ["suicidal"]
    assert not score(CIWA, ciwa(date(2027, 1, 1), 30)).urgent


def test_bad_assessments_name_the_item() -> None:
    scores = all_items(CIWA, 1)
    with pytest.raises(ScaleError, match="Tremor: score must be 0–4, not 5"):
        make_assessment(CIWA, date(2027, 1, 1), {**scores, "tremor": 5})
    del scores["fatigue"]
    with pytest.raises(ScaleError, match="Fatigue: no score given"):
        make_assessment(CIWA, date(2027, 1, 1), scores)
    with pytest.raises(ScaleError, match="no item 'mood'"):
        make_assessment(CIWA, date(2027, 1, 1), {**all_items(CIWA, 0), "mood": 1})
    with pytest.raises(ScaleError, match="unknown red flag"):
        make_assessment(CIWA, date(2027, 1, 1), all_items(CIWA, 0), ["fainting"])
    with pytest.raises(ScaleError, match="whole number"):
        make_assessment(CIWA, date(2027, 1, 1), {**all_items(CIWA, 0), "tremor": True})


def test_hold_suggested_when_the_moderate_band_is_reached() -> None:
    assert suggest_hold(CIWA, [], ciwa(date(2027, 2, 1), 20)) is None
    s = suggest_hold(CIWA, [], ciwa(date(2027, 2, 1), 21))
    assert s is not None and s.on == date(2027, 2, 1) and s.days == DEFAULT_HOLD_DAYS == 14
    assert "moderate" in s.reason and "Nardi protocol" in s.source and "ASAM" in s.source


def test_hold_suggested_on_a_rise_over_baseline() -> None:
    base = ciwa(date(2027, 1, 1), 3)
    assert suggest_hold(CIWA, [base], ciwa(date(2027, 1, 15), 12)) is None  # rise of 9
    s = suggest_hold(CIWA, [base, ciwa(date(2027, 1, 8), 12)], ciwa(date(2027, 1, 15), 13))
    assert s is not None and "rose 10 points over the baseline of 3" in s.reason
    # Thresholds are editable: a rise of 5 or the severe band.
    assert suggest_hold(CIWA, [base], ciwa(date(2027, 1, 15), 8), rise_points=5) is not None
    assert suggest_hold(CIWA, [], ciwa(date(2027, 1, 15), 30), hold_band="severe") is None


def test_scale_files_are_validated() -> None:
    data = read_json("scales/ciwa-b.json")
    assert parse_scale(data).id == "ciwa-b"
    with pytest.raises(ScaleError, match="not a TaperDesk scale"):
        parse_scale({**data, "format": "other"})
    with pytest.raises(ScaleError, match="without gaps"):
        parse_scale({**data, "bands": data["bands"][:-1]})
    with pytest.raises(ScaleError, match="no band"):
        parse_scale({**data, "hold_band": "extreme"})
    with pytest.raises(ScaleError, match="missing or bad field"):
        parse_scale({k: v for k, v in data.items() if k != "items"})
