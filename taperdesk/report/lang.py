"""The patient handout's words in one language: per-language text files
(resources/handout/patient.json for English, resources/handout/<code>/patient.json for
the others) and Babel for dates and numbers (SPEC.md, "Interop and languages")."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any

from babel import Locale
from babel.dates import format_date, get_day_names
from babel.numbers import format_decimal, get_decimal_symbol

from taperdesk.model.daily import TimedDose
from taperdesk.model.doses import Unit
from taperdesk.model.languages import DEFAULT_LANGUAGE, LANGUAGES, LanguageError, check_language
from taperdesk.model.record import record
from taperdesk.model.schedule import Step
from taperdesk.model.units import format_count, mg_decimal
from taperdesk.resources import read_json


def text_file(name: str, code: str) -> str:
    """The resource name of handout text ``name`` in language ``code``."""
    check_language(code)
    return f"handout/{name}.json" if code == DEFAULT_LANGUAGE else f"handout/{code}/{name}.json"


@record
class Lang:
    """How one language writes a handout's dates, numbers and doses."""

    code: str
    t: dict[str, Any]
    """The raw texts of handout/…/patient.json ({drug} not yet filled in)."""

    def num(self, value: Decimal) -> str:
        """A plain decimal in the language's way ("0.75", "0,75"); at most 3 places, which
        is exact for micrograms written in mg."""
        return _decimal(value, "0.###", self.code)

    def ml(self, ml: Decimal) -> str:
        """Millilitres with their tenth ("5.0", "0,7"), as the model writes them."""
        return _decimal(ml, "0.0##", self.code)

    def mg(self, ug: int) -> str:
        """'0.75' / '0,75' (no unit)."""
        return self.num(mg_decimal(ug))

    def count(self, count: Decimal) -> str:
        """'1½'; a count that is no half or quarter in the language's decimals."""
        return format_count(count).replace(".", str(get_decimal_symbol(_locale(self.code))))

    def date(self, d: date, pattern: str = "long_date") -> str:
        """``d`` through the Babel pattern named ``pattern`` in the texts."""
        return str(format_date(d, self.t["dates"][pattern], locale=_locale(self.code)))

    def weekdays(self) -> tuple[str, ...]:
        """Short weekday names, Monday first."""
        names = get_day_names("abbreviated", locale=_locale(self.code))
        return tuple(str(names[i]).rstrip(".") for i in range(7))

    def time(self, time: str, short: bool = False) -> str:
        return str(self.t["times_short" if short else "times"][time])

    def unit_plain(self, u: Unit) -> str:
        """'1½ tablets of 0.5 mg' / '1½ comprimidos de 0,5 mg'."""
        p, w = u.product, self.t["doses"]
        if p.is_liquid:
            return str(w["liquid"]).format(ml=self.ml(u.ml),
                                           mg=self.mg(p.ug_per_ml * 5))
        one, many = w["nouns"].get(p.form, w["nouns"]["tablet"])
        noun = one if u.count <= Decimal(1) else many
        return str(w["unit"]).format(count=self.count(u.count), noun=noun,
                                     mg=self.mg(p.strength_ug))

    def dose_plain(self, d: TimedDose, named: bool = False) -> str:
        """'Morning: 1½ tablets of 0.5 mg (0.75 mg)' in the language; ``named`` (two drugs
        share the day, a cross-over): each unit names its drug."""
        w = self.t["doses"]
        drug = f" {d.drug}" if named else ""
        units = str(w["join"]).join(self.unit_plain(u) + drug for u in d.units)
        return str(w["dose"]).format(time=self.time(d.time), units=units, mg=self.mg(d.ug))

    def chip(self, u: Unit, named: bool = False) -> tuple[str, str]:
        """(text over, text under) a product's picture in a calendar day; ``named``: two
        drugs share the day, so the words under name the drug ('1×10 mg diazepam')."""
        p = u.product
        drug = f" {p.drug}" if named else ""
        if p.is_liquid:
            return f"{self.ml(u.ml)} mL", f"{self.mg(p.ug_per_ml * 5)} mg/5 mL{drug}"
        return "", f"{self.count(u.count)}×{self.mg(p.strength_ug)} mg{drug}"

    def totals(self, step: Step) -> str:
        """A step's daily total, '1.5 mg'; a cross-over step names each drug:
        'lorazepam 2 mg + diazepam 10 mg' (drug names are the same in the shipped
        languages)."""
        if not step.names_drugs:
            return f"{self.mg(step.daily_ug)} mg"
        return " + ".join(f"{drug} {self.mg(step.drug_ug(drug))} mg" for drug in step.drugs)

    def label(self, group: str, key: str, default: str) -> str:
        """A translated label of a shipped list (red flags, scale items and anchors);
        English keeps the list's own words."""
        return str(self.t.get(group, {}).get(key, default))


@lru_cache(maxsize=8)
def _locale(code: str) -> Locale:
    """Babel's locale for ``code``, read once: given the code, each of Babel's calls
    parsed it again (a handout makes about a thousand of them)."""
    return Locale.parse(code)


@lru_cache(maxsize=1024)
def _decimal(value: Decimal, pattern: str, code: str) -> str:
    """``value`` through Babel's number ``pattern`` (doses repeat on every page; equal
    values are written alike, since the pattern fixes the places)."""
    return str(format_decimal(value, format=pattern, locale=_locale(code)))


@lru_cache(maxsize=8)
def lang(code: str = DEFAULT_LANGUAGE) -> Lang:
    """The handout words of language ``code`` (LanguageError if not shipped)."""
    return Lang(code, read_json(text_file("patient", code)))


__all__ = ["LANGUAGES", "Lang", "LanguageError", "check_language", "lang", "text_file"]
