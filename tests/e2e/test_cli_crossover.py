"""Issue 14 from the command line: a cross-over to diazepam as a table, JSON, plan file and
PDFs (read back with pypdf), and the refusals, each naming the drug and writing nothing."""

from __future__ import annotations

import json
from pathlib import Path

from clirun import run
from pdftext import flat, page_texts

LORAZEPAM = ["--drug", "lorazepam", "--dose", "3", "--split", "three-times",
             "--protocol", "diazepam-crossover", "--equivalence", "ashton",
             "--start", "2027-01-04"]


def test_the_table_names_both_drugs_and_the_equivalence(tmp_path: Path) -> None:
    r = run("plan", *LORAZEPAM, home=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "cross-over from lorazepam 3 mg/day (30 mg/day diazepam-equivalent)" in r.stdout
    rows = [line for line in r.stdout.splitlines() if "  substitution  " in line]
    assert len(rows) == 3
    assert "Morning 1 mg lorazepam (1 × 1 mg)" in rows[0]
    assert "Bedtime 10 mg diazepam (1 × 10 mg)" in rows[0]
    assert all("[equivalence: ASAM 2025 Table 7, Ashton column]" in row for row in rows)


def test_json_names_each_doses_drug(tmp_path: Path) -> None:
    r = run("plan", *LORAZEPAM, "--then", "percent-current", "--percent", "5", "--every", "28",
            "--swap-days", "14", "--format", "json", home=tmp_path)
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    first = d["steps"][0]
    assert (first["kind"], first["days"], first["daily_mg"]) == ("substitution", 14, "30")
    assert [(x["time"], x["drug"]) for x in first["doses"]] == [
        ("morning", "lorazepam"), ("midday", "lorazepam"), ("night", "diazepam")]
    taper = d["steps"][3]
    assert taper["kind"] == "taper" and taper["days"] == 28
    assert {x["drug"] for x in taper["doses"]} == {"diazepam"}
    assert d["crossover"]["equivalence"] == "ashton"
    assert "Table 7" in first["source"]


def test_refusals_name_the_drug_and_write_nothing(tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    r = run("handout", "--drug", "diazepam", "--dose", "10", "--protocol", "diazepam-crossover",
            "--kind", "pharmacy", "-o", str(out), home=tmp_path)
    assert r.returncode == 2 and "diazepam itself" in r.stderr and not out.exists()
    r = run("plan", "--drug", "lorazepam", "--dose", "2", "--protocol", "diazepam-crossover",
            "--equivalence", "bnf", home=tmp_path)
    assert r.returncode == 2 and "bnf" in r.stderr
    r = run("plan", "--drug", "lorazepam", "--dose", "2", "--swap-days", "7", home=tmp_path)
    assert r.returncode == 2 and "--swap-days" in r.stderr


def test_handout_and_pharmacy_sheet_carry_both_drugs(tmp_path: Path) -> None:
    texts = {}
    for kind in ("patient", "pharmacy", "clinician"):
        out = tmp_path / f"{kind}.pdf"
        r = run("handout", *LORAZEPAM, "--kind", kind, "-o", str(out), "--clinic-phone", "555",
                "--patient-name", "Ann Example", home=tmp_path)
        assert r.returncode == 0, r.stderr
        texts[kind] = flat(" ".join(page_texts(out.read_bytes())))
    pharmacy = texts["pharmacy"]
    assert "Pharmacy sheet: Lorazepam to diazepam" in pharmacy
    assert "Lorazepam 1 mg tablet" in pharmacy and "Diazepam 10 mg tablet" in pharmacy
    assert "1 mg lorazepam: 1 × 1 mg tablet" in pharmacy
    assert "10 mg diazepam: 1 × 10 mg tablet" in pharmacy
    # The first 28 days: 2 weeks of lorazepam at two times and one, 21 × 10 mg diazepam
    # in the first three weeks plus the taper's 9 mg doses after.
    assert "Lorazepam 1 mg tablet 21 tablets 21 tablets" in pharmacy
    patient = texts["patient"]
    assert "lorazepam 2 mg + diazepam 10 mg" in patient
    assert "1×1 mg lorazepam" in patient and "1×10 mg diazepam" in patient
    assert "2 mg + 10 mg" in patient  # the calendar day's total, each drug's own
    clinician = texts["clinician"]
    assert "Cross-over from lorazepam 3 mg/day" in clinician
    assert "ASAM 2025 Table 7, Ashton column" in clinician


def test_a_plan_file_round_trips_the_cross_over(tmp_path: Path) -> None:
    from datetime import date

    from taperdesk.model import Plan, make_protocol
    from taperdesk.store.planfile import PlanDocument, read_plan_file, write_plan_file

    proto = make_protocol("diazepam-crossover", equivalence="va-dod",
                          then=make_protocol("vissers"), then_products=("diazepam-sol-0.4",))
    plan = Plan("alprazolam", ("alprazolam-tab-0.5", "alprazolam-tab-1"), 2000,
                "morning-night", date(2027, 1, 4), proto)
    f = write_plan_file(tmp_path / "p.taper.json", PlanDocument(plan, "Ann Example"))
    doc = json.loads(f.read_text(encoding="utf-8"))
    assert doc["plan"]["protocol"]["then"] == {"id": "vissers"}
    assert read_plan_file(f).plan == plan
    r = run("plan", "--from", str(f), "--format", "json", home=tmp_path)
    assert r.returncode == 0, r.stderr
    steps = json.loads(r.stdout)["steps"]
    assert steps[0]["kind"] == "substitution"
    assert steps[1]["doses"][0]["units"][0]["product"] == "diazepam-sol-0.4"
