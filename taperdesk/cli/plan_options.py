"""Options that describe a plan, shared by `taperdesk plan` and `taperdesk handout`."""

from __future__ import annotations

import argparse
from datetime import UTC, date, datetime
from pathlib import Path

from taperdesk.model import (
    PROTOCOLS,
    SPLITS,
    CatalogueError,
    CustomStep,
    DoseError,
    Hold,
    Plan,
    PlanError,
    ProtocolId,
    holds_by_date,
    insert_hold,
    load_catalogue,
    make_protocol,
    parse_mg,
)
from taperdesk.model.catalogue import Catalogue
from taperdesk.model.guardrails import PlanWarning, unacknowledged_severe
from taperdesk.model.protocols import CROSSOVER_DAYS, EQUIVALENCES, Protocol
from taperdesk.model.schedule import Schedule, compute

EXAMPLE = "taperdesk plan --drug clonazepam --dose 3 --protocol nardi --start 2027-01-04"


def add_plan_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("the plan (or --from a plan file)")
    g.add_argument("--from", dest="from_file", metavar="FILE", type=Path,
                   help="read the plan from a plan file (e.g. plan.taper.json)")
    g.add_argument("--drug", default="clonazepam",
                   help="drug id, e.g. clonazepam or diazepam (default: clonazepam)")
    g.add_argument("--dose", metavar="MG",
                   help="current daily dose in mg, e.g. 3 or 0.75 (required without --from)")
    g.add_argument("--protocol", choices=list(PROTOCOLS), default=ProtocolId.NARDI,
                   help="taper protocol, e.g. --protocol percent-current (default: nardi)")
    g.add_argument("--start", metavar="YYYY-MM-DD",
                   help="first day of the first reduced dose, e.g. 2027-01-04 (default: today)")
    g.add_argument("--products", metavar="NAME",
                   help="product set (e.g. us-tablets, uk-tablets, us-tablets-odt, "
                        "solution-0.5mg-5ml) or comma-separated product ids; default: the "
                        "drug's default set")
    g.add_argument("--split", choices=list(SPLITS), default="night",
                   help="how the daily dose is split over the day, e.g. --split morning-night "
                        "(default: night)")
    g.add_argument("--percent", metavar="P",
                   help="percent-current / percent-start: cut P %% (e.g. 10)")
    g.add_argument("--every", metavar="DAYS", type=int,
                   help="percent-current / percent-start / fixed: days between cuts (e.g. 14)")
    g.add_argument("--step-mg", metavar="X", help="fixed: cut X mg/day each time (e.g. 0.25)")
    g.add_argument("--step", dest="custom_steps", metavar="MG:DAYS", action="append",
                   default=[],
                   help="custom: one step of MG mg/day for DAYS days, in order; repeatable "
                        "(e.g. --step 2.5:14 --step 2:14)")
    x = p.add_argument_group(
        "cross-over to diazepam (--protocol diazepam-crossover; --percent, --every, "
        "--step-mg and --step then describe the diazepam taper)")
    x.add_argument("--equivalence", choices=list(EQUIVALENCES), default="ashton",
                   help="column of ASAM 2025 Table 7 for the diazepam equivalent "
                        "(default: ashton)")
    x.add_argument("--then", dest="then_protocol", metavar="PROTOCOL",
                   choices=[pid for pid, info in PROTOCOLS.items() if not info.substitutes],
                   default=ProtocolId.PERCENT_CURRENT,
                   help="protocol that tapers diazepam once every dose is diazepam "
                        "(default: percent-current)")
    x.add_argument("--swap-days", metavar="DAYS", type=int,
                   help=f"days on each substitution before the next dose is replaced "
                        f"(TaperDesk default, editable: {CROSSOVER_DAYS})")
    x.add_argument("--then-products", metavar="NAME",
                   help="diazepam product set (tablets, solution-2mg-5ml) or comma-separated "
                        "product ids (default: tablets 2, 5 and 10 mg)")
    g.add_argument("--hold", metavar="YYYY-MM-DD:DAYS", action="append", default=[],
                   help="insert a hold on that date for that many days; repeatable "
                        "(e.g. --hold 2027-02-01:14)")
    g.add_argument("--quarters", action="store_true",
                   help="allow quartering scored tablets, only where the clinic allows "
                        "(e.g. --quarters makes 0.125 mg of a 0.5 mg tablet)")
    g.add_argument("--indication",
                   help="indication for the maximum-dose check, e.g. panic or seizures "
                        "(default: the highest maximum listed)")
    g.add_argument("--opioid", action="store_true",
                   help="the patient is also prescribed an opioid; adds the FDA warning "
                        "(e.g. --opioid)")
    g.add_argument("--products-file", metavar="FILE", type=Path,
                   help="the clinic's own products file to add to the catalogue "
                        "(e.g. clinic-products.json)")


