"""`taperdesk-gui` on records with users: --bench-ready never waits on the sign-in dialog;
--user NAME with $TAPERDESK_PASSWORD signs in without it, and a wrong password or no
user exits 2 with the reason (the benchmarks and tests start this way)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from accounts import PASSWORD, open_signed

from taperdesk.store import Store, load_demo

START = "import sys; from taperdesk.app import main; sys.exit(main())"


def gui(*args: str, home: Path, password: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(home),
           "XDG_DATA_HOME": str(home / "data"), "XDG_CONFIG_HOME": str(home / "config"),
           "TAPERDESK_PASSWORD": password}
    env.pop("TAPERDESK_USER", None)
    return subprocess.run([sys.executable, "-c", START, *args, "--bench-ready"],
                          capture_output=True, text=True, env=env, timeout=120)


def test_a_named_user_starts_the_window_without_the_dialog(tmp_path: Path) -> None:
    db = tmp_path / "records.sqlite3"
    with open_signed(db) as s:
        load_demo(s)
        logged = len(s.changes())
    r = gui("--db", str(db), "--user", "tester", home=tmp_path, password=PASSWORD)
    assert r.returncode == 0, r.stderr
    assert "patient=Demo Patient (example)" in r.stdout
    r = gui("--db", str(db), "--user", "tester", home=tmp_path, password="wrong password")
    assert r.returncode == 2 and "name or password is wrong" in r.stderr
    r = gui("--db", str(db), home=tmp_path)
    assert r.returncode == 2 and "give --user NAME" in r.stderr and "ready" not in r.stdout
    with Store.open(db) as s:  # the starts wrote nothing (a sign-in is no change)
        assert len(s.changes()) == logged
