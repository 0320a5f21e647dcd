"""Write docs/PERFORMANCE.md from a run: the figures, the floors, the date and the machine."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from benchmarks.harness import Report, fmt, fmt_ratio

HEADER = """# Performance

The budgets come from SPEC.md ("Budgets"). `make bench` (`python -m benchmarks`)
measures each one and prints `<what>: <figure> (budget <budget>) OK|OVER`; it
exits non-zero when a budget is missed. The suite makes its own data: a
301-row plan (3 mg/day clonazepam oral solution, 0.5 % of the current dose every
5 days, one hold), a 12-month plan with a hold for the handout, and a records
file of 10 000 patients, each with a plan and three CIWA-B assessments, built
through the Store API. Tests never assert speed; only this suite measures it.

How each figure is taken:

- **Floors**, measured in the same run: a fresh interpreter importing
  `PySide6.QtWidgets` and `pyqtgraph`, timed from launch until it says it is
  ready; reportlab building an empty document.
- **Start-up**: `taperdesk-gui --db <10 000-patient file> --bench-ready` in a
  fresh process, timed from launch until the window is shown with the last
  patient's plan drawn (median of 5, after one warm-up launch, like the floor).
  The same process reports its resident memory (**memory** budget) and how long
  each part of its start took; the table gives their medians: before main()
  (the interpreter and `taperdesk.app`), `qt` (Qt's modules), `taperdesk` (the
  records and model code), `app` (the QApplication), `modules` (pyqtgraph and the
  window's modules), `records` (opening the file), `window` (building it), `plan`
  (opening the patient's plan), `paint` (the first paint).
- **Re-plan**: `insert_hold` + `compute` + `check` on the 301-row plan, each
  call a different hold (median of 60).
- **Table + chart refresh**: the open plan replaced by the plan with a hold
  (as an undo/redo does): session signal, step table and chart updated and both
  repainted (median of 40).
- **Drag**: real mouse events on the chart's viewport dragging a step's level
  (zoomed to 90 days around it), each move snapped, re-planned and repainted;
  the step table and the checks catch up every 150 ms during a drag, and those
  moves are among the samples (95th percentile of 60 moves).
- **Handout**: `patient_handout` for the 12-month plan (median of 10 after the
  first build, which is reported too).
- **Patient search**: each keystroke of typing four searches into the patient
  list, until the list shows the matches (95th percentile).


What keeps the start quick (docs/ARCHITECTURE.md has the code): the records
file's integrity check, which reads the whole file, runs in a thread while
pyqtgraph and the window's modules load; Python's cyclic garbage collector is off
while the window is built (start-up makes some 100 000 objects that all live on)
and, once the window is on screen, collects once and freezes what start-up made;
reportlab and QtPdf are loaded only when a handout is first made.

"""


def write_doc(path: Path, report: Report, machine: str, when: datetime, *, quick: bool) -> None:
    lines = [HEADER, f"## Latest figures ({when:%Y-%m-%d})", ""]
    if quick:
        lines += ["*Quick run on tiny data: these figures do not judge the budgets.*", ""]
    floor = next((f.figure for f in report.floors if f.what.startswith("bare import")), None)
    lines += [f"Machine: {machine}.", "",
              "| what | figure | × import floor | budget | result | raised goal | how |",
              "| --- | --- | --- | --- | --- | --- | --- |"]
    for o in report.outcomes:
        figure = "not measured" if o.figure is None else fmt(o.figure, o.unit)
        budget = fmt(o.budget, o.unit) + (f" ({o.budget_note})" if o.budget_note else "")
        ratio = o.ratio(floor)
        goal = ("" if o.goal is None else
                f"{fmt(o.goal, o.unit)} {'met' if o.goal_met else 'missed'}")
        lines.append(f"| {o.what} | {figure} | {'' if ratio is None else fmt_ratio(ratio)} "
                     f"| {budget} | {'OK' if o.ok else 'OVER'} | {goal} | {o.detail} |")
    lines += ["", "Floors measured in the same run:", ""]
    lines += [f"- {f.what}: {fmt(f.figure, f.unit)}" for f in report.floors]
    if report.notes:
        lines += ["", "Notes:", ""] + [f"- {n.splitlines()[0]}" for n in report.notes]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
