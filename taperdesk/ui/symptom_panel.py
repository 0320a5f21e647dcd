"""The symptom table (one row per assessment) and its panel: Add assessment, and
after each new assessment the hold suggestion (ui/hold_suggestion.py).

Scoring, bands, red flags and the suggestion come from taperdesk.model.scales.
Adding an assessment is one undoable edit, saved at once.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from taperdesk.model.record import record
from taperdesk.model.scales import (
    Assessment,
    HoldSuggestion,
    Scale,
    ScaleError,
    Scored,
    scale,
    score,
    suggest_hold,
)
from taperdesk.store import AssessmentRecord
from taperdesk.ui import dialogs, theme
from taperdesk.ui.assessment_dialog import AssessmentDialog
from taperdesk.ui.model_texts import band_label
from taperdesk.ui.red_flag_banner import RED_FLAG_ACK, RedFlagBanner
from taperdesk.ui.session import Session
from taperdesk.ui.translation import QT_TRANSLATE_NOOP, translate, ui_date

__all__ = ["RED_FLAG_ACK", "AssessmentDialog", "RedFlagBanner", "SymptomPanel",
           "SymptomTableModel"]

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()


@record
class _Row:
    record: AssessmentRecord
    scale: Scale | None
    scored: Scored | None


@record
class Column:
    header: str
    text: Callable[[_Row], str]


def _flags(r: _Row) -> str:
    return ", ".join(f.label for f in r.scored.red_flags) if r.scored else ""


COLUMNS = (
    Column(
        QT_TRANSLATE_NOOP("SymptomPanel", "Date"),
        lambda r: ui_date(r.record.assessment.on, "%d %b %Y"),
    ),
    Column(QT_TRANSLATE_NOOP("SymptomPanel", "Red flags"), _flags),
    Column(QT_TRANSLATE_NOOP("SymptomPanel", "Total"), lambda r: str(r.record.assessment.total)),
    Column(
        QT_TRANSLATE_NOOP("SymptomPanel", "Band"),
        lambda r: band_label(r.scored.band.label) if r.scored else "",
    ),
    Column(
        QT_TRANSLATE_NOOP("SymptomPanel", "Scale"),
        lambda r: r.scale.name if r.scale else r.record.assessment.scale_id,
    ),
    Column(QT_TRANSLATE_NOOP("SymptomPanel", "Note"), lambda r: r.record.assessment.note),
    Column(
        QT_TRANSLATE_NOOP("SymptomPanel", "Item scores"),
        lambda r: " ".join(str(v) for _k, v in r.record.assessment.scores),
    ),
)
"""The columns, declared once: header and how a row shows in it. Red flags come right
after the date, so they are in view in the narrow dock at 1366x768 (and at 150 %);
the weekday is in the tooltip, not the cell."""


def _row(record: AssessmentRecord) -> _Row:
    try:
        sc = scale(record.assessment.scale_id)
        return _Row(record, sc, score(sc, record.assessment))
    except ScaleError:  # a scale no longer shipped: show what was recorded
        return _Row(record, None, None)


class SymptomTableModel(QAbstractTableModel):
    """The open patient's assessments by date. New rows are inserted (and undone ones
    removed) in place, so the view keeps its selection and scroll position."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self._session = session
        self._rows: list[_Row] = []
        session.assessments_changed.connect(self._on_changed)
        self._on_changed()

    def _on_changed(self) -> None:
        old = [r.record.id for r in self._rows]
        records = list(self._session.assessments)
        new = [r.id for r in records]
        if new == old:
            return
        prefix = next((i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b),
                      min(len(old), len(new)))
        suffix = 0
        while (suffix < min(len(old), len(new)) - prefix
               and old[-1 - suffix] == new[-1 - suffix]):
            suffix += 1
        if len(new) > len(old) and prefix + suffix == len(old):
            self.beginInsertRows(ROOT, prefix, prefix + len(new) - len(old) - 1)
            self._rows[prefix:prefix] = [_row(r) for r in records[prefix:prefix + len(new)
                                                                    - len(old)]]
            self.endInsertRows()
        elif len(new) < len(old) and prefix + suffix == len(new):
            self.beginRemoveRows(ROOT, prefix, prefix + len(old) - len(new) - 1)
            del self._rows[prefix:prefix + len(old) - len(new)]
            self.endRemoveRows()
        else:
            self.beginResetModel()
            self._rows = [_row(r) for r in records]
            self.endResetModel()

    def rowCount(self, parent: Index = ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(COLUMNS)):
            return translate("SymptomPanel", COLUMNS[section].header)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[index.column()].text(row)
        if role == Qt.ItemDataRole.ForegroundRole and row.scored and row.scored.urgent:
            return QColor(theme.tone("urgent"))
        if role == Qt.ItemDataRole.ToolTipRole and row.scale:
            sc = row.scale
            items = "\n".join(f"{i.label}: {row.record.assessment.score_of(i.id)}"
                              for i in sc.items)
            return translate(
                "SymptomPanel",
                "{0}\n{1}\nSource: {2}\nBands: {3}\nRecorded by {4}, {5:%d %b %Y %H:%M}\n\n{6}",
            ).format(
                ui_date(row.record.assessment.on, "%A %d %B %Y"), sc.full_name, sc.source,
                sc.bands_source, row.record.who, row.record.when, items
            )
        return None

    def record(self, row: int) -> AssessmentRecord:
        return self._rows[row].record


