"""Finds text the window cuts: a combo box, button or one-line label narrower than its
text, a table column narrower than its widest cell or header, a chart label over
another. Used in-process at 1366x768 and, run as a script, in a fresh process at
QT_SCALE_FACTOR=1.5 (the factor must be set before Qt starts):

    QT_SCALE_FACTOR=1.5 python tests/ui/layout_probe.py RECORDS.sqlite3 1280 720
prints one line of JSON: the cut texts found (an empty list when nothing is cut).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QStyle,
    QStyleOptionComboBox,
    QTableView,
    QWidget,
)

SLACK_PX = 1


def _shown(w: QWidget, root: QWidget) -> bool:
    return w.isVisibleTo(root) and w.width() > 0


def cut_combos(root: QWidget) -> list[str]:
    out = []
    for combo in root.findChildren(QComboBox):
        if not _shown(combo, root):
            continue
        opt = QStyleOptionComboBox()
        combo.initStyleOption(opt)
        room = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, opt,
                                            QStyle.SubControl.SC_ComboBoxEditField, combo)
        need = combo.fontMetrics().horizontalAdvance(combo.currentText())
        if need > room.width() + SLACK_PX:
            out.append(f"combo {combo.accessibleName() or combo.objectName()!r}: "
                       f"{combo.currentText()!r} needs {need} px, has {room.width()}")
    return out


def cut_labels_and_buttons(root: QWidget) -> list[str]:
    out = []
    for w in root.findChildren(QWidget):
        if not _shown(w, root):
            continue
        if isinstance(w, QLabel) and not w.wordWrap() and w.text() and w.pixmap().isNull():
            if w.minimumSizeHint().width() > w.width() + SLACK_PX:
                out.append(f"label {w.text()[:40]!r}: needs {w.minimumSizeHint().width()} px, "
                           f"has {w.width()}")
        elif isinstance(w, QAbstractButton) and w.text():
            if w.sizeHint().width() > w.width() + SLACK_PX and w.minimumSizeHint().width() \
                    > w.width() + SLACK_PX:
                out.append(f"button {w.text()!r}: needs {w.sizeHint().width()} px, "
                           f"has {w.width()}")
    return out


def column_need(view: QTableView, column: int) -> int:
    """The width a column needs for its header and every row's text."""
    header = view.horizontalHeader()
    model = view.model()
    need = header.sectionSizeFromContents(column).width()
    fm = view.fontMetrics()
    margin = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1) + 2
    for row in range(model.rowCount()):
        text = str(model.index(row, column).data() or "")
        need = max(need, fm.horizontalAdvance(text) + margin)
    return need


def cut_columns(view: QTableView, name: str) -> list[str]:
    out = []
    model = view.model()
    for c in range(model.columnCount()):
        if view.isColumnHidden(c):
            continue
        need, has = column_need(view, c), view.columnWidth(c)
        if need > has + SLACK_PX:
            title = model.headerData(c, _horizontal())
            out.append(f"{name} column {title!r}: needs {need} px, has {has}")
    return out


def _horizontal():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def in_view(view: QTableView, column: int) -> bool:
    """The whole column is inside the table's viewport, without scrolling."""
    header = view.horizontalHeader()
    return (header.sectionViewportPosition(column) + view.columnWidth(column)
            <= view.viewport().width())


def overlapping_chart_labels(window) -> list[str]:  # type: ignore[no-untyped-def]
    chart = window.chart
    holds = [label for _r, label in chart.holds.spans if label.isVisible()]
    bands = [label for _r, label in chart.score_layer.bands if label.isVisible()]
    out = []
    for h in holds:
        for b in bands:
            if h.sceneBoundingRect().intersects(b.sceneBoundingRect()):
                out.append(f"chart label {h.toPlainText()!r} over {b.toPlainText()!r}")
    return out


def cut_texts(window) -> list[str]:  # type: ignore[no-untyped-def]
    QApplication.processEvents()
    found = cut_combos(window) + cut_labels_and_buttons(window)
    found += cut_columns(window.steps.view, "step table")
    found += cut_columns(window.symptoms.view, "symptom table")
    found += overlapping_chart_labels(window)
    return found


def main() -> int:
    from PySide6.QtCore import QSettings

    from taperdesk.store import Store
    from taperdesk.ui.session import Session
    from taperdesk.ui.window import MainWindow

    db, width, height = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    app = QApplication(sys.argv[:1])
    store = Store.open(db)
    session = Session(store, store.catalogue)
    window = MainWindow(session, QSettings(str(db.with_suffix(".ini")),
                                           QSettings.Format.IniFormat))
    session.open_patient(store.search_patients("")[0].id)
    window.resize(width, height)
    window.show()
    window.default_layout()
    for _ in range(20):
        app.processEvents()
    found = cut_texts(window)
    red_flags = next(c for c in range(window.symptoms.model.columnCount())
                     if window.symptoms.model.headerData(c, _horizontal()) == "Red flags")
    if not in_view(window.symptoms.view, red_flags):
        found.append("symptom table: Red flags column not in view")
    sched = session.schedule
    print(json.dumps({"cut": found, "ratio": window.devicePixelRatioF(),
                      "crossover": sched is not None and sched.crossover is not None,
                      "size": [window.width(), window.height()]}))
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
