"""The step table: one row per schedule step; days and daily dose are editable.

Edits go through the session as one undoable edit; a bad value is refused with
a message in the line under the table. Keyboard: the window's actions work on the
selected row (Ctrl+1 / Ctrl+2 hold 1 or 2 weeks, Ctrl+H a hold dialog, Delete or
Ctrl+Shift+H removes a hold, Ctrl+B back-steps) and the Menu key opens them as a
context menu; the main window adds them (it owns the action registry).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from taperdesk.model import (
    DoseError,
    PlanError,
    Step,
    StepKind,
    format_mg,
    parse_mg,
    set_step_days,
    set_step_dose,
)
from taperdesk.model.instructions import dose_short, drug_totals
from taperdesk.model.record import record
from taperdesk.ui import theme
from taperdesk.ui.dialogs import clip
from taperdesk.ui.model_texts import TIMES, kind_label
from taperdesk.ui.rights import plan_edit_refusal
from taperdesk.ui.session import Session
from taperdesk.ui.translation import QT_TRANSLATE_NOOP, translate, ui_date

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()


@record
class Column:
    title: str
    value: Callable[[Step], str]
    editable: bool = False
    tip: str = ""


def _time(time: str) -> Callable[[Step], str]:
    def value(step: Step) -> str:
        return next((dose_short(d, step.names_drugs) for d in step.doses if d.time == time),
                    NO_DOSE)

    return value


def _daily(step: Step) -> str:
    """'1.5'; a cross-over's substitution row: '30 (diazepam-eq.: lorazepam 2 mg + diazepam
    10 mg)', since its total adds two drugs by their equivalence."""
    text = format_mg(step.daily_ug)
    if step.kind == StepKind.SUBSTITUTION:
        text += QCoreApplication.translate("StepTable", " (diazepam-eq.: {0})").format(
            drug_totals(step))
    return text


COLUMNS: tuple[Column, ...] = (
    Column(QT_TRANSLATE_NOOP("Steps", "Start"), lambda s: ui_date(s.start, "%a %d %b %Y")),
    Column(QT_TRANSLATE_NOOP("Steps", "End"), lambda s: ui_date(s.end, "%a %d %b %Y")),
    Column(
        QT_TRANSLATE_NOOP("Steps", "Days"),
        lambda s: str(s.days),
        True,
        QT_TRANSLATE_NOOP("Steps", "Type a number of days; later steps move"),
    ),
    Column(
        QT_TRANSLATE_NOOP("Steps", "mg/day"),
        _daily,
        True,
        QT_TRANSLATE_NOOP("Steps", "Type a daily dose in mg; later protocol steps re-plan from it"),
    ),
    *(Column(TIMES[t], _time(t)) for t in ("morning", "midday", "night")),
    Column(QT_TRANSLATE_NOOP("Steps", "Kind"), lambda s: kind_label(s.kind, s.pinned)),
    Column(QT_TRANSLATE_NOOP("Steps", "Rationale"), lambda s: s.rationale),
    Column(QT_TRANSLATE_NOOP("Steps", "Source"), lambda s: s.source),
)
_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole,
                    Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.BackgroundRole})
"""The roles the table answers; the view asks for a dozen more per cell on every paint."""
CATCH_UP_MS = 150
"""While a step is dragged the chart follows every move; the table catches up this often."""
DAYS_COLUMN = 2
DOSE_COLUMN = 3
TIME_COLUMNS = (4, 5, 6)
RATIONALE_COLUMN = 8
NO_DOSE = "—"


