"""What one Session operation changed, so each view redraws only its part.

Anki's ``OpChanges`` is the model: every Session operation that writes to the
records returns a ``Changes``; the Session also emits it (``Session.changed``)
so views that did not start the operation redraw from the same record instead
of re-deriving what changed from cached copies. ``refused`` is the message when
nothing was saved (the operation changed nothing).
"""

from __future__ import annotations

from taperdesk.model.record import record


@record
class Changes:
    plan: bool = False
    """The open plan (its revision, schedule or warnings)."""
    patient: bool = False
    """The open patient's details, or which patient is open."""
    patients: bool = False
    """The patient list (added, archived, renamed)."""
    assessments: bool = False
    acknowledgements: bool = False
    """Acknowledged warnings, red flags, decisions on suggested holds."""
    appointments: bool = False
    refused: str = ""
    """Why nothing was saved; empty when the operation went through."""

    @property
    def ok(self) -> bool:
        return not self.refused

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.plan or other.plan,
            self.patient or other.patient,
            self.patients or other.patients,
            self.assessments or other.assessments,
            self.acknowledgements or other.acknowledgements,
            self.appointments or other.appointments,
            self.refused or other.refused,
        )

    @classmethod
    def refusal(cls, message: str) -> Changes:
        return cls(refused=message)


NOTHING = Changes()
EVERYTHING = Changes(True, True, True, True, True, True)
