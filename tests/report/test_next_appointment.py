"""The patient's own next booked appointment on the handout, read back from the PDF: its
day, time and kind come as fields of ClinicInfo (``booked``) and are worded in the
handout's language; the clinic-wide text is printed as typed when none is booked."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

import pytest
from pdftext import flat, page_texts

from taperdesk.model.appointments import Appointment, Kind
from taperdesk.report import ClinicInfo, HandoutInput, patient_handout
from taperdesk.report.context import notices

ON = date(2027, 2, 10)  # a Wednesday, after the plan's start (2027-01-04)
LABEL = {"en": "Next appointment", "es": "Próxima cita"}


def page_one(inp: HandoutInput, language: str, appointment: Appointment | None) -> str:
    clinic = inp.clinic.booked(appointment)
    return flat(page_texts(patient_handout(replace(inp, clinic=clinic, language=language)))[0])


@pytest.mark.parametrize(("language", "appointment", "said"), [
    ("en", Appointment(ON, time(10, 30), Kind.PHONE), "Wed 10 February 2027 at 10:30 (phone "
                                                      "check-in)"),
    ("en", Appointment(ON, time(9, 5), Kind.VISIT), "Wed 10 February 2027 at 09:05 (visit)"),
    ("en", Appointment(ON, None, Kind.VISIT), "Wed 10 February 2027 (visit)"),
    ("es", Appointment(ON, time(10, 30), Kind.PHONE),
     "mié 10 de febrero de 2027 a las 10:30 (llamada de control)"),
    ("es", Appointment(ON, time(9, 5), Kind.VISIT), "mié 10 de febrero de 2027 a las 09:05 "
                                                    "(visita)"),
    ("es", Appointment(ON, None, Kind.PHONE), "mié 10 de febrero de 2027 (llamada de control)"),
])
def test_the_booked_day_time_and_kind_are_printed_in_the_handouts_language(
        handout_input: HandoutInput, language: str, appointment: Appointment, said: str) -> None:
    text = page_one(handout_input, language, appointment)
    assert f"{LABEL[language]} {said}" in text  # not the clinic-wide 2027-02-01
    other = Kind.VISIT if appointment.kind is Kind.PHONE else Kind.PHONE
    changed = page_one(handout_input, language, replace(appointment, at=time(16, 45),
                                                        kind=other))
    assert said not in changed and "16:45" in changed  # the time and kind are the fields'


def test_the_booked_day_ends_the_diary_and_an_early_one_is_noticed(
        handout_input: HandoutInput) -> None:
    c = handout_input.clinic.booked(Appointment(ON, time(10, 30), Kind.PHONE))
    assert (c.next_date, c.next_at, c.next_kind, c.next_appointment) == (
        ON, time(10, 30), Kind.PHONE, "")
    early = handout_input.clinic.booked(Appointment(date(2026, 12, 20), None, Kind.VISIT))
    said = notices(replace(handout_input, clinic=early))
    assert any("2026-12-20" in n and "before the plan starts" in n for n in said)
    assert handout_input.clinic.booked(None) == handout_input.clinic


@pytest.mark.parametrize(("typed", "said"), [
    ("2027-02-01", "Mon 1 February 2027"),
    ("2027-02-01 10:00 room 3", "Mon 1 February 2027 10:00 room 3"),
    ("Ring us to book", "Ring us to book"),
    ("", "—"),
])
def test_the_clinic_wide_text_is_printed_when_none_is_booked(
        handout_input: HandoutInput, typed: str, said: str) -> None:
    inp = replace(handout_input, clinic=ClinicInfo("Riverside Clinic", "555 0100", typed))
    assert f"{LABEL['en']} {said}" in page_one(inp, "en", None)
