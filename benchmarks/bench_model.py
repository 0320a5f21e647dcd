"""Model budget: re-plan a 300-step plan after inserting a hold (SPEC.md: ≤ 2 ms)."""

from __future__ import annotations

import itertools
from datetime import timedelta

from benchmarks.data import long_plan
from benchmarks.harness import Outcome, median, repeat_ms
from taperdesk.model import check, compute, insert_hold

BUDGET_MS = 2.0
_fresh = itertools.count()
"""Makes every timed plan new to the model's cache, even when the suite runs twice."""


def replan_after_hold(quick: bool = False) -> Outcome:
    """``insert_hold`` + ``compute`` + ``check``: all the model does for one hold.

    The plan before the edit is computed once first (the window has it already);
    every timed call inserts a different hold, so no call is served from the cache.
    """
    plan = long_plan(quick)
    schedule = compute(plan)
    rows = len(schedule.steps)
    first, span = schedule.plan.start, schedule.total_days

    def once(i: int) -> None:
        on = first + timedelta(days=(i * 37) % span)
        new = insert_hold(plan, on, 7 + i % 8, reason=f"benchmark {next(_fresh)}")
        check(compute(new))

    samples = repeat_ms(once, times=3 if quick else 60, warmup=1 if quick else 5)
    return Outcome(
        f"re-plan after inserting a hold, {rows}-step plan (model)",
        median(samples), BUDGET_MS, "ms",
        detail=f"median of {len(samples)}",
    )