class SymptomPanel(QWidget):
    """The table, Add assessment, and the hold-suggestion flow after each new assessment."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.model = SymptomTableModel(session)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(40)
        # Every column as wide as its text (the table scrolls sideways rather than cut
        # the last one); no row numbers, which took room from Red flags.
        header.setStretchLastSection(False)
        self.view.verticalHeader().hide()
        self.add_button = QPushButton(translate("SymptomPanel", "Add &assessment…"))
        self.add_button.setToolTip(
            translate("SymptomPanel", "Score a symptom scale and the red-flag questions")
        )
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.message, 1)
        layout.addLayout(row)
        self.add_button.clicked.connect(lambda: self.add_dialog())
        session.patient_changed.connect(self._on_patient_changed)
        self.last_suggestion: HoldSuggestion | None = None
        self._on_patient_changed()

    def _on_patient_changed(self) -> None:
        self.add_button.setEnabled(self._session.patient is not None)
        self.message.setText("")

    def new_dialog(self, today: date | None = None) -> AssessmentDialog:
        """The entry dialog, on the scale used last for this patient."""
        records = self._session.assessments
        last = records[-1].assessment.scale_id if records else "ciwa-b"
        day = today or date.today()
        return AssessmentDialog(day, self, scale_id=last, today=day)

    def add_dialog(self) -> HoldSuggestion | None:
        dialog = self.new_dialog()
        if not dialogs.run(dialog):
            return None
        return self.add(dialog.assessment())

    def add(self, assessment: Assessment) -> HoldSuggestion | None:
        """Save an assessment (one undoable edit), then offer a hold if one is suggested.
        Returns the suggestion (None if none, or if the save failed)."""
        session = self._session
        if session.patient is None:
            return None
        self.last_suggestion = None
        if not session.add_assessment(assessment).ok:
            return None
        saved_id = session.last_assessment_id
        history = [r.assessment for r in session.assessments if r.id != saved_id]
        self.last_suggestion = suggest_hold(scale(assessment.scale_id), history, assessment)
        if self.last_suggestion:
            self.message.setText(
                translate("SymptomPanel", "Suggested: {0}.").format(self.last_suggestion.reason)
            )
            self.message.setToolTip(
                translate("SymptomPanel", "Source: {0}").format(self.last_suggestion.source)
            )
            self.offer(self.last_suggestion)
        else:
            self.message.setText("")
        return self.last_suggestion

    def offer(self, suggestion: HoldSuggestion) -> bool:
        """Ask: accept, change or decline (with a reason), and carry it out."""
        # when first used: not part of the start
        from taperdesk.ui import hold_suggestion

        return hold_suggestion.offer(self._session, suggestion, self)

    def decide(self, suggestion: HoldSuggestion, choice: str, reason: str,
               values: tuple[date, int, int, str] | None = None) -> bool:
        """Record a decision on a suggested hold; 'accept'/'change' insert the hold."""
        # when first used: not part of the start
        from taperdesk.ui import hold_suggestion

        return hold_suggestion.decide(self._session, suggestion, choice, reason, values)
