"""The suggested hold: after an assessment reaches the threshold
(taperdesk.model.scales.suggest_hold), the clinician accepts it, changes it or
declines it, with a reason. The decision is recorded (Session.record_decisions); an
accepted or changed hold is one undoable edit (session.apply(symptom_hold, ...)): it keeps
the dose taken on the assessment's date for the hold's days counted from that date, so
the next cut falls on date + days (before the plan starts, the start moves later), as
the dialog says in words (taperdesk.model.describe_symptom_hold). When the plan already
keeps that dose long enough, the dialog says so and Accept records the decision without
an edit.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from taperdesk.model import PlanError, describe_symptom_hold, symptom_hold, symptom_hold_days
from taperdesk.model.scales import HoldSuggestion
from taperdesk.ui import dialogs, theme
from taperdesk.ui.hold_dialogs import HoldDialog, HoldValues
from taperdesk.ui.session import Session

DECISIONS = {"accept": "Suggested hold accepted", "change": "Suggested hold changed",
             "decline": "Suggested hold declined"}


def hold_problem(session: Session, values: HoldValues) -> str:
    """Why this hold cannot go into the open plan ('' when it can), in the model's words."""
    on, days, stretch, reason = values
    if session.plan is None:
        return "There is no plan to hold."
    try:
        symptom_hold(session.plan, on, days, stretch_percent=stretch, reason=reason,
                     catalogue=session.catalogue)
    except PlanError as exc:
        return f"This hold cannot be inserted: {exc}."
    return ""


def decide(session: Session, suggestion: HoldSuggestion, choice: str, reason: str,
           values: HoldValues | None = None) -> bool:
    """Carry out and record a decision on a suggested hold.

    'accept' inserts the suggested hold, 'change' the hold in ``values``, 'decline'
    none (a reason is required). Returns False, recording nothing, when the hold
    cannot be inserted or the decision cannot be recorded.
    """
    if session.patient is None or choice not in DECISIONS:
        return False
    if choice == "decline" and not reason.strip():
        session.show_error("Give a reason for declining the suggested hold.")
        return False
    unchanged = False
    if choice != "decline":
        if session.plan is None:
            return False
        on, days, stretch, why = values or (suggestion.on, suggestion.days, 100, "")
        try:
            unchanged = symptom_hold_days(session.plan, on, days,
                                          catalogue=session.catalogue) == 0
        except PlanError as exc:
            session.show_error(f"This hold cannot be inserted: {exc}.")
            return False
        text = f"Keep the dose {days} days from {on:%d %b %Y} (suggested hold)"
        if not unchanged and not session.apply(text, symptom_hold, on, days,
                                               stretch_percent=stretch,
                                               reason=why or reason or suggestion.reason):
            return False
    what = f"{DECISIONS[choice]}: {suggestion.reason}"
    if choice == "change" and values is not None:
        what += f"; held {values[1]} days from {values[0].isoformat()} instead"
    if unchanged:
        what += "; the plan already kept the dose that long, so it was not changed"
    if not session.record_decisions([what], reason,
                                    failed="The decision was not recorded: ").ok:
        return False
    session.show_message(DECISIONS[choice])
    return True


def in_words(session: Session, suggestion: HoldSuggestion) -> str:
    """'Stay on 1.5 mg/day for 14 days, from Mon 8 Feb; the cut to 1 mg moves to Mon 22 Feb.'
    with, on a second line, when that change was due until now; or, when the plan already
    keeps the dose that long, that in words and a prompt to choose more days."""
    plan, sched = session.plan, session.schedule
    if plan is None or sched is None:
        return f"Hold for {suggestion.days} days from {suggestion.on:%a %d %b %Y}?"
    try:
        text = describe_symptom_hold(plan, suggestion.on, suggestion.days,
                                     catalogue=session.catalogue)
        extra = symptom_hold_days(plan, suggestion.on, suggestion.days,
                                  catalogue=session.catalogue)
    except PlanError as exc:
        return f"No hold can be suggested: {exc}."
    if extra == 0:
        return f"{text}. Choose more days to postpone it."
    held = sched.dose_on(suggestion.on)
    due = next((st.start for st in sched.steps
                if st.start > suggestion.on and st.daily_ug != held),
               sched.stop_date - timedelta(days=1))
    return (f"{text}.<br>Until now that was due on {due:%a} {due.day} {due:%b %Y}; "
            f"every later step moves {extra} day{'s' if extra != 1 else ''} later with it.")


