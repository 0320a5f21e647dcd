"""The FHIR export read back with fhir.resources (R4B models): the Patient, one
MedicationRequest, and per step Dosages whose periods, times of day and exact doses are
the schedule's."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.medicationrequest import MedicationRequest
from fhir.resources.R4B.patient import Patient
from plans import ANN, Person, mixed, three_times

from taperdesk.interop.fhir import bundle_json, plan_bundle
from taperdesk.interop.wording import step_text
from taperdesk.model import CatalogueError, Plan, compute, make_protocol
from taperdesk.model.catalogue import NO_CODE, merge_clinic_products, shipped_catalogue
from taperdesk.model.units import mg_decimal

# FHIR R4 EventTiming codes (hl7.org/fhir/R4/valueset-event-timing.html) for the
# plan's times of day: morning, midday, bedtime (HS: "before sleep").
WHEN = {"morning": "MORN", "midday": "NOON", "night": "HS"}


def read_back(data: bytes) -> tuple[Patient, MedicationRequest]:
    bundle = Bundle.model_validate_json(data)
    assert bundle.type == "collection"
    [pat, req] = [e.resource for e in bundle.entry]
    assert isinstance(pat, Patient) and isinstance(req, MedicationRequest)
    assert req.subject.reference == bundle.entry[0].fullUrl
    return pat, req


@pytest.mark.parametrize("make", [mixed, three_times])
def test_every_dosage_has_its_steps_period_times_and_exact_dose(make) -> None:  # type: ignore[no-untyped-def]
    s = make()
    data = bundle_json(plan_bundle(s, ANN))
    _, req = read_back(data)
    assert req.status == "active" and req.intent == "order"
    by_seq: dict[int, list] = {}  # type: ignore[type-arg]
    for d in req.dosageInstruction:
        by_seq.setdefault(d.sequence, []).append(d)
    assert sorted(by_seq) == [st.row + 1 for st in s.steps]
    raw = json.loads(data, parse_float=Decimal)["entry"][1]["resource"]["dosageInstruction"]
    for st in s.steps:
        dosages = by_seq[st.row + 1]
        taken: dict[str, Decimal] = {}
        for d in dosages:
            period = d.timing.repeat.boundsPeriod
            assert (period.start, period.end) == (st.start, st.end)
            assert d.text == step_text(st)
            [dr] = d.doseAndRate
            q = dr.doseQuantity
            assert (q.unit, q.system, q.code) == ("mg", "http://unitsofmeasure.org", "mg")
            assert d.timing.repeat.frequency == len(d.timing.repeat.when)
            assert (d.timing.repeat.period, d.timing.repeat.periodUnit) == (1, "d")
            for code in d.timing.repeat.when:
                assert code not in taken, "each time of day in one Dosage only"
                taken[code] = q.value
        assert taken == {WHEN[t.time]: mg_decimal(t.ug) for t in st.doses}
        assert sum(taken.values()) == mg_decimal(st.daily_ug)
        # A time of day with a different dose has its own Dosage; equal ones share one.
        assert len(dosages) == len({t.ug for t in st.doses})
    values = [d["doseAndRate"][0]["doseQuantity"]["value"] for d in raw]
    assert all(isinstance(v, (int, Decimal)) for v in values)  # exact digits in the text
    assert [Decimal(v) for v in values] == [
        q.doseAndRate[0].doseQuantity.value for q in req.dosageInstruction]


def test_three_times_a_day_with_uneven_doses_gives_one_dosage_per_dose() -> None:
    s = three_times()
    _, req = read_back(bundle_json(plan_bundle(s, ANN)))
    first = [d for d in req.dosageInstruction if d.sequence == 1]
    assert {tuple(d.timing.repeat.when): d.doseAndRate[0].doseQuantity.value for d in first} \
        == {("MORN",): Decimal(7), ("NOON", "HS"): Decimal(8)}


def test_patient_with_name_birth_date_and_clinic_id() -> None:
    pat, req = read_back(bundle_json(plan_bundle(mixed(), ANN)))
    assert pat.name[0].text == "Ann Lee" and pat.birthDate == date(1970, 5, 1)
    [ident] = pat.identifier
    assert ident.value == "MRN-1" and ident.type.coding[0].code == "MR"
    assert "Last dose on Sun 11 April 2027" in req.note[0].text
    bare, _ = read_back(bundle_json(plan_bundle(mixed(), Person("Bo", None, ""))))
    assert bare.birthDate is None and not bare.identifier


def test_products_are_text_only_unless_a_code_is_verified() -> None:
    s = mixed()
    _, req = read_back(bundle_json(plan_bundle(s, ANN)))
    med = req.medicationCodeableConcept
    assert not med.coding
    assert med.text.startswith("Clonazepam (") and "Clonazepam 1 mg tablet (US)" in med.text
    assert all(p.code_status == NO_CODE for d in shipped_catalogue().drugs.values()
               for p in d.products)
    # A clinic product with a code and its source is exported coded (single product).
    # The code below is made up for the test; it is not a real product's code.
    clinic = {"format": "taperdesk-clinic-products", "version": 1, "products": [
        {"drug": "clonazepam", "id": "clinic-clon-0.5", "name": "Clinic clonazepam 0.5 mg",
         "form": "tablet", "strength_mg": "0.5", "scored": True,
         "codes": [{"system": "rxnorm", "code": "999999001", "source": "test fixture"}]}]}
    cat = merge_clinic_products(shipped_catalogue(), clinic)
    plan = Plan(drug="clonazepam", products=("clinic-clon-0.5",), start_ug=1000, split="night",
                start=date(2027, 1, 4), protocol=make_protocol("nardi"))
    _, coded = read_back(bundle_json(plan_bundle(compute(plan, cat), ANN)))
    [coding] = coded.medicationCodeableConcept.coding
    assert coding.system == "http://www.nlm.nih.gov/research/umls/rxnorm"
    assert coding.code == "999999001"
    for bad, message in (({"system": "snomed", "code": "1", "source": "x"}, "system"),
                         ({"system": "dmd", "code": "12", "source": " "}, "source")):
        clinic["products"][0]["codes"] = [bad]  # type: ignore[index]
        with pytest.raises(CatalogueError, match=message):
            merge_clinic_products(shipped_catalogue(), clinic)


def test_the_same_plan_gives_the_same_bundle() -> None:
    assert bundle_json(plan_bundle(mixed(), ANN, key="k")) == \
        bundle_json(plan_bundle(mixed(), ANN, key="k"))
