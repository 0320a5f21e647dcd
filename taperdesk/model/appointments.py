"""A clinic appointment as plain data, for exports (the calendar file) and the window.

Minimal on purpose: the appointment records themselves live in the store; this is the
shape the model layer and ``taperdesk.interop`` read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

KINDS = {"visit": "Clinic visit", "phone": "Phone call with the clinic"}


@dataclass(frozen=True)
class Appointment:
    on: date
    at: time | None
    """None: a day without a set time (an all-day event in a calendar)."""
    kind: str
    """'visit' or 'phone' (``KINDS``)."""
    note: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"appointment kind {self.kind!r} is not one of {', '.join(KINDS)}")

    @property
    def label(self) -> str:
        return KINDS[self.kind]
