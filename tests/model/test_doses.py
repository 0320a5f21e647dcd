"""How a dose is made of real products (SPEC.md, "Drugs and products")."""

from __future__ import annotations

from decimal import Decimal

import pytest
from model_helpers import ODT, SOL_01, SOL_04, UK, US, US_ODT, formulary

from taperdesk.model import DoseError, format_mg, parse_mg
from taperdesk.model.doses import Formulary
from taperdesk.model.units import format_count


def units(f: Formulary, ug: int) -> list[tuple[str, str]]:
    """(product id, count or mL) of the dose as made."""
    return [
        (u.product.id, f"{u.ml} mL" if u.product.is_liquid else str(u.count))
        for u in f.make(ug).units
    ]


def test_fewest_units_3_mg_is_a_2_mg_and_a_1_mg_tablet() -> None:
    f = formulary(*US)
    assert units(f, 3000) == [("clonazepam-tab-2-us", "1"), ("clonazepam-tab-1-us", "1")]
    assert units(f, 4000) == [("clonazepam-tab-2-us", "2")]
    assert units(f, 1500) == [("clonazepam-tab-1-us", "1"), ("clonazepam-tab-0.5-us", "1")]


def test_whole_tablets_first_when_the_count_ties() -> None:
    # 0.75 mg: 0.5 + 0.25 dispersible (2 whole units) beats 1½ x 0.5 (2 units, one split).
    f = formulary(*US_ODT)
    assert units(f, 750) == [("clonazepam-tab-0.5-us", "1"), ("clonazepam-odt-0.25", "1")]
    # Without the 0.25 mg tablet the half is the only way.
    assert units(formulary(*US), 750) == [("clonazepam-tab-0.5-us", "1.5")]


def test_only_scored_tablets_are_halved() -> None:
    # The US 1 mg and 2 mg tablets are not scored: 0.5 mg is one 0.5 mg tablet, never ½ x 1.
    f = formulary("clonazepam-tab-1-us", "clonazepam-tab-2-us")
    assert not f.is_makeable(500)
    assert f.smallest_ug == 1000
    # The UK 2 mg tablet's scoring is unknown, so it counts as unscored: 1 mg = 2 x 0.5.
    uk = formulary(*UK)
    assert units(uk, 1000) == [("clonazepam-tab-0.5-uk", "2")]
    assert units(uk, 250) == [("clonazepam-tab-0.5-uk", "0.5")]


def test_dispersible_tablets_are_never_split() -> None:
    f = formulary(*ODT)
    assert f.smallest_ug == 125
    assert not f.is_makeable(62)
    made = f.make(60)
    assert made.ug == 125 and not made.exact  # rounded up, never to nothing
    assert all(u.count == int(u.count) for u in f.make(875).units)


def test_liquid_is_measured_to_a_tenth_of_a_ml() -> None:
    f = formulary(*SOL_01)  # 0.5 mg/5 mL = 0.1 mg/mL: 0.1 mL is 10 µg
    assert units(f, 250) == [("clonazepam-sol-0.1", "2.5 mL")]
    assert units(f, 1230) == [("clonazepam-sol-0.1", "12.3 mL")]
    made = f.make(255)  # 2.55 mL cannot be measured; 2.5 and 2.6 tie: the higher
    assert made.ug == 260 and not made.exact
    strong = formulary(*SOL_04)  # 2 mg/5 mL: 0.1 mL is 40 µg
    assert units(strong, 1000) == [("clonazepam-sol-0.4", "2.5 mL")]
    assert strong.make(1010).ug == 1000


def test_quarters_only_when_the_clinic_allows() -> None:
    assert formulary(*US).make(125).ug == 250
    f = formulary(*US, quarters=True)
    assert units(f, 125) == [("clonazepam-tab-0.5-us", "0.25")]
    assert units(f, 375) == [("clonazepam-tab-0.5-us", "0.75")]


def test_rounding_goes_to_the_nearest_and_ties_to_the_higher_dose() -> None:
    f = formulary(*US)  # makes every multiple of 0.25 mg
    assert f.nearest(1100) == 1000
    assert f.nearest(1200) == 1250
    assert f.nearest(1125) == 1250  # a tie: the gentler, higher dose
    assert f.nearest(375) == 500
    assert f.nearest(100) == 250  # a dose above 0 never rounds to nothing
    assert f.nearest(0) == 0


def test_a_dose_that_cannot_be_made_is_flagged() -> None:
    f = formulary(*US)
    made = f.make(1100)
    assert (made.requested_ug, made.ug, made.exact) == (1100, 1000, False)
    assert f.make(1000).exact


def test_nearest_below_is_strictly_below_the_ceiling() -> None:
    f = formulary(*US)
    assert f.nearest_below(Decimal(1350), 1500) == 1250
    assert f.nearest_below(Decimal(1375), 1500) == 1250
    assert f.nearest_below(Decimal(1125), 1500) == 1250  # tie between 1000 and 1250
    assert f.nearest_below(Decimal(200), 250) is None


def test_units_add_up_to_the_dose() -> None:
    for products in (US, US_ODT, UK, ODT, SOL_01, SOL_04, US + SOL_01):
        f = formulary(*products)
        for dose in f.makeable(6000):
            made = f.make(dose)
            assert made.exact and sum(u.ug for u in made.units) == dose


def test_mixed_tablets_and_solution_prefer_tablets() -> None:
    f = formulary(*(US + SOL_01))
    assert units(f, 500) == [("clonazepam-tab-0.5-us", "1")]
    assert units(f, 300) == [("clonazepam-sol-0.1", "3.0 mL")]


@pytest.mark.parametrize(
    ("text", "ug"), [("3", 3000), ("0.75", 750), ("0.125", 125), (" 2 ", 2000), ("0", 0)]
)
def test_parse_mg_is_exact(text: str, ug: int) -> None:
    assert parse_mg(text) == ug


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("-1", "negative"),
        ("abc", "not a number"),
        ("nan", "not a number"),
        ("inf", "not a number"),
        ("0.0001", "finer than 1 microgram"),
        ("1e999999999", "too large"),
        (0.5, "not float"),
    ],
)
def test_parse_mg_refuses_bad_input(value: object, message: str) -> None:
    with pytest.raises(DoseError, match=message):
        parse_mg(value)  # type: ignore[arg-type]


def test_format_mg_and_counts() -> None:
    assert [format_mg(u) for u in (750, 3000, 125, 20000, 10)] == [
        "0.75", "3", "0.125", "20", "0.01"
    ]
    assert [format_count(Decimal(c)) for c in ("1.5", "0.5", "2", "0.25")] == [
        "1½", "½", "2", "¼"
    ]
