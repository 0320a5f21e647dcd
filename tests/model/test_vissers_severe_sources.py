"""Issue 11, rules 5-7: the Vissers protocol, severe warnings, sources that are
publications (worked examples from 4 January 2027 with US tablets, as docs/MODEL.md)."""

from __future__ import annotations

from datetime import date

from model_helpers import plan, table

from taperdesk.model import PROTOCOLS, check, compute, unacknowledged_severe
from taperdesk.model import sources as src
from taperdesk.model.catalogue import shipped_catalogue
from taperdesk.model.guardrails import RULES
from taperdesk.model.scales import red_flag_source, shipped_scales
from taperdesk.resources import names, read_text

# -- 5. Vissers ---------------------------------------------------------------------


def test_vissers_from_2_mg_is_75_50_25_12_5_percent_two_weeks_each() -> None:
    s = compute(plan("vissers", "2"))
    assert table(s) == [
        ("2027-01-04", 14, "1.5", "taper"), ("2027-01-18", 14, "1", "taper"),
        ("2027-02-01", 14, "0.5", "taper"), ("2027-02-15", 14, "0.25", "taper"),
    ]
    assert s.stop_date == date(2027, 3, 1)
    assert s.steps[0].source == PROTOCOLS["vissers"].source == (
        "Vissers 2007, as tabulated by Pottie et al. 2018 (deprescribing.org)")


def test_vissers_rounds_each_dose_to_one_the_products_make_and_flags_it() -> None:
    s = compute(plan("vissers", "3"))  # 2.25, 1.5, 0.75, 0.375 -> 0.5 (ties to the higher)
    assert [r[2] for r in table(s)] == ["2.25", "1.5", "0.75", "0.5"]
    assert "0.375 mg asked for, rounded to 0.5 mg" in s.steps[3].rationale
    flagged = [w for w in check(s) if w.code == "dose-not-makeable"]
    assert [w.rows for w in flagged] == [(3,)]


def test_percent_start_no_longer_cites_vissers() -> None:
    assert PROTOCOLS["percent-start"].source == (
        "Pottie et al. 2018 (deprescribing.org) evidence table")
    assert "Vissers" not in compute(plan("percent-start", "3")).steps[0].source


# -- 6. above the maximum is severe ---------------------------------------------------


def test_above_the_maximum_is_severe_and_listed_first() -> None:
    warnings = check(compute(plan("nardi", "45")), opioid=True)  # 20 mg/day maximum
    assert warnings[0].code == "over-max-daily-dose" and warnings[0].severity == "severe"
    assert warnings[1].severity == "alert"  # the opioid alert next
    order = ["severe", "alert", "warning", "advisory"]
    assert [order.index(w.severity) for w in warnings] == sorted(
        order.index(w.severity) for w in warnings)
    assert unacknowledged_severe(warnings, ()) == (warnings[0],)
    assert unacknowledged_severe(warnings, [warnings[0].key]) == ()
    assert unacknowledged_severe(check(compute(plan("nardi", "3"))), ()) == ()


# -- 7. sources are publications ------------------------------------------------------


def _resource_texts() -> list[str]:
    shipped = ["drugs.json", "red_flags.json"] + [
        n for n in names("scales") if n.endswith(".json")]
    return [read_text(n) for n in shipped]


def test_no_source_a_user_sees_mentions_the_seed_articles() -> None:
    shown = list(src.ALL) + [r[2] for r in RULES.values()]
    shown += [p.source for p in PROTOCOLS.values()]
    for sc in shipped_scales().values():
        shown += [sc.source, sc.full_name, sc.bands_source, sc.rise_source]
    shown.append(red_flag_source())
    for drug in shipped_catalogue().drugs.values():
        shown += [p.source for p in drug.products] + [m.source for m in drug.max_daily]
    shown += _resource_texts()
    assert len(shown) > 40
    for text in shown:
        assert "seed" not in text.lower(), text


def test_the_rules_cite_the_publications_spec_names() -> None:
    assert RULES["longer-than-6-months"][2].startswith(
        'Ashton H, "The treatment of benzodiazepine dependence", Addiction 1994')
    from taperdesk.model.scales import HOLD_SOURCE
    from taperdesk.model.schedule import HOLD_SOURCE as ROW_SOURCE

    assert HOLD_SOURCE == ROW_SOURCE == src.HOLD
    assert "Nardi protocol" in src.HOLD and "ASAM" in src.HOLD
    assert "US clonazepam (Klonopin) label" in red_flag_source()
    checklist = shipped_scales()["checklist"]
    assert checklist.source == "US clonazepam (Klonopin) label: withdrawal symptoms"


def test_vissers_after_a_lower_pinned_step_never_goes_back_up() -> None:
    from taperdesk.model import set_step_dose

    s = compute(set_step_dose(plan("vissers", "2"), 0, 750))  # step 1 pinned at 0.75 mg
    assert [r[2] for r in table(s)] == ["0.75", "0.75", "0.5", "0.25"]
    assert "kept at the 0.75 mg set before it" in s.steps[1].rationale
    assert not [w for w in check(s) if w.code == "dose-rise"]
