"""The window's words for the model's labels, marked for Qt Linguist.

The model names warnings, times of day, step kinds and dose splits in English and imports
no Qt; the window shows them through these marked copies, so a translation covers them
(tests/ui/test_window_language.py checks every model label has one). A warning's message
and its source (a citation) stay as the model wrote them.
"""

from __future__ import annotations

from taperdesk.model.guardrails import PlanWarning
from taperdesk.model.plan import SPLITS, TIME_LABELS
from taperdesk.model.protocols import ProtocolInfo
from taperdesk.model.today import Reason
from taperdesk.ui.translation import QT_TRANSLATE_NOOP, translate

TITLES = {
    "over-max-daily-dose": QT_TRANSLATE_NOOP("Checks", "Above the maximum daily dose"),
    "cut-over-25pct-in-2-weeks": QT_TRANSLATE_NOOP("Checks", "More than 25 % cut within 2 weeks"),
    "first-cut-over-10pct": QT_TRANSLATE_NOOP("Checks", "First cut larger than 10 %"),
    "dose-rise": QT_TRANSLATE_NOOP("Checks", "A step raises the dose"),
    "dose-not-makeable": QT_TRANSLATE_NOOP("Checks", "Dose the products cannot make"),
    "abrupt-stop": QT_TRANSLATE_NOOP("Checks", "Last step stops from more than the smallest dose"),
    "longer-than-6-months": QT_TRANSLATE_NOOP("Checks", "Plan longer than 6 months"),
    "opioid-co-prescription": QT_TRANSLATE_NOOP("Checks", "Opioid co-prescription"),
}
SEVERITIES = {
    "severe": QT_TRANSLATE_NOOP("Checks", "SEVERE"),
    "alert": QT_TRANSLATE_NOOP("Checks", "ALERT"),
    "warning": QT_TRANSLATE_NOOP("Checks", "WARNING"),
    "advisory": QT_TRANSLATE_NOOP("Checks", "ADVISORY"),
}


def title(w: PlanWarning) -> str:
    """The warning's title in the window's language (the model's own for a new rule)."""
    return translate("Checks", TITLES[w.code]) if w.code in TITLES else w.title


def severity(w: PlanWarning) -> str:
    """'SEVERE', 'WARNING'… in the window's language."""
    return translate("Checks", SEVERITIES.get(w.severity, w.severity.upper()))


TIMES = {
    "morning": QT_TRANSLATE_NOOP("ModelTexts", "Morning"),
    "midday": QT_TRANSLATE_NOOP("ModelTexts", "Midday"),
    "night": QT_TRANSLATE_NOOP("ModelTexts", "Bedtime"),
}
KINDS = {
    "taper": QT_TRANSLATE_NOOP("ModelTexts", "taper"),
    "hold": QT_TRANSLATE_NOOP("ModelTexts", "hold"),
    "back-step": QT_TRANSLATE_NOOP("ModelTexts", "back-step"),
    "substitution": QT_TRANSLATE_NOOP("ModelTexts", "substitution"),
}
SPLIT_TEXTS = {
    "night": QT_TRANSLATE_NOOP("ModelTexts", "All at bedtime"),
    "morning-night": QT_TRANSLATE_NOOP(
        "ModelTexts", "Morning and bedtime, equal halves (any extra at bedtime)"),
    "morning-night-morning-first": QT_TRANSLATE_NOOP(
        "ModelTexts", "Morning and bedtime; cuts come off the morning dose first"),
    "three-times": QT_TRANSLATE_NOOP(
        "ModelTexts", "Three times a day, equal thirds (any extra at bedtime)"),
}


REASONS = {
    Reason.RED_FLAG.value: QT_TRANSLATE_NOOP("Today", "Red flag"),
    Reason.STEP_CHANGE.value: QT_TRANSLATE_NOOP("Today", "Dose change"),
    Reason.CHECK_IN.value: QT_TRANSLATE_NOOP("Today", "Check-in"),
    Reason.ASSESSMENT_DUE.value: QT_TRANSLATE_NOOP("Today", "Assessment due"),
    Reason.HOLD_DECISION.value: QT_TRANSLATE_NOOP("Today", "Hold to decide"),
    Reason.PLAN_ENDS.value: QT_TRANSLATE_NOOP("Today", "Plan ends"),
    Reason.NO_PLAN.value: QT_TRANSLATE_NOOP("Today", "No plan"),
    Reason.APPOINTMENT.value: QT_TRANSLATE_NOOP("Today", "Appointment"),
}


