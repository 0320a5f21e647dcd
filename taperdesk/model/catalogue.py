"""The drug and product catalogue: data shipped in resources/, extendable by the clinic.

Every fact carries its source so the program can show it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import field
from decimal import Decimal
from pathlib import Path
from typing import Any

from taperdesk.model.record import record
from taperdesk.model.units import DoseError, parse_mg
from taperdesk.resources import read_json

FORMS = ("tablet", "odt", "capsule", "solution")
SOLID_FORMS = ("tablet", "odt", "capsule")


class CatalogueError(ValueError):
    """A catalogue or clinic product file that is not valid; the message names the field."""


CODE_SYSTEMS = {
    "rxnorm": "http://www.nlm.nih.gov/research/umls/rxnorm",
    "dmd": "https://dmd.nhs.uk",
}
"""Code systems a product may carry a code in (RxNorm for US products, dm+d for UK; SPEC.md
"Interop and languages"), with their FHIR system URIs."""
NO_CODE = "no code: not verified"
"""What a product without a verified code says; exports then give the product as text only."""


@record
class ProductCode:
    """A product's code in a code system, with where it was verified (required)."""

    system: str
    """A key of ``CODE_SYSTEMS``."""
    code: str
    source: str


@record
class Product:
    id: str
    drug: str
    name: str
    form: str
    strength_ug: int = 0
    """Strength of one tablet/capsule in µg (solids)."""
    ug_per_ml: int = 0
    """Concentration in µg per mL (solutions)."""
    scored: bool = False
    """Only a scored tablet may be halved; unknown scoring counts as unscored."""
    source: str = ""
    market: str = ""
    codes: tuple[ProductCode, ...] = ()
    """Verified codes only, each with its source; none: ``NO_CODE``."""

    @property
    def code_status(self) -> str:
        if not self.codes:
            return NO_CODE
        return "; ".join(f"{c.system} {c.code} (source: {c.source})" for c in self.codes)

    @property
    def is_liquid(self) -> bool:
        return self.form == "solution"

    @property
    def splittable(self) -> bool:
        return self.form == "tablet" and self.scored


@record
class MaxDose:
    indication: str
    ug: int
    source: str


@record(eq=False)
class Drug:
    id: str
    name: str
    products: tuple[Product, ...]
    product_sets: Mapping[str, tuple[str, ...]]
    default_product_set: str
    max_daily: tuple[MaxDose, ...] = ()
    half_life: str = ""
    half_life_source: str = ""
    diazepam_equivalent_ug: Mapping[str, int] = field(default_factory=dict)

    def product(self, product_id: str) -> Product:
        for p in self.products:
            if p.id == product_id:
                return p
        raise CatalogueError(f"{self.name} has no product {product_id!r}")

    def resolve_products(self, spec: str | None) -> tuple[str, ...]:
        """A product set name or comma-separated product ids -> product ids.

        ``None`` gives the drug's default set.
        """
        if spec is None or not spec.strip():
            return self.product_sets[self.default_product_set]
        if spec in self.product_sets:
            return self.product_sets[spec]
        ids = tuple(s.strip() for s in spec.split(",") if s.strip())
        known = {p.id for p in self.products}
        for pid in ids:
            if pid not in known:
                sets = ", ".join(sorted(self.product_sets))
                raise CatalogueError(
                    f"unknown product or product set {pid!r} for {self.id} (sets: {sets})"
                )
        if not ids:
            raise CatalogueError("no products given")
        return ids

    def max_daily_for(self, indication: str | None) -> MaxDose | None:
        """The maximum daily dose for an indication, else the highest listed one."""
        if not self.max_daily:
            return None
        if indication:
            for m in self.max_daily:
                if m.indication == indication:
                    return m
        return max(self.max_daily, key=lambda m: m.ug)


@record(eq=False)
class Catalogue:
    """All drugs; compared and hashed by identity so schedules can be cached per catalogue."""

    drugs: Mapping[str, Drug]
    equivalence_sources: Mapping[str, str]

    def drug(self, drug_id: str) -> Drug:
        try:
            return self.drugs[drug_id]
        except KeyError:
            known = ", ".join(sorted(self.drugs))
            raise CatalogueError(f"unknown drug {drug_id!r} (known: {known})") from None

    def product(self, product_id: str) -> Product:
        for drug in self.drugs.values():
            for p in drug.products:
                if p.id == product_id:
                    return p
        raise CatalogueError(f"unknown product {product_id!r}")


def _need(obj: Mapping[str, Any], key: str, kind: type, where: str) -> Any:
    if key not in obj:
        raise CatalogueError(f"{where}: missing field {key!r}")
    value = obj[key]
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        raise CatalogueError(f"{where}.{key}: expected {kind.__name__}")
    return value


