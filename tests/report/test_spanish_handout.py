"""The Spanish patient handout read back with pypdf: no English word left, and every
calendar day prints the schedule's dose in Spanish numbers (SPEC.md, "Interop and
languages")."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from babel.numbers import format_decimal
from calendar_read import Calendar
from hypothesis import given
from hypothesis import strategies as st
from pdftext import flat, page_texts

from taperdesk.model import Plan, compute, make_protocol
from taperdesk.model.scales import shipped_scales
from taperdesk.report import HandoutInput, patient_handout
from taperdesk.report.context import NOTICES
from taperdesk.report.lang import LanguageError, lang
from taperdesk.resources import read_json

SHARED = {"plan", "CIWA", "alcohol", "total"}
"""Words Spanish writes the same way (checked by hand: all four are Spanish words too)."""
NOT_WORDS = {"note", "format", "dates", "language", "version"}
"""Keys of the text file that hold no printed words (or Babel patterns)."""


def strings(v: Any) -> list[str]:
    if isinstance(v, str):
        return [v]
    if isinstance(v, list):
        return [s for x in v for s in strings(x)]
    if isinstance(v, dict):
        return [s for k, x in v.items() if k not in NOT_WORDS for s in strings(x)]
    return []


def english_words() -> set[str]:
    """The distinctive words of the English handout: its text file, the red flags, the
    scales' item labels and anchors, the notices; four letters or more."""
    texts = strings(read_json("handout/patient.json"))
    texts += [f["label"] for f in read_json("red_flags.json")["flags"]]
    for sc in shipped_scales().values():
        texts += [i.label for i in sc.items] + list(sc.anchors.values())
    texts += list(NOTICES.values())
    words = {w for t in texts for w in re.findall(r"[A-Za-z]{4,}", t)}
    return words - SHARED - {"drug", "emergency", "name", "date", "next", "start", "anchors"}


def words_in(pdf: bytes) -> set[str]:
    return set(re.findall(r"[A-Za-záéíóúñüÁÉÍÓÚÑ]+", flat(" ".join(page_texts(pdf)))))


@pytest.fixture
def spanish(handout_input: HandoutInput) -> HandoutInput:
    return replace(handout_input, language="es", clinic=replace(handout_input.clinic, phone=""),
                   diary_scale="ciwa-b")


def test_no_english_word_is_left_on_the_spanish_handout(spanish: HandoutInput) -> None:
    english = english_words()
    assert {"Never", "suddenly", "seizures", "Bedtime", "tablets", "Symptom"} <= english
    pdf = patient_handout(spanish)
    found = words_in(pdf)
    left = {w for w in english if w in found or w.lower() in found}
    assert not left, sorted(left)
    english_pdf = words_in(patient_handout(replace(spanish, language="en")))
    assert len(english & english_pdf) > 50  # the check would find English if printed


def test_spanish_wording_dates_and_doses(spanish: HandoutInput) -> None:
    text = flat(" ".join(page_texts(patient_handout(spanish))))
    for said in ("No deje de tomar clonazepam de golpe", "Diario de síntomas",
                 "Pida ayuda ya", "Falta el teléfono de la clínica", "lun 4 ene 2027",
                 "enero de 2027", "febrero de 2027", "Página 1"):
        assert said in text, said
    assert re.search(r"½ comprimido de 0,5 mg", text) and "comprimidos de" in text


def test_every_spanish_calendar_day_prints_its_dose(spanish: HandoutInput) -> None:
    pdf = patient_handout(spanish)
    sched, w = spanish.schedule, lang("es")
    expected: Counter[tuple[object, str]] = Counter()
    day = sched.plan.start
    while day < sched.stop_date:
        expected[(day, w.mg(sched.dose_on(day)))] += 1
        day += timedelta(days=1)
    assert Calendar(w).days(pdf) == expected
    assert any("," in dose for _, dose in expected)  # decimal commas were checked


def test_quarter_tablet_words_are_spanish() -> None:
    plan = Plan("clonazepam", ("clonazepam-tab-0.5-us",), 1000, "night", date(2027, 1, 4),
                make_protocol("fixed", step_ug=125, every_days=7), allow_quarters=True)
    inp = HandoutInput(compute(plan), language="es")
    text = flat(" ".join(page_texts(patient_handout(inp))))
    assert "¼" in text and "cortador de comprimidos" in text and "tablet" not in text


def test_an_unknown_language_is_refused(handout_input: HandoutInput) -> None:
    with pytest.raises(LanguageError, match="unknown language 'xx'"):
        patient_handout(replace(handout_input, language="xx"))


@given(st.decimals(min_value=0, max_value=1000, places=3, allow_nan=False),
       st.integers(min_value=0, max_value=3), st.sampled_from(["en", "es"]))
def test_numbers_are_written_as_babel_writes_them_whatever_was_written_before(
        value: Decimal, extra_zeros: int, code: str) -> None:
    # the handout writes each number once and reuses the text: the same value with more
    # trailing zeros (1.5, 1.50) must be written the same, as Babel itself writes it
    words = lang(code)
    padded = value.quantize(Decimal(1).scaleb(-(3 + extra_zeros)))
    for v in (value, padded):
        assert words.num(v) == format_decimal(v, format="0.###", locale=code)
        assert words.ml(v) == format_decimal(v, format="0.0##", locale=code)
