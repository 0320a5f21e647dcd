"""Symptoms: the assessment table, the entry dialog, the hold suggestion and the red-flag
banner. Scoring, bands, red flags and the suggestion come from taperdesk.model.scales."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from taperdesk.model import insert_hold
from taperdesk.model.scales import (
    HoldSuggestion,
    ScaleError,
    make_assessment,
    red_flag_source,
    red_flags,
    scale,
    score,
    shipped_scales,
    suggest_hold,
)
from taperdesk.store import AssessmentRecord, StoreError
from taperdesk.ui.commands import CallbackCommand
from taperdesk.ui.dialogs import HoldDialog, ReasonDialog, from_qdate, to_qdate
from taperdesk.ui.session import Session

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
RED_FLAG_ACK = "Red flag acknowledged for the assessment of"


COLUMNS = ("Date", "Scale", "Total", "Band", "Red flags", "Note", "Item scores")


class SymptomTableModel(QAbstractTableModel):
    def __init__(self, session: Session) -> None:
        super().__init__()
        self._session = session
        self._rows: list[AssessmentRecord] = []
        session.assessments_changed.connect(self._on_changed)
        self._on_changed()

    def _on_changed(self) -> None:
        new = list(self._session.assessments)
        old_ids = [r.id for r in self._rows]
        if [r.id for r in new[: len(old_ids)]] == old_ids and len(new) > len(old_ids):
            self.beginInsertRows(ROOT, len(old_ids), len(new) - 1)
            self._rows = new
            self.endInsertRows()
            return
        self.beginResetModel()
        self._rows = new
        self.endResetModel()

    def rowCount(self, parent: Index = ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        a = self._rows[index.row()].assessment
        sc = shipped_scales().get(a.scale_id)
        scored = score(sc, a) if sc else None
        if role == Qt.ItemDataRole.DisplayRole:
            values = (
                a.on.strftime("%a %d %b %Y"),
                sc.name if sc else a.scale_id,
                str(a.total),
                scored.band.label if scored else "",
                ", ".join(f.label for f in scored.red_flags) if scored else "",
                a.note,
                " ".join(str(v) for _k, v in a.scores),
            )
            return values[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and scored and scored.urgent:
            from PySide6.QtGui import QColor

            return QColor("#b00020")
        if role == Qt.ItemDataRole.ToolTipRole and sc:
            return f"{sc.full_name}\nSource: {sc.source}\nBands: {sc.bands_source}"
        return None


class AssessmentDialog(QDialog):
    """Score a scale: its items with their range, the red-flag questions, date and note.
    The total and band update as you score."""

    def __init__(self, on: date, parent: QWidget | None = None, scale_id: str = "ciwa-b") -> None:
        super().__init__(parent)
        self.setWindowTitle("Add assessment")
        self.resize(520, 640)
        self.scale_box = QComboBox()
        for sc in shipped_scales().values():
            self.scale_box.addItem(sc.name, sc.id)
        self.scale_box.setCurrentIndex(max(0, self.scale_box.findData(scale_id)))
        self.date = QDateEdit(to_qdate(on))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("ddd d MMM yyyy")
        self.total = QLabel()
        self.items_box = QWidget()
        self.items_layout = QFormLayout(self.items_box)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.items_box)
        flags = QGroupBox("Red flags (any one is urgent)")
        flags_layout = QVBoxLayout(flags)
        self.flags: dict[str, QCheckBox] = {}
        for f in red_flags():
            box = QCheckBox(f.label)
            self.flags[f.id] = box
            flags_layout.addWidget(box)
        src = QLabel(f"Source: {red_flag_source()}")
        src.setWordWrap(True)
        src.setStyleSheet("color: #555")
        flags_layout.addWidget(src)
        self.note = QLineEdit()
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        top = QFormLayout()
        top.addRow("Scale", self.scale_box)
        top.addRow("Date", self.date)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.total)
        layout.addWidget(flags)
        row = QHBoxLayout()
        row.addWidget(QLabel("Note"))
        row.addWidget(self.note)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.spins: dict[str, QSpinBox] = {}
        self.scale_box.currentIndexChanged.connect(self._build_items)
        self._build_items()

    def _build_items(self) -> None:
        while self.items_layout.rowCount():
            self.items_layout.removeRow(0)
        sc = scale(self.scale_box.currentData())
        self.spins = {}
        anchors = ", ".join(f"{k} {v}" for k, v in sorted(sc.anchors.items()))
        for item in sc.items:
            spin = QSpinBox()
            spin.setRange(item.min, item.max)
            spin.setToolTip(f"{item.min}–{item.max}: {anchors}")
            spin.valueChanged.connect(self._update_total)
            who = " (observed)" if item.rated_by == "observer" else ""
            self.items_layout.addRow(f"{item.label}{who} [{item.min}–{item.max}]", spin)
            self.spins[item.id] = spin
        self._update_total()

    def _update_total(self) -> None:
        sc = scale(self.scale_box.currentData())
        total = sum(s.value() for s in self.spins.values())
        self.total.setText(f"Total {total} of {sc.max_total}: {sc.band(total).label}")

    def assessment(self):  # type: ignore[no-untyped-def]
        sc = scale(self.scale_box.currentData())
        return make_assessment(
            sc, from_qdate(self.date.date()), {k: s.value() for k, s in self.spins.items()},
            [k for k, box in self.flags.items() if box.isChecked()], self.note.text().strip())

    def accept(self) -> None:
        try:
            self.assessment()
        except ScaleError as exc:
            self.error.setText(str(exc))
            return
        super().accept()


class SymptomPanel(QWidget):
    """The table, Add assessment, and the hold-suggestion flow after each new assessment."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.model = SymptomTableModel(session)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setResizeContentsPrecision(40)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.add_button = QPushButton("Add &assessment…")
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.message, 1)
        layout.addLayout(row)
        self.add_button.clicked.connect(self.add_dialog)
        session.patient_changed.connect(
            lambda: self.add_button.setEnabled(session.patient is not None))
        self.add_button.setEnabled(session.patient is not None)
        self.last_suggestion: HoldSuggestion | None = None

    def add_dialog(self) -> None:
        dialog = AssessmentDialog(date.today(), self)
        if dialog.exec():
            self.add(dialog.assessment())

    def add(self, assessment: Any) -> HoldSuggestion | None:
        """Save an assessment (one undoable edit); return the hold suggestion, if any."""
        session = self._session
        patient = session.patient
        if patient is None:
            return None
        saved: list[int] = []

        def do() -> None:
            try:
                saved.append(session.store.add_assessment(patient.id, assessment).id)
            except StoreError as exc:
                session.error.emit(str(exc))
            session.reload_assessments()

        def undo() -> None:
            if saved:
                try:
                    session.store.delete_assessment(saved.pop(), why="Undo")
                except StoreError as exc:
                    session.error.emit(str(exc))
            session.reload_assessments()

        session.undo_stack.push(CallbackCommand(f"Add assessment of {assessment.on}", do, undo))
        sc = scale(assessment.scale_id)
        history = [r.assessment for r in session.assessments]
        self.last_suggestion = suggest_hold(sc, history, assessment)
        if self.last_suggestion:
            self.message.setText(f"Suggested: {self.last_suggestion.reason}. "
                                 f"Source: {self.last_suggestion.source}")
            self.offer(self.last_suggestion)
        return self.last_suggestion

    def offer(self, suggestion: HoldSuggestion) -> None:
        """Ask: accept, change or decline (with a reason). Tests call decide() directly."""
        box = SuggestionDialog(suggestion, self)
        box.exec()
        if box.choice:
            self.decide(suggestion, box.choice, box.reason, box.hold_values)

    def decide(self, suggestion: HoldSuggestion, choice: str, reason: str,
               values: tuple[date, int, int, str] | None = None) -> bool:
        """Record the decision on a suggested hold; 'accept'/'change' insert the hold."""
        session = self._session
        if session.patient is None:
            return False
        on, days, stretch, why = values or (suggestion.on, suggestion.days, 100, reason)
        ok = True
        if choice in ("accept", "change"):
            ok = session.apply(f"Insert a {days}-day hold on {on:%d %b %Y} (suggested)",
                               insert_hold, on, days, stretch_percent=stretch,
                               reason=why or suggestion.reason)
        what = {"accept": "Suggested hold accepted", "change": "Suggested hold changed",
                "decline": "Suggested hold declined"}[choice]
        if ok:
            try:
                session.store.record_decision(
                    session.patient.id, session.record.id if session.record else None,
                    f"{what}: {suggestion.reason}", reason)
            except StoreError as exc:
                session.error.emit(str(exc))
                return False
        return ok


