"""Run every budget measurement and print one line per budget (``make bench``)."""

from __future__ import annotations

import argparse
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from benchmarks import (
    bench_handout,
    bench_model,
    bench_server,
    bench_startup,
    bench_store,
    bench_today,
    bench_ui,
    floors,
)
from benchmarks.harness import Floor, NotReady, Outcome, Report
from benchmarks.isolation import isolate
from benchmarks.machine import describe
from benchmarks.perfdoc import write_doc

GOALS = {
    "re-plan after inserting a hold": 1.0,
    "table + chart refresh": 8.0,
    "one drag move of a step on the chart": 8.0,
    "patient handout PDF": 150.0,
    "patient search per keystroke": 10.0,
}
"""SPEC.md's raised goals ("Budgets"), in ms; start-up's is 1.2 × the import floor."""
STARTUP_GOAL = 1.2
FULL_PATIENTS = 10_000
QUICK_PATIENTS = 40


def _guard(report: Report, what: str, budgets: Sequence[tuple[str, float, str]],
           fn: Callable[[], list[Outcome]]) -> None:
    """Run one measurement; if it fails, its budgets are reported as not measured (OVER)."""
    try:
        report.outcomes.extend(fn())
    except NotReady as exc:
        for name, budget, unit in budgets:
            report.outcomes.append(Outcome(name, None, budget, unit, detail=str(exc)))
    except Exception as exc:  # noqa: BLE001 - a benchmark must never stop the others
        report.notes.append(f"{what} failed: {traceback.format_exc(limit=3)}")
        for name, budget, unit in budgets:
            report.outcomes.append(Outcome(name, None, budget, unit,
                                           detail=f"{type(exc).__name__}: {exc}"))


STEPS = ("replan", "ui", "handout", "search", "today", "startup", "server")
"""The measurements ``--only`` may name, in the order they run."""


def run(quick: bool, patients: int, workdir: Path, echo: Callable[[str], None],
        only: frozenset[str] = frozenset(STEPS)) -> Report:
    report = Report()
    runs = 1 if quick else 5

    import_floor = floors.import_floor_ms(runs)
    report.floors.append(Floor("bare import of PySide6.QtWidgets + pyqtgraph (fresh process)",
                               import_floor, "ms"))
    report.floors.append(Floor("reportlab building an empty document",
                               floors.empty_document_ms(1 if quick else 20), "ms"))
    for f in report.floors:
        echo(f.line())

    def step(what: str, budgets: Sequence[tuple[str, float, str]],
             fn: Callable[[], list[Outcome]], key: str) -> None:
        if key not in only:
            return
        before = len(report.outcomes)
        _guard(report, what, budgets, fn)
        for i in range(before, len(report.outcomes)):
            outcome = report.outcomes[i] = with_goal(report.outcomes[i], import_floor)
            echo(outcome.line(import_floor))
            if outcome.figure is None:
                echo(f"    ({outcome.detail})")

    step("model re-plan", [("re-plan after inserting a hold (model)", 2.0, "ms")],
         lambda: [bench_model.replan_after_hold(quick)], "replan")
    step("table and chart", [("table + chart refresh after a hold", 16.0, "ms"),
                             ("one drag move of a step on the chart, p95", 16.0, "ms")],
         lambda: bench_ui.refresh_and_drag(workdir, quick), "ui")
    step("handout", [("patient handout PDF, 12-month plan", 300.0, "ms")],
         lambda: [bench_handout.patient_handout_time(quick)[0]], "handout")
    if not only & {"search", "today", "startup"}:
        step("clinic server", [("save a plan edit on the clinic server, p95", 20.0, "ms")],
             lambda: bench_server.server_save(quick), "server")
        return report

    db = workdir / f"patients-{patients}.sqlite3"
    t0 = time.perf_counter()
    try:
        bench_store.build_patients_db(db, patients)
        report.notes.append(f"synthetic records: {bench_store.database_summary(db)}, "
                            f"built in {time.perf_counter() - t0:.0f} s")
    except Exception as exc:  # noqa: BLE001
        report.notes.append(f"building the synthetic records failed: {exc}")
    step("patient search", [("patient search per keystroke", 30.0, "ms")],
         lambda: bench_ui.search_per_keystroke(db, quick), "search")
    step("today", [("Today list, 10 000 patients", bench_today.TODAY_BUDGET_MS, "ms")],
         lambda: [bench_today.today_list(db, 3 if quick else 40)], "today")
    step("start-up and memory", [("start-up to a usable window", 1.5 * import_floor, "ms"),
                                 ("memory (RSS) with the database open", 200.0, "MB")],
         lambda: bench_startup.startup_and_memory(
             db, import_floor, 1 if quick else bench_startup.LAUNCHES, patients), "startup")
    step("clinic server", [("save a plan edit on the clinic server, p95", 20.0, "ms")],
         lambda: bench_server.server_save(quick), "server")
    return report


def with_goal(outcome: Outcome, import_floor: float) -> Outcome:
    """The outcome with its raised goal from SPEC.md, if it has one."""
    if outcome.what.startswith("start-up"):
        return replace(outcome, goal=STARTUP_GOAL * (outcome.floor or import_floor))
    goal = next((g for name, g in GOALS.items() if outcome.what.startswith(name)), None)
    return replace(outcome, goal=goal) if goal is not None else outcome


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true",
                        help="tiny data, one repetition: checks the suite runs")
    parser.add_argument("--patients", type=int, default=None,
                        help=f"patients in the synthetic records (default {FULL_PATIENTS})")
    parser.add_argument("--write-doc", type=Path, metavar="FILE",
                        help="also write the figures to FILE (e.g. docs/PERFORMANCE.md)")
    parser.add_argument("--only", metavar="NAMES", default=",".join(STEPS),
                        help="comma-separated measurements to run, of: " + ", ".join(STEPS)
                             + " (default all; the import floor is always measured)")
    args = parser.parse_args(argv)
    only = frozenset(n.strip() for n in args.only.split(",") if n.strip())
    if not only or only - set(STEPS):
        parser.error(f"--only takes names of: {', '.join(STEPS)}")
    if args.patients is not None and args.patients < 1:
        parser.error("--patients must be 1 or more")
    patients = args.patients or (QUICK_PATIENTS if args.quick else FULL_PATIENTS)
    machine, started = describe(), datetime.now()
    print(f"TaperDesk benchmarks, {started:%Y-%m-%d %H:%M}, {machine}", flush=True)
    with tempfile.TemporaryDirectory(prefix="taperdesk-bench-") as tmp:
        isolate(Path(tmp) / "home")  # never the user's real settings or records
        report = run(args.quick, patients, Path(tmp), lambda s: print(s, flush=True), only)
    for note in report.notes:
        print(f"note: {note}")
    over = [o for o in report.outcomes if not o.ok]
    print(f"{len(report.outcomes) - len(over)} of {len(report.outcomes)} budgets met"
          + ("" if not over else f"; over: {', '.join(o.what for o in over)}"))
    if args.write_doc and only != set(STEPS):
        parser.error("--write-doc needs every measurement (leave out --only)")
    if args.write_doc:
        write_doc(args.write_doc, report, machine, started, quick=args.quick)
        print(f"wrote {args.write_doc}")
    return 0 if not over else 1
