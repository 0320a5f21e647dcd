"""Nothing cut at 1366x768 and at 150 % scaling (QT_SCALE_FACTOR=1.5 on 1920x1080, i.e.
1280x720 logical): step table, Split and Plan boxes, the symptom table's Red flags, the
checks list, the chart's labels; dialogs fit the screen. layout_probe measures text
against the room it has."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

from layout_probe import cut_texts, in_view, overlapping_chart_labels
from PySide6.QtCore import QRect, Qt

from taperdesk.model import insert_hold, set_step_days
from taperdesk.ui.assessment_dialog import AssessmentDialog
from taperdesk.ui.chart_axis import DAY, ts
from taperdesk.ui.dialogs import PatientDialog
from taperdesk.ui.hold_dialogs import BackStepDialog, HoldDialog
from taperdesk.ui.new_plan import NewPlanDialog
from taperdesk.ui.settings import SettingsDialog

PROBE = Path(__file__).with_name("layout_probe.py")


def at_1366(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.resize(1366, 768)
    window.default_layout()
    qtbot.wait(20)


def test_nothing_is_cut_at_1366x768(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    # A second plan shows the Plan box (which plan), with its longest title.
    s = window.session
    assert s.create_plan(s.plan, "second plan for the layout test")
    at_1366(window, qtbot)
    assert window.plan_form.which.isVisibleTo(window)
    assert cut_texts(window) == []
    for i in range(window.plan_form.split.count()):  # every split fits, not just the one shown
        window.plan_form.split.setCurrentIndex(i)
        assert cut_texts(window) == [], window.plan_form.split.currentText()
    symptoms = window.symptoms
    red_flags = [c for c in range(symptoms.model.columnCount())
                 if symptoms.model.headerData(c, Qt.Orientation.Horizontal) == "Red flags"]
    assert red_flags and in_view(symptoms.view, red_flags[0])


def test_a_widened_column_is_found_cut(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The probe can fail: a column narrowed below its text is reported."""
    at_1366(window, qtbot)
    window.steps.view.setColumnWidth(7, 20)
    assert any("'Kind'" in c for c in cut_texts(window))


def test_identical_check_titles_are_told_apart(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    at_1366(window, qtbot)
    lst = window.checks.list
    texts = [lst.item(i).text() for i in range(lst.count())]
    titles = [w.title for w in window.session.warnings]
    assert len(set(titles)) < len(titles)  # the demo has one title three times
    assert len(set(texts)) == len(texts), texts
    sched = window.session.schedule
    for w, text in zip(window.session.warnings, texts, strict=True):
        if w.rows:
            step = sched.steps[w.rows[-1]]
            assert f"step {step.row + 1}, {step.start:%d %b}" in text or "steps" in text


def test_hold_label_never_lies_over_a_band_name(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Zoomed so the hold starts just left of the right edge, where "very severe" is."""
    at_1366(window, qtbot)
    chart = window.chart
    hold = next(st for st in window.session.schedule.steps if st.kind == "hold")
    x0 = ts(hold.start)
    seen = 0
    for right in range(1, 12):
        chart.view_box.setXRange(x0 - 40 * DAY, x0 + right * DAY, padding=0)
        qtbot.wait(5)
        assert overlapping_chart_labels(window) == [], right
        seen += any(label.pos().y() != y for (_r, label), (_x, y)
                    in zip(chart.holds.spans, chart.holds.homes, strict=False))
    assert seen, "the hold label never had to move: the test did not make the clash"
    chart.fit()
    qtbot.wait(5)
    (_r, label), (_x, home_y) = chart.holds.spans[0], chart.holds.homes[0]
    assert label.pos().y() == home_y  # back home once there is room


def test_dialogs_fit_a_1366x768_screen(window, qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    screen = QRect(0, 0, 1366, 728)  # less a 40 px taskbar
    monkeypatch.setattr("taperdesk.ui.assessment_dialog.available_geometry",
                        lambda _parent=None: screen)
    s = window.session
    day = s.schedule.steps[1].start
    made = [PatientDialog(name="A"), NewPlanDialog(s.catalogue, date(2026, 11, 30), window,
                                                   like=s.plan),
            HoldDialog(day, window), BackStepDialog(day, window),
            AssessmentDialog(date(2026, 11, 24), window, today=date(2026, 11, 24)),
            SettingsDialog(s.store, tmp_path / "records.sqlite3", lambda: None, window)]
    for dialog in made:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        size = dialog.frameGeometry().size()
        if size == dialog.size():  # offscreen draws no frame: allow a 30 px title bar
            size.setHeight(size.height() + 30)
        assert size.width() <= screen.width() and size.height() <= screen.height(), (
            dialog.windowTitle(), size)
        assert dialog.minimumSizeHint().height() <= screen.height(), dialog.windowTitle()
        dialog.close()


def test_nothing_is_cut_at_150_percent_on_1920x1080(window, db: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A fresh process (the scale factor is read when Qt starts): 1920x1080 at 150 %."""
    # A long plan and a second one, as a clinic has them.
    s = window.session
    assert s.create_plan(s.plan, "second plan for the layout test")
    assert s.apply("Set step 1 to 120 days", set_step_days, 0, 120)
    first = s.schedule.steps[2].start + timedelta(days=3)
    assert s.apply("Insert a hold", insert_hold, first, 14)
    env = dict(os.environ, QT_SCALE_FACTOR="1.5", QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, str(PROBE), str(db), "1280", "720"], env=env,
                          capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    found = json.loads(proc.stdout.strip().splitlines()[-1])
    assert found["ratio"] == 1.5
    assert found["cut"] == []
