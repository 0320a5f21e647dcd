"""Handout budget: the patient handout of a 12-month plan, calendar and diary (≤ 300 ms)."""

from __future__ import annotations

from datetime import timedelta

from benchmarks.data import twelve_month_plan
from benchmarks.harness import NotReady, Outcome, median, time_ms
from taperdesk.model import check, compute
from taperdesk.model.scales import make_assessment, scale

BUDGET_MS = 300.0


def handout_input(quick: bool = False) -> object:
    """What the window hands the report layer for the synthetic 12-month plan."""
    from taperdesk.report import ClinicInfo, HandoutInput

    schedule = compute(twelve_month_plan())
    ciwa = scale("ciwa-b")
    assessments = tuple(
        make_assessment(ciwa, schedule.plan.start + timedelta(days=28 * k - 7),
                        {item.id: (k + n) % 3 for n, item in enumerate(ciwa.items)})
        for k in range(2 if quick else 6)
    )
    return HandoutInput(
        schedule=schedule,
        warnings=check(schedule, opioid=True),
        patient_name="Rosa Novak (synthetic)",
        opioid=True,
        clinic=ClinicInfo("Riverside Clinic", "555 0100", "2027-02-01"),
        assessments=assessments,
    )


def patient_handout_time(quick: bool = False) -> tuple[Outcome, int]:
    """Median build time of the patient handout PDF, and its page count.

    The first build (fonts registered, images drawn for the first time) is timed
    too and reported beside the median, since a user's first Print meets it.
    """
    try:
        from taperdesk.report import patient_handout
    except ImportError as exc:
        raise NotReady(f"not there yet: taperdesk.report.patient_handout ({exc})") from None

    inp = handout_input(quick)
    pdf: bytes = b""

    def build() -> None:
        nonlocal pdf
        pdf = patient_handout(inp)  # type: ignore[arg-type]

    first = time_ms(build)
    samples = [time_ms(build) for _ in range(1 if quick else 10)]
    pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
    days = compute(twelve_month_plan()).total_days
    return (
        Outcome(
            f"patient handout PDF, 12-month plan ({days} days) with calendar and diary",
            median(samples), BUDGET_MS, "ms",
            detail=f"median of {len(samples)}; first build {first:.0f} ms; {pages} pages",
        ),
        pages,
    )
