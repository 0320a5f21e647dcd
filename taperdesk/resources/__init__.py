"""The one place that maps resource names to files shipped inside the package.

Everything the program reads (drug catalogue, scales, fonts, handout texts) is
looked up here, so an unknown name fails loudly instead of silently reading
nothing, and a frozen bundle finds the same files (see ``taperdesk.platform``).
"""

from __future__ import annotations

import json
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any


class ResourceError(LookupError):
    """A resource name that the package does not ship."""


def resource(name: str) -> Traversable:
    """Return the shipped file ``name`` (a relative path such as ``scales/ciwa-b.json``)."""
    path = files("taperdesk.resources")
    for part in name.split("/"):
        if not part or part in (".", ".."):
            raise ResourceError(f"bad resource name: {name!r}")
        path = path.joinpath(part)
    if not path.is_file():
        raise ResourceError(f"TaperDesk does not ship a resource named {name!r}")
    return path


def read_text(name: str) -> str:
    return resource(name).read_text(encoding="utf-8")


def read_json(name: str) -> Any:
    return json.loads(read_text(name))


def names(folder: str) -> list[str]:
    """Names of the files shipped in ``folder``, sorted."""
    base = files("taperdesk.resources").joinpath(folder)
    if not base.is_dir():
        raise ResourceError(f"TaperDesk does not ship a resource folder named {folder!r}")
    return sorted(f"{folder}/{p.name}" for p in base.iterdir() if p.is_file())
