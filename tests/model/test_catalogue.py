"""The drug catalogue and the clinic's own products file (each bad field named)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from model_helpers import US

from taperdesk.model import CatalogueError, load_catalogue
from taperdesk.model.catalogue import (
    diazepam_equivalent_ug,
    merge_clinic_products,
    shipped_catalogue,
)

CAT = shipped_catalogue()


def clinic(products: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return {"format": "taperdesk-clinic-products", "version": 1, "products": products, **extra}


GOOD = {"drug": "clonazepam", "id": "clz-0.25-local", "name": "Local 0.25 mg tablet",
        "form": "tablet", "strength_mg": "0.25", "scored": True}


def test_shipped_clonazepam_products_and_facts() -> None:
    clz = CAT.drug("clonazepam")
    assert clz.resolve_products(None) == US
    assert clz.product("clonazepam-tab-0.5-us").splittable
    assert not clz.product("clonazepam-tab-1-us").splittable
    assert not clz.product("clonazepam-tab-2-uk").scored  # unknown scoring: unscored
    assert not clz.product("clonazepam-odt-0.5").splittable
    assert clz.product("clonazepam-sol-0.1").ug_per_ml == 100
    assert {m.indication: m.ug for m in clz.max_daily} == {"seizures": 20000, "panic": 4000}
    assert clz.max_daily_for(None).ug == 20000  # type: ignore[union-attr]
    assert "30–40 h" in clz.half_life


def test_diazepam_equivalents_both_columns() -> None:
    clz = CAT.drug("clonazepam")
    assert diazepam_equivalent_ug(clz, 1000, "ashton") == Decimal(20000)
    assert diazepam_equivalent_ug(clz, 1000, "va-dod") == Decimal(10000)
    with pytest.raises(CatalogueError, match="no diazepam equivalent"):
        diazepam_equivalent_ug(clz, 1000, "bnf")


def test_a_clinic_file_adds_products_and_sets(tmp_path: Path) -> None:
    f = tmp_path / "clinic.json"
    f.write_text(json.dumps(clinic(
        [GOOD], product_sets={"clonazepam": {"local": ["clz-0.25-local", "clonazepam-tab-1-us"]}}
    )), encoding="utf-8")
    cat = load_catalogue(f)
    clz = cat.drug("clonazepam")
    assert clz.product("clz-0.25-local").strength_ug == 250
    assert clz.resolve_products("local") == ("clz-0.25-local", "clonazepam-tab-1-us")
    assert load_catalogue(None) is CAT and load_catalogue(tmp_path / "absent.json") is CAT


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"format": "x", "version": 1, "products": []}, "format must be"),
        ({**clinic([]), "version": 2}, "version must be 1"),
        ({"format": "taperdesk-clinic-products", "version": 1}, "missing field 'products'"),
        (clinic([{**GOOD, "drug": "xanadu"}]), r"products\[0\]\.drug: unknown drug"),
        (clinic([{k: v for k, v in GOOD.items() if k != "id"}]), "missing field 'id'"),
        (clinic([{**GOOD, "form": "patch"}]), r"products\[0\]\.form: 'patch' is not one of"),
        (clinic([{k: v for k, v in GOOD.items() if k != "strength_mg"}]),
         "missing field 'strength_mg'"),
        (clinic([{**GOOD, "strength_mg": "-1"}]), "strength_mg cannot be negative"),
        (clinic([{**GOOD, "strength_mg": "0"}]), "strength_mg: must be more than 0"),
        (clinic([{**GOOD, "strength_mg": 0.25}]), "strength_mg: expected str"),
        (clinic([{**GOOD, "scored": "yes"}]), "scored: expected true, false or null"),
        (clinic([{**GOOD, "form": "solution", "mg_per_ml": "0.105"}]),
         "mg_per_ml: must be a whole number"),
        (clinic([{**GOOD, "id": "clonazepam-tab-1-us"}]), "already exists"),
        (clinic([GOOD, GOOD]), r"products\[1\]\.id: product 'clz-0.25-local' already exists"),
        (clinic([GOOD], product_sets={"clonazepam": {"s": ["nope"]}}), "unknown product 'nope'"),
        (clinic([GOOD], product_sets={"xanadu": {"s": ["x"]}}), "unknown drug 'xanadu'"),
        (clinic([GOOD], product_sets={"clonazepam": {"s": []}}), "expected a list"),
        (clinic(["not an object"]), r"products\[0\]: expected an object"),
    ],
)
def test_bad_clinic_files_name_the_field(data: dict[str, Any], message: str) -> None:
    with pytest.raises(CatalogueError, match=message):
        merge_clinic_products(CAT, data, origin="clinic.json")


def test_a_clinic_file_that_is_not_json_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "clinic.json"
    f.write_text("{not json", encoding="utf-8")
    with pytest.raises(CatalogueError, match="cannot be read as JSON"):
        load_catalogue(f)


def test_unknown_drug_and_product_names() -> None:
    with pytest.raises(CatalogueError, match="unknown drug 'xanax'"):
        CAT.drug("xanax")
    with pytest.raises(CatalogueError, match="unknown product or product set 'big'"):
        CAT.drug("clonazepam").resolve_products("big")
