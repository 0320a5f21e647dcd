"""Run the command line as a user runs it, with a private home (no real records)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run(*args: str, home: Path, env: dict[str, str] | None = None
        ) -> subprocess.CompletedProcess[str]:
    """``env``: more variables (e.g. TAPERDESK_PASSWORD) for this run only."""
    env = {**os.environ, "XDG_DATA_HOME": str(home / "data"), "HOME": str(home), **(env or {})}
    return subprocess.run([sys.executable, "-m", "taperdesk.cli", *args], capture_output=True,
                          text=True, env=env, timeout=120)
