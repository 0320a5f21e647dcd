"""Start-up and memory budgets, each measured in a fresh process.

Start-up: launch until the window is shown with a patient's plan open and drawn
(≤ 1.5 × the bare import of PySide6.QtWidgets + pyqtgraph, measured in the same
run). Memory: the resident size of that same window with the 10 000-patient
database open (≤ 200 MB). The window program reports both when started with
``--bench-ready``: it prints ``ready rss=<bytes>`` once the plan is drawn, then quits.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

from benchmarks.floors import time_until_ready
from benchmarks.harness import Outcome, median

STARTUP_FACTOR = 1.5
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
    time_until_ready(app_argv(db))  # warm the disk cache, as for the floor
    times, rss = [], []
    for _ in range(runs):
        elapsed, line = time_until_ready(app_argv(db))
        times.append(elapsed)
        found = re.search(r"rss=(\d+)", line)
        if found:
            rss.append(int(found.group(1)) / 1e6)
    return [
        Outcome(startup_what, median(times), budget, "ms", note,
                detail=f"median of {len(times)} launches"),
        Outcome(rss_what, max(rss) if rss else None, RSS_BUDGET_MB, "MB",
                detail="largest of the launches" if rss else "the window did not report RSS"),
    ]