BANDS = {
    "none": QT_TRANSLATE_NOOP("ModelTexts", "none"),
    "mild": QT_TRANSLATE_NOOP("ModelTexts", "mild"),
    "moderate": QT_TRANSLATE_NOOP("ModelTexts", "moderate"),
    "severe": QT_TRANSLATE_NOOP("ModelTexts", "severe"),
    "very severe": QT_TRANSLATE_NOOP("ModelTexts", "very severe"),
}
"""The symptom scales' band names (TaperDesk's default bands, resources/scales). The
scales' items and anchors stay as published: a validated translation is not ours to make."""


def band_label(label: str) -> str:
    """A score band's name ('moderate' / 'moderado'); a clinic's own band as it is written."""
    return translate("ModelTexts", BANDS[label]) if label in BANDS else label


def reason_label(reason: Reason) -> str:
    """Why a patient is on Today ('Red flag', 'Dose change'…) in the window's language."""
    return translate("Today", REASONS.get(reason.value, reason.label))


def time_label(time: str) -> str:
    """'Morning' / 'Mañana'."""
    return translate("ModelTexts", TIMES.get(time, TIME_LABELS.get(time, time)))


def kind_label(kind: str, pinned: bool = False) -> str:
    """A step's kind ('hold', 'taper (pinned)') in the window's language."""
    text = translate("ModelTexts", KINDS.get(kind, kind))
    return translate("ModelTexts", "{0} (pinned)").format(text) if pinned else text


def split_label(key: str) -> str:
    """A dose split's description in the window's language."""
    return translate("ModelTexts", SPLIT_TEXTS.get(key, SPLITS.get(key, key)))


PROTOCOL_NAMES = {
    "nardi": QT_TRANSLATE_NOOP("ModelTexts", "Nardi (clonazepam)"),
    "percent-current": QT_TRANSLATE_NOOP("ModelTexts", "Percent of current dose (ASAM)"),
    "percent-start": QT_TRANSLATE_NOOP("ModelTexts", "Percent of starting dose (linear)"),
    "vissers": QT_TRANSLATE_NOOP("ModelTexts", "Vissers (75/50/25/12.5 %)"),
    "fixed": QT_TRANSLATE_NOOP("ModelTexts", "Fixed amount"),
    "custom": QT_TRANSLATE_NOOP("ModelTexts", "Custom"),
    "diazepam-crossover": QT_TRANSLATE_NOOP("ModelTexts", "Cross-over to diazepam (Ashton)"),
}
PROTOCOL_RULES = {
    "nardi": QT_TRANSLATE_NOOP(
        "ModelTexts", "Cut 0.5 mg/day every 2 weeks until 1 mg/day, then 0.25 mg/day every "
        "week, to zero; a cut that would pass 1 mg stops at 1 mg."),
    "percent-current": QT_TRANSLATE_NOOP(
        "ModelTexts", "Cut P % of the current dose every D days, to a dose the products can "
        "make (ASAM default 5–10 % every 2–4 weeks)."),
    "percent-start": QT_TRANSLATE_NOOP(
        "ModelTexts", "Cut P % of the starting dose every D days, e.g. 25 % every 2 weeks."),
    "vissers": QT_TRANSLATE_NOOP(
        "ModelTexts", "75, 50, 25 and 12.5 % of the starting dose, 2 weeks each, then stop; "
        "each dose rounded to one the products can make (rounding is flagged)."),
    "fixed": QT_TRANSLATE_NOOP("ModelTexts", "Cut X mg/day every D days."),
    "custom": QT_TRANSLATE_NOOP("ModelTexts", "Steps typed or dragged by the clinician."),
    "diazepam-crossover": QT_TRANSLATE_NOOP(
        "ModelTexts", "Replace one dose of the day at a time with its diazepam equivalent "
        "(ASAM 2025 Table 7, Ashton or VA/DoD column), night dose first; then taper diazepam "
        "by the protocol chosen."),
}


def protocol_name(info: ProtocolInfo) -> str:
    """A protocol's name in the window's language (the model's own for a new protocol)."""
    key = str(info.id)
    return translate("ModelTexts", PROTOCOL_NAMES[key]) if key in PROTOCOL_NAMES else info.name


def protocol_rule(info: ProtocolInfo) -> str:
    """A protocol's rule in the window's language; the model's when the marked copy is not
    the model's text any more (a changed rule must not show an old translation)."""
    key = str(info.id)
    if PROTOCOL_RULES.get(key) != info.rule:
        return info.rule
    return translate("ModelTexts", PROTOCOL_RULES[key])
