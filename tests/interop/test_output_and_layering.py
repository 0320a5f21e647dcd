"""taperdesk.interop loads no Qt, reportlab, sqlite3 or store."""

from __future__ import annotations

import subprocess
import sys


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
