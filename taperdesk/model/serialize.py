"""Plans and schedules as plain JSON-able dicts (for plan files, the database and `--format json`).

``plan_from_dict`` validates every field and raises PlanError naming the field;
it never returns a half-read plan.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from taperdesk.model.catalogue import Catalogue
from taperdesk.model.errors import PlanError
from taperdesk.model.guardrails import PlanWarning
from taperdesk.model.holds import holds_by_date
from taperdesk.model.plan import BackStep, Edit, Hold, Pin, Plan, validate_plan
from taperdesk.model.protocols import CustomStep, Protocol, validate_protocol
from taperdesk.model.schedule import Schedule, Step, compute
from taperdesk.model.units import DoseError, format_mg, parse_mg

MAX_TEXT = 2000
MAX_EDITS = 1000


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    return {
        "drug": plan.drug,
        "products": list(plan.products),
        "start_mg": format_mg(plan.start_ug),
        "split": plan.split,
        "start": plan.start.isoformat(),
        "protocol": protocol_to_dict(plan.protocol),
        "allow_quarters": plan.allow_quarters,
        "indication": plan.indication,
        "edits": [_edit_to_dict(e) for e in plan.edits],
    }


def protocol_to_dict(p: Protocol) -> dict[str, Any]:
    proto: dict[str, Any] = {"id": p.id}
    if p.percent is not None:
        proto["percent"] = str(p.percent)
    if p.every_days is not None:
        proto["every_days"] = p.every_days
    if p.step_ug is not None:
        proto["step_mg"] = format_mg(p.step_ug)
    if p.custom_steps:
        proto["steps"] = [{"mg": format_mg(c.ug), "days": c.days} for c in p.custom_steps]
    # diazepam-crossover only (older plan files have none of these keys):
    if p.equivalence is not None:
        proto["equivalence"] = p.equivalence
    if p.then is not None:
        proto["then"] = protocol_to_dict(p.then)
    if p.then_products:
        proto["then_products"] = list(p.then_products)
    return proto


def _edit_to_dict(e: Edit) -> dict[str, Any]:
    if isinstance(e, Hold):
        return {"type": "hold", "on": e.on.isoformat(), "days": e.days,
                "stretch_percent": e.stretch_percent, "reason": e.reason}
    if isinstance(e, BackStep):
        return {"type": "back-step", "on": e.on.isoformat(), "days": e.days, "reason": e.reason}
    return {"type": "pin", "step": e.taper_no,
            "mg": None if e.ug is None else format_mg(e.ug), "days": e.days}


def _get(
    d: Any, key: str, kind: type | tuple[type, ...], where: str, optional: bool = False
) -> Any:
    if not isinstance(d, dict):
        raise PlanError(f"{where}: expected an object")
    if key not in d or d[key] is None:
        if optional:
            return None
        raise PlanError(f"{where}.{key}: missing")
    value = d[key]
    kinds = kind if isinstance(kind, tuple) else (kind,)
    if isinstance(value, bool) and bool not in kinds:
        raise PlanError(f"{where}.{key}: expected {kinds[0].__name__}")
    if not isinstance(value, kinds):
        raise PlanError(f"{where}.{key}: expected {kinds[0].__name__}")
    if isinstance(value, str) and len(value) > MAX_TEXT:
        raise PlanError(f"{where}.{key}: too long")
    return value


def _date(d: Any, key: str, where: str) -> date:
    raw = _get(d, key, str, where)
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise PlanError(f"{where}.{key}: {raw!r} is not a date (YYYY-MM-DD)") from None


def _mg(d: Any, key: str, where: str, optional: bool = False) -> int | None:
    raw = _get(d, key, (str, int), where, optional)
    if raw is None:
        return None
    try:
        return parse_mg(str(raw), what=f"{where}.{key}")
    except DoseError as exc:
        raise PlanError(str(exc)) from None


def _int(d: Any, key: str, where: str, lo: int, hi: int, optional: bool = False) -> int | None:
    raw = _get(d, key, int, where, optional)
    if raw is None:
        return None
    if not lo <= raw <= hi:
        raise PlanError(f"{where}.{key}: must be from {lo} to {hi}, not {raw}")
    return int(raw)


def protocol_from_dict(d: Any, where: str = "protocol", depth: int = 0) -> Protocol:
    pid = _get(d, "id", str, where)
    raw_then = _get(d, "then", dict, where, optional=True)
    if raw_then is not None and depth:
        raise PlanError(f"{where}.then: a diazepam taper cannot have a taper of its own")
    then_products = _get(d, "then_products", list, where, optional=True) or []
    if not all(isinstance(x, str) for x in then_products):
        raise PlanError(f"{where}.then_products: expected a list of product ids")
    percent = None
    raw_pct = _get(d, "percent", (str, int), where, optional=True)
    if raw_pct is not None:
        try:
            percent = Decimal(str(raw_pct))
        except InvalidOperation:
            raise PlanError(f"{where}.percent: {raw_pct!r} is not a number") from None
    steps = []
    for i, s in enumerate(_get(d, "steps", list, where, optional=True) or []):
        w = f"{where}.steps[{i}]"
        ug = _mg(s, "mg", w)
        assert ug is not None
        days = _int(s, "days", w, 1, 365)
        assert days is not None
        steps.append(CustomStep(ug, days))
    p = Protocol(
        id=pid,
        percent=percent,
        every_days=_int(d, "every_days", where, 1, 365, optional=True),
        step_ug=_mg(d, "step_mg", where, optional=True),
        custom_steps=tuple(steps),
        equivalence=_get(d, "equivalence", str, where, optional=True),
        then=None if raw_then is None else protocol_from_dict(raw_then, f"{where}.then", 1),
        then_products=tuple(then_products),
    )
    try:
        validate_protocol(p)
    except PlanError as exc:
        raise PlanError(f"{where}: {exc}") from None
    return p


def plan_from_dict(
    d: Any, catalogue: Catalogue | None = None, *, holds_in_date_order: bool = False
) -> Plan:
    """The plan ``d`` describes, refused (PlanError naming the field or the reason) unless
    ``compute`` accepts it: the one validation every way into TaperDesk shares.

    ``holds_in_date_order`` (plan files): holds and back-steps apply in date order,
    whatever order the file lists them in; the records keep the window's edit order.
    """
    where = "plan"
    products = _get(d, "products", list, where)
    if not all(isinstance(p, str) for p in products):
        raise PlanError(f"{where}.products: expected a list of product ids")
    raw_edits = _get(d, "edits", list, where, optional=True) or []
    if len(raw_edits) > MAX_EDITS:
        raise PlanError(f"{where}.edits: more than {MAX_EDITS} edits")
    edits: list[Edit] = []
    for i, e in enumerate(raw_edits):
        w = f"{where}.edits[{i}]"
        kind = _get(e, "type", str, w)
        if kind == "hold":
            edits.append(Hold(
                _date(e, "on", w),
                _int(e, "days", w, 1, 365) or 1,
                _int(e, "stretch_percent", w, 100, 400, optional=True) or 100,
                _get(e, "reason", str, w, optional=True) or "",
            ))
        elif kind == "back-step":
            edits.append(BackStep(
                _date(e, "on", w), _int(e, "days", w, 1, 365) or 1, _get(e, "reason", str, w)
            ))
        elif kind == "pin":
            edits.append(Pin(
                _int(e, "step", w, 1, 2000) or 1,
                _mg(e, "mg", w, optional=True),
                _int(e, "days", w, 1, 365, optional=True),
            ))
        else:
            raise PlanError(f"{w}.type: {kind!r} is not hold, back-step or pin")
    start_ug = _mg(d, "start_mg", where)
    assert start_ug is not None
    plan = Plan(
        drug=_get(d, "drug", str, where),
        products=tuple(products),
        start_ug=start_ug,
        split=_get(d, "split", str, where),
        start=_date(d, "start", where),
        protocol=protocol_from_dict(_get(d, "protocol", dict, where)),
        edits=tuple(edits),
        allow_quarters=bool(_get(d, "allow_quarters", bool, where, optional=True)),
        indication=_get(d, "indication", str, where, optional=True),
    )
    validate_plan(plan, catalogue)
    if holds_in_date_order:
        plan = holds_by_date(plan)
    compute(plan, catalogue)
    return plan


def schedule_to_dict(schedule: Schedule, warnings: tuple[PlanWarning, ...]) -> dict[str, Any]:
    """The `taperdesk plan --format json` document."""
    plan = schedule.plan
    doc: dict[str, Any] = {
        "drug": plan.drug,
        "products": list(plan.products),
        "start": plan.start.isoformat(),
        "start_daily_mg": format_mg(schedule.start_ug),
        "split": plan.split,
        "protocol": plan.protocol.id,
        "protocol_rule": plan.protocol.describe(),
        "protocol_source": plan.protocol.info.source,
        "stop_date": schedule.stop_date.isoformat(),
        "steps": [
            {
                "step": s.row + 1,
                "start": s.start.isoformat(),
                "end": s.end.isoformat(),
                "days": s.days,
                "daily_mg": format_mg(s.daily_ug),
                "kind": s.kind,
                "rationale": s.rationale,
                "source": s.source,
                **_drug_totals(schedule, s),
                "doses": [
                    {
                        "time": d.time,
                        "drug": d.drug,
                        "mg": format_mg(d.ug),
                        "units": [
                            {"product": u.product.id, "ml": str(u.ml),
                             "mg_per_ml": format_mg(u.product.ug_per_ml)}
                            if u.product.is_liquid
                            else {"product": u.product.id,
                                  "strength_mg": format_mg(u.product.strength_ug),
                                  "count": str(u.count)}
                            for u in d.units
                        ],
                    }
                    for d in s.doses
                ],
            }
            for s in schedule.steps
        ],
        "notes": list(schedule.notes),
        "warnings": [
            {"code": w.code, "severity": w.severity, "message": w.message, "source": w.source}
            for w in warnings
        ],
    }
    xo = schedule.crossover
    if xo is not None:
        doc["crossover"] = {
            "from_drug": xo.from_drug.id, "to_drug": xo.to_drug.id,
            "from_start_mg": format_mg(xo.start_made_ug), "equivalence": xo.equivalence,
            "equivalence_source": xo.source,
            "daily_mg": "diazepam-equivalent total (mg of diazepam)",
        }
    return doc


def _drug_totals(schedule: Schedule, step: Step) -> dict[str, Any]:
    """A cross-over step's mg of each drug (single-drug documents are as before)."""
    if schedule.crossover is None:
        return {}
    return {"drugs": {drug: format_mg(step.drug_ug(drug)) for drug in step.drugs}}
