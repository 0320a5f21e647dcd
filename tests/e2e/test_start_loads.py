"""What the window's start loads: what its first paint needs, not what a dialog, a handout,
a plan file or a password check needs later (each loads when first used)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from taperdesk.store import Store, load_demo

START = ("import sys; from taperdesk.app import main; code = main(sys.argv[1:]); "
         "print('loaded', ' '.join(sorted(sys.modules))); sys.exit(code)")
LATER = ("argon2", "reportlab", "psycopg", "platformdirs", "secrets", "taperdesk.report",
         "taperdesk.cli", "taperdesk.store.planfile", "taperdesk.ui.settings_dialog",
         "taperdesk.ui.printing", "taperdesk.ui.about", "taperdesk.ui.new_plan",
         "taperdesk.ui.hold_dialogs", "taperdesk.ui.hold_suggestion",
         "taperdesk.ui.appointments_dialog", "pyqtgraph.imageview", "pyqtgraph.parametertree",
         "pyqtgraph.multiprocess", "pyqtgraph.widgets.ColorMapWidget",
         "pyqtgraph.graphicsItems.ImageItem")
"""Loaded when first used: password checks (records with accounts sign in before the
window, so for them argon2 is part of the start), handouts, the server, the default records
location (--db is given here), plan files, the settings dialog, the print preview, the
dialogs opened from the window (About, New plan, holds and back-steps, the suggested hold,
appointments), and the parts of pyqtgraph the chart does not use (ui/pyqtgraph_import)."""


def test_the_window_starts_without_what_later_actions_need(tmp_path: Path) -> None:
    db = tmp_path / "records.sqlite3"
    with Store.open(db) as s:  # records with no accounts yet
        load_demo(s)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    env.pop("TAPERDESK_USER", None)
    r = subprocess.run([sys.executable, "-c", START, "--db", str(db), "--bench-ready"],
                       capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "patient=Demo Patient (example)" in r.stdout
    assert "pyqtgraph=shared,lean" in r.stdout  # PySide6's own modules, not a copy of each
    # class, and of pyqtgraph only what the chart uses, from first paint to closing
    loaded = set(next(line for line in r.stdout.splitlines()
                      if line.startswith("loaded ")).split()[1:])
    assert {"taperdesk.ui.window", "pyqtgraph", "taperdesk.store.users"} <= loaded
    early = sorted(m for m in loaded if any(m == n or m.startswith(n + ".") for n in LATER))
    assert early == []
