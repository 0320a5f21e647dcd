"""The patient header's facts (model/today.py dose_today, score_trend) and how Today's
items word their detail when read."""

from __future__ import annotations

from datetime import date, timedelta

from model_helpers import START, plan

from taperdesk.model import compute
from taperdesk.model.appointments import dose_changes
from taperdesk.model.scales import make_assessment, scale
from taperdesk.model.today import PatientDay, Reason, dose_today, score_trend, today_items

NARDI = compute(plan("nardi", "3"))  # 3 -> 2.5 -> 2 ... every 2 weeks, from START


def test_before_the_plan_the_dose_before_it_and_the_first_change_ahead() -> None:
    d = dose_today(NARDI, START - timedelta(days=3))
    assert d.before_start and d.daily_ug == 3000 and d.doses == ()
    assert d.next_change is not None and d.next_change.on == START and d.days_left == 3


def test_on_a_cut_day_the_new_dose_and_its_tablets_and_the_next_cut() -> None:
    cut = NARDI.steps[1].start
    d = dose_today(NARDI, cut)
    assert not d.before_start and d.daily_ug == NARDI.steps[1].daily_ug
    assert d.doses == NARDI.steps[1].doses and sum(t.ug for t in d.doses) == d.daily_ug
    assert d.next_change is not None and d.next_change.on == NARDI.steps[2].start
    assert d.days_left == (NARDI.steps[2].start - cut).days


def test_the_last_dose_day_points_at_the_stop_and_after_it_nothing() -> None:
    last = NARDI.stop_date - timedelta(days=1)
    d = dose_today(NARDI, last)
    assert d.next_change is not None and d.next_change.after_ug == 0 and d.days_left == 1
    after = dose_today(NARDI, NARDI.stop_date)
    assert after.daily_ug == 0 and after.doses == () and after.next_change is None


def test_score_trend_compares_the_latest_with_the_one_before_on_the_same_scale() -> None:
    ciwa, check = scale("ciwa-b"), scale("checklist")
    first = make_assessment(ciwa, START, {i.id: 0 for i in ciwa.items})
    other = make_assessment(check, START + timedelta(days=3), {i.id: 3 for i in check.items})
    latest = make_assessment(ciwa, START + timedelta(days=7), {i.id: 1 for i in ciwa.items})
    assert score_trend([]) is None
    t = score_trend([latest, first, other])  # any order: by date
    assert t is not None and t.latest == latest and t.previous == first
    assert t.change == latest.total - first.total == len(ciwa.items)
    alone = score_trend([other])
    assert alone is not None and alone.previous is None and alone.change is None


def test_an_items_detail_is_worded_when_read_the_same_every_time() -> None:
    p = PatientDay(1, "Ana Costa", "C1", 10, NARDI.plan.start, NARDI.stop_date,
                   dose_changes(NARDI))
    cut = NARDI.steps[1].start
    items = today_items(cut - timedelta(days=1), [p])
    step = next(i for i in items if i.reason is Reason.STEP_CHANGE)
    assert step.detail == step.detail == (
        f"{NARDI.steps[0].daily_ug / 1000:g} → {NARDI.steps[1].daily_ug / 1000:g} mg/day tomorrow")
    none = today_items(date(2027, 1, 1), [PatientDay(2, "Ben", "", None)])
    assert [(i.reason, i.detail) for i in none] == [(Reason.NO_PLAN, "No active plan")]
