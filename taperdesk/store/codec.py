"""How values are written into and read back from database columns.

Plans are stored as the JSON of ``taperdesk.model.serialize.plan_to_dict``;
reading validates with ``plan_from_dict``. A plan that would not read back as
exactly itself is refused before it is written, so a saved plan always loads.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

from taperdesk.model import BackStep, Hold, Plan, PlanError, compute
from taperdesk.model.catalogue import Catalogue
from taperdesk.model.plan import MAX_REASON, validate_plan
from taperdesk.model.scales import Assessment
from taperdesk.model.serialize import plan_from_dict, plan_to_dict
from taperdesk.store.errors import StoreError

MAX_NAME = 200
MAX_CLINIC_ID = 100
MAX_NOTE = 2000
EARLIEST_BIRTH = date(1900, 1, 1)
"""Dates of birth before this are refused as typing errors (TaperDesk sanity limit)."""


INVISIBLE = frozenset(
    "\u200b\u200c\u200d\u2060\ufeff"                     # zero-width spaces and joiners
    "\u200e\u200f\u202a\u202b\u202c\u202d\u202e"         # bidi marks, embeddings, overrides
    "\u2066\u2067\u2068\u2069"                           # bidi isolates
)
"""Characters that show as nothing (or reorder what follows): removed from every text
stored, so "Demo\u200b Patient" is "Demo Patient" and no text can hide or reverse part
of itself on screen or in a handout."""
_REFUSED = ("Cc", "Cf", "Cs", "Zl", "Zp")
"""Other control, format and separator characters, refused with a message."""


def _visible(text: str) -> str:
    return "".join(c for c in text if c not in INVISIBLE)


def normalise(text: str) -> str:
    """Search and uniqueness key: invisible characters dropped, case-folded, accents removed,
    runs of spaces made one (so look-alike names and clinic IDs are the same key)."""
    decomposed = unicodedata.normalize("NFKD", _visible(text).casefold())
    plain = "".join(c for c in decomposed
                    if not unicodedata.combining(c) and unicodedata.category(c) != "Cs")
    return " ".join(plain.split())


def now_utc() -> datetime:
    return datetime.now(UTC)


def encode_time(when: datetime) -> str:
    return when.astimezone(UTC).isoformat(timespec="microseconds")


def decode_time(text: Any, where: str = "a record", column: str = "time") -> datetime:
    """A stored UTC timestamp as an aware datetime in the computer's local time.

    StoreError (damaged record, naming ``where``) if the cell is not a timestamp."""
    try:
        if not isinstance(text, str):
            raise ValueError
        when = datetime.fromisoformat(text)
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        return when.astimezone()
    except (ValueError, OverflowError, OSError):
        raise damaged(where, column, text, "timestamp") from None


def clean_plan(plan: Plan) -> Plan:
    """The plan with its edits' reasons cleaned as every stored text is (check_text):
    StoreError naming the edit for a reason that cannot be stored."""
    edits = []
    for i, e in enumerate(plan.edits, 1):
        if isinstance(e, Hold | BackStep):
            reason = check_text(e.reason, f"the reason of edit {i}", MAX_REASON)
            e = replace(e, reason=reason) if reason != e.reason else e
        edits.append(e)
    return plan if tuple(edits) == plan.edits else replace(plan, edits=tuple(edits))


def valid_plan(plan: Plan, catalogue: Catalogue) -> Plan:
    """The plan cleaned, if the model accepts it: the one validation every way in (plan
    files, ``plan --from``, the window, the store) runs, so no entry point holds a plan the
    model refuses. Raises PlanError (the model's message) or StoreError (a text)."""
    plan = clean_plan(plan)
    validate_plan(plan, catalogue)
    compute(plan, catalogue)  # cached: the window's own compute of it is then free
    return plan


def encode_plan(plan: Plan, catalogue: Catalogue) -> tuple[Plan, str]:
    """(the plan as stored, its JSON text); StoreError if the model refuses the plan or it
    would not read back as exactly itself."""
    try:
        plan = valid_plan(plan, catalogue)
        text = json.dumps(plan_to_dict(plan), ensure_ascii=False, sort_keys=True)
        text.encode("utf-8")  # a lone surrogate (never typed, but possible) cannot be stored
        again = plan_from_dict(json.loads(text), catalogue)
    except PlanError as exc:
        raise StoreError(f"This plan cannot be saved: {exc}") from None
    except (TypeError, ValueError, ArithmeticError) as exc:
        raise StoreError(f"This plan cannot be saved: {exc}") from None
    if again != plan:
        raise StoreError("This plan cannot be saved: it would not read back the same.")
    return plan, text


def decode_plan(text: str, catalogue: Catalogue, what: str) -> Plan:
    """Read a stored plan; ``what`` names it in the error ('plan 3, revision 2')."""
    try:
        plan = plan_from_dict(json.loads(text), catalogue)
        compute(plan, catalogue)  # a plan the model refuses is reported here, not in a view
        return plan
    except (PlanError, TypeError, ValueError, ArithmeticError, RecursionError) as exc:
        raise StoreError(
            f"The stored {what} cannot be read ({exc}). The records file may have been "
            "edited by another program, or a drug or product it uses is no longer in the "
            "catalogue."
        ) from None


def encode_assessment(a: Assessment) -> tuple[str, str, str, str, str]:
    """(on, scale_id, scores JSON, red flags JSON, note) columns."""
    return (
        a.on.isoformat(),
        a.scale_id,
        json.dumps([[k, v] for k, v in a.scores]),
        json.dumps(sorted(a.red_flags)),
        a.note,
    )


def decode_assessment(
    on: str, scale_id: str, scores: str, flags: str, note: str, what: str
) -> Assessment:
    try:
        raw_scores: Any = json.loads(scores)
        raw_flags: Any = json.loads(flags)
        pairs = tuple((str(k), _score(v)) for k, v in raw_scores)
        if not isinstance(raw_flags, list) or not all(isinstance(f, str) for f in raw_flags):
            raise ValueError("red flags are not a list of names")
        return Assessment(date.fromisoformat(on), scale_id, pairs, frozenset(raw_flags), note)
    except (TypeError, ValueError) as exc:
        raise StoreError(f"Damaged record: the stored {what} cannot be read ({exc}).") from None


def _score(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"score {value!r} is not a whole number")
    return value


def check_text(value: Any, field: str, limit: int, *, required: bool = False) -> str:
    """``value`` cleaned for storing, or StoreError naming ``field`` and the problem.

    Cleaned: Unicode NFC, zero-width and bidi control characters (INVISIBLE) removed,
    stripped. Refused: not text, empty when ``required``, longer than ``limit``, a lone
    surrogate (not a character at all: it cannot be saved) or another control character.
    """
    if not isinstance(value, str):
        raise StoreError(f"{field} must be text")
    for c in value:
        if unicodedata.category(c) == "Cs":
            raise StoreError(f"{field} contains U+{ord(c):04X}, which is not a character "
                             "(half of a broken pair); retype the text")
    text = unicodedata.normalize("NFC", _visible(value)).strip()
    if required and not text:
        raise StoreError(f"{field} cannot be empty")
    if len(text) > limit:
        raise StoreError(f"{field} is longer than {limit} characters")
    for c in text:
        if unicodedata.category(c) in _REFUSED and c not in "\n\t":
            raise StoreError(f"{field} contains the control character U+{ord(c):04X}; "
                             "remove it")
    return text


def damaged(where: str, column: str, value: object, kind: str) -> StoreError:
    """The message for a cell that does not read: names the table and row."""
    return StoreError(
        f"Damaged record: {where} has {column} {value!r}, which is not a {kind}. The records "
        "file was changed outside TaperDesk; run 'taperdesk verify' and restore it from a "
        "backup copy (see docs/RECORDS.md)."
    )


def decode_date(text: Any, where: str, column: str) -> date:
    """A stored date; StoreError (damaged record, naming ``where``) if it is not one."""
    try:
        if not isinstance(text, str):
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        raise damaged(where, column, text, "date") from None


def check_born(value: Any, today: date) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime) or not isinstance(value, date):
        raise StoreError("date of birth must be a date")
    if value > today:
        raise StoreError(f"date of birth {value.isoformat()} is in the future")
    if value < EARLIEST_BIRTH:
        raise StoreError(f"date of birth {value.isoformat()} is before {EARLIEST_BIRTH.year}")
    return value