def _mg(obj: Mapping[str, Any], key: str, where: str) -> int:
    raw = _need(obj, key, str, where)
    try:
        ug = parse_mg(raw, what=f"{where}.{key}")
    except DoseError as exc:
        raise CatalogueError(str(exc)) from None
    if ug <= 0:
        raise CatalogueError(f"{where}.{key}: must be more than 0")
    return ug


def _product(raw: Any, drug_id: str, where: str) -> Product:
    if not isinstance(raw, dict):
        raise CatalogueError(f"{where}: expected an object")
    pid = _need(raw, "id", str, where)
    form = _need(raw, "form", str, where)
    if form not in FORMS:
        raise CatalogueError(f"{where}.form: {form!r} is not one of {', '.join(FORMS)}")
    scored = raw.get("scored")
    if scored is not None and not isinstance(scored, bool):
        raise CatalogueError(f"{where}.scored: expected true, false or null")
    if form == "solution":
        ug_per_ml = _mg(raw, "mg_per_ml", where)
        if ug_per_ml % 10:
            raise CatalogueError(f"{where}.mg_per_ml: must be a whole number of µg per 0.1 mL")
        strength = 0
    else:
        strength = _mg(raw, "strength_mg", where)
        ug_per_ml = 0
    return Product(
        id=pid,
        drug=drug_id,
        name=str(raw.get("name") or pid),
        form=form,
        strength_ug=strength,
        ug_per_ml=ug_per_ml,
        scored=bool(scored) and form == "tablet",
        source=str(raw.get("source", "")),
        market=str(raw.get("market", "")),
        codes=_codes(raw.get("codes"), f"{where}.codes"),
    )


def _codes(raw: Any, where: str) -> tuple[ProductCode, ...]:
    """A product's verified codes: each names its system, code and source, or is refused."""
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise CatalogueError(f"{where}: expected a list of codes")
    out = []
    for i, c in enumerate(raw):
        at = f"{where}[{i}]"
        if not isinstance(c, dict):
            raise CatalogueError(f"{at}: expected an object")
        system = _need(c, "system", str, at)
        if system not in CODE_SYSTEMS:
            raise CatalogueError(f"{at}.system: {system!r} is not one of "
                                 f"{', '.join(CODE_SYSTEMS)}")
        code = _need(c, "code", str, at).strip()
        if not code.isdigit():
            raise CatalogueError(f"{at}.code: {code!r} is not a number")
        source = _need(c, "source", str, at).strip()
        if not source:
            raise CatalogueError(f"{at}.source: say where the code was verified")
        out.append(ProductCode(system, code, source))
    return tuple(out)


def _drug(raw: Any, where: str) -> Drug:
    if not isinstance(raw, dict):
        raise CatalogueError(f"{where}: expected an object")
    did = _need(raw, "id", str, where)
    products = tuple(
        _product(p, did, f"{where}.products[{i}]")
        for i, p in enumerate(_need(raw, "products", list, where))
    )
    ids = [p.id for p in products]
    if len(set(ids)) != len(ids):
        raise CatalogueError(f"{where}.products: product ids repeat")
    sets: dict[str, tuple[str, ...]] = {}
    for name, members in _need(raw, "product_sets", dict, where).items():
        if not isinstance(members, list) or not members:
            raise CatalogueError(f"{where}.product_sets.{name}: expected a list of product ids")
        for m in members:
            if m not in ids:
                raise CatalogueError(f"{where}.product_sets.{name}: unknown product {m!r}")
        sets[name] = tuple(members)
    default = _need(raw, "default_product_set", str, where)
    if default not in sets:
        raise CatalogueError(f"{where}.default_product_set: {default!r} is not a product set")
    max_daily = tuple(
        MaxDose(
            indication=_need(m, "indication", str, f"{where}.max_daily[{i}]"),
            ug=_mg(m, "mg", f"{where}.max_daily[{i}]"),
            source=str(m.get("source", "")),
        )
        for i, m in enumerate(raw.get("max_daily") or [])
    )
    half = raw.get("half_life") or {}
    equiv = {
        k: parse_mg(v, what=f"{where}.diazepam_10mg_equivalent.{k}")
        for k, v in (raw.get("diazepam_10mg_equivalent") or {}).items()
    }
    return Drug(
        id=did,
        name=str(raw.get("name") or did),
        products=products,
        product_sets=sets,
        default_product_set=default,
        max_daily=max_daily,
        half_life=str(half.get("text", "")),
        half_life_source=str(half.get("source", "")),
        diazepam_equivalent_ug=equiv,
    )


