"""The floors budgets are compared to, measured in the same run as the figures.

Start-up is judged against the bare import of PySide6.QtWidgets + pyqtgraph in
a fresh interpreter; the handout against reportlab building an empty document.
A child process is timed from launch until it prints ``ready``, so the floor
and the program are measured the same way (interpreter start included, exit not).
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
from collections.abc import Sequence

from benchmarks.harness import median, repeat_ms

IMPORT_FLOOR_CODE = (
    "import PySide6.QtWidgets, pyqtgraph, sys; sys.stdout.write('ready\\n'); sys.stdout.flush()"
)


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def time_until_ready(argv: Sequence[str], timeout: float = 120) -> tuple[float, str]:
    """Launch ``argv``; milliseconds until it prints a line starting ``ready``, and that line.

    The child is then left to exit by itself (and killed if it lingers).
    """
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        list(argv), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=child_env()
    )
    assert proc.stdout is not None
    try:
        for line in proc.stdout:
            if line.startswith("ready"):
                elapsed = (time.perf_counter() - t0) * 1000
                return elapsed, line.strip()
        _out, err = proc.communicate(timeout=timeout)
        raise RuntimeError(
            f"{' '.join(argv[:3])}... exited with {proc.returncode} before it was ready: "
            + (err.strip().splitlines() or ["no message"])[-1]
        )
    finally:
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def import_floor_ms(runs: int) -> float:
    """Median launch-to-ready time of a bare ``import PySide6.QtWidgets, pyqtgraph``."""
    argv = [sys.executable, "-c", IMPORT_FLOOR_CODE]
    time_until_ready(argv)  # warm the disk cache, like the program's own first run
    return median(time_until_ready(argv)[0] for _ in range(runs))


def empty_document_ms(runs: int) -> float:
    """Median time for reportlab to build an empty one-page PDF document in memory."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Spacer

    def build(_i: int) -> None:
        buf = io.BytesIO()
        SimpleDocTemplate(buf, pagesize=A4).build([Spacer(1, 1)])

    return median(repeat_ms(build, times=runs, warmup=1))
