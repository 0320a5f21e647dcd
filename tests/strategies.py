"""Hypothesis strategies for plans (shared: store tests, and model tests may reuse them).

``plans()`` draws any plan that ``compute`` accepts and a plan file can
express: every drug and product set of the shipped catalogue, every protocol
with its parameters, and holds, back-steps and pins in any order.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import assume as hypothesis_assume
from hypothesis import strategies as st

from taperdesk.model import (
    SPLITS,
    BackStep,
    CustomStep,
    Hold,
    Pin,
    Plan,
    PlanError,
    Protocol,
    compute,
)
from taperdesk.model.catalogue import Catalogue, Drug, shipped_catalogue
from taperdesk.model.doses import formulary_for
from taperdesk.model.plan import ABSURD_FACTOR, ABSURD_UNITS, validate_plan

DATES = st.dates(min_value=date(1970, 1, 1), max_value=date(2199, 12, 31))
DAYS = st.integers(min_value=1, max_value=365)
TEXT = st.text(max_size=60)
UG = st.integers(min_value=1, max_value=40_000)


def protocols() -> st.SearchStrategy[Protocol]:
    percent = st.decimals(min_value=Decimal("0.1"), max_value=Decimal("99.9"), places=1)
    custom = st.lists(st.builds(CustomStep, st.integers(0, 40_000), DAYS), min_size=1,
                      max_size=8).map(tuple)
    simple = st.one_of(
        st.just(Protocol("nardi")),
        st.builds(Protocol, st.just("percent-current"), percent, DAYS),
        st.builds(Protocol, st.just("percent-start"), percent, DAYS),
        st.just(Protocol("vissers")),
        st.builds(Protocol, st.just("fixed"), st.none(), DAYS, UG),
        st.builds(Protocol, st.just("custom"), custom_steps=custom),
    )
    crossover = st.builds(
        Protocol, st.just("diazepam-crossover"), every_days=DAYS,
        equivalence=st.sampled_from(["ashton", "va-dod"]), then=simple,
        then_products=st.sampled_from([(), ("diazepam-tab-2", "diazepam-tab-5"),
                                       ("diazepam-sol-0.4",)]),
    )
    return st.one_of(simple, crossover)


def edits() -> st.SearchStrategy[Hold | BackStep | Pin]:
    return st.one_of(
        st.builds(Hold, DATES, DAYS, st.integers(100, 400), TEXT),
        st.builds(BackStep, DATES, DAYS, TEXT),
        st.builds(Pin, st.integers(1, 2000), st.none() | st.integers(0, 40_000),
                  st.none() | DAYS),
    )


@st.composite
def plans(draw: st.DrawFn, catalogue: Catalogue | None = None, max_edits: int = 6) -> Plan:
    cat = catalogue or shipped_catalogue()
    drug = draw(st.sampled_from(sorted(cat.drugs.values(), key=lambda d: d.id)))
    ids = [p.id for p in drug.products]
    products = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=len(ids), unique=True))
    indications = [m.indication for m in drug.max_daily]
    quarters = draw(st.booleans())
    # A starting dose below the smallest the products make is refused (model/limits.py,
    # tested there): draw from that dose up, so few plans are filtered out.
    smallest = formulary_for(tuple(drug.product(i) for i in products), quarters).smallest_ug
    plan = Plan(
        drug=drug.id,
        products=tuple(products),
        start_ug=draw(st.integers(smallest, max(smallest, _most_ug(drug)))),
        split=draw(st.sampled_from(sorted(SPLITS))),
        start=draw(DATES),
        protocol=draw(protocols()),
        edits=tuple(draw(st.lists(edits(), max_size=max_edits))),
        allow_quarters=quarters,
        indication=draw(st.none() | st.sampled_from(indications or ["none"]) | TEXT),
    )
    try:
        validate_plan(plan, cat)
        compute(plan, cat)  # the one validation: refuses absurd plans (model/limits.py)
    except PlanError:
        hypothesis_assume(False)
    return plan


def _most_ug(drug: Drug) -> int:
    """The largest starting dose the model accepts as plausible for ``drug``."""
    top = max((m.ug for m in drug.max_daily), default=None)
    if top is not None:
        return ABSURD_FACTOR * top
    strongest = max((p.strength_ug for p in drug.products if not p.is_liquid), default=0)
    return ABSURD_UNITS * strongest if strongest else 40_000
