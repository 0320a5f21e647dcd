"""The model layer imports no Qt, reportlab or sqlite3 (STYLE.md, non-negotiable 3)."""

import subprocess
import sys

FORBIDDEN = ("PySide6", "pyqtgraph", "reportlab", "sqlite3", "psycopg", "shiboken6")


def test_model_loads_no_ui_pdf_or_database_modules() -> None:
    code = (
        "import sys, taperdesk.model, taperdesk.model.scales, taperdesk.model.dispense;"
        "from taperdesk.model import serialize, guardrails;"
        f"bad = [m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r}];"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_report_layer_does_not_import_qt_or_store() -> None:
    code = (
        "import sys, taperdesk.report;"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'sqlite3')"
        " or m.startswith('taperdesk.store') or m.startswith('taperdesk.ui')];"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