def parse_catalogue(data: Any) -> Catalogue:
    if not isinstance(data, dict) or data.get("format") != "taperdesk-catalogue":
        raise CatalogueError("not a TaperDesk catalogue (format must be 'taperdesk-catalogue')")
    drugs = {}
    for i, raw in enumerate(_need(data, "drugs", list, "catalogue")):
        d = _drug(raw, f"drugs[{i}]")
        drugs[d.id] = d
    return Catalogue(drugs=drugs, equivalence_sources=dict(data.get("equivalence_sources", {})))


def merge_clinic_products(base: Catalogue, data: Any, origin: str = "clinic file") -> Catalogue:
    """Add a clinic's own products (and product sets) to the shipped catalogue.

    The file looks like ``{"format": "taperdesk-clinic-products", "version": 1,
    "products": [{"drug": "clonazepam", "id": ..., "form": ..., ...}],
    "product_sets": {"clonazepam": {"my-set": [ids]}}}``.
    """
    if not isinstance(data, dict) or data.get("format") != "taperdesk-clinic-products":
        raise CatalogueError(f"{origin}: format must be 'taperdesk-clinic-products'")
    if data.get("version") != 1:
        raise CatalogueError(f"{origin}: version must be 1")
    new_products: dict[str, list[Product]] = {}
    for i, raw in enumerate(_need(data, "products", list, origin)):
        where = f"{origin}: products[{i}]"
        if not isinstance(raw, dict):
            raise CatalogueError(f"{where}: expected an object")
        drug_id = _need(raw, "drug", str, where)
        if drug_id not in base.drugs:
            raise CatalogueError(f"{where}.drug: unknown drug {drug_id!r}")
        p = _product(raw, drug_id, where)
        known = {q.id for q in base.drugs[drug_id].products} | {
            q.id for q in new_products.get(drug_id, [])
        }
        if p.id in known:
            raise CatalogueError(f"{where}.id: product {p.id!r} already exists")
        new_products.setdefault(drug_id, []).append(p)
    drugs = dict(base.drugs)
    extra_sets = data.get("product_sets") or {}
    if not isinstance(extra_sets, dict):
        raise CatalogueError(f"{origin}: product_sets must be an object")
    for drug_id in set(new_products) | set(extra_sets):
        if drug_id not in drugs:
            raise CatalogueError(f"{origin}: product_sets: unknown drug {drug_id!r}")
        d = drugs[drug_id]
        products = d.products + tuple(new_products.get(drug_id, []))
        ids = {p.id for p in products}
        sets = dict(d.product_sets)
        raw_sets = extra_sets.get(drug_id, {})
        if not isinstance(raw_sets, dict):
            raise CatalogueError(f"{origin}: product_sets.{drug_id} must be an object")
        for name, members in raw_sets.items():
            if not isinstance(members, list) or not members:
                raise CatalogueError(f"{origin}: product_sets.{drug_id}.{name}: expected a list")
            for m in members:
                if m not in ids:
                    raise CatalogueError(
                        f"{origin}: product_sets.{drug_id}.{name}: unknown product {m!r}"
                    )
            sets[name] = tuple(members)
        drugs[drug_id] = Drug(
            id=d.id,
            name=d.name,
            products=products,
            product_sets=sets,
            default_product_set=d.default_product_set,
            max_daily=d.max_daily,
            half_life=d.half_life,
            half_life_source=d.half_life_source,
            diazepam_equivalent_ug=d.diazepam_equivalent_ug,
        )
    return Catalogue(drugs=drugs, equivalence_sources=base.equivalence_sources)


_SHIPPED: Catalogue | None = None


def shipped_catalogue() -> Catalogue:
    """The catalogue shipped in resources/drugs.json (read once)."""
    global _SHIPPED
    if _SHIPPED is None:
        _SHIPPED = parse_catalogue(read_json("drugs.json"))
    return _SHIPPED


def load_catalogue(clinic_file: Path | None = None) -> Catalogue:
    """The shipped catalogue plus, if given and present, the clinic's own products file."""
    base = shipped_catalogue()
    if clinic_file is None or not clinic_file.exists():
        return base
    try:
        data = json.loads(clinic_file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CatalogueError(f"{clinic_file}: cannot be read as JSON ({exc})") from None
    return merge_clinic_products(base, data, origin=str(clinic_file))


def diazepam_equivalent_ug(drug: Drug, dose_ug: int, source: str) -> Decimal:
    """Diazepam-equivalent µg of a dose, by the chosen column of ASAM 2025 Table 7."""
    per10 = drug.diazepam_equivalent_ug.get(source)
    if not per10:
        raise CatalogueError(f"no diazepam equivalent for {drug.id} in source {source!r}")
    return Decimal(dose_ug) * 10000 / Decimal(per10)
