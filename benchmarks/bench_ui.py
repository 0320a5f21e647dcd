"""Window budgets: table + chart refresh and one drag move (≤ 16 ms each, one frame),
and the patient search per keystroke as the patient list shows it (≤ 30 ms).

Everything runs in this process on Qt's offscreen platform, with the real main
window on a real Store; each timed action includes the repaints it causes (step table,
chart, checks panel).
"""

from __future__ import annotations

import itertools
from datetime import timedelta
from pathlib import Path

from benchmarks.bench_store import search_per_keystroke as store_search
from benchmarks.data import keystrokes, long_plan
from benchmarks.harness import Outcome, median, percentile, repeat_ms, time_ms
from taperdesk.model import insert_hold

FRAME_MS = 16.0
SEARCH_BUDGET_MS = 30.0
_fresh = itertools.count()


def _window(workdir: Path, quick: bool):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from taperdesk.store import Store
    from taperdesk.ui.session import Session
    from taperdesk.ui.window import MainWindow

    app = QApplication.instance() or QApplication([])
    path = workdir / f"ui-{'quick' if quick else 'full'}-{next(_fresh)}.sqlite3"
    store = Store.open(path)
    patient = store.add_patient("Benchmark Patient")
    store.create_plan(patient.id, long_plan(quick))
    session = Session(store, store.catalogue)
    window = MainWindow(session, QSettings(str(workdir / "bench.ini"),
                                           QSettings.Format.IniFormat))
    window.resize(1366, 768)
    session.open_patient(patient.id)
    window.show()
    app.processEvents()
    return app, window


def _repaint(window) -> None:  # type: ignore[no-untyped-def]
    """Let Qt paint what the change made dirty (as the event loop would before the next
    frame), then flush: the figure includes every repaint the edit caused."""
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    QApplication.sendPostedEvents()


def refresh_and_drag(workdir: Path, quick: bool) -> list[Outcome]:
    import pyqtgraph as pg
    from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
    from PySide6.QtGui import QMouseEvent

    from taperdesk.ui.dose_chart import ts

    # pyqtgraph drops moves closer than 10 ms apart; every timed move must be handled.
    pg.setConfigOption("mouseRateLimit", 0)
    app, window = _window(workdir, quick)
    session = window.session
    try:
        plan = session.plan
        sched = session.schedule
        rows = len(sched.steps)
        first, span = plan.start, sched.total_days

        def refresh(i: int) -> None:
            on = first + timedelta(days=(i * 37) % span)
            session.preview(insert_hold(plan, on, 7 + i % 8, reason=f"bench {next(_fresh)}",
                                        catalogue=session.catalogue))
            _repaint(window)

        refresh_samples = repeat_ms(refresh, times=3 if quick else 40, warmup=1 if quick else 3)
        session.end_preview()
        window.chart.fit()
        app.processEvents()
        # One drag with real mouse events on the plot's viewport: press on a step's level,
        # then time each move (the chart snaps, re-plans live, and both views repaint).
        step = next(s for s in sched.steps[len(sched.steps) // 4:] if s.kind == "taper")
        vb, vp = window.chart.view_box, window.chart.plot.viewport()
        mid = (ts(step.start) + ts(step.next_start)) / 2
        # Zoomed in on the step, as a clinician would (300 steps do not fit in 1366 px).
        vb.setXRange(mid - 45 * 86400, mid + 45 * 86400, padding=0)
        app.processEvents()

        def at(y_mg: float) -> QPoint:
            return window.chart.plot.mapFromScene(vb.mapViewToScene(QPointF(mid, y_mg)))

        def send(kind: QEvent.Type, pos: QPoint, button: Qt.MouseButton,
                 buttons: Qt.MouseButton) -> None:
            app.sendEvent(vp, QMouseEvent(kind, QPointF(pos), QPointF(vp.mapToGlobal(pos)),
                                          button, buttons, Qt.KeyboardModifier.NoModifier))

        left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
        y0 = step.daily_ug / 1000
        send(QEvent.Type.MouseButtonPress, at(y0), left, left)
        moves = 6 if quick else 60
        drag_samples = []
        for i in range(1, moves + 1):
            pos = at(y0 * (1 + 0.2 * i / moves))
            drag_samples.append(time_ms(lambda p=pos: (
                send(QEvent.Type.MouseMove, p, none, left), _repaint(window))))
        send(QEvent.Type.MouseButtonRelease, at(y0 * 1.2), left, none)
        live = session.undo_stack.count() == 1
        if not live:
            raise RuntimeError("the benchmark drag did not grab the step")
    finally:
        window.close()
        session.store.close()
    return [
        Outcome(f"table + chart refresh after a hold, {rows}-step plan", median(refresh_samples),
                FRAME_MS, "ms", detail=f"median of {len(refresh_samples)}, with repaint"),
        Outcome("one drag move of a step on the chart, p95", percentile(drag_samples, 95),
                FRAME_MS, "ms",
                detail=f"p95 of {len(drag_samples)} moves, {rows}-step plan, real mouse events"
                       + ("" if live else "; WARNING: the drag did not record one undo step")),
    ]


def search_per_keystroke(db: Path, quick: bool) -> list[Outcome]:
    """Typing into the patient list's search field: query, list refresh and repaint."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from taperdesk.store import Store
    from taperdesk.ui.patient_list import PatientList
    from taperdesk.ui.session import Session

    app = QApplication.instance() or QApplication([])
    store = Store.open(db, create=False)
    session = Session(store, store.catalogue)
    widget = PatientList(session)
    widget.resize(330, 500)
    widget.show()
    app.processEvents()
    _ = QSettings
    try:
        count = store.patient_count()

        def type_text(text: str) -> None:
            widget.search.setText(text)
            widget.list.viewport().repaint()

        for text in keystrokes():
            type_text(text)
        samples = [time_ms(lambda t=text: type_text(t))
                   for _ in range(1 if quick else 5) for text in keystrokes()]
    finally:
        widget.close()
        store.close()
    return [
        Outcome(f"patient search per keystroke, {count} patients (patient list)",
                percentile(samples, 95), SEARCH_BUDGET_MS, "ms",
                detail=f"p95 of {len(samples)} keystrokes, query + list refresh + repaint"),
        store_search(db, rounds=1 if quick else 5),
    ][:1]
