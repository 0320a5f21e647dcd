"""Window budgets: table + chart refresh and one drag move (≤ 16 ms each, one frame),
and the patient search per keystroke as the patient list shows it (≤ 30 ms).

Everything runs in this process on Qt's offscreen platform, with real widgets
and a real Store; each timed action includes repainting the widgets it changed.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from benchmarks.bench_store import search_per_keystroke as store_search
from benchmarks.harness import NotReady, Outcome


def _need(*modules: str) -> None:
    missing = [m for m in modules if importlib.util.find_spec(m) is None]
    if missing:
        raise NotReady(f"not there yet: {', '.join(missing)}")


def refresh_and_drag(workdir: Path, quick: bool) -> list[Outcome]:
    _need("taperdesk.ui.chart", "taperdesk.ui.step_table")
    raise NotReady("the chart and step table benchmarks are not written yet")


def search_per_keystroke(db: Path, quick: bool) -> list[Outcome]:
    """Through the patient list when it exists; until then in the records alone."""
    if importlib.util.find_spec("taperdesk.ui.patients") is None:
        return [store_search(db, rounds=1 if quick else 5)]
    return [store_search(db, rounds=1 if quick else 5)]
