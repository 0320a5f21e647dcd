"""`taperdesk plan`, run as a real command in a subprocess (issue 2, item 8)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLE = ["--drug", "clonazepam", "--dose", "3", "--protocol", "nardi", "--start", "2027-01-04"]


def run(*args: str, encoding: str = "utf-8") -> subprocess.CompletedProcess[str]:
    import os

    env = {**os.environ, "PYTHONIOENCODING": encoding}
    return subprocess.run(
        [sys.executable, "-m", "taperdesk.cli", "plan", *args],
        capture_output=True, text=True, encoding="utf-8", errors="replace", env=env,
        timeout=120,
    )


def test_the_issue_example_as_a_table() -> None:
    r = run(*EXAMPLE)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].startswith("Clonazepam taper from 3 mg/day, protocol nardi")
    assert lines[1].startswith("Source: Nardi")
    rows = [ln.split() for ln in lines if ln[:1].isdigit()]
    assert [(c[1], c[3], c[4], c[5]) for c in rows] == [
        ("2027-01-04", "14", "2.5", "taper"), ("2027-01-18", "14", "2", "taper"),
        ("2027-02-01", "14", "1.5", "taper"), ("2027-02-15", "14", "1", "taper"),
        ("2027-03-01", "7", "0.75", "taper"), ("2027-03-08", "7", "0.5", "taper"),
        ("2027-03-15", "7", "0.25", "taper"),
    ]
    assert "Bedtime 0.75 mg (1½ × 0.5 mg)" in r.stdout
    assert "Stop: 2027-03-22 (first day with no dose); 77 days in all." in r.stdout
    assert "[first-cut-over-10pct]" in r.stdout and "source: ASAM" in r.stdout


def test_the_issue_example_as_json() -> None:
    r = run(*EXAMPLE, "--format", "json")
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert (d["drug"], d["start"], d["stop_date"]) == ("clonazepam", "2027-01-04", "2027-03-22")
    assert [(s["start"], s["days"], s["daily_mg"], s["kind"]) for s in d["steps"]][3:5] == [
        ("2027-02-15", 14, "1", "taper"), ("2027-03-01", 7, "0.75", "taper")
    ]
    dose = d["steps"][4]["doses"][0]
    assert dose == {"time": "night", "drug": "clonazepam", "mg": "0.75", "units": [
        {"product": "clonazepam-tab-0.5-us", "strength_mg": "0.5", "count": "1.5"}
    ]}
    for w in d["warnings"]:
        assert set(w) >= {"code", "message", "source"} and w["source"]
    assert [w["code"] for w in d["warnings"]].count("cut-over-25pct-in-2-weeks") == 3


def test_json_with_a_hold_a_split_and_a_liquid() -> None:
    r = run("--dose", "1", "--start", "2027-01-04", "--products", "solution-0.5mg-5ml",
            "--split", "morning-night", "--hold", "2027-01-08:14", "--format", "json")
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    kinds = [(s["start"], s["days"], s["kind"]) for s in d["steps"][:3]]
    assert kinds == [("2027-01-04", 4, "taper"), ("2027-01-08", 14, "hold"),
                     ("2027-01-22", 3, "taper")]
    # 0.75 mg as two measurable halves: 0.37 mg (3.7 mL) morning, the extra 0.01 at bedtime.
    assert d["steps"][1]["doses"] == [
        {"time": "morning", "drug": "clonazepam", "mg": "0.37", "units": [
            {"product": "clonazepam-sol-0.1", "ml": "3.7", "mg_per_ml": "0.1"}]},
        {"time": "night", "drug": "clonazepam", "mg": "0.38", "units": [
            {"product": "clonazepam-sol-0.1", "ml": "3.8", "mg_per_ml": "0.1"}]},
    ]

def test_csv() -> None:
    r = run(*EXAMPLE, "--format", "csv")
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert len(rows) == 7
    assert (rows[0]["start"], rows[0]["end"], rows[0]["daily_mg"]) == (
        "2027-01-04", "2027-01-17", "2.5"
    )
    assert rows[6]["how_to_take"] == "Bedtime 0.25 mg (½ × 0.5 mg)"
    assert all(r["rationale"] for r in rows)


def test_other_protocols_from_the_command_line() -> None:
    r = run("--dose", "3", "--protocol", "percent-current", "--percent", "10", "--every",
            "14", "--start", "2027-01-04", "--format", "json")
    d = json.loads(r.stdout)
    assert [s["daily_mg"] for s in d["steps"]][-3:] == ["0.75", "0.5", "0.25"]
    assert any("0.125 mg orally disintegrating" in n for n in d["notes"])
    r = run("--dose", "3", "--protocol", "custom", "--step", "2.5:10", "--step", "2:5",
            "--start", "2027-01-04", "--format", "csv")
    assert [row["days"] for row in csv.DictReader(io.StringIO(r.stdout))] == ["10", "5"]
    r = run("--dose", "3", "--protocol", "fixed", "--step-mg", "0.5", "--every", "7",
            "--start", "2027-01-04", "--opioid", "--format", "json")
    d = json.loads(r.stdout)
    assert [s["daily_mg"] for s in d["steps"]] == ["2.5", "2", "1.5", "1", "0.5"]
    assert "opioid-co-prescription" in [w["code"] for w in d["warnings"]]


def test_help_documents_every_option_with_an_example() -> None:
    r = subprocess.run([sys.executable, "-m", "taperdesk.cli", "plan", "--help"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0
    text = r.stdout
    options = ["--from", "--drug", "--dose", "--protocol", "--start", "--products", "--split",
               "--percent", "--every", "--step-mg", "--step", "--hold", "--quarters",
               "--indication", "--opioid", "--products-file", "--format"]
    # Split the help into one entry per option: a line starting "  --x" begins an entry.
    entries: dict[str, str] = {}
    current = None
    for line in text.splitlines():
        stripped = line.strip()
        if line.startswith("  -") and not line.startswith("   "):
            current = stripped.split()[0].rstrip(",")
            if current == "-h":
                current = "--help"
            entries[current] = stripped
        elif current and line.startswith("    "):
            entries[current] += " " + stripped
        else:
            current = None
    for opt in options:
        assert opt in entries, opt
        assert "e.g." in entries[opt], f"{opt} has no example: {entries[opt]}"
    assert "taperdesk plan --drug clonazepam --dose 3 --protocol nardi --start 2027-01-04" in text


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--dose", "-1"], "--dose cannot be negative"),
        (["--dose", "300"], "not plausible"),
        (["--dose", "1e999999999"], "too large"),
        (["--dose", "three"], "is not a number"),
        (["--drug", "xanadu", "--dose", "1"], "unknown drug 'xanadu'"),
        (["--dose", "1", "--products", "big-pills"], "unknown product or product set"),
        (["--dose", "1", "--start", "2027-02-30"], "'2027-02-30' is not a real date"),
        (["--dose", "1", "--start", "9999-12-30"], "not plausible"),
        (["--dose", "3", "--start", "2027-01-04", "--hold", "2027-06-01:14"],
         "outside the plan"),
        (["--dose", "3", "--start", "2027-01-04", "--hold", "2027-02-01"], "YYYY-MM-DD:DAYS"),
        (["--dose", "3", "--colour", "blue"], "unrecognized arguments: --colour"),
        (["--dose", "3", "--percent", "10"], "--percent is for"),
        (["--dose", "3", "--protocol", "fixed", "--every", "0"], "every must be"),
        (["--dose", "3", "--products-file", "/no/such/file.json"], "does not exist"),
        (["--dose", "3", "--protocol", "custom"], "at least one step"),
        (["--start", "2027-01-04"], "--dose is required"),
    ],
)
def test_bad_input_exits_2_with_one_line(args: list[str], needle: str) -> None:
    r = run(*args)
    assert r.returncode == 2
    assert r.stdout == ""
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("taperdesk: error: ")
    assert needle in lines[0]
    assert "Traceback" not in r.stderr


def test_a_bad_clinic_products_file_exits_2(tmp_path: Path) -> None:
    f = tmp_path / "clinic.json"
    f.write_text(json.dumps({"format": "taperdesk-clinic-products", "version": 1,
                             "products": [{"drug": "clonazepam", "id": "x", "form": "gel"}]}))
    r = run("--dose", "3", "--products-file", str(f))
    assert r.returncode == 2 and "products[0].form: 'gel'" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_a_console_that_cannot_show_half_does_not_crash() -> None:
    r = run(*EXAMPLE, encoding="ascii")
    assert r.returncode == 0, r.stderr
    assert "2027-03-15" in r.stdout


# -- issue 11: clinical rules on the command line ------------------------------------


def _holds(stdout: str) -> list[tuple[str, str]]:
    rows = [ln.split() for ln in stdout.splitlines() if ln[:1].isdigit()]
    return [(c[1], c[4]) for c in rows if c[5] == "hold"]


def test_holds_apply_in_date_order_whatever_order_they_are_typed() -> None:
    base = ["--dose", "2", "--start", "2027-01-04"]
    a = run(*base, "--hold", "2027-02-20:7", "--hold", "2027-01-10:14")
    b = run(*base, "--hold", "2027-01-10:14", "--hold", "2027-02-20:7")
    assert a.returncode == b.returncode == 0, a.stderr + b.stderr
    assert a.stdout == b.stdout
    assert _holds(a.stdout) == [("2027-01-10", "1.5"), ("2027-02-20", "0.75")]


def test_holds_in_a_plan_file_apply_in_date_order(tmp_path: Path) -> None:
    doc = {"format": "taperdesk-plan", "version": 1, "plan": {
        "drug": "clonazepam", "products": ["clonazepam-tab-0.5-us", "clonazepam-tab-1-us",
                                           "clonazepam-tab-2-us"],
        "start_mg": "2", "split": "night", "start": "2027-01-04", "protocol": {"id": "nardi"},
        "edits": [{"type": "hold", "on": "2027-02-20", "days": 7},
                  {"type": "hold", "on": "2027-01-10", "days": 14}]}}
    path = tmp_path / "p.taper.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    r = run("--from", str(path))
    assert r.returncode == 0, r.stderr
    assert _holds(r.stdout) == [("2027-01-10", "1.5"), ("2027-02-20", "0.75")]


def test_a_hold_outside_the_plan_is_refused() -> None:
    r = run(*EXAMPLE, "--hold", "2027-06-01:7")
    assert r.returncode == 2 and "outside the plan" in r.stderr


@pytest.mark.parametrize("args,needle", [
    (["--dose", "2", "--protocol", "fixed", "--step-mg", "0.001", "--every", "3"],
     "smaller than the smallest change these products can make (0.25 mg)"),
    (["--dose", "2", "--protocol", "custom", "--step", "0:14"], "stops today"),
    (["--dose", "2", "--protocol", "fixed", "--step-mg", "0.25", "--every", "365"],
     "past 5 years"),
    (["--dose", "0.001"], "the nearest dose they make is 0.25 mg"),
])
def test_absurd_plans_exit_2_with_the_reason(args: list[str], needle: str) -> None:
    r = run(*args, "--start", "2027-01-04")
    assert r.returncode == 2 and r.stdout == ""
    assert needle in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_an_absurd_plan_file_is_refused_like_the_options(tmp_path: Path) -> None:
    """Issue 10, defect 4: the 2,000-year plan and 1,000 holds of 365 days."""
    plan = {"drug": "clonazepam", "products": ["clonazepam-tab-0.5-us"], "start_mg": "2",
            "split": "night", "start": "2027-01-04",
            "protocol": {"id": "fixed", "step_mg": "0.001", "every_days": 365}}
    holds = {**plan, "protocol": {"id": "nardi"},
             "edits": [{"type": "hold", "on": "2027-01-05", "days": 365}] * 1000}
    for body, needle in ((plan, "smallest change"), (holds, "past 5 years")):
        path = tmp_path / "p.taper.json"
        path.write_text(json.dumps({"format": "taperdesk-plan", "version": 1, "plan": body}),
                        encoding="utf-8")
        r = run("--from", str(path))
        assert r.returncode == 2 and needle in r.stderr, r.stderr


def test_vissers_protocol() -> None:
    r = run("--dose", "2", "--protocol", "vissers", "--start", "2027-01-04", "--format", "json")
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert [s["daily_mg"] for s in d["steps"]] == ["1.5", "1", "0.5", "0.25"]
    assert {s["days"] for s in d["steps"]} == {14} and d["stop_date"] == "2027-03-01"
    assert d["protocol_source"].startswith("Vissers 2007, as tabulated by Pottie et al. 2018")
    r = run("--dose", "2", "--protocol", "vissers", "--percent", "10")
    assert r.returncode == 2 and "--percent is for" in r.stderr


def test_above_the_maximum_is_severe_and_first() -> None:
    r = run("--dose", "45", "--start", "2027-01-04", "--format", "json")
    assert r.returncode == 0, r.stderr
    w = json.loads(r.stdout)["warnings"]
    assert (w[0]["code"], w[0]["severity"]) == ("over-max-daily-dose", "severe")


def test_a_rising_custom_step_warns() -> None:
    r = run("--dose", "2", "--protocol", "custom", "--step", "3:14", "--step", "1:14",
            "--start", "2027-01-04")
    assert r.returncode == 0, r.stderr
    assert "[dose-rise] Step 1 (2027-01-04) raises the dose from the current dose of 2 mg " \
           "to 3 mg/day (+1 mg/day)" in r.stdout
    assert "The first cut, 2 mg to 1 mg" in r.stdout
