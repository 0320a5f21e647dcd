"""A Today item's detail in the window's language.

The model words each item in English when it is read (model/today.py ``TodayItem.detail``,
used by the printed day); it keeps what the words are made of in ``facts``, so the window
words them again here through Qt Linguist, with its own day and month names. In English
both say the same, word for word (tests/ui/test_window_language.py). What the records hold
as text (a red flag's name, a hold's reason, an appointment's note) is shown as written.
"""

from __future__ import annotations

from datetime import date, timedelta

from taperdesk.model import format_mg
from taperdesk.model.appointments import Appointment, DoseChange, Kind
from taperdesk.model.today import Reason, TodayItem
from taperdesk.ui.translation import QT_TRANSLATE_NOOP, translate, ui_date

KINDS = {
    Kind.VISIT.value: QT_TRANSLATE_NOOP("TodayWords", "Visit"),
    Kind.PHONE.value: QT_TRANSLATE_NOOP("TodayWords", "Phone check-in"),
}


def kind_label(kind: Kind) -> str:
    """'Visit' / 'Phone check-in' in the window's language."""
    return translate("TodayWords", KINDS.get(kind.value, kind.label))


def _short(d: date) -> str:
    return ui_date(d, "%a %d %b")


def _red_flag(what: str, on: date) -> str:
    return translate("TodayWords", "{0} on {1} - not acknowledged").format(what, _short(on))


def _hold(why: str) -> str:
    return translate("TodayWords", "{0}: the suggested hold is not decided").format(why)


def _appointment(a: Appointment) -> str:
    text = kind_label(a.kind)
    if a.at is not None:
        text = translate("TodayWords", "{0} at {1}").format(text, f"{a.at:%H:%M}")
    return f"{text}: {a.note}" if a.note else text


def _no_plan() -> str:
    return translate("TodayWords", "No active plan")


def _plan_ends(c: DoseChange) -> str:
    return translate("TodayWords", "Last dose {0} ({1} mg/day); no dose from {2}").format(
        _short(c.on - timedelta(days=1)), format_mg(c.before_ug), _short(c.on))


def _step_change(c: DoseChange, day: date) -> str:
    days = (c.on - day).days
    if days == 0:
        return translate("TodayWords", "{0} → {1} mg/day today").format(
            format_mg(c.before_ug), format_mg(c.after_ug))
    if days == 1:
        return translate("TodayWords", "{0} → {1} mg/day tomorrow").format(
            format_mg(c.before_ug), format_mg(c.after_ug))
    return translate("TodayWords", "{0} → {1} mg/day in {2} days ({3})").format(
        format_mg(c.before_ug), format_mg(c.after_ug), days, _short(c.on))


def _check_in(c: DoseChange, checkin_day: int) -> str:
    return translate(
        "TodayWords", "Day {0} after the change to {1} mg/day on {2} (TaperDesk default)"
    ).format(checkin_day, format_mg(c.after_ug), _short(c.on))


def _assessment_due(last: date | None) -> str:
    if last is None:
        return translate("TodayWords", "Weekly while the dose falls; none recorded")
    return translate("TodayWords", "Weekly while the dose falls; none since {0}").format(
        _short(last))


_WORDS = {
    Reason.RED_FLAG: _red_flag,
    Reason.HOLD_DECISION: _hold,
    Reason.APPOINTMENT: _appointment,
    Reason.NO_PLAN: _no_plan,
    Reason.PLAN_ENDS: _plan_ends,
    Reason.STEP_CHANGE: _step_change,
    Reason.CHECK_IN: _check_in,
    Reason.ASSESSMENT_DUE: _assessment_due,
}


def detail(item: TodayItem) -> str:
    """What the item is about, as ``item.detail`` says it, in the window's language."""
    words = _WORDS.get(item.reason)
    return words(*item.facts) if words is not None else item.detail  # type: ignore[operator]