class StepTableModel(QAbstractTableModel):
    """Rows are ``session.schedule.steps``; setData edits the plan through the session."""

    error = Signal(str)

    def __init__(self, session: Session) -> None:
        super().__init__()
        self._session = session
        self._steps: tuple[Step, ...] = ()
        self._highlight: frozenset[int] = frozenset()
        self._text: dict[tuple[int, int], str] = {}
        """Display strings, made once per step and column after each plan change."""
        self._shape: tuple[object, ...] = ()
        """Which plan the rows are of (record, drugs, split): another one resets the table,
        so its columns are sized and hidden afresh."""
        self._catch_up = QTimer(self)
        self._catch_up.setSingleShot(True)
        self._catch_up.setInterval(CATCH_UP_MS)
        self._catch_up.timeout.connect(self._refresh)
        session.plan_changed.connect(self._on_plan_changed)
        session.selection_changed.connect(self._on_selection)
        self._refresh()

    def _on_plan_changed(self) -> None:
        if self._session.dragging:
            if not self._catch_up.isActive():
                self._catch_up.start()
            return
        self._catch_up.stop()
        self._refresh()

    def _refresh(self) -> None:
        sched = self._session.schedule
        steps = sched.steps if sched else ()
        before = self._steps
        old = len(before)
        record, plan = self._session.record, self._session.plan
        shape = (record.id if record else None, sched.drugs if sched else (),
                 plan.split if plan else None)
        if not old or not steps or shape != self._shape:  # another plan (or none, or a
            self._shape = shape  # cross-over's second drug, another split): sized afresh
            self._text = {}
            self.beginResetModel()
            self._steps = steps
            self.endResetModel()
            return
        # Only the rows that changed are told (and so repainted, where visible), and only
        # their texts made again: a drag or a hold changes the rows from one step on, and
        # the rows before it are the very same Step objects (model/schedule.py).
        common = min(old, len(steps))
        changed = [i for i in range(common) if before[i] is not steps[i]
                   and before[i] != steps[i]]
        self._text = {key: text for key, text in self._text.items()
                      if key[0] < common and not (changed and changed[0] <= key[0] <= changed[-1])}
        # Rows added or removed at the end, the rest changed in place: the view keeps its
        # selection (a reset dropped it, so a second Ctrl+1 said "select a step first").
        if len(steps) > old:
            self.beginInsertRows(ROOT, old, len(steps) - 1)
            self._steps = steps
            self.endInsertRows()
        elif len(steps) < old:
            self.beginRemoveRows(ROOT, len(steps), old - 1)
            self._steps = steps
            self.endRemoveRows()
        self._steps = steps
        if changed:
            self.dataChanged.emit(self.index(changed[0], 0),
                                  self.index(changed[-1], len(COLUMNS) - 1))

    def _on_selection(self, rows: tuple[int, ...]) -> None:
        self._highlight = frozenset(rows)
        if self._steps:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._steps) - 1,
                                                               len(COLUMNS) - 1))

    def unused_columns(self) -> tuple[int, ...]:
        """Times of day at which no step has a dose (hidden: a plan taken at night only
        needs no morning or midday column)."""
        if not self._steps:
            return ()
        return tuple(c for c in TIME_COLUMNS
                     if all(COLUMNS[c].value(st) == NO_DOSE for st in self._steps))

    def step(self, row: int) -> Step:
        return self._steps[row]

    def rowCount(self, parent: Index = ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._steps)

    def columnCount(self, parent: Index = ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            title = COLUMNS[section].title
            return translate("ModelTexts" if title in TIMES.values() else "Steps", title)
        return str(section + 1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid() or not 0 <= index.row() < len(self._steps):
            return None
        step = self._steps[index.row()]
        col = COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            key = (index.row(), index.column())
            text = self._text.get(key)
            if text is None:
                text = self._text[key] = col.value(step)
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                plan_edit_refusal(self._session) or translate("Steps", col.tip)
                if col.tip
                else translate("Steps", "{0}\nSource: {1}").format(step.rationale, step.source)
            )
        if role == Qt.ItemDataRole.BackgroundRole:
            if index.row() in self._highlight:
                return theme.brush("highlight_row")
            if step.kind in (StepKind.HOLD, StepKind.BACK_STEP):
                return theme.brush("hold_row")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if (index.isValid() and COLUMNS[index.column()].editable
                and not plan_edit_refusal(self._session)):  # a nurse reads why in the tip
            step = self._steps[index.row()]
            if index.column() == DOSE_COLUMN and step.kind != StepKind.TAPER:
                return base
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row, text = index.row(), str(value).strip()
        try:
            if index.column() == DAYS_COLUMN:
                if not (text.isascii() and text.isdigit() and len(text) <= 6):
                    raise PlanError(
                        translate("Steps", "Days must be a whole number, not {0!r}").format(
                            text[:20]
                        )
                    )
                return self._session.apply(
                    translate("Steps", "Set step {0} to {1} days").format(row + 1, text),
                    set_step_days,
                    row,
                    int(text),
                )
            if index.column() == DOSE_COLUMN:
                ug = parse_mg(
                    text.removesuffix("mg").strip(), what=translate("Steps", "the daily dose")
                )
                return self._session.apply(
                    translate("Steps", "Set step {0} to {1} mg/day").format(row + 1, format_mg(ug)),
                    set_step_dose,
                    row,
                    ug,
                )
        except (PlanError, DoseError) as exc:
            self.error.emit(str(exc))
        return False


class StepView(QTableView):
    """The step table's view: repaints only the changed rows it shows.

    Qt repaints the whole table for a change of rows that are not on screen (a drag or a
    hold far down the plan changes every row after it); those rows are read afresh when
    they are scrolled into view anyway."""

    def dataChanged(self, top_left: Index, bottom_right: Index,  # noqa: N802
                    roles: Sequence[int] = ()) -> None:
        if top_left.isValid() and bottom_right.isValid() and not QAccessible.isActive():
            first = self.rowAt(0)
            last = self.rowAt(self.viewport().height() - 1)
            if first >= 0:  # -1: no row at the top, an empty table (Qt decides)
                if last < 0:
                    last = self.model().rowCount() - 1
                lo, hi = max(top_left.row(), first), min(bottom_right.row(), last)
                if lo > hi:
                    return
                top_left = self.model().index(lo, top_left.column())
                bottom_right = self.model().index(hi, bottom_right.column())
        super().dataChanged(top_left, bottom_right, list(roles))


class StepTable(QWidget):
    """The step table with an error line under it."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = StepTableModel(session)
        self.view = StepView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(False)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        # Columns are sized to their contents when a plan is opened (from its first rows),
        # not at every edit: re-measuring on each change costs more than a frame.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setResizeContentsPrecision(40)
        self.model.modelReset.connect(self._on_reset)
        rows = self.view.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        self.message = QLabel()
        theme.follow(self.message, theme.error_style)
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addWidget(self.message)
        self.view.resizeColumnsToContents()
        self.model.error.connect(self._on_error)
        session.error.connect(self._on_error)
        session.plan_changed.connect(self._on_plan_changed)
        session.selection_changed.connect(self._on_selection)

    def _on_error(self, message: str) -> None:
        self.message.setText(clip(message))

    def _on_reset(self) -> None:
        unused = self.model.unused_columns()
        for c in TIME_COLUMNS:
            self.view.setColumnHidden(c, c in unused)
        # Every column as wide as its text, Rationale and Source too (they were cut at
        # 360 px): the table scrolls sideways instead.
        self.view.resizeColumnsToContents()

    def _on_plan_changed(self) -> None:
        if self.message.text():
            self.message.clear()

    def _on_selection(self, rows: tuple[int, ...]) -> None:
        if rows:
            self.view.scrollTo(self.model.index(rows[0], 0))

    def current_row(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].row() if rows else None
