"""The taper protocols TaperDesk ships, each with its rule and its source (SPEC.md).

Every protocol is one ``ProtocolInfo`` in ``PROTOCOLS``: its name, rule text, source,
default parameters, the parameters it needs, its one-line description and its
next-step rule. The schedule asks the registry for the next step; nothing else
switches on a protocol id. Adding a protocol is one entry here (plus its tests).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from enum import StrEnum
from typing import Any

from taperdesk.model import sources
from taperdesk.model.errors import PlanError
from taperdesk.model.protocol_rules import (
    NARDI_FAST_CUT_UG,
    NARDI_FAST_DAYS,
    NARDI_SLOW_CUT_UG,
    NARDI_SLOW_DAYS,
    NARDI_THRESHOLD_UG,
    VISSERS_DAYS,
    VISSERS_PERCENTS,
    NextStep,
    StepContext,
    custom_next,
    fixed_next,
    nardi_next,
    percent_current_next,
    percent_start_next,
    vissers_next,
)
from taperdesk.model.record import record

__all__ = [
    "NARDI_FAST_CUT_UG", "NARDI_FAST_DAYS", "NARDI_SLOW_CUT_UG", "NARDI_SLOW_DAYS",
    "NARDI_THRESHOLD_UG", "VISSERS_DAYS", "VISSERS_PERCENTS", "NextStep", "StepContext",
]

NARDI_SOURCE = sources.NARDI
ASAM_SOURCE = sources.ASAM
POTTIE_SOURCE = sources.POTTIE
VISSERS_SOURCE = sources.VISSERS
LABEL_SOURCE = sources.FIXED_EXAMPLE
CUSTOM_SOURCE = "Steps set by the clinician"


class ProtocolId(StrEnum):
    """Protocol ids; the strings are those of plan files, stored plans and the CLI."""

    NARDI = "nardi"
    PERCENT_CURRENT = "percent-current"
    PERCENT_START = "percent-start"
    VISSERS = "vissers"
    FIXED = "fixed"
    CUSTOM = "custom"
    DIAZEPAM_CROSSOVER = "diazepam-crossover"


@record
class CustomStep:
    ug: int
    days: int


@record
class Protocol:
    """A protocol id with its parameters. Unused parameters are None."""

    id: ProtocolId
    percent: Decimal | None = None
    every_days: int | None = None
    step_ug: int | None = None
    custom_steps: tuple[CustomStep, ...] = ()
    equivalence: str | None = None
    """diazepam-crossover: the column of ASAM 2025 Table 7 ('ashton' or 'va-dod')."""
    then: Protocol | None = None
    """diazepam-crossover: the protocol that tapers diazepam once every dose is diazepam."""
    then_products: tuple[str, ...] = ()
    """diazepam-crossover: the diazepam products (empty: diazepam's default set)."""

    def __post_init__(self) -> None:
        # Plan files and older code build protocols from id strings; keep the enum.
        if self.id in ProtocolId._value2member_map_:
            object.__setattr__(self, "id", ProtocolId(self.id))

    @property
    def info(self) -> ProtocolInfo:
        return PROTOCOLS[self.id]

    def describe(self) -> str:
        """One line a clinician can read: 'Cut 10 % of the current dose every 14 days'."""
        return self.info.describe(self)

    def next_step(self, ctx: StepContext) -> NextStep | None:
        """The protocol's next step (before the clinician's pins); None: the taper ends."""
        return self.info.next_step(self, ctx)


Param = str
"""A parameter a protocol needs: 'percent', 'every_days', 'step_ug' or 'custom_steps'."""


@record
class ProtocolInfo:
    id: ProtocolId
    name: str
    rule: str
    source: str
    default: Protocol
    needs: frozenset[Param]
    describe: Callable[[Protocol], str]
    next_step: Callable[[Protocol, StepContext], NextStep | None]
    substitutes: bool = False
    """The protocol first replaces the plan's drug by diazepam (taperdesk.model.crossover),
    then tapers diazepam by ``Protocol.then`` (whose rule ``next_step`` applies)."""


def _fixed_text(p: Protocol) -> str:
    from taperdesk.model.units import format_mg

    return f"Cut {format_mg(p.step_ug or 0)} mg/day every {p.every_days} days"


_INFOS = (
    ProtocolInfo(
        ProtocolId.NARDI,
        "Nardi (clonazepam)",
        "Cut 0.5 mg/day every 2 weeks until 1 mg/day, then 0.25 mg/day every week, to zero; "
        "a cut that would pass 1 mg stops at 1 mg.",
        NARDI_SOURCE,
        Protocol(ProtocolId.NARDI),
        frozenset(),
        lambda p: "Cut 0.5 mg/day every 2 weeks down to 1 mg/day, then 0.25 mg/day every week",
        lambda p, ctx: nardi_next(ctx, NARDI_SOURCE),
    ),
    ProtocolInfo(
        ProtocolId.PERCENT_CURRENT,
        "Percent of current dose (ASAM)",
        "Cut P % of the current dose every D days, to a dose the products can make "
        "(ASAM default 5–10 % every 2–4 weeks).",
        ASAM_SOURCE,
        Protocol(ProtocolId.PERCENT_CURRENT, percent=Decimal(10), every_days=14),
        frozenset({"percent", "every_days"}),
        lambda p: f"Cut {p.percent} % of the current dose every {p.every_days} days",
        lambda p, ctx: percent_current_next(ctx, p.percent, p.every_days, ASAM_SOURCE),
    ),
    ProtocolInfo(
        ProtocolId.PERCENT_START,
        "Percent of starting dose (linear)",
        "Cut P % of the starting dose every D days, e.g. 25 % every 2 weeks.",
        POTTIE_SOURCE,
        Protocol(ProtocolId.PERCENT_START, percent=Decimal(25), every_days=14),
        frozenset({"percent", "every_days"}),
        lambda p: f"Cut {p.percent} % of the starting dose every {p.every_days} days",
        lambda p, ctx: percent_start_next(ctx, p.percent, p.every_days, POTTIE_SOURCE),
    ),
    ProtocolInfo(
        ProtocolId.VISSERS,
        "Vissers (75/50/25/12.5 %)",
        "75, 50, 25 and 12.5 % of the starting dose, 2 weeks each, then stop; each dose "
        "rounded to one the products can make (rounding is flagged).",
        VISSERS_SOURCE,
        Protocol(ProtocolId.VISSERS),
        frozenset(),
        lambda p: "75, 50, 25 and 12.5 % of the starting dose, 2 weeks each, then stop",
        lambda p, ctx: vissers_next(ctx, VISSERS_SOURCE),
    ),
    ProtocolInfo(
        ProtocolId.FIXED,
        "Fixed amount",
        "Cut X mg/day every D days.",
        LABEL_SOURCE,
        Protocol(ProtocolId.FIXED, step_ug=250, every_days=3),
        frozenset({"step_ug", "every_days"}),
        _fixed_text,
        lambda p, ctx: fixed_next(ctx, p.step_ug, p.every_days, LABEL_SOURCE),
    ),
    ProtocolInfo(
        ProtocolId.CUSTOM,
        "Custom",
        "Steps typed or dragged by the clinician.",
        CUSTOM_SOURCE,
        Protocol(ProtocolId.CUSTOM),
        frozenset({"custom_steps"}),
        lambda p: f"{len(p.custom_steps)} steps set by the clinician",
        lambda p, ctx: custom_next(ctx, p.custom_steps, CUSTOM_SOURCE),
    ),
)

def _crossover_text(p: Protocol) -> str:
    then = p.then.describe() if p.then else "no diazepam taper"
    column = EQUIVALENCES.get(p.equivalence or "", p.equivalence)
    return (f"Replace one dose a day at a time by diazepam ({column} equivalence), "
            f"{p.every_days} days per dose, night first; then: {then[0].lower()}{then[1:]}")


def _crossover_next(p: Protocol, ctx: StepContext) -> NextStep | None:
    return p.then.next_step(ctx) if p.then else None


CROSSOVER_DAYS = 7
"""Days per substituted dose: TaperDesk default (editable; SPEC.md: usually a week or two)."""

_CROSSOVER_INFO = ProtocolInfo(
    ProtocolId.DIAZEPAM_CROSSOVER,
    "Cross-over to diazepam (Ashton)",
    "Replace one dose of the day at a time with its diazepam equivalent (ASAM 2025 Table 7, "
    "Ashton or VA/DoD column), night dose first; then taper diazepam by the protocol chosen.",
    sources.ASHTON_MANUAL,
    Protocol(ProtocolId.DIAZEPAM_CROSSOVER, every_days=CROSSOVER_DAYS, equivalence="ashton",
             then=_INFOS[1].default),
    frozenset({"every_days", "equivalence", "then"}),
    _crossover_text,
    _crossover_next,
    substitutes=True,
)

PROTOCOLS: dict[str, ProtocolInfo] = {info.id: info for info in (*_INFOS, _CROSSOVER_INFO)}
"""Keyed by ``ProtocolId`` (a str, so plain id strings look up too)."""

EQUIVALENCES = {"ashton": "Ashton", "va-dod": "VA/DoD"}
"""The columns of ASAM 2025 Table 7 (keys of drugs.json ``diazepam_10mg_equivalent``) and
how screen and paper name them."""

MAX_DAYS = 365
"""Sanity limit on one step's length (TaperDesk limit, not a clinical number)."""


def make_protocol(
    protocol_id: str,
    *,
    percent: Decimal | str | None = None,
    every_days: int | None = None,
    step_ug: int | None = None,
    custom_steps: tuple[CustomStep, ...] = (),
    equivalence: str | None = None,
    then: Protocol | None = None,
    then_products: tuple[str, ...] = (),
) -> Protocol:
    """A protocol with the given parameters, the rest from the protocol's defaults; validated."""
    if protocol_id not in PROTOCOLS:
        raise PlanError(f"unknown protocol {protocol_id!r} (known: {', '.join(PROTOCOLS)})")
    p = PROTOCOLS[protocol_id].default
    if percent is not None:
        try:
            p = replace(p, percent=Decimal(str(percent)))
        except ArithmeticError:
            raise PlanError(f"percent {percent!r} is not a number") from None
    given: dict[str, Any] = {
        "every_days": every_days, "step_ug": step_ug, "equivalence": equivalence, "then": then,
        "custom_steps": tuple(custom_steps) or None, "then_products": tuple(then_products) or None,
    }
    p = replace(p, **{k: v for k, v in given.items() if v is not None})
    validate_protocol(p)
    return p


def validate_protocol(p: Protocol) -> None:
    if p.id not in PROTOCOLS:
        raise PlanError(f"unknown protocol {p.id!r}")
    needs = PROTOCOLS[p.id].needs
    if "percent" in needs:
        if p.percent is None or not p.percent.is_finite() or not 0 < p.percent < 100:
            raise PlanError("percent must be more than 0 and less than 100")
    if "every_days" in needs:
        if p.every_days is None or not 1 <= p.every_days <= MAX_DAYS:
            raise PlanError(f"every must be a whole number of days from 1 to {MAX_DAYS}")
    if "step_ug" in needs and (p.step_ug is None or p.step_ug <= 0):
        raise PlanError("the fixed cut must be more than 0 mg/day")
    for i, cs in enumerate(p.custom_steps, 1):
        if cs.ug < 0:
            raise PlanError(f"custom step {i}: dose cannot be negative")
        if not 1 <= cs.days <= MAX_DAYS:
            raise PlanError(f"custom step {i}: days must be from 1 to {MAX_DAYS}")
    if "custom_steps" in needs and not p.custom_steps:
        raise PlanError("a custom protocol needs at least one step")
    if "equivalence" in needs and p.equivalence not in EQUIVALENCES:
        raise PlanError(f"equivalence must be one of {', '.join(EQUIVALENCES)}, "
                        f"not {p.equivalence!r}")
    if "then" in needs:
        if p.then is None:
            raise PlanError("a cross-over needs a protocol for the diazepam taper")
        if p.then.info.substitutes:
            raise PlanError("the diazepam taper cannot itself be a cross-over")
        try:
            validate_protocol(p.then)
        except PlanError as exc:
            raise PlanError(f"diazepam taper: {exc}") from None
