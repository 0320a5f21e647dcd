"""The tests' own settings location is a throwaway one (tests/conftest.py)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from settings_guard import REAL_CONFIG, THROWAWAY, real_folders, snapshot


def test_qsettings_write_into_the_throwaway_folder_only(tmp_path: Path) -> None:
    before = snapshot(real_folders())
    settings = QSettings("TaperDesk", "TaperDesk")
    settings.setValue("isolation_probe", 1)
    settings.sync()
    where = Path(settings.fileName())
    assert where.is_file() and not where.is_relative_to(REAL_CONFIG)
    assert where.is_relative_to(tempfile.gettempdir())  # a test's own tmp_path, or THROWAWAY
    settings.remove("isolation_probe")
    assert snapshot(real_folders()) == before


def test_the_default_records_folder_is_the_throwaway_one() -> None:
    from taperdesk.store import default_db_path

    assert default_db_path().is_relative_to(THROWAWAY)
    assert os.environ["XDG_CONFIG_HOME"].startswith(str(THROWAWAY))
