"""Start-up and memory budgets, each measured in a fresh process.

Start-up: launch until the window is shown with a patient's plan open and drawn
(≤ 1.5 × the bare import of PySide6.QtWidgets + pyqtgraph, measured in the same
run). Memory: the resident size of that same window with the 10 000-patient
database open (≤ 200 MB). The window program reports both when started with
``--bench-ready``: it prints ``ready rss=<bytes> phases=...`` once the plan is drawn,
then quits. The phases (ms from main() on: Qt's modules, taperdesk's records and model
code, the QApplication, the chart and window modules, opening the records, building the
window, opening the patient's plan, the first paint) are reported beside the figure, with
what came before main() (the interpreter and taperdesk.app), so a slow start shows where.
taperdesk's bytecode is written first (``compile_package``), as an install has it. Each
launch follows a floor launch of its own, and the budget is 1.5 × their median: on a
shared machine the run's first floor, taken a minute earlier before the records were
built, met another load than the launches (seen: 279 ms then, 353 ms beside them).
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

from benchmarks.floors import IMPORT_FLOOR_CODE, time_until_ready
from benchmarks.harness import Outcome, median

STARTUP_FACTOR = 1.5
LAUNCHES = 9
"""Launches in a full run: with 5, six runs in one hour on a shared host read 1.19 to
1.37 × the floor for the same code (docs/PERFORMANCE.md, fifth round)."""
RSS_BUDGET_MB = 200.0
READY_FLAG = "--bench-ready"


def app_argv(db: Path) -> list[str]:
    code = "import sys; from taperdesk.app import main; sys.exit(main(sys.argv[1:]))"
    return [sys.executable, "-c", code, "--db", str(db), READY_FLAG]


def startup_and_memory(db: Path, floor_ms: float, runs: int, patients: int) -> list[Outcome]:
    """Median start-up over ``runs`` launches on ``db``, and the largest RSS they reported."""
    startup_what = "start-up to a usable window with a patient's plan open"
    rss_what = f"memory (RSS) with a {patients}-patient database open"
    budget = STARTUP_FACTOR * floor_ms
    note = f"{STARTUP_FACTOR:g} × {floor_ms:.0f} ms bare import"
    if importlib.util.find_spec("taperdesk.app") is None:
        why = "taperdesk/app.py is not there yet"
        return [
            Outcome(startup_what, None, budget, "ms", note, detail=why),
            Outcome(rss_what, None, RSS_BUDGET_MB, "MB", detail=why),
        ]
    compile_package()  # an installed TaperDesk has its bytecode, as PySide6 and pyqtgraph do
    time_until_ready(app_argv(db))  # warm the disk cache, as for the floor
    times, rss, beside = [], [], []
    phases: dict[str, list[float]] = {}
    for _ in range(runs):
        # a floor launch just before each, so a shared machine's load swings both alike
        beside.append(time_until_ready([sys.executable, "-c", IMPORT_FLOOR_CODE])[0])
        elapsed, line = time_until_ready(app_argv(db))
        times.append(elapsed)
        found = re.search(r"rss=(\d+)", line)
        if found:
            rss.append(int(found.group(1)) / 1e6)
        spent = _phases(line)
        if spent:
            phases.setdefault("before main()", []).append(elapsed - sum(spent.values()))
        for name, ms in spent.items():
            phases.setdefault(name, []).append(ms)
    where = "; ms: " + ", ".join(f"{n} {median(v):.0f}" for n, v in phases.items()) \
        if phases else ""
    beside_ms = median(beside)
    paired = (f", each after a floor launch (their median {beside_ms:.0f} ms, the floor "
              f"judged by; the run's first floor {floor_ms:.0f} ms)")
    return [
        Outcome(startup_what, median(times), STARTUP_FACTOR * beside_ms, "ms",
                f"{STARTUP_FACTOR:g} × {beside_ms:.0f} ms bare import", floor=beside_ms,
                detail=f"median of {len(times)} launches{paired}{where}"),
        Outcome(rss_what, max(rss) if rss else None, RSS_BUDGET_MB, "MB",
                detail="largest of the launches" if rss else "the window did not report RSS"),
    ]


def compile_package() -> None:
    """Write taperdesk's bytecode (``__pycache__``) where it is missing or stale.

    The timed launches run with PYTHONDONTWRITEBYTECODE (floors.child_env), so after an
    edit or a merge they compiled every changed module from source at each launch, some
    100 ms that an installed TaperDesk never spends (pip compiles a wheel at install, the
    bundle carries bytecode), while the floor's PySide6 and pyqtgraph had theirs."""
    import compileall

    spec = importlib.util.find_spec("taperdesk")
    if spec is not None and spec.origin is not None:
        compileall.compile_dir(str(Path(spec.origin).parent), quiet=1)


def _phases(line: str) -> dict[str, float]:
    """The window's own account of its start (``phases=qt:12.0,modules:251.3,...``)."""
    found = re.search(r"phases=(\S+)", line)
    if not found:
        return {}
    out = {}
    for part in found.group(1).split(","):
        name, _, ms = part.partition(":")
        out[name] = float(ms)
    return out
