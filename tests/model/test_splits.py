"""How a daily dose is split over the day (issue 2, "Doses")."""

from __future__ import annotations

from model_helpers import US, formulary, plan

from taperdesk.model import compute, format_mg
from taperdesk.model.daily import split_daily


def parts(daily: int, pattern: str, night_base: int = 0) -> list[tuple[str, str]]:
    return [(t, format_mg(u)) for t, u in split_daily(daily, pattern, formulary(*US), night_base)]


def test_night_puts_everything_at_bedtime() -> None:
    assert parts(1500, "night") == [("night", "1.5")]


def test_morning_night_is_equal_halves_with_any_extra_at_bedtime() -> None:
    assert parts(1500, "morning-night") == [("morning", "0.75"), ("night", "0.75")]
    # 1.25 cannot be halved into makeable doses (0.625): 0.5 morning, 0.75 bedtime.
    assert parts(1250, "morning-night") == [("morning", "0.5"), ("night", "0.75")]
    # 0.25 cannot be split at all: all at bedtime.
    assert parts(250, "morning-night") == [("morning", "0"), ("night", "0.25")]


def test_three_times_is_equal_thirds_with_any_extra_at_bedtime() -> None:
    assert parts(3000, "three-times") == [("morning", "1"), ("midday", "1"), ("night", "1")]
    assert parts(2500, "three-times") == [
        ("morning", "0.75"), ("midday", "0.75"), ("night", "1")
    ]
    # No makeable third of 0.5 mg: two doses, morning and bedtime, not midday.
    assert parts(500, "three-times") == [("morning", "0.25"), ("night", "0.25")]
    assert parts(250, "three-times") == [("morning", "0"), ("night", "0.25")]


def test_morning_first_takes_cuts_off_the_morning_dose() -> None:
    # Starting at 2 mg as 1 mg morning + 1 mg bedtime, the bedtime dose stays at 1 mg
    # until the morning dose is gone.
    assert parts(1500, "morning-night-morning-first", 1000) == [
        ("morning", "0.5"), ("night", "1")
    ]
    assert parts(1000, "morning-night-morning-first", 1000) == [
        ("morning", "0"), ("night", "1")
    ]
    assert parts(750, "morning-night-morning-first", 1000) == [
        ("morning", "0"), ("night", "0.75")
    ]


def test_split_in_a_schedule_drops_empty_times_and_adds_up() -> None:
    s = compute(plan("nardi", "2", split="morning-night-morning-first"))
    # Nardi from 2: 1.5, 1 (14 d each), then 0.75, 0.5, 0.25 weekly.
    got = [[(d.time, format_mg(d.ug)) for d in st.doses] for st in s.steps]
    assert got == [
        [("morning", "0.5"), ("night", "1")],
        [("night", "1")],
        [("night", "0.75")],
        [("night", "0.5")],
        [("night", "0.25")],
    ]
    for pattern in ("night", "morning-night", "morning-night-morning-first", "three-times"):
        for st in compute(plan("nardi", "3", split=pattern)).steps:
            assert sum(d.ug for d in st.doses) == st.daily_ug
            assert all(d.made.exact and d.ug > 0 for d in st.doses)
