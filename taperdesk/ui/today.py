"""Today: who needs the clinic today, across every patient (SPEC "The clinic's day").

A table over the model's ``TodayItem``s (red flags first), read from the records with
taperdesk.printday.items_for, the same list `taperdesk today` prints. Enter or a
double-click opens the patient at the right place (ui/today_open.py). The list is
built after the window's first paint, and again (coalesced) after every change of
the records: this window's own (``Session.changed``) and another program's (ui/live.py
re-reads and emits ``changed`` too). While hidden it only notes that it is stale.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QPaintEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from taperdesk.model.today import Reason, TodayItem
from taperdesk.printday import items_for
from taperdesk.store import StoreError
from taperdesk.ui import theme
from taperdesk.ui.access import name
from taperdesk.ui.model_texts import reason_label
from taperdesk.ui.session import Session
from taperdesk.ui.today_words import detail
from taperdesk.ui.translation import QT_TRANSLATE_NOOP, ui_date

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
FIRST_LOAD_MS = 150
"""Today is read this long after its first paint, so it never delays the window's."""
COALESCE_MS = 250
"""Several changes in a row (a drag released, an undo) re-read Today once."""
BOLD = QFont()
BOLD.setBold(True)
SIDE_PX = 340
"""The first width asked for: the window's side column (ui/window.py SIDE_MIN_PX..MAX)."""
HEADERS = (QT_TRANSLATE_NOOP("TodayModel", "Why"), QT_TRANSLATE_NOOP("TodayModel", "Patient"),
           QT_TRANSLATE_NOOP("TodayModel", "Detail"))
"""The date, the clinic ID and the whole detail are in each row's tooltip (the detail
names the date where it matters: "in 3 days", "on Tue 01 Dec")."""


class TodayModel(QAbstractTableModel):
    """The day's items, one row each (a reset per re-read: the list is replaced whole)."""

    def __init__(self) -> None:
        super().__init__()
        self.items: list[TodayItem] = []

    def set_items(self, items: list[TodayItem]) -> None:
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    def rowCount(self, parent: Index = ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        i = self.items[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return reason_label(i.reason)
            return i.patient if col == 1 else detail(i)
        if role == Qt.ItemDataRole.ToolTipRole:
            who = f"{i.patient} ({i.clinic_id})" if i.clinic_id else i.patient
            return (f"{who}\n{reason_label(i.reason)}, {ui_date(i.on, '%a %d %b %Y')}: "
                    f"{detail(i)}")
        if i.reason is Reason.RED_FLAG:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(theme.tone("alert")))
            if role == Qt.ItemDataRole.FontRole:
                return BOLD
        return None


class TodayPanel(QWidget):
    opened = Signal(object)
    """A ``TodayItem`` the user activated (Enter, double-click)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.day: date | None = None
        self.stale = True
        self.model = TodayModel()
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        rows = self.view.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.view.fontMetrics().height() + 6)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, px in enumerate((100, 112)):
            self.view.setColumnWidth(col, px)
        self.view.activated.connect(self._on_activated)
        name(self.view, self.tr("Today"), self.tr(
            "Who needs the clinic today, red flags first; Enter opens the patient there"))
        self.title = QLabel()
        self.title.setWordWrap(True)  # never widens the dock past the side column
        self.print_day = QPushButton(self.tr("Print the day…"))
        self.print_day.setToolTip(self.tr("A one-page worklist of Today"))
        self.print_week = QPushButton(self.tr("Week's handouts…"))
        self.print_week.setToolTip(self.tr("One PDF: the handout of every patient whose dose "
                                           "changes this week"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_day)
        buttons.addWidget(self.print_week)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.title)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(COALESCE_MS)
        self._pending.timeout.connect(self.reload)
        session.changed.connect(self._on_changed)
        self.title.setText(self.tr("Today: reading the records…"))
        self._painted = False

    # -- reading ----------------------------------------------------------------

    @property
    def shown(self) -> bool:
        """On screen (a tab behind another, e.g. Patients, is 'visible' to Qt but not shown)."""
        return self.isVisible() and not self.visibleRegion().isEmpty()

    def _first_load(self) -> None:
        if self.stale and self.shown:
            self.reload()

    def _on_changed(self, _changes: object) -> None:
        self.stale = True
        if self.shown:
            self._pending.start()

    def on_visibility(self, visible: bool) -> None:
        """Its dock came to the front (or was shown again): catch up if it is stale."""
        if visible and self.stale and self._painted:
            self._pending.start()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        if not self._painted:  # the first paint is done: read Today a moment later
            self._painted = True
            QTimer.singleShot(FIRST_LOAD_MS, self, self._first_load)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self.on_visibility(True)

    def reload(self) -> None:
        """Re-read the day's items (the selection stays on the same item where it can)."""
        s = self._session
        day = s.today()
        keep = self.current()
        try:
            items = items_for(s.store, day)
        except StoreError as exc:
            self.title.setText(self.tr("Today could not be read: {0}").format(exc))
            return
        self.day, self.stale = day, False
        self.model.set_items(items)
        flags = sum(1 for i in items if i.reason is Reason.RED_FLAG)
        text = self.tr("<b>Today, {0:%a %d %b %Y}</b>: %n item(s)", "", len(items)).format(day)
        if flags:
            text += f" — <span style='color:{theme.tone("alert")}'><b>" + self.tr(
                "%n red flag(s)", "", flags) + "</b></span>"
        self.title.setText(text)
        if keep is not None and keep in items:
            self.view.selectRow(items.index(keep))

    def sizeHint(self) -> QSize:  # noqa: N802
        """As wide as the side column (the table scrolls, the detail is in its tooltip)."""
        return QSize(SIDE_PX, super().sizeHint().height())

    def current(self) -> TodayItem | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.items[rows[0].row()] if rows else None

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.opened.emit(self.model.items[index.row()])
