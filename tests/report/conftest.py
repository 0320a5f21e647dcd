from __future__ import annotations

from datetime import date

import pytest

from taperdesk.model import Plan, check, compute, insert_hold, make_protocol
from taperdesk.report import ClinicInfo, HandoutInput

US = ("clonazepam-tab-0.5-us", "clonazepam-tab-1-us", "clonazepam-tab-2-us")


@pytest.fixture
def held_plan() -> Plan:
    """Clonazepam 2 mg, nardi, morning and bedtime, a 14-day hold inside step 2.

    Step 2 is 1 mg as ½ + ½ ... and later steps need half tablets (0.75 mg = ½ + 1).
    """
    plan = Plan("clonazepam", US, 2000, "morning-night", date(2027, 1, 4), make_protocol("nardi"))
    return insert_hold(plan, date(2027, 1, 25), 14)


@pytest.fixture
def handout_input(held_plan: Plan) -> HandoutInput:
    schedule = compute(held_plan)
    return HandoutInput(
        schedule=schedule,
        warnings=check(schedule, opioid=True),
        patient_name="Jane Example",
        opioid=True,
        clinic=ClinicInfo("Riverside Clinic", "555 0100", "2027-02-01"),
    )
