from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from accounts import open_signed
from windowing import open_window

from taperdesk.store import load_demo

TODAY = date(2026, 11, 24)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "records.sqlite3"
    store = open_signed(path)
    load_demo(store, today=TODAY)
    store.close()
    return path


@pytest.fixture
def window(qtbot, db: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    w = open_window(qtbot, db, tmp_path / "settings.ini")
    yield w
    w.close()
    w.session.store.close()


@pytest.fixture(autouse=True)
def no_unanswered_dialogs(monkeypatch):  # type: ignore[no-untyped-def]
    """A dialog a test did not answer fails the test instead of waiting for a click forever
    (tests answer dialogs with standalone.answer_dialogs, which replaces this)."""

    def refuse(dialog):  # type: ignore[no-untyped-def]
        raise AssertionError(f"unanswered dialog: {dialog.windowTitle()}")

    monkeypatch.setattr("taperdesk.ui.dialogs.run", refuse)
