"""Plan files (``*.taper.json``): a versioned JSON envelope around a plan.

Reading validates everything (types, ranges, dates, known drugs and products,
size, and no unknown fields, so a misspelt "edits" cannot silently drop a hold)
and raises PlanFileError naming the field; a bad file yields nothing, never a
partial plan. The format is documented in docs/PLAN_FILE.md.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from taperdesk import __version__
from taperdesk.model import Plan, PlanError
from taperdesk.model.catalogue import Catalogue, shipped_catalogue
from taperdesk.model.languages import LANGUAGES
from taperdesk.model.record import record
from taperdesk.model.serialize import plan_from_dict, plan_to_dict
from taperdesk.store.codec import MAX_CLINIC_ID, MAX_NAME, check_text, valid_plan
from taperdesk.store.errors import StoreError
from taperdesk.store.outputs import write_output

FORMAT = "taperdesk-plan"
VERSION = 1
MAX_BYTES = 2 * 1024 * 1024
SUFFIX = ".taper.json"

_ENVELOPE = ("format", "version", "written_by", "patient", "plan")
_PATIENT = ("name", "opioid_co_prescription", "born", "clinic_id", "language")
_PLAN = ("drug", "products", "start_mg", "split", "start", "protocol", "allow_quarters",
         "indication", "edits")
_PROTOCOL = ("id", "percent", "every_days", "step_mg", "steps",
             "equivalence", "then", "then_products")  # the last three: diazepam-crossover
_CUSTOM_STEP = ("mg", "days")
_EDIT = {
    "hold": ("type", "on", "days", "stretch_percent", "reason"),
    "back-step": ("type", "on", "days", "reason"),
    "pin": ("type", "step", "mg", "days"),
}


class PlanFileError(ValueError):
    """A plan file that cannot be read; the message names the file and the field."""


@record
class PlanDocument:
    plan: Plan
    patient_name: str = ""
    opioid: bool = False
    born: date | None = None
    clinic_id: str = ""
    language: str | None = None
    """The patient's handout language (a code of model.languages.LANGUAGES); None: the
    file does not say (optional field)."""


def document_to_dict(doc: PlanDocument) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "written_by": f"TaperDesk {__version__}",
        "patient": {
            "name": doc.patient_name,
            "opioid_co_prescription": doc.opioid,
            "born": doc.born.isoformat() if doc.born else None,
            "clinic_id": doc.clinic_id,
            **({"language": doc.language} if doc.language is not None else {}),
        },
        "plan": plan_to_dict(doc.plan),
    }


def write_plan_file(path: Path, doc: PlanDocument, *, force: bool = False,
                    protect: Iterable[Path] = ()) -> Path:
    """Write the file complete or not at all, mode 0600 (store/outputs.py: never over the
    records file ``protect`` names, nor over an existing file unless ``force``)."""
    text = json.dumps(document_to_dict(doc), indent=2, ensure_ascii=False) + "\n"
    return write_output(path, text.encode("utf-8"), force=force, protect=protect)


def _known(obj: Any, allowed: Iterable[str], where: str) -> None:
    if isinstance(obj, dict):
        allowed = tuple(allowed)
        for key in obj:
            if key not in allowed:
                raise PlanFileError(
                    f"{where}: unknown field {key!r} (known: {', '.join(allowed)})"
                )


def _check_fields(plan: Any) -> None:
    """Refuse unknown fields anywhere in the plan, naming the first one."""
    _known(plan, _PLAN, "plan")
    if not isinstance(plan, dict):
        return
    protocol = plan.get("protocol")
    _known(protocol, _PROTOCOL, "plan.protocol")
    if isinstance(protocol, dict):
        _known(protocol.get("then"), _PROTOCOL, "plan.protocol.then")
    if isinstance(protocol, dict) and isinstance(protocol.get("steps"), list):
        for i, s in enumerate(protocol["steps"]):
            _known(s, _CUSTOM_STEP, f"plan.protocol.steps[{i}]")
    edits = plan.get("edits")
    if isinstance(edits, list):
        for i, e in enumerate(edits):
            kind = e.get("type") if isinstance(e, dict) else None
            if isinstance(kind, str) and kind in _EDIT:
                _known(e, _EDIT[kind], f"plan.edits[{i}]")


def _born(patient: dict[str, Any]) -> date | None:
    raw = patient.get("born")
    if raw is None:
        return None
    if not isinstance(raw, str):
        raise PlanFileError("patient.born: expected a date (YYYY-MM-DD) or null")
    try:
        born = date.fromisoformat(raw)
    except ValueError:
        raise PlanFileError(f"patient.born: {raw!r} is not a date (YYYY-MM-DD)") from None
    if born > date.today() or born.year < 1900:
        raise PlanFileError(f"patient.born: {raw} is not a plausible date of birth")
    return born


def _one_line(text: str) -> str:
    """Messages quote what the file says; keep them to one line, whatever it says."""
    return text.replace("\r", "\\r").replace("\n", "\\n")


def parse_plan_document(data: Any, catalogue: Catalogue | None = None) -> PlanDocument:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise PlanFileError(f"not a TaperDesk plan file (format must be {FORMAT!r})")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise PlanFileError("version: missing or not a whole number")
    if version > VERSION:
        raise PlanFileError(
            f"version {version} is newer than this TaperDesk reads ({VERSION}); update TaperDesk"
        )
    if version < 1:
        raise PlanFileError(f"version {version} is not a known plan file version")
    _known(data, _ENVELOPE, "file")
    patient = data.get("patient")
    if patient is None:
        patient = {}
    if not isinstance(patient, dict):
        raise PlanFileError("patient: expected an object")
    _known(patient, _PATIENT, "patient")
    name = _text(patient.get("name", ""), "patient.name", MAX_NAME)
    opioid = patient.get("opioid_co_prescription", False)
    if not isinstance(opioid, bool):
        raise PlanFileError("patient.opioid_co_prescription: expected true or false")
    clinic_id = _text(patient.get("clinic_id", "") or "", "patient.clinic_id", MAX_CLINIC_ID)
    born = _born(patient)
    language = patient.get("language")
    if language is not None and (not isinstance(language, str) or language not in LANGUAGES):
        raise PlanFileError(f"patient.language: expected one of {', '.join(LANGUAGES)}, "
                            f"not {language!r}")
    if "plan" not in data:
        raise PlanFileError("plan: missing")
    _check_fields(data["plan"])
    try:
        plan = plan_from_dict(data["plan"], catalogue, holds_in_date_order=True)
        plan = valid_plan(plan, catalogue or shipped_catalogue())  # as the store will
    except (PlanError, StoreError) as exc:
        raise PlanFileError(_one_line(str(exc))) from None
    except (ArithmeticError, TypeError, ValueError, LookupError, RecursionError) as exc:
        raise PlanFileError(_one_line(f"plan: not a valid plan ({exc})")) from None
    return PlanDocument(plan, " ".join(name.split()), opioid, born, clinic_id, language)


def _text(value: Any, field: str, limit: int) -> str:
    """A text of the file cleaned as the store cleans it (codec.check_text)."""
    if not isinstance(value, str) or len(value) > limit:
        raise PlanFileError(f"{field}: expected text of at most {limit} characters")
    try:
        return check_text(value, field, limit)
    except StoreError as exc:
        raise PlanFileError(_one_line(str(exc))) from None


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise PlanFileError(f"the field {key!r} appears twice in one object")
        out[key] = value
    return out


def _constant(name: str) -> Any:
    raise PlanFileError(f"{name} is not allowed in a plan file")


def loads(text: str) -> Any:
    """Parse JSON, refusing repeated keys and NaN/Infinity (PlanFileError)."""
    return json.loads(text, object_pairs_hook=_pairs, parse_constant=_constant)


def read_plan_file(path: Path, catalogue: Catalogue | None = None) -> PlanDocument:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise PlanFileError(f"{path}: larger than {MAX_BYTES // 1024 // 1024} MB")
        raw = path.read_bytes()
    except OSError as exc:
        raise PlanFileError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if len(raw) > MAX_BYTES:
        raise PlanFileError(f"{path}: larger than {MAX_BYTES // 1024 // 1024} MB")
    try:
        data = loads(raw.decode("utf-8"))
    except PlanFileError as exc:
        raise PlanFileError(f"{path}: {exc}") from None
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise PlanFileError(f"{path}: not valid JSON ({exc})") from None
    try:
        return parse_plan_document(data, catalogue)
    except PlanFileError as exc:
        raise PlanFileError(f"{path}: {exc}") from None