class SuggestionDialog(QDialog):
    def __init__(self, suggestion: HoldSuggestion, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Suggested hold")
        self.choice = ""
        self.reason = ""
        self.hold_values: tuple[date, int, int, str] | None = None
        self._suggestion = suggestion
        text = QLabel(f"{suggestion.reason}.\n\nSource: {suggestion.source}")
        text.setWordWrap(True)
        accept = QPushButton("&Accept the hold")
        change = QPushButton("&Change…")
        decline = QPushButton("&Decline…")
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        row = QHBoxLayout()
        for b in (accept, change, decline):
            row.addWidget(b)
        layout.addLayout(row)
        accept.clicked.connect(lambda: self._pick("accept"))
        change.clicked.connect(self._change)
        decline.clicked.connect(self._decline)

    def _pick(self, choice: str) -> None:
        self.choice = choice
        self.accept()

    def _change(self) -> None:
        d = HoldDialog(self._suggestion.on, self, days=self._suggestion.days,
                       reason=self._suggestion.reason)
        if d.exec():
            self.hold_values = d.values()
            self.reason = self.hold_values[3]
            self._pick("change")

    def _decline(self) -> None:
        d = ReasonDialog("Decline the suggested hold", "Why not hold now?", self)
        if d.exec():
            self.reason = d.value()
            self._pick("decline")


class RedFlagBanner(QWidget):
    """An urgent banner while any assessment of the patient has an unacknowledged red flag."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.setStyleSheet("background: #b00020; color: white; font-weight: bold;")
        self.setAutoFillBackground(True)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.button = QPushButton("Acknowledge…")
        self.button.setStyleSheet("background: white; color: #b00020;")
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        self.button.clicked.connect(self.acknowledge_dialog)
        session.assessments_changed.connect(self.refresh)
        session.patient_changed.connect(self.refresh)
        self.refresh()

    def pending(self) -> list[AssessmentRecord]:
        s = self._session
        if s.patient is None:
            return []
        try:
            done = {c.what for c in s.store.changes(patient_id=s.patient.id)}
        except StoreError:
            done = set()
        return [r for r in s.assessments if r.assessment.red_flags and not any(
            w.startswith(f"{RED_FLAG_ACK} {r.assessment.on.isoformat()} (#{r.id})") for w in done)]

    def refresh(self) -> None:
        pending = self.pending()
        self.setVisible(bool(pending))
        if pending:
            labels = {f.id: f.label for f in red_flags()}
            r = pending[-1]
            flags = ", ".join(labels[f] for f in sorted(r.assessment.red_flags))
            self.text.setText(
                f"URGENT: red flag on {r.assessment.on:%d %b %Y}: {flags}. Assess the patient "
                "now; arrange emergency care if needed. Do not lower the dose further.")

    def acknowledge(self, reason: str) -> bool:
        s = self._session
        if s.patient is None or not reason.strip():
            return False
        for r in self.pending():
            try:
                s.store.record_decision(
                    s.patient.id, s.record.id if s.record else None,
                    f"{RED_FLAG_ACK} {r.assessment.on.isoformat()} (#{r.id})", reason.strip())
            except StoreError as exc:
                s.error.emit(str(exc))
                return False
        self.refresh()
        return True

    def acknowledge_dialog(self) -> None:
        d = ReasonDialog("Acknowledge red flag", "What was done?", self)
        if d.exec():
            self.acknowledge(d.value())
