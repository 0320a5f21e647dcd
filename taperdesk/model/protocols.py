"""The taper protocols TaperDesk ships, each with its rule and its source (SPEC.md)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from taperdesk.model import sources
from taperdesk.model.errors import PlanError

NARDI_SOURCE = sources.NARDI
ASAM_SOURCE = sources.ASAM
POTTIE_SOURCE = sources.POTTIE
VISSERS_SOURCE = sources.VISSERS
LABEL_SOURCE = sources.FIXED_EXAMPLE
CUSTOM_SOURCE = "Steps set by the clinician"

NARDI_THRESHOLD_UG = 1000
"""Nardi: 0.5 mg cuts every 2 weeks down to 1 mg/day, then 0.25 mg cuts every week."""
NARDI_FAST_CUT_UG = 500
NARDI_FAST_DAYS = 14
NARDI_SLOW_CUT_UG = 250
NARDI_SLOW_DAYS = 7
VISSERS_PERCENTS = (Decimal(75), Decimal(50), Decimal(25), Decimal("12.5"))
"""Vissers 2007 as Pottie 2018 tabulates it: these percentages of the starting dose."""
VISSERS_DAYS = 14


@dataclass(frozen=True)
class CustomStep:
    ug: int
    days: int


@dataclass(frozen=True)
class Protocol:
    """A protocol id with its parameters. Unused parameters are None."""

    id: str
    percent: Decimal | None = None
    every_days: int | None = None
    step_ug: int | None = None
    custom_steps: tuple[CustomStep, ...] = ()

    @property
    def info(self) -> ProtocolInfo:
        return PROTOCOLS[self.id]

    def describe(self) -> str:
        """One line a clinician can read: 'Cut 10 % of the current dose every 14 days'."""
        from taperdesk.model.units import format_mg

        if self.id == "nardi":
            return "Cut 0.5 mg/day every 2 weeks down to 1 mg/day, then 0.25 mg/day every week"
        if self.id == "percent-current":
            return f"Cut {self.percent} % of the current dose every {self.every_days} days"
        if self.id == "percent-start":
            return f"Cut {self.percent} % of the starting dose every {self.every_days} days"
        if self.id == "vissers":
            return "75, 50, 25 and 12.5 % of the starting dose, 2 weeks each, then stop"
        if self.id == "fixed":
            return f"Cut {format_mg(self.step_ug or 0)} mg/day every {self.every_days} days"
        return f"{len(self.custom_steps)} steps set by the clinician"


@dataclass(frozen=True)
class ProtocolInfo:
    id: str
    name: str
    rule: str
    source: str
    default: Protocol


PROTOCOLS: dict[str, ProtocolInfo] = {
    "nardi": ProtocolInfo(
        "nardi",
        "Nardi (clonazepam)",
        "Cut 0.5 mg/day every 2 weeks until 1 mg/day, then 0.25 mg/day every week, to zero; "
        "a cut that would pass 1 mg stops at 1 mg.",
        NARDI_SOURCE,
        Protocol("nardi"),
    ),
    "percent-current": ProtocolInfo(
        "percent-current",
        "Percent of current dose (ASAM)",
        "Cut P % of the current dose every D days, to a dose the products can make "
        "(ASAM default 5–10 % every 2–4 weeks).",
        ASAM_SOURCE,
        Protocol("percent-current", percent=Decimal(10), every_days=14),
    ),
    "percent-start": ProtocolInfo(
        "percent-start",
        "Percent of starting dose (linear)",
        "Cut P % of the starting dose every D days, e.g. 25 % every 2 weeks.",
        POTTIE_SOURCE,
        Protocol("percent-start", percent=Decimal(25), every_days=14),
    ),
    "vissers": ProtocolInfo(
        "vissers",
        "Vissers (75/50/25/12.5 %)",
        "75, 50, 25 and 12.5 % of the starting dose, 2 weeks each, then stop; each dose "
        "rounded to one the products can make (rounding is flagged).",
        VISSERS_SOURCE,
        Protocol("vissers"),
    ),
    "fixed": ProtocolInfo(
        "fixed",
        "Fixed amount",
        "Cut X mg/day every D days.",
        LABEL_SOURCE,
        Protocol("fixed", step_ug=250, every_days=3),
    ),
    "custom": ProtocolInfo(
        "custom", "Custom", "Steps typed or dragged by the clinician.", CUSTOM_SOURCE,
        Protocol("custom"),
    ),
}

MAX_DAYS = 365
"""Sanity limit on one step's length (TaperDesk limit, not a clinical number)."""


def make_protocol(
    protocol_id: str,
    *,
    percent: Decimal | str | None = None,
    every_days: int | None = None,
    step_ug: int | None = None,
    custom_steps: tuple[CustomStep, ...] = (),
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
    if every_days is not None:
        p = replace(p, every_days=every_days)
    if step_ug is not None:
        p = replace(p, step_ug=step_ug)
    if custom_steps:
        p = replace(p, custom_steps=tuple(custom_steps))
    validate_protocol(p)
    return p


def validate_protocol(p: Protocol) -> None:
    if p.id not in PROTOCOLS:
        raise PlanError(f"unknown protocol {p.id!r}")
    if p.id in ("percent-current", "percent-start"):
        if p.percent is None or not p.percent.is_finite() or not 0 < p.percent < 100:
            raise PlanError("percent must be more than 0 and less than 100")
    if p.id in ("percent-current", "percent-start", "fixed"):
        if p.every_days is None or not 1 <= p.every_days <= MAX_DAYS:
            raise PlanError(f"every must be a whole number of days from 1 to {MAX_DAYS}")
    if p.id == "fixed" and (p.step_ug is None or p.step_ug <= 0):
        raise PlanError("the fixed cut must be more than 0 mg/day")
    for i, cs in enumerate(p.custom_steps, 1):
        if cs.ug < 0:
            raise PlanError(f"custom step {i}: dose cannot be negative")
        if not 1 <= cs.days <= MAX_DAYS:
            raise PlanError(f"custom step {i}: days must be from 1 to {MAX_DAYS}")
    if p.id == "custom" and not p.custom_steps:
        raise PlanError("a custom protocol needs at least one step")
