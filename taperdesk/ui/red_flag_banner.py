"""The urgent banner shown while any assessment of the open patient has a red flag
that nobody has acknowledged yet. It says what to do and stays until acknowledged.

An acknowledgement is recorded in the change log (Session.record_decisions) with who,
when and what was done; a patient need not have a plan for it to be recorded.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from taperdesk.model.scales import red_flag_source, red_flags
from taperdesk.store import AssessmentRecord, StoreError
from taperdesk.store.today import RED_FLAG_ACK as RED_FLAG_ACK
from taperdesk.ui import dialogs, theme
from taperdesk.ui.dialogs import ReasonDialog
from taperdesk.ui.session import Session
from taperdesk.ui.translation import QT_TRANSLATE_NOOP, translate

ALL_CHANGES = 1_000_000
"""Read the patient's whole change log: an old acknowledgement must never be missed."""
WHAT_TO_DO = QT_TRANSLATE_NOOP(
    "RedFlagBanner",
    "See the patient today; if it is happening now, send them for emergency care. Pause the taper "
    "until they have been reviewed.",
)
WHAT_TO_DO_SOURCE = QT_TRANSLATE_NOOP(
    "RedFlagBanner", "ASAM 2025: pause or slow the taper when significant symptoms emerge"
)


def ack_text(record: AssessmentRecord) -> str:
    """The change-log text that acknowledges this assessment's red flags."""
    return f"{RED_FLAG_ACK} {record.assessment.on.isoformat()} (#{record.id})"


class RedFlagBanner(QWidget):
    """An urgent banner while any assessment of the patient has an unacknowledged red flag."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.setObjectName("red-flag-banner")
        self.setStyleSheet("#red-flag-banner, #red-flag-banner QLabel "
                           "{ background: #b00020; color: white; }")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setToolTip(
            translate("RedFlagBanner", "Red flags: {0}\nWhat to do: {1}").format(
                red_flag_source(), translate("RedFlagBanner", WHAT_TO_DO_SOURCE)
            )
        )
        self.button = QPushButton(translate("RedFlagBanner", "Acknowledge…"))
        # The palette's own button face (dark in dark mode) with the error colour that
        # reads on it; the banner itself is white on dark red in either mode.
        theme.follow(self.button, lambda: f"{theme.error_style()}; font-weight: bold;")
        self.button.setToolTip(
            translate(
                "RedFlagBanner",
                "Record what was done about the red flag (who and when are recorded too); the "
                "banner then goes",
            )
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        self.button.clicked.connect(self.acknowledge_dialog)
        session.assessments_changed.connect(self._on_changed)
        session.patient_changed.connect(self._on_changed)
        self._on_changed()

    def pending(self) -> list[AssessmentRecord]:
        """Assessments of the open patient with red flags not yet acknowledged."""
        s = self._session
        if s.patient is None:
            return []
        flagged = [r for r in s.assessments if r.assessment.red_flags]
        if not flagged:
            return []
        try:
            done = [c.what for c in s.store.changes(patient_id=s.patient.id, limit=ALL_CHANGES)]
        except StoreError:
            done = []  # cannot tell: keep every flag showing
        return [r for r in flagged if not any(w.startswith(ack_text(r)) for w in done)]

    def _on_changed(self) -> None:
        pending = self.pending()
        self.setVisible(bool(pending))
        if not pending:
            return
        labels = {f.id: f.label for f in red_flags()}
        latest = pending[-1]
        flags = ", ".join(labels.get(f, f) for f in sorted(latest.assessment.red_flags))
        more = (
            translate("RedFlagBanner", " (and {0} earlier)").format(len(pending) - 1)
            if len(pending) > 1
            else ""
        )
        self.text.setText(
            translate(
                "RedFlagBanner", "<b>URGENT: red flag on {0:%a %d %b %Y}{1}: {2}.</b> {3}"
            ).format(latest.assessment.on, more, flags, translate("RedFlagBanner", WHAT_TO_DO))
        )

    def acknowledge(self, reason: str) -> bool:
        """Record what was done for every pending red flag; False (and nothing hidden)
        when there is no reason or the record cannot be written."""
        s = self._session
        if s.patient is None or not reason.strip():
            return False
        changes = s.record_decisions(
            [ack_text(r) for r in self.pending()],
            reason,
            failed=translate("RedFlagBanner", "The acknowledgement was not recorded: "),
        )
        self._on_changed()
        return changes.ok

    def reason_dialog(self) -> ReasonDialog:
        """The acknowledgement dialog, a child of the window, not of the banner: under the
        banner it took the banner's red stylesheet (and its red refusal was red on red)."""
        return ReasonDialog(
            translate("RedFlagBanner", "Acknowledge red flag"),
            translate(
                "RedFlagBanner",
                "What was done about it? (e.g. seen today, sent to the emergency department, "
                "taper paused). This is recorded with your name.",
            ),
            self.window(),
        )

    def acknowledge_dialog(self) -> bool:
        dialog = self.reason_dialog()
        return dialogs.run(dialog) and self.acknowledge(dialog.value())
