"""A Today item's detail, and the appointment kinds, in the window's language.

The model words each detail from the facts it keeps with the item, through a ``Wording``
(model/today.py): English for the printed day, and here the window's language, with the
model's own English templates marked for Qt Linguist (tests/ui/test_window_language.py
checks the marks are the model's templates, and that English comes out word for word).
What the records hold as text (a red flag's name, a hold's reason, a note) stays as written.
"""

from __future__ import annotations

from datetime import date

from taperdesk.model.appointments import Kind
from taperdesk.model.today import TodayItem, Wording
from taperdesk.ui.translation import QT_TRANSLATE_NOOP, translate, ui_date

KINDS = {
    Kind.VISIT.value: QT_TRANSLATE_NOOP("TodayWords", "Visit"),
    Kind.PHONE.value: QT_TRANSLATE_NOOP("TodayWords", "Phone check-in"),
}
MARKED = (  # model/today.py TEMPLATES, each marked for lupdate
    QT_TRANSLATE_NOOP("TodayWords", "{0} on {1} - not acknowledged"),
    QT_TRANSLATE_NOOP("TodayWords", "{0}: the suggested hold is not decided"),
    QT_TRANSLATE_NOOP("TodayWords", "{0} at {1}"),
    QT_TRANSLATE_NOOP("TodayWords", "No active plan"),
    QT_TRANSLATE_NOOP("TodayWords", "Last dose {0} ({1} mg/day); no dose from {2}"),
    QT_TRANSLATE_NOOP("TodayWords", "{0} → {1} mg/day today"),
    QT_TRANSLATE_NOOP("TodayWords", "{0} → {1} mg/day tomorrow"),
    QT_TRANSLATE_NOOP("TodayWords", "{0} → {1} mg/day in {2} days ({3})"),
    QT_TRANSLATE_NOOP("TodayWords",
                      "Day {0} after the change to {1} mg/day on {2} (TaperDesk default)"),
    QT_TRANSLATE_NOOP("TodayWords", "Weekly while the dose falls; none recorded"),
    QT_TRANSLATE_NOOP("TodayWords", "Weekly while the dose falls; none since {0}"),
)


def kind_label(kind: Kind) -> str:
    """'Visit' / 'Phone check-in' in the window's language."""
    return translate("TodayWords", KINDS.get(kind.value, kind.label))


def _text(template: str) -> str:
    return translate("TodayWords", template)


def _short(d: date) -> str:
    return ui_date(d, "%a %d %b")


WINDOW = Wording(_text, _short, kind_label)


def detail(item: TodayItem) -> str:
    """What the item is about, as ``item.detail`` says it, in the window's language."""
    return item.worded(WINDOW)
