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
from taperdesk.ui.translation import QT_TRANSLATE_NOOP, translate

DECISIONS = {
    "accept": QT_TRANSLATE_NOOP("HoldSuggestion", "Suggested hold accepted"),
    "change": QT_TRANSLATE_NOOP("HoldSuggestion", "Suggested hold changed"),
    "decline": QT_TRANSLATE_NOOP("HoldSuggestion", "Suggested hold declined"),
}


def hold_problem(session: Session, values: HoldValues) -> str:
    """Why this hold cannot go into the open plan ('' when it can), in the model's words."""
    on, days, stretch, reason = values
    if session.plan is None:
        return translate("HoldSuggestion", "There is no plan to hold.")
    try:
        symptom_hold(session.plan, on, days, stretch_percent=stretch, reason=reason,
                     catalogue=session.catalogue)
    except PlanError as exc:
        return translate("HoldSuggestion", "This hold cannot be inserted: {0}.").format(exc)
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
        session.show_error(
            translate("HoldSuggestion", "Give a reason for declining the suggested hold.")
        )
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
            session.show_error(
                translate("HoldSuggestion", "This hold cannot be inserted: {0}.").format(exc)
            )
            return False
        text = translate(
            "HoldSuggestion", "Keep the dose {0} days from {1:%d %b %Y} (suggested hold)"
        ).format(days, on)
        if not unchanged and not session.apply(text, symptom_hold, on, days,
                                               stretch_percent=stretch,
                                               reason=why or reason or suggestion.reason):
            return False
    what = f"{DECISIONS[choice]}: {suggestion.reason}"
    if choice == "change" and values is not None:
        what += translate("HoldSuggestion", "; held {0} days from {1} instead").format(
            values[1], values[0].isoformat()
        )
    if unchanged:
        what += translate(
            "HoldSuggestion", "; the plan already kept the dose that long, so it was not changed"
        )
    if not session.record_decisions(
        [what], reason, failed=translate("HoldSuggestion", "The decision was not recorded: ")
    ).ok:
        return False
    session.show_message(translate("HoldSuggestion", DECISIONS[choice]))
    return True


def in_words(session: Session, suggestion: HoldSuggestion) -> str:
    """'Stay on 1.5 mg/day for 14 days, from Mon 8 Feb; the cut to 1 mg moves to Mon 22 Feb.'
    with, on a second line, when that change was due until now; or, when the plan already
    keeps the dose that long, that in words and a prompt to choose more days."""
    plan, sched = session.plan, session.schedule
    if plan is None or sched is None:
        return translate("HoldSuggestion", "Hold for {0} days from {1:%a %d %b %Y}?").format(
            suggestion.days, suggestion.on
        )
    try:
        text = describe_symptom_hold(plan, suggestion.on, suggestion.days,
                                     catalogue=session.catalogue)
        extra = symptom_hold_days(plan, suggestion.on, suggestion.days,
                                  catalogue=session.catalogue)
    except PlanError as exc:
        return translate("HoldSuggestion", "No hold can be suggested: {0}.").format(exc)
    if extra == 0:
        return translate("HoldSuggestion", "{0}. Choose more days to postpone it.").format(text)
    held = sched.dose_on(suggestion.on)
    due = next((st.start for st in sched.steps
                if st.start > suggestion.on and st.daily_ug != held),
               sched.stop_date - timedelta(days=1))
    return translate(
        "HoldSuggestion",
        "{0}.<br>Until now that was due on {1:%a} {2} {3:%b %Y}; every later step moves {4} "
        "day{5} later with it.",
    ).format(text, due, due.day, due, extra, "s" if extra != 1 else "")


class SuggestionDialog(QDialog):
    """Offer the suggested hold: Accept, Change… (the hold dialog, prefilled) or Decline
    (a reason is required). After it closes, ``choice``, ``reason`` and ``hold_values``
    say what was chosen; nothing is changed until the caller calls ``decide``."""

    def __init__(self, suggestion: HoldSuggestion, session: Session,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("HoldSuggestion", "Suggested hold"))
        self.setMinimumWidth(480)
        self._suggestion = suggestion
        self._session = session
        self.choice = ""
        self.hold_values: HoldValues | None = None
        text = self.summary = QLabel(
            translate("HoldSuggestion", "<b>{0}</b><br><br>{1}.").format(
                in_words(session, suggestion), suggestion.reason
            )
        )
        text.setWordWrap(True)
        source = QLabel(translate("HoldSuggestion", "Source: {0}").format(suggestion.source))
        source.setWordWrap(True)
        theme.follow(source, theme.muted_style)
        self.reason_edit = QLineEdit()
        self.reason_edit.setMaxLength(2000)
        self.reason_edit.setPlaceholderText(
            translate("HoldSuggestion", "required to decline; recorded with your name")
        )
        self.error = QLabel()
        self.error.setWordWrap(True)
        theme.follow(self.error, theme.error_style)
        self.accept_button = QPushButton(translate("HoldSuggestion", "&Accept the hold"))
        self.change_button = QPushButton(translate("HoldSuggestion", "&Change…"))
        self.decline_button = QPushButton(translate("HoldSuggestion", "&Decline"))
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(source)
        form = QFormLayout()
        form.addRow(translate("HoldSuggestion", "Reason"), self.reason_edit)
        layout.addLayout(form)
        layout.addWidget(self.error)
        row = QHBoxLayout()
        for button in (self.accept_button, self.change_button, self.decline_button):
            row.addWidget(button)
        layout.addLayout(row)
        problem = hold_problem(session, (suggestion.on, suggestion.days, 100, suggestion.reason))
        if problem:  # e.g. the plan has ended: there is no dose left to hold
            self.accept_button.setEnabled(False)
            self.error.setText(
                translate(
                    "HoldSuggestion", "{0} Use Change… to choose when to hold, or Decline."
                ).format(problem)
            )
        self.accept_button.clicked.connect(lambda: self._done("accept"))
        self.change_button.clicked.connect(lambda: self.change())
        self.decline_button.clicked.connect(lambda: self._done("decline"))

    @property
    def reason(self) -> str:
        return self.reason_edit.text().strip()

    def _done(self, choice: str) -> None:
        if choice == "decline" and not self.reason:
            self.error.setText(
                translate("HoldSuggestion", "Say why the hold is declined; the reason is recorded.")
            )
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

