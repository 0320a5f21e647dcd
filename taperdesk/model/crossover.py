"""Cross-over to diazepam: one dose of the day at a time (SPEC.md, "Cross-over to diazepam").

The Ashton Manual's method: each substitution replaces one dose of the day (the night
dose first, then midday, then morning) with its diazepam equivalent by the chosen
column of ASAM 2025 Table 7, for ``Protocol.every_days`` days each (TaperDesk default
1 week, editable); once every dose is diazepam the schedule tapers diazepam by
``Protocol.then``. The diazepam doses are rounded with error carried forward, so on
every substitution day the diazepam-equivalent total is the starting one within one
makeable step of the diazepam products.

This module holds the rules (refusals, equivalents, the substitution days); the
schedule (taperdesk.model.schedule) turns them into rows.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from taperdesk.model import sources
from taperdesk.model.catalogue import Catalogue, CatalogueError, Drug
from taperdesk.model.daily import TimedDose, day_doses
from taperdesk.model.doses import Formulary, formulary_for
from taperdesk.model.errors import PlanError
from taperdesk.model.plan import TIME_LABELS, Plan
from taperdesk.model.protocol_rules import mg_text
from taperdesk.model.protocols import CROSSOVER_DAYS, EQUIVALENCES
from taperdesk.model.record import record
from taperdesk.model.units import format_mg

DIAZEPAM = "diazepam"
SUBSTITUTION_ORDER = ("night", "midday", "morning")
"""Night dose first (SPEC.md; the Ashton Manual's schedules), then the rest of the day."""


@record
class Crossover:
    """What a cross-over schedule substitutes: shown on every substituted step."""

    from_drug: Drug
    to_drug: Drug
    to_form: Formulary
    equivalence: str
    """'ashton' or 'va-dod'."""
    source: str
    """'ASAM 2025 Table 7, Ashton column (…)'."""
    start_made_ug: int
    """The starting dose of ``from_drug`` as its products make it."""
    start_doses: tuple[TimedDose, ...]
    start_equivalent: Decimal
    """Diazepam-equivalent µg of the starting dose (exact)."""

    def equivalent(self, dose: TimedDose) -> Decimal:
        return equivalent_ug(self.from_drug if dose.drug == self.from_drug.id else self.to_drug,
                             dose.ug, self.equivalence)


@record
class Substitution:
    """One substitution step: the day's doses and the diazepam-equivalent total."""

    doses: tuple[TimedDose, ...]
    equivalent: Decimal
    replaced: str
    """The time of day replaced by this step."""
    rationale: str


def equivalent_ug(drug: Drug, dose_ug: int, column: str) -> Decimal:
    """Diazepam-equivalent µg of ``dose_ug`` of ``drug`` by a column of ASAM 2025 Table 7."""
    if drug.id == DIAZEPAM:
        return Decimal(dose_ug)
    per10 = drug.diazepam_equivalent_ug[column]
    return Decimal(dose_ug) * 10000 / Decimal(per10)


def check_crossover(plan: Plan, catalogue: Catalogue) -> None:
    """Refuse a cross-over that cannot be made, naming the drug (nothing is saved)."""
    p = plan.protocol
    drug = catalogue.drug(plan.drug)
    if drug.id == DIAZEPAM:
        raise PlanError("a cross-over to diazepam cannot start from diazepam itself: "
                        "choose a direct taper of diazepam")
    if not drug.diazepam_equivalent_ug:
        raise PlanError(f"{drug.name} has no diazepam equivalent in the catalogue: "
                        "a cross-over is not possible")
    if p.equivalence not in drug.diazepam_equivalent_ug:
        raise PlanError(f"{drug.name} has no {p.equivalence!r} diazepam equivalent "
                        f"(it has: {', '.join(sorted(drug.diazepam_equivalent_ug))})")
    if DIAZEPAM not in catalogue.drugs:
        raise PlanError("the catalogue has no diazepam products")
    dz = catalogue.drug(DIAZEPAM)
    try:
        for pid in p.then_products:
            dz.product(pid)
    except CatalogueError as exc:
        raise PlanError(f"diazepam taper: {exc}") from None


def crossover_for(plan: Plan, catalogue: Catalogue) -> Crossover:
    check_crossover(plan, catalogue)
    p = plan.protocol
    assert p.equivalence is not None
    drug = catalogue.drug(plan.drug)
    dz = catalogue.drug(DIAZEPAM)
    form = formulary_for(tuple(drug.product(i) for i in plan.products), plan.allow_quarters)
    ids = p.then_products or dz.product_sets[dz.default_product_set]
    to_form = formulary_for(tuple(dz.product(i) for i in ids), plan.allow_quarters)
    made = form.nearest(plan.start_ug)
    doses = day_doses(plan.split, plan.start_ug, form, made)
    return Crossover(drug, dz, to_form, p.equivalence, sources.TABLE7[p.equivalence], made,
                     doses, equivalent_ug(drug, made, p.equivalence))


def substitutions(x: Crossover, days: int) -> tuple[Substitution, ...]:
    """The substitution steps, one per dose of the day, night first.

    Each new diazepam dose is the makeable dose nearest to the equivalent of the doses
    replaced so far less the diazepam already given, so rounding never accumulates.
    """
    order = [t for t in SUBSTITUTION_ORDER if any(d.time == t for d in x.start_doses)]
    by_time = {d.time: d for d in x.start_doses}
    exact_replaced = Decimal(0)
    given: dict[str, int] = {}
    out = []
    for time in order:
        old = by_time[time]
        old_eq = equivalent_ug(x.from_drug, old.ug, x.equivalence)
        exact_replaced += old_eq
        want = exact_replaced - sum(given.values())
        ug = x.to_form.nearest(int(want.to_integral_value(rounding=ROUND_HALF_UP)))
        given[time] = ug
        doses = tuple(
            TimedDose(d.time, x.to_form.make(given[d.time]), DIAZEPAM) if d.time in given
            else d
            for d in x.start_doses
            if d.time not in given or given[d.time]
        )
        total = sum((x.equivalent(d) for d in doses), Decimal(0))
        why = (
            f"{TIME_LABELS[time]} {format_mg(old.ug)} mg {x.from_drug.id} replaced by "
            f"{format_mg(ug)} mg diazepam (equivalent {mg_text(old_eq)} mg, "
            f"{EQUIVALENCES[x.equivalence]} column)"
        )
        if want != old_eq:
            why += (f"; {mg_text(want)} mg with the rounding of the doses replaced before "
                    "carried over")
        if ug != want:
            why += f"; made as {format_mg(ug)} mg with the diazepam products"
        why += (f"; diazepam-equivalent total {mg_text(total)} mg/day; {days} days per dose: "
                + (sources.TAPERDESK_DEFAULT if days == CROSSOVER_DAYS else
                   f"chosen by the clinician ({sources.TAPERDESK_DEFAULT}: {CROSSOVER_DAYS})"))
        out.append(Substitution(doses, total, time, why))
    return tuple(out)
