"""The patient header above the chart: today's dose (mg, and the tablets at each time of
day), the next change (date, new dose, days left), the next appointment, the latest
score with its trend (SPEC "The clinic's day"). A patient with no plan gets a clear
empty state with "New plan…"; no patient, a line saying to choose one.

The figures come from taperdesk.model.today (dose_today, score_trend); this widget
only words them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from taperdesk.model.instructions import dose_short
from taperdesk.model.scales import ScaleError, scale
from taperdesk.model.today import dose_today, score_trend
from taperdesk.model.units import format_mg
from taperdesk.store import StoreError
from taperdesk.ui.changes import Changes
from taperdesk.ui.model_texts import time_label
from taperdesk.ui.session import Session

HEADER_STYLE = "QFrame#patient-header { background: palette(alternate-base); }"
EMPTY_STYLE = "font-size: 11pt; padding: 4px;"


class PatientHeader(QFrame):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("patient-header")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._session = session
        self.stack = QStackedWidget()
        # the facts: today's dose across the top, the next change, appointment and score
        # under it (each a title and its value, wrapped within its column)
        facts = QWidget()
        grid = QGridLayout(facts)
        grid.setContentsMargins(6, 3, 6, 3)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(2)
        self.dose = QLabel()
        self.next_change = QLabel()
        self.appointment = QLabel()
        self.score = QLabel()
        self._titles = {self.dose: self.tr("Today"), self.next_change: self.tr("Next change"),
                        self.appointment: self.tr("Next appointment"),
                        self.score: self.tr("Latest score")}
        for value in self._titles:
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.dose, 0, 0, 1, 3)
        for col, value in enumerate((self.next_change, self.appointment, self.score)):
            grid.addWidget(value, 1, col)
            grid.setColumnStretch(col, 1)
        # the empty state: no plan (a button to make one), or no patient
        empty = QWidget()
        row = QHBoxLayout(empty)
        row.setContentsMargins(4, 2, 4, 2)
        self.empty = QLabel()
        self.empty.setStyleSheet(EMPTY_STYLE)
        self.empty.setWordWrap(True)
        self.new_plan_button = QPushButton(self.tr("New plan…"))
        row.addWidget(self.empty, 1)
        row.addWidget(self.new_plan_button)
        self.stack.addWidget(facts)
        self.stack.addWidget(empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        session.plan_changed.connect(self._on_plan_changed)
        session.changed.connect(self._on_changed)
        self._refresh()

    def _on_plan_changed(self) -> None:
        self._refresh(moving=self._session.dragging)  # follows a drag as it moves

    def _on_changed(self, changes: Changes) -> None:
        if changes.appointments or changes.assessments or changes.patient:
            self._refresh()

    @property
    def showing_empty(self) -> bool:
        return self.stack.currentIndex() == 1

    def _refresh(self, *, moving: bool = False) -> None:
        """``moving``: a drag is under way; only the dose and the next change can change
        (no records read at each move of the mouse)."""
        s = self._session
        if s.patient is None or s.schedule is None:
            self.stack.setCurrentIndex(1)
            self.new_plan_button.setVisible(s.patient is not None)
            self.empty.setText(self.tr("Choose a patient (or add one) to see their plan.")
                               if s.patient is None else
                               self.tr("{0} has no plan yet. Make one with New plan…; the "
                                       "chart, the steps and the handout follow from it.")
                               .format(s.patient.name))
            return
        self.stack.setCurrentIndex(0)
        day = s.today()
        d = dose_today(s.schedule, day)
        if d.before_start:
            self._show(self.dose, self.tr("{0} mg/day (before the plan starts on "
                                          "{1:%a %d %b})").format(format_mg(d.daily_ug),
                                                                  s.schedule.plan.start))
        elif d.daily_ug == 0:
            self._show(self.dose, self.tr("No dose: the plan ended on {0:%a %d %b %Y}")
                       .format(s.schedule.stop_date))
        else:
            times = "; ".join(f"{time_label(t.time)} {dose_short(t)}" for t in d.doses)
            self._show(self.dose, self.tr("<b>{0} mg/day</b> — {1}").format(
                format_mg(d.daily_ug), times))
        c = d.next_change
        if c is None or d.days_left is None:
            self._show(self.next_change, self.tr("none: the plan has ended"))
        else:
            new = self.tr("stop (no dose)") if c.after_ug == 0 else \
                self.tr("{0} mg/day").format(format_mg(c.after_ug))
            left = self.tr("today") if d.days_left == 0 else self.tr("tomorrow") \
                if d.days_left == 1 else self.tr("in {0} days").format(d.days_left)
            self._show(self.next_change, f"{c.on:%a %d %b} → {new}, {left}")
        if not moving:
            self._show(self.appointment, self._next_appointment(day))
            self._show(self.score, self._score())

    def _show(self, label: QLabel, text: str) -> None:
        label.setText(f"<b>{self._titles[label]}:</b> {text}")

    def _next_appointment(self, day: object) -> str:
        s = self._session
        try:
            rec = s.store.next_appointment(s.patient.id, day) if s.patient else None  # type: ignore[arg-type]
        except StoreError:
            return ""
        if rec is None:
            return self.tr("none booked")
        a = rec.appointment
        return a.describe() + (f" ({a.note[:60]})" if a.note else "")

    def _score(self) -> str:
        trend = score_trend([r.assessment for r in self._session.assessments])
        if trend is None:
            return self.tr("none recorded")
        a, change = trend.latest, trend.change
        text = self.tr("{0} total {1} on {2:%a %d %b}").format(
            _scale_name(a.scale_id), a.total, a.on)
        if change is None:
            return text + ", " + self.tr("the first on this scale")
        arrow = "▲" if change > 0 else "▼" if change < 0 else "="
        return text + ", " + self.tr("{0} {1:+d} since {2:%d %b}").format(
            arrow, change, trend.previous.on if trend.previous else a.on)


def _scale_name(scale_id: str) -> str:
    try:
        return scale(scale_id).name
    except ScaleError:
        return scale_id
