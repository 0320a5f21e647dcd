"""The plan as a FHIR R4 Bundle (``fhir.resources``; SPEC.md "Interop and languages").

A Bundle of type ``collection`` holding the Patient and one MedicationRequest whose
``dosageInstruction`` has one Dosage per step, or one per dose where a step's times of day
take different doses (Dosages of one step share its ``sequence``: taken together).
Doses are exact Decimal mg (UCUM ``mg``). The drug and products are text; a coding is
added only for a single product with a verified code in the catalogue (``Product.codes``,
each with its source); otherwise the catalogue says ``NO_CODE`` and none is invented.

The library's R4B models (FHIR 4.3) are used to validate: fhir.resources ships R5 at its
top level and R4B, not 4.0.1, as its R4 line; Patient, MedicationRequest (with
``medicationCodeableConcept``), Dosage and Bundle are the same in R4 and R4B.
"""

from __future__ import annotations

import json
import uuid
from datetime import date
from decimal import Decimal
from typing import Any, Protocol

from taperdesk.interop.wording import step_text
from taperdesk.model.catalogue import CODE_SYSTEMS
from taperdesk.model.instructions import long_date
from taperdesk.model.schedule import Schedule, Step
from taperdesk.model.units import mg_decimal

WHEN = {"morning": "MORN", "midday": "NOON", "night": "HS"}
"""The plan's times of day as FHIR EventTiming codes (HS: before sleep, i.e. bedtime)."""
UCUM = "http://unitsofmeasure.org"
MR_TYPE = {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203",
                       "code": "MR", "display": "Medical record number"}],
           "text": "Clinic ID"}
_NAMESPACE = uuid.UUID("9a3f6c1e-5b7d-4f0a-9e2c-7d1b8a4c6e30")
"""Fixed namespace of the Bundle's urn:uuid ids (uuid5), so one plan gives the same ids."""


class PatientLike(Protocol):
    """What the export reads of a patient (the store's ``Patient`` has these)."""

    @property
    def name(self) -> str: ...
    @property
    def born(self) -> date | None: ...
    @property
    def clinic_id(self) -> str: ...


def _urn(key: str, what: str) -> str:
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, f'{key}/{what}')}"


def _patient(p: PatientLike) -> dict[str, Any]:
    res: dict[str, Any] = {"resourceType": "Patient", "name": [{"text": p.name}]}
    if p.clinic_id:
        res["identifier"] = [{"use": "usual", "type": MR_TYPE, "value": p.clinic_id}]
    if p.born is not None:
        res["birthDate"] = p.born.isoformat()
    return res


def _medication(schedule: Schedule, drug_id: str | None = None) -> dict[str, Any]:
    if schedule.crossover is None:
        drug, products = schedule.drug, [schedule.drug.product(p) for p in schedule.plan.products]
    elif drug_id == schedule.crossover.from_drug.id:
        drug = schedule.crossover.from_drug
        products = [drug.product(p) for p in schedule.plan.products]
    else:
        drug, products = schedule.crossover.to_drug, list(schedule.formulary.products)
    concept: dict[str, Any] = {
        "text": f"{drug.name} ({', '.join(p.name for p in products)})"}
    if len(products) == 1 and products[0].codes:
        concept["coding"] = [{"system": CODE_SYSTEMS[c.system], "code": c.code,
                              "display": products[0].name} for c in products[0].codes]
    return concept


def step_dosages(step: Step, drug: str | None = None) -> list[dict[str, Any]]:
    """The Dosages of one step (of one drug, if given): times of day taking the same dose
    share one."""
    groups: dict[int, list[str]] = {}
    for d in step.doses:
        if drug is None or d.drug == drug:
            groups.setdefault(d.ug, []).append(WHEN[d.time])
    text = step_text(step)
    return [{
        "sequence": step.row + 1,
        "text": text,
        "timing": {"repeat": {
            "boundsPeriod": {"start": step.start.isoformat(), "end": step.end.isoformat()},
            "frequency": len(when), "period": 1, "periodUnit": "d", "when": when}},
        "doseAndRate": [{"doseQuantity": {"value": mg_decimal(ug), "unit": "mg",
                                          "system": UCUM, "code": "mg"}}],
    } for ug, when in groups.items()]


def plan_bundle(schedule: Schedule, patient: PatientLike, *, key: str = "",
                authored: date | None = None) -> dict[str, Any]:
    """The Bundle as a dict (doses as Decimal), checked against the library's models.

    ``key``: a stable id of the plan (``ical.plan_key``) from which the entries'
    urn:uuid ids are made; ``authored``: MedicationRequest.authoredOn, if given."""
    key = key or f"{patient.clinic_id}|{patient.name}|{schedule.plan.start}"
    pat_url = _urn(key, "patient")
    entries = [{"fullUrl": pat_url, "resource": _patient(patient)}]
    # A cross-over orders two drugs: one MedicationRequest each, the first as before.
    drugs: list[str | None] = [None] if schedule.crossover is None else list(schedule.drugs)
    for i, drug in enumerate(drugs):
        request = _request(schedule, drug, pat_url, patient.name, authored)
        what = "medication-request" if i == 0 else f"medication-request-{drug}"
        entries.append({"fullUrl": _urn(key, what), "resource": request})
    bundle = {"resourceType": "Bundle", "type": "collection", "entry": entries}
    validate(bundle)
    return bundle


def _request(schedule: Schedule, drug: str | None, pat_url: str, name: str,
             authored: date | None) -> dict[str, Any]:
    steps = [s for s in schedule.steps if drug is None or drug in s.drugs]
    request: dict[str, Any] = {
        "resourceType": "MedicationRequest",
        "status": "active",
        "intent": "order",
        "medicationCodeableConcept": _medication(schedule, drug),
        "subject": {"reference": pat_url, "display": name},
        "dosageInstruction": [d for s in steps for d in step_dosages(s, drug)],
    }
    if steps:
        last = steps[-1]
        stop = last.next_start if last is not schedule.steps[-1] else schedule.stop_date
        request["note"] = [{"text": f"Taper plan made with TaperDesk. Last dose on "
                                    f"{long_date(last.end)}; from "
                                    f"{long_date(stop)} no more doses."}]
    if authored is not None:
        request["authoredOn"] = authored.isoformat()
    return request


def validate(bundle: dict[str, Any]) -> Any:
    """The Bundle as the library's R4B model; raises ValueError if it is not valid FHIR."""
    from fhir.resources.R4B.bundle import Bundle  # slow to import: only when exporting

    return Bundle.model_validate(bundle)


def bundle_json(bundle: dict[str, Any]) -> bytes:
    """The Bundle as JSON text, doses as exact JSON numbers (0.75, 1, 0.125).

    A dose has at most 3 decimals (whole µg), and a double's shortest repr of a decimal
    of up to 15 digits is that decimal, so the digits written are the Decimal's own;
    read back with ``json.loads(..., parse_float=Decimal)`` they are exact again."""

    def conv(v: Any) -> Any:
        if isinstance(v, dict):
            return {k: conv(x) for k, x in v.items()}
        if isinstance(v, list):
            return [conv(x) for x in v]
        if isinstance(v, Decimal):
            return int(v) if v == v.to_integral_value() else float(v)
        return v

    return (json.dumps(conv(bundle), indent=2, ensure_ascii=False) + "\n").encode("utf-8")
