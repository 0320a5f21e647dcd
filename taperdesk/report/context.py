"""What a handout is made from: plain model data, no Qt and no database.

Also the clinic settings handouts read (paper, emergency number, first day of the week,
clinic details) and the notices about missing or odd details, so the window, the command
line and the PDF all say the same thing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import field, replace
from datetime import date, time

from taperdesk.model.appointments import Appointment, Kind
from taperdesk.model.guardrails import PlanWarning
from taperdesk.model.record import record
from taperdesk.model.scales import Assessment
from taperdesk.model.schedule import Schedule

PAPERS = ("a4", "letter")
WEEK_STARTS = ("monday", "sunday")
EMERGENCY_NUMBERS = (("911", "US and Canada"), ("999", "UK"), ("112", "European Union"),
                     ("000", "Australia"), ("111", "New Zealand"))
"""Public emergency telephone numbers a clinic picks from (or it types its own)."""
DEFAULT_EMERGENCY = "911"
"""TaperDesk default (editable in Settings): the US number, as the default products are the
US ones. A clinic elsewhere sets its own (999 in the UK, 112 in the EU)."""

SETTING_KEYS = ("clinic_name", "clinic_phone", "next_appointment", "emergency_number",
                "paper", "week_start")
"""The records-file settings a handout reads (``Store.setting``), in the dialog's order."""


@record
class ClinicInfo:
    name: str = ""
    phone: str = ""
    next_appointment: str = ""
    """The clinic-wide next appointment (Settings, ``--next-appointment``): free text, or an
    ISO date (YYYY-MM-DD) maybe followed by more words. Printed when ``next_on`` is None."""
    emergency: str = DEFAULT_EMERGENCY
    """The emergency telephone number printed in the get-help box."""
    next_on: date | None = None
    """The patient's own next booked appointment (``booked``): its day, ..."""
    next_at: time | None = None
    """... its time of day (None: some time that day) ..."""
    next_kind: Kind | None = None
    """... and its kind; the handout words them in its language (report/patient.py)."""

    @property
    def next_date(self) -> date | None:
        """The day of the next appointment: the booked one's, else the date the clinic-wide
        text starts with, if it starts with one (the diary runs to it; a date before the
        plan is pointed out)."""
        if self.next_on is not None:
            return self.next_on
        text = self.next_appointment.strip()
        if len(text) > 10 and text[10] != " ":
            return None
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            return None

    def booked(self, appointment: Appointment | None) -> ClinicInfo:
        """These details with the patient's own next booked ``appointment`` as the next one
        (None: the clinic-wide text stays the next one)."""
        if appointment is None:
            return self
        return replace(self, next_appointment="", next_on=appointment.on,
                       next_at=appointment.at, next_kind=appointment.kind)


@record
class HandoutInput:
    schedule: Schedule
    warnings: tuple[PlanWarning, ...] = ()
    patient_name: str = ""
    opioid: bool = False
    clinic: ClinicInfo = field(default_factory=ClinicInfo)
    assessments: tuple[Assessment, ...] = ()
    acknowledgements: tuple[tuple[str, str, str, str], ...] = ()
    """(warning key, reason, who, when ISO)."""
    changes: tuple[tuple[str, str, str], ...] = ()
    """(when ISO, who, what)."""
    diary_scale: str = "checklist"
    diary_days: int = 28
    diary_start: date | None = None
    """First day of the symptom diary; default: the plan's start."""
    paper: str = "a4"
    large_print: bool = False
    born: date | None = None
    clinic_id: str = ""
    """The second identifier beside the name (date of birth and/or the clinic's ID)."""
    week_start: str = "monday"
    """The calendar's first column: "monday" or "sunday"."""
    language: str = "en"
    """The patient handout's language (a code of ``report.lang.LANGUAGES``); the clinician
    summary and the pharmacy sheet are in English."""


@record
class HandoutSettings:
    """The clinic settings of a records file as handouts use them."""

    clinic: ClinicInfo
    paper: str
    week_start: str


def handout_settings(get: Callable[[str, str], str]) -> HandoutSettings:
    """Read the handout settings through ``get(key, default)`` (e.g. ``Store.setting``);
    a paper or first day not known falls back to the default rather than failing a print."""
    paper = get("paper", "a4").strip().lower()
    week = get("week_start", "monday").strip().lower()
    clinic = ClinicInfo(get("clinic_name", "").strip(), get("clinic_phone", "").strip(),
                        get("next_appointment", "").strip(),
                        get("emergency_number", "").strip() or DEFAULT_EMERGENCY)
    return HandoutSettings(clinic, paper if paper in PAPERS else "a4",
                           week if week in WEEK_STARTS else "monday")


NOTICES = {"notice_phone": "The clinic's phone number is missing: write it in the box on "
                           "page 1 before giving this handout.",
           "notice_next": "The next appointment ({next}) is before the plan starts ({start}): "
                          "check the date."}
"""The notices' English words (the patient handout takes them from its language's texts)."""


def notices(inp: HandoutInput, words: Mapping[str, str] = NOTICES) -> list[str]:
    """What is missing or wrong in the details printed on the patient handout, in words
    (printed on the handout, said on stderr by the CLI, asked about by the window)."""
    out = []
    if not inp.clinic.phone.strip():
        out.append(words["notice_phone"])
    nxt, start = inp.clinic.next_date, inp.schedule.plan.start
    if nxt is not None and nxt < start:
        out.append(words["notice_next"].format(next=nxt.isoformat(), start=start.isoformat()))
    return out
