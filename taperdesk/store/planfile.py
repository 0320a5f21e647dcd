"""Plan files (``*.taper.json``): a versioned JSON envelope around a plan.

Reading validates everything and raises PlanFileError naming the field; a bad
file yields nothing, never a partial plan. The format is documented in
docs/PLAN_FILE.md.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from taperdesk import __version__
from taperdesk.model import Plan, PlanError
from taperdesk.model.catalogue import Catalogue
from taperdesk.model.serialize import plan_from_dict, plan_to_dict

FORMAT = "taperdesk-plan"
VERSION = 1
MAX_BYTES = 2 * 1024 * 1024


class PlanFileError(ValueError):
    """A plan file that cannot be read; the message names the file and the field."""


@dataclass(frozen=True)
class PlanDocument:
    plan: Plan
    patient_name: str = ""
    opioid: bool = False


def document_to_dict(doc: PlanDocument) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "written_by": f"TaperDesk {__version__}",
        "patient": {"name": doc.patient_name, "opioid_co_prescription": doc.opioid},
        "plan": plan_to_dict(doc.plan),
    }


def write_plan_file(path: Path, doc: PlanDocument) -> None:
    text = json.dumps(document_to_dict(doc), indent=2, ensure_ascii=False) + "\n"
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


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
    patient = data.get("patient") or {}
    if not isinstance(patient, dict):
        raise PlanFileError("patient: expected an object")
    name = patient.get("name", "")
    if not isinstance(name, str) or len(name) > 200:
        raise PlanFileError("patient.name: expected text of at most 200 characters")
    opioid = patient.get("opioid_co_prescription", False)
    if not isinstance(opioid, bool):
        raise PlanFileError("patient.opioid_co_prescription: expected true or false")
    try:
        plan = plan_from_dict(data.get("plan"), catalogue)
    except PlanError as exc:
        raise PlanFileError(str(exc)) from None
    return PlanDocument(plan, name, opioid)


def read_plan_file(path: Path, catalogue: Catalogue | None = None) -> PlanDocument:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise PlanFileError(f"{path}: larger than {MAX_BYTES // 1024 // 1024} MB")
        raw = path.read_bytes()
    except OSError as exc:
        raise PlanFileError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise PlanFileError(f"{path}: not valid JSON ({exc})") from None
    try:
        return parse_plan_document(data, catalogue)
    except PlanFileError as exc:
        raise PlanFileError(f"{path}: {exc}") from None
