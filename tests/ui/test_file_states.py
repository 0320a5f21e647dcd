"""A read-only records file, a locked one, a failed save and a red-flag-only entry, as the
window shows them (real files, a real lock held by a second connection)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from accounts import open_signed
from PySide6.QtWidgets import QApplication
from windowing import open_window

from taperdesk.model import set_step_days
from taperdesk.model.scales import Assessment, make_assessment, scale
from taperdesk.store import AssessmentRecord, load_demo
from taperdesk.ui.chart_layers import ScoreLayer
from taperdesk.ui.session import WAITING, Session
from taperdesk.ui.session_records import READ_ONLY

TODAY = date(2026, 11, 24)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "records.sqlite3"
    with open_signed(path) as store:
        load_demo(store, today=TODAY)
    return path


@pytest.fixture
def read_only(db: Path) -> Iterator[Path]:
    """The records file made read-only for real: mode 0444, and immutable where the tests
    run as root (root writes a 0444 file)."""
    os.chmod(db, 0o444)
    immutable = os.access(db, os.W_OK)
    if immutable:
        assert shutil.which("chattr"), "root needs chattr to make a file read-only"
        subprocess.run(["chattr", "+i", str(db)], check=True)
    assert not os.access(db, os.W_OK)
    yield db
    if immutable:
        subprocess.run(["chattr", "-i", str(db)], check=True)
    os.chmod(db, 0o600)


def test_a_read_only_file_opens_with_a_banner_and_refuses_edits(
        qtbot, read_only: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    before = read_only.read_bytes()
    window = open_window(qtbot, read_only, tmp_path / "settings.ini")
    s = window.session
    assert s.read_only and window.read_only_banner.isVisible()
    assert window.read_only_banner.text() == READ_ONLY
    revision = s.record.revision
    with qtbot.waitSignal(s.error) as said:
        assert not s.apply("Step 1 to 15 days", set_step_days, 0, 15)
    assert said.args == [READ_ONLY]
    assert s.undo_stack.count() == 0 and s.record.revision == revision
    assert not s.add_patient(name="New Person").ok
    assert not s.save_settings({"clinic_name": "X"}).ok
    window.close()
    s.store.close()
    assert read_only.read_bytes() == before


def test_a_writable_file_has_no_banner(qtbot, db: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, db, tmp_path / "settings.ini")
    assert not window.session.read_only and not window.read_only_banner.isVisible()
    window.close()
    window.session.store.close()


def test_a_locked_file_says_it_waits_and_a_failed_edit_keeps_its_own_log_text(
        qtbot, db: Path) -> None:  # type: ignore[no-untyped-def]
    store = open_signed(db, timeout=0.3)
    s = Session(store, store.catalogue)
    s.open_patient(store.search_patients("", limit=1)[0].id)
    start = s.record.revision
    seen: list[tuple[str, bool]] = []
    s.busy.connect(lambda text: seen.append(
        (text, QApplication.overrideCursor() is not None)))
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    with qtbot.waitSignal(s.error) as said:
        s.apply("Step 1 to 15 days", set_step_days, 0, 15)
    assert said.args[0].startswith("Could not save")
    assert seen == [(WAITING, True), ("", True)]
    assert QApplication.overrideCursor() is None  # the busy cursor is gone again
    assert s.schedule.steps[0].days == 15 and s.unsaved == ("Step 1 to 15 days",)
    other.execute("ROLLBACK")
    other.close()
    assert s.apply("Step 2 to 20 days", set_step_days, 1, 20)
    revisions = store.revisions(s.record.id)
    assert [r.why for r in revisions if r.revision > start] == [
        "Step 1 to 15 days", "Step 2 to 20 days"]
    first = next(r for r in revisions if r.revision == start + 1)
    assert set_step_days(revisions[start - 1].plan, 0, 15, catalogue=s.catalogue) == first.plan
    assert s.unsaved == ()
    store.close()


def test_the_window_status_bar_shows_the_wait(qtbot, db: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, db, tmp_path / "settings.ini")
    shown: list[str] = []
    window.session.busy.connect(lambda _t: shown.append(window.statusBar().currentMessage()))
    window.session.show_message("before")
    window.session.apply("Step 1 to 15 days", set_step_days, 0, 15)
    assert shown[0] == WAITING
    assert window.statusBar().currentMessage() == "Saved: Step 1 to 15 days"
    window.close()
    window.session.store.close()


def test_a_red_flag_only_entry_is_not_plotted_as_a_total_of_0(qtbot) -> None:  # type: ignore[no-untyped-def]
    import pyqtgraph as pg

    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    layer = ScoreLayer(plot.getPlotItem())
    sc = scale("checklist")
    scored = make_assessment(sc, date(2026, 11, 2), {i.id: 1 for i in sc.items})
    flag_only = Assessment(date(2026, 11, 9), "checklist", (), frozenset({"seizure"}))
    records = [AssessmentRecord(1, 1, scored, "a", None),  # type: ignore[arg-type]
               AssessmentRecord(2, 1, flag_only, "a", None)]  # type: ignore[arg-type]
    layer.update(records, (0.0, 86400.0))
    xs, ys = layer.scores.getData()
    assert len(xs) == 1 and list(ys) == [scored.total]
    layer.update(records[1:], (0.0, 86400.0))
    xs, _ys = layer.scores.getData()
    assert xs is None or len(xs) == 0
