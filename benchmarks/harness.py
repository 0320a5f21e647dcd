"""Timing helpers and the one line format every budget is printed in."""

from __future__ import annotations

import gc
import math
import statistics
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path


class NotReady(Exception):
    """The code a budget measures is not written yet (the message says which)."""


@dataclass(frozen=True)
class Outcome:
    """One budget's measured figure, its budget and how it was measured."""

    what: str
    figure: float | None
    """In the budget's unit (ms or MB); None when it could not be measured."""
    budget: float
    unit: str
    budget_note: str = ""
    """How the budget was derived, e.g. '1.5 × 410 ms bare import'."""
    detail: str = ""
    """Why there is no figure, or extra facts (sample size, statistic)."""
    goal: float | None = None
    """SPEC's raised goal for this figure (same unit), where it sets one."""
    floor: float | None = None
    """The import floor this figure is judged against when it is not the run's own: the
    start-up's are floor launches made beside its launches, under the same load."""

    @property
    def ok(self) -> bool:
        return self.figure is not None and self.figure <= self.budget

    @property
    def goal_met(self) -> bool | None:
        if self.goal is None:
            return None
        return self.figure is not None and self.figure <= self.goal

    def ratio(self, floor_ms: float | None) -> float | None:
        """The figure as a multiple of the run's import floor (times only)."""
        floor_ms = self.floor or floor_ms
        if self.figure is None or self.unit != "ms" or not floor_ms:
            return None
        return self.figure / floor_ms

    def line(self, floor_ms: float | None = None) -> str:
        """``<what>: <figure> (budget <budget>) OK|OVER``, the format make bench prints,
        then, given the run's import floor, ``; <ratio> × import floor`` and the raised
        goal: ``; goal <goal> met|missed``."""
        figure = "not measured" if self.figure is None else fmt(self.figure, self.unit)
        budget = fmt(self.budget, self.unit)
        if self.budget_note:
            budget += f" = {self.budget_note}"
        out = f"{self.what}: {figure} (budget {budget}) {'OK' if self.ok else 'OVER'}"
        ratio = self.ratio(floor_ms)
        if ratio is not None:
            out += f"; {fmt_ratio(ratio)} × import floor"
        if self.goal is not None and floor_ms is not None:
            out += f"; goal {fmt(self.goal, self.unit)} {'met' if self.goal_met else 'missed'}"
        return out


@dataclass(frozen=True)
class Floor:
    """A reference figure measured in the same run (what a budget is compared to)."""

    what: str
    figure: float
    unit: str

    def line(self) -> str:
        return f"floor: {self.what}: {fmt(self.figure, self.unit)}"


@dataclass
class Report:
    floors: list[Floor] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def all_ok(self) -> bool:
        return all(o.ok for o in self.outcomes)


def fmt(value: float, unit: str) -> str:
    """A figure with sensible precision: '1.43 ms', '12.1 ms', '612 ms', '143 MB'."""
    if value < 10:
        return f"{value:.2f} {unit}"
    if value < 100:
        return f"{value:.1f} {unit}"
    return f"{value:.0f} {unit}"


def fmt_ratio(value: float) -> str:
    """A ratio to the import floor: '0.0264', '1.18'."""
    return f"{value:.3g}" if value < 1 else f"{value:.2f}"


def percentile(samples: Iterable[float], pct: float) -> float:
    """The ``pct``-th percentile (nearest rank) of ``samples``."""
    data = sorted(samples)
    if not data:
        raise ValueError("no samples")
    rank = max(1, min(len(data), math.ceil(pct / 100 * len(data))))
    return data[rank - 1]


def median(samples: Iterable[float]) -> float:
    return statistics.median(list(samples))


def time_ms(fn: Callable[[], object]) -> float:
    """Wall-clock milliseconds of one call of ``fn``."""
    t0 = time.perf_counter()
    fn()
    return (time.perf_counter() - t0) * 1000


def repeat_ms(fn: Callable[[int], object], times: int, warmup: int = 1) -> list[float]:
    """Milliseconds of ``times`` calls of ``fn(i)`` after ``warmup`` untimed calls.

    ``fn`` gets the call number so each call can work on fresh input (no cache hits).
    """
    for i in range(warmup):
        fn(-1 - i)
    gc.collect()
    return [time_ms(lambda i=i: fn(i)) for i in range(times)]


def file_mb(path: Path) -> float:
    return path.stat().st_size / 1e6
