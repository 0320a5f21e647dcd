"""How values are written into and read back from database columns.

Plans are stored as the JSON of ``taperdesk.model.serialize.plan_to_dict``;
reading validates with ``plan_from_dict``. A plan that would not read back as
exactly itself is refused before it is written, so a saved plan always loads.
"""

from __future__ import annotations

import json
import unicodedata
from datetime import UTC, date, datetime
from typing import Any

from taperdesk.model import Plan, PlanError
from taperdesk.model.catalogue import Catalogue
from taperdesk.model.scales import Assessment
from taperdesk.model.serialize import plan_from_dict, plan_to_dict
from taperdesk.store.errors import StoreError

MAX_NAME = 200
MAX_CLINIC_ID = 100
MAX_NOTE = 2000
EARLIEST_BIRTH = date(1900, 1, 1)
"""Dates of birth before this are refused as typing errors (TaperDesk sanity limit)."""


def normalise(text: str) -> str:
    """Search key: case-folded, accents removed, runs of spaces made one."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.split())


def now_utc() -> datetime:
    return datetime.now(UTC)


def encode_time(when: datetime) -> str:
    return when.astimezone(UTC).isoformat(timespec="microseconds")


def decode_time(text: str) -> datetime:
    """A stored UTC timestamp as an aware datetime in the computer's local time."""
    when = datetime.fromisoformat(text)
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone()


def encode_plan(plan: Plan, catalogue: Catalogue) -> str:
    """The plan's JSON text; StoreError if it would not read back as exactly this plan."""
    try:
        text = json.dumps(plan_to_dict(plan), ensure_ascii=False, sort_keys=True)
        text.encode("utf-8")  # a lone surrogate (never typed, but possible) cannot be stored
        again = plan_from_dict(json.loads(text), catalogue)
    except PlanError as exc:
        raise StoreError(f"This plan cannot be saved: {exc}") from None
    except (TypeError, ValueError, ArithmeticError) as exc:
        raise StoreError(f"This plan cannot be saved: {exc}") from None
    if again != plan:
        raise StoreError("This plan cannot be saved: it would not read back the same.")
    return text


def decode_plan(text: str, catalogue: Catalogue, what: str) -> Plan:
    """Read a stored plan; ``what`` names it in the error ('plan 3, revision 2')."""
    try:
        return plan_from_dict(json.loads(text), catalogue)
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
        raise StoreError(f"The stored {what} cannot be read ({exc}).") from None


def _score(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"score {value!r} is not a whole number")
    return value


def check_text(value: Any, field: str, limit: int, *, required: bool = False) -> str:
    """``value`` stripped, or StoreError naming ``field`` (empty, too long, control codes)."""
    if not isinstance(value, str):
        raise StoreError(f"{field} must be text")
    text: str = value.strip()
    if required and not text:
        raise StoreError(f"{field} cannot be empty")
    if len(text) > limit:
        raise StoreError(f"{field} is longer than {limit} characters")
    if any(unicodedata.category(c) in ("Cc", "Cs") and c not in "\n\t" for c in text):
        raise StoreError(f"{field} contains control characters")
    return text


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
