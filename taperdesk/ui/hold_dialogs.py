"""The hold and back-step dialogs, used by the chart's context menu, the step table's
keyboard actions and the suggested-hold flow.

Plain classes: a test builds one, fills the fields and calls ``accept()``; the
window shows them through ``taperdesk.ui.dialogs.run``. ``check`` (optional) is
asked before accepting (the caller tries the model operation on the open plan),
so a date outside the plan is refused in the dialog, at the field, not after it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from taperdesk.model.plan import MAX_STRETCH_PERCENT
from taperdesk.model.protocols import MAX_DAYS
from taperdesk.model.schedule import BACK_STEP_SOURCE, HOLD_SOURCE
from taperdesk.ui import theme
from taperdesk.ui.dialogs import date_edit
from taperdesk.ui.translation import QT_TRANSLATE_NOOP, translate

PACES = (
    (QT_TRANSLATE_NOOP("HoldDialogs", "Same pace as before"), 100),
    (QT_TRANSLATE_NOOP("HoldDialogs", "Slower: later steps 1½ times as long (150 %)"), 150),
    (QT_TRANSLATE_NOOP("HoldDialogs", "Slower: later steps twice as long (200 %)"), 200),
    (QT_TRANSLATE_NOOP("HoldDialogs", "Slower, by another amount…"), 0),
)
"""How the taper resumes after a hold (the stretch percent of later protocol steps)."""
LENGTHS = (
    (7, QT_TRANSLATE_NOOP("HoldDialogs", "1 week")),
    (14, QT_TRANSLATE_NOOP("HoldDialogs", "2 weeks")),
)
REASON_MAX = 2000
HoldValues = tuple[date, int, int, str]
"""(first day, days, stretch percent, reason)."""


def _date_edit(on: date) -> QDateEdit:
    return date_edit(on)


def _day(edit: QDateEdit) -> date:
    q = edit.date()
    return date(q.year(), q.month(), q.day())


def _label(text: str, style: Callable[[], str]) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    theme.follow(label, style)
    return label


class _Dialog(QDialog):
    """A form with an error line at the bottom and OK refused while ``problem()`` says so."""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout(self)
        self.error = _label("", theme.error_style)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def finish(self, source: str) -> None:
        self.form.addRow(
            _label(translate("HoldDialogs", "Source: {0}").format(source), theme.muted_style)
        )
        self.form.addRow(self.error)
        self.form.addRow(self.buttons)

    def problem(self) -> str:
        return ""

    def accept(self) -> None:
        msg = self.problem()
        self.error.setText(msg)
        if not msg:
            super().accept()


class HoldDialog(_Dialog):
    """Insert a hold: from which day, for how long (1 week, 2 weeks or custom), how the
    taper resumes after it (same pace or slower) and why."""

    def __init__(self, on: date, parent: QWidget | None = None, days: int = 14,
                 reason: str = "", *, stretch: int = 100,
                 check: Callable[[HoldValues], str] | None = None) -> None:
        super().__init__(translate("HoldDialogs", "Insert a hold"), parent)
        self._check = check
        self.date = _date_edit(on)
        self.length = QButtonGroup(self)
        row = QHBoxLayout()
        for n, text in LENGTHS:
            button = QRadioButton(translate("HoldDialogs", text))
            self.length.addButton(button, n)
            row.addWidget(button)
        custom = QRadioButton(translate("HoldDialogs", "Custom:"))
        self.length.addButton(custom, 0)
        self.days = QSpinBox()
        self.days.setRange(1, MAX_DAYS)
        self.days.setSuffix(translate("HoldDialogs", " days"))
        self.days.setValue(days)
        row.addWidget(custom)
        row.addWidget(self.days)
        row.addStretch(1)
        (self.length.button(days) or custom).setChecked(True)
        self.days.setEnabled(custom.isChecked())
        self.length.idToggled.connect(self._on_length)
        self.pace = QComboBox()
        for text, pct in PACES:
            self.pace.addItem(translate("HoldDialogs", text), pct)
        self.stretch = QSpinBox()
        self.stretch.setRange(101, MAX_STRETCH_PERCENT)
        self.stretch.setSuffix(" %")
        self.stretch.setValue(stretch if stretch > 100 else 150)
        self.stretch.setToolTip(
            translate("HoldDialogs", "Later protocol steps last this much of their planned length")
        )
        index = self.pace.findData(stretch)
        self.pace.setCurrentIndex(index if index >= 0 else len(PACES) - 1)
        self.stretch.setVisible(self.pace.currentData() == 0)
        self.pace.currentIndexChanged.connect(
            lambda _i: self.stretch.setVisible(self.pace.currentData() == 0))
        pace_row = QHBoxLayout()
        pace_row.addWidget(self.pace, 1)
        pace_row.addWidget(self.stretch)
        self.reason = QLineEdit(reason)
        self.reason.setMaxLength(REASON_MAX)
        self.reason.setPlaceholderText(
            translate("HoldDialogs", "e.g. CIWA-B 24, poor sleep since the last cut")
        )
        self.form.addRow(translate("HoldDialogs", "From"), self.date)
        self.form.addRow(translate("HoldDialogs", "Stay on the dose for"), row)
        self.form.addRow(translate("HoldDialogs", "Then resume"), pace_row)
        self.form.addRow(translate("HoldDialogs", "Reason"), self.reason)
        self.finish(HOLD_SOURCE)

    def _on_length(self, button_id: int, checked: bool) -> None:
        if checked:
            self.days.setEnabled(button_id == 0)
            if button_id:
                self.days.setValue(button_id)

    def set_length(self, days: int) -> None:
        """Choose 1 week, 2 weeks or a custom number of days (as a user would)."""
        button = self.length.button(days) or self.length.button(0)
        button.setChecked(True)
        self.days.setValue(days)

    def values(self) -> HoldValues:
        pct = int(self.pace.currentData()) or self.stretch.value()
        return _day(self.date), self.days.value(), pct, self.reason.text().strip()

    def problem(self) -> str:
        msg = self._check(self.values()) if self._check else ""
        if msg:
            self.date.setFocus()
        return msg


class BackStepDialog(_Dialog):
    """Return to the previous dose for a time; the reason is required (ASAM 2025: rare)."""

    def __init__(self, on: date, parent: QWidget | None = None, days: int = 7, *,
                 check: Callable[[tuple[date, int, str]], str] | None = None) -> None:
        super().__init__(translate("HoldDialogs", "Back-step to the previous dose"), parent)
        self._check = check
        self.date = _date_edit(on)
        self.days = QSpinBox()
        self.days.setRange(1, MAX_DAYS)
        self.days.setValue(days)
        self.days.setSuffix(translate("HoldDialogs", " days"))
        self.reason = QLineEdit()
        self.reason.setMaxLength(REASON_MAX)
        self.reason.setPlaceholderText(
            translate("HoldDialogs", "required: why the previous dose again")
        )
        self.form.addRow(translate("HoldDialogs", "From"), self.date)
        self.form.addRow(translate("HoldDialogs", "For"), self.days)
        self.form.addRow(translate("HoldDialogs", "Reason"), self.reason)
        self.finish(BACK_STEP_SOURCE)

    def problem(self) -> str:
        if not self.reason.text().strip():
            self.reason.setFocus()
            return translate(
                "HoldDialogs", "Give the reason for the back-step; it is recorded with the plan."
            )
        msg = self._check(self.values()) if self._check else ""
        if msg:
            self.date.setFocus()
        return msg

    def values(self) -> tuple[date, int, str]:
        return _day(self.date), self.days.value(), self.reason.text().strip()
