"""A real records file with the demo patient, opened in a Session with no main window:
the chart and symptom widgets are tested on their own with it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from accounts import open_signed
from PySide6.QtWidgets import QDialog

from taperdesk.store import demo, load_demo
from taperdesk.ui.session import Session

STARTED_DAYS_AGO = 60
"""The demo plan, moved so it started about two months ago and still runs today."""


def open_session(path: Path, *, today: date | None = None) -> Session:
    """A Session on a new records file holding the demo patient, opened."""
    store = open_signed(path)
    # ``today``: the demo plan starts on the Monday on or after it (load_demo itself
    # starts it demo.STARTED_DAYS_AGO before the day it is given).
    laid_out = today or date.today() - timedelta(days=STARTED_DAYS_AGO)
    start = demo.next_monday(laid_out)
    load_demo(store, today=start + timedelta(days=demo.STARTED_DAYS_AGO))
    session = Session(store, store.catalogue)
    session.open_patient(store.search_patients("")[0].id)
    return session


def answer_dialogs(monkeypatch, *answers: Callable[[QDialog], bool]) -> list[QDialog]:  # type: ignore[no-untyped-def]
    """Answer the next dialogs the widgets show (through taperdesk.ui.dialogs.run), in
    order, each with a function that fills it as a user would and says if it was accepted.
    Returns the dialogs shown; a dialog beyond the answers fails the test."""
    shown: list[QDialog] = []
    pending = list(answers)

    def run(dialog: QDialog) -> bool:
        shown.append(dialog)
        assert pending, f"unexpected dialog: {dialog.windowTitle()}"
        return pending.pop(0)(dialog)

    monkeypatch.setattr("taperdesk.ui.dialogs.run", run)
    return shown
