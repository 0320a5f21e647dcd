"""The one place that maps resource names to the files TaperDesk ships.

Everything the program reads (drug catalogue, scales, red flags, fonts, handout texts,
translations, icons) lives in the project's top-level ``resources/`` folder and is looked
up here, so an unknown name fails loudly instead of silently reading nothing. The folder
is found wherever TaperDesk runs (``root``):

- frozen (the PyInstaller bundle, packaging/taperdesk.spec): ``resources/`` in the
  folder the bundle unpacked to (``taperdesk.platform.bundle_dir()``);
- from the source tree or an editable install: ``resources/`` at the project's top,
  two folders above this file;
- installed from the wheel: the package ``taperdesk.resources.shipped``, which setup.py
  maps to ``resources/`` when it builds the wheel.
"""

from __future__ import annotations

import json
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from taperdesk.platform import bundle_dir

SHIPPED = "taperdesk.resources.shipped"
"""The package the wheel carries ``resources/`` as (setup.py's package_dir)."""
MARKER = "drugs.json"
"""A file every resources folder has: how a candidate folder is recognised."""


class ResourceError(LookupError):
    """A resource name that TaperDesk does not ship."""


def root() -> Traversable:
    """The shipped ``resources/`` folder: frozen, source/editable, or installed wheel."""
    bundle = bundle_dir()
    if bundle is not None:
        return bundle / "resources"
    source = Path(__file__).resolve().parents[2] / "resources"
    if (source / MARKER).is_file():
        return source
    try:
        shipped = files(SHIPPED)
    except ModuleNotFoundError:
        raise ResourceError(
            f"TaperDesk's resources folder is missing (looked in {source} and the "
            f"installed package {SHIPPED})") from None
    marker = shipped.joinpath(MARKER)  # a plain folder once installed: give it as a Path
    return marker.parent if isinstance(marker, Path) else shipped


def resource(name: str) -> Traversable:
    """Return the shipped file ``name`` (a relative path such as ``scales/ciwa-b.json``)."""
    path = root()
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
    base = root().joinpath(folder)
    if not base.is_dir():
        raise ResourceError(f"TaperDesk does not ship a resource folder named {folder!r}")
    return sorted(f"{folder}/{p.name}" for p in base.iterdir() if p.is_file())