def _date(text: str, what: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise PlanError(f"{what} {text!r} is not a real date (YYYY-MM-DD)") from None


def _custom_steps(specs: list[str]) -> tuple[CustomStep, ...]:
    steps = []
    for spec in specs:
        mg_text, sep, days_text = spec.partition(":")
        if not sep or not days_text.strip().isdigit():
            raise PlanError(f"--step {spec!r} must look like MG:DAYS (e.g. 2.5:14)")
        try:
            ug = parse_mg(mg_text, what="--step")
        except DoseError as exc:
            raise PlanError(str(exc)) from None
        steps.append(CustomStep(ug, int(days_text)))
    return tuple(steps)


def _with_holds(plan: Plan, specs: list[str], catalogue: Catalogue) -> Plan:
    """Add the --hold options in date order, whatever order they were typed in: each
    hold starts on its own date in the schedule printed (SPEC.md, "Symptoms and holds")."""
    if not specs:
        return plan
    holds = []
    for spec in specs:
        on_text, sep, days_text = spec.partition(":")
        if not sep or not days_text.strip().isdigit():
            raise PlanError(f"--hold {spec!r} must look like YYYY-MM-DD:DAYS")
        holds.append((_date(on_text, "--hold"), int(days_text), spec))
    for on, days, _spec in sorted(holds):
        plan = insert_hold(plan, on, days, catalogue=catalogue)
    # A plan file's holds and these, all in date order (the file's already are).
    plan = holds_by_date(plan)
    schedule = compute(plan, catalogue)
    applied = {st.edit_index for st in schedule.steps}
    typed = {(on, days) for on, days, _spec in holds}
    for i, e in enumerate(plan.edits):
        if isinstance(e, Hold) and (e.on, e.days) in typed and i not in applied:
            raise PlanError(
                f"the hold on {e.on.isoformat()} is outside the plan "
                f"({plan.start.isoformat()} to {schedule.stop_date.isoformat()})")
    return plan


def _crossover(args: argparse.Namespace, then: Protocol, catalogue: Catalogue) -> Protocol:
    then_products: tuple[str, ...] = ()
    if args.then_products:
        try:
            then_products = catalogue.drug("diazepam").resolve_products(args.then_products)
        except CatalogueError as exc:
            raise PlanError(f"--then-products: {exc}") from None
    return make_protocol(ProtocolId.DIAZEPAM_CROSSOVER, every_days=args.swap_days,
                         equivalence=args.equivalence, then=then,
                         then_products=then_products)


def plan_from_args(args: argparse.Namespace) -> tuple[Plan, Catalogue, bool]:
    """Build the plan the options describe. Raises PlanError with a one-line reason."""
    if args.products_file is not None and not args.products_file.is_file():
        raise PlanError(f"--products-file {str(args.products_file)!r} does not exist")
    crossover = PROTOCOLS[args.protocol].substitutes
    taper_protocol = args.then_protocol if crossover else args.protocol
    for given, option, param in (
        (args.percent, "--percent", "percent"),
        (args.every, "--every", "every_days"),
        (args.step_mg, "--step-mg", "step_ug"),
        (args.custom_steps, "--step", "custom_steps"),
    ):
        protocols = [pid for pid, info in PROTOCOLS.items()
                     if param in info.needs and not info.substitutes]
        if given and args.from_file is None and taper_protocol not in protocols:
            raise PlanError(f"{option} is for --protocol {' or '.join(protocols)}"
                            + (" (as --then of a cross-over)" if crossover else ""))
    if (args.swap_days is not None or args.then_products) and not crossover:
        raise PlanError("--swap-days and --then-products are for --protocol diazepam-crossover")
    try:
        catalogue = load_catalogue(args.products_file)
    except CatalogueError as exc:
        raise PlanError(str(exc)) from None
    opioid = bool(args.opioid)
    if args.from_file is not None:
        from taperdesk.store.planfile import PlanFileError, read_plan_file

        try:
            doc = read_plan_file(args.from_file, catalogue)
        except PlanFileError as exc:
            raise PlanError(str(exc)) from None
        plan = doc.plan
        opioid = opioid or doc.opioid
    else:
        if args.dose is None:
            raise PlanError("--dose is required (the current daily dose in mg), or use --from")
        try:
            start_ug = parse_mg(args.dose, what="--dose")
            step_ug = parse_mg(args.step_mg, what="--step-mg") if args.step_mg else None
        except DoseError as exc:
            raise PlanError(str(exc)) from None
        try:
            drug = catalogue.drug(args.drug)
            products = drug.resolve_products(args.products)
        except CatalogueError as exc:
            raise PlanError(str(exc)) from None
        start = _date(args.start, "--start") if args.start else date.today()
        protocol = make_protocol(
            taper_protocol, percent=args.percent, every_days=args.every, step_ug=step_ug,
            custom_steps=_custom_steps(args.custom_steps),
        )
        if crossover:
            protocol = _crossover(args, protocol, catalogue)
        plan = Plan(
            drug=drug.id,
            products=products,
            start_ug=start_ug,
            split=args.split,
            start=start,
            protocol=protocol,
            allow_quarters=bool(args.quarters),
            indication=args.indication,
        )
        from taperdesk.model.plan import validate_plan

        validate_plan(plan, catalogue)
    plan = _with_holds(plan, args.hold, catalogue)
    return plan, catalogue, opioid


def schedule_from_args(args: argparse.Namespace) -> tuple[Schedule, Catalogue, bool]:
    """The schedule the options describe; any bad input becomes a one-line UsageError."""
    from taperdesk.cli import UsageError

    try:
        plan, catalogue, opioid = plan_from_args(args)
        return compute(plan, catalogue), catalogue, opioid
    except (PlanError, CatalogueError, DoseError) as exc:
        raise UsageError(" ".join(str(exc).split())) from None  # one line


ACK_WHO = "command line (--acknowledge-severe)"


def add_severe_option(p: argparse.ArgumentParser | argparse._ArgumentGroup) -> None:
    p.add_argument("--acknowledge-severe", metavar="REASON", default="",
                   help="print although the plan has a severe warning (e.g. above the maximum "
                        "daily dose), giving the reason; it is printed with the warning "
                        "(e.g. --acknowledge-severe 'specialist advice, letter of 3 May')")


def severe_acknowledgements(
    args: argparse.Namespace, warnings: tuple[PlanWarning, ...],
    acknowledged: tuple[str, ...] = (),
) -> tuple[tuple[str, str, str, str], ...]:
    """The acknowledgements (key, reason, who, when) --acknowledge-severe gives; a
    UsageError naming the warning when a severe one is left unacknowledged."""
    from taperdesk.cli import UsageError

    severe = unacknowledged_severe(warnings, acknowledged)
    reason = " ".join(str(args.acknowledge_severe).split())
    if severe and not reason:
        w = severe[0]
        raise UsageError(
            f"severe warning not acknowledged, no handout written: [{w.code}] "
            f"{' '.join(w.message.split())} To print anyway, acknowledge it with "
            "--acknowledge-severe \"REASON\"."
        )
    when = datetime.now(UTC).isoformat(timespec="seconds")
    return tuple((w.key, reason, ACK_WHO, when) for w in severe)