class SuggestionDialog(QDialog):
    """Offer the suggested hold: Accept, Change… (the hold dialog, prefilled) or Decline
    (a reason is required). After it closes, ``choice``, ``reason`` and ``hold_values``
    say what was chosen; nothing is changed until the caller calls ``decide``."""

    def __init__(self, suggestion: HoldSuggestion, session: Session,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Suggested hold")
        self.setMinimumWidth(480)
        self._suggestion = suggestion
        self._session = session
        self.choice = ""
        self.hold_values: HoldValues | None = None
        text = self.summary = QLabel(
            f"<b>{in_words(session, suggestion)}</b><br><br>{suggestion.reason}.")
        text.setWordWrap(True)
        source = QLabel(f"Source: {suggestion.source}")
        source.setWordWrap(True)
        theme.follow(source, theme.muted_style)
        self.reason_edit = QLineEdit()
        self.reason_edit.setMaxLength(2000)
        self.reason_edit.setPlaceholderText("required to decline; recorded with your name")
        self.error = QLabel()
        self.error.setWordWrap(True)
        theme.follow(self.error, theme.error_style)
        self.accept_button = QPushButton("&Accept the hold")
        self.change_button = QPushButton("&Change…")
        self.decline_button = QPushButton("&Decline")
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(source)
        form = QFormLayout()
        form.addRow("Reason", self.reason_edit)
        layout.addLayout(form)
        layout.addWidget(self.error)
        row = QHBoxLayout()
        for button in (self.accept_button, self.change_button, self.decline_button):
            row.addWidget(button)
        layout.addLayout(row)
        problem = hold_problem(session, (suggestion.on, suggestion.days, 100, suggestion.reason))
        if problem:  # e.g. the plan has ended: there is no dose left to hold
            self.accept_button.setEnabled(False)
            self.error.setText(f"{problem} Use Change… to choose when to hold, or Decline.")
        self.accept_button.clicked.connect(lambda: self._done("accept"))
        self.change_button.clicked.connect(lambda: self.change())
        self.decline_button.clicked.connect(lambda: self._done("decline"))

    @property
    def reason(self) -> str:
        return self.reason_edit.text().strip()

    def _done(self, choice: str) -> None:
        if choice == "decline" and not self.reason:
            self.error.setText("Say why the hold is declined; the reason is recorded.")
            self.reason_edit.setFocus()
            return
        self.choice = choice
        self.accept()

    def change_dialog(self) -> HoldDialog:
        """The hold dialog prefilled with the suggestion, checked against the open plan."""
        s = self._suggestion
        # The same hold as Accept, from the assessment's date (before the plan starts it
        # holds the current dose and moves the start), only the fields changed.
        return HoldDialog(s.on, self, days=s.days, reason=self.reason or s.reason,
                          check=lambda v: hold_problem(self._session, v))

    def change(self) -> None:
        dialog = self.change_dialog()
        if dialogs.run(dialog):
            self.hold_values = dialog.values()
            if not self.reason:
                self.reason_edit.setText(self.hold_values[3])
            self._done("change")


def offer(session: Session, suggestion: HoldSuggestion, parent: QWidget | None = None) -> bool:
    """Show the suggestion and carry out the clinician's choice; True if one was made."""
    dialog = SuggestionDialog(suggestion, session, parent)
    if not dialogs.run(dialog) or not dialog.choice:
        return False
    return decide(session, suggestion, dialog.choice, dialog.reason, dialog.hold_values)

