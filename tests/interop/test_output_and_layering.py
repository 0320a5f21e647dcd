"""The export writer never replaces a file by accident and leaves nothing half-written;
taperdesk.interop loads no Qt, reportlab, sqlite3 or store."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from taperdesk.interop import OutputExists, write_export


def test_write_refuses_an_existing_file_unless_forced(tmp_path: Path) -> None:
    out = tmp_path / "plan.ics"
    write_export(out, b"first")
    assert out.read_bytes() == b"first"
    assert (out.stat().st_mode & 0o777) == 0o600
    with pytest.raises(OutputExists, match="--force"):
        write_export(out, b"second")
    assert out.read_bytes() == b"first"
    write_export(out, b"third", force=True)
    assert out.read_bytes() == b"third"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.ics"]  # no temporary left


def test_a_failed_write_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        write_export(tmp_path / "missing-folder" / "plan.ics", b"x")
    assert list(tmp_path.iterdir()) == []


def test_interop_loads_no_ui_pdf_database_or_store_modules() -> None:
    code = (
        "import sys, taperdesk.interop, taperdesk.interop.ical, taperdesk.interop.fhir,"
        " taperdesk.interop.export;"
        "from taperdesk.interop.fhir import validate;"
        "validate({'resourceType': 'Bundle', 'type': 'collection'});"
        "bad = [m for m in sys.modules if m.split('.')[0] in"
        " ('PySide6', 'pyqtgraph', 'shiboken6', 'reportlab', 'sqlite3', '_sqlite3', 'psycopg')"
        " or m.startswith(('taperdesk.store', 'taperdesk.ui', 'taperdesk.report'))];"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
