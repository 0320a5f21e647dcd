"""The assessment entry dialog: a scale's items with their range and anchors, the
red-flag questions, the date and a note. The total and band show as you score.

Scoring, bands and validation come from taperdesk.model.scales; a bad value is
refused with a message at the field it concerns, and nothing is saved.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from taperdesk.model.scales import (
    Assessment,
    ScaleError,
    make_assessment,
    red_flag_source,
    red_flags,
    scale,
    shipped_scales,
)
from taperdesk.ui import theme
from taperdesk.ui.dialogs import DATE_FORMAT, from_qdate, to_qdate
from taperdesk.ui.model_texts import band_label
from taperdesk.ui.screen_fit import available_geometry, fit_to_screen
from taperdesk.ui.translation import translate

NOTE_MAX = 2000
"""The longest note the records accept (store: MAX_NOTE)."""


def _muted(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    theme.follow(label, theme.muted_style)
    return label


class AssessmentDialog(QDialog):
    """Score one assessment. ``today`` bounds the date (no assessment is dated later)."""

    def __init__(self, on: date, parent: QWidget | None = None, scale_id: str = "ciwa-b",
                 *, today: date | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("AssessmentDialog", "Add assessment"))
        # 720 px tall, or less on a small screen (1366x768 less a taskbar, 150 % on
        # 1920x1080): its OK button stays on screen; the scale's items scroll.
        fit_to_screen(self, QSize(560, 720), available_geometry(parent))
        self._today = today or date.today()
        self.scale_box = QComboBox()
        for sc in shipped_scales().values():
            self.scale_box.addItem(sc.name, sc.id)
            self.scale_box.setItemData(
                self.scale_box.count() - 1,
                translate("AssessmentDialog", "{0}\nSource: {1}").format(sc.full_name, sc.source),
                Qt.ItemDataRole.ToolTipRole,
            )
        self.scale_box.setCurrentIndex(max(0, self.scale_box.findData(scale_id)))
        self.date = QDateEdit(to_qdate(on))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat(DATE_FORMAT)
        self.date_error = self._error_label()
        self.source = _muted("")
        self.anchors = _muted("")
        self.total = QLabel()
        self.total.setStyleSheet("font-weight: bold")
        self.items_box = QWidget()
        self.items_layout = QFormLayout(self.items_box)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.items_box)
        self.flags: dict[str, QCheckBox] = {}
        flags = QGroupBox(translate("AssessmentDialog", "Red flags: any one is urgent"))
        flags_layout = QVBoxLayout(flags)
        for flag in red_flags():
            self.flags[flag.id] = QCheckBox(flag.label)
            flags_layout.addWidget(self.flags[flag.id])
        flags_layout.addWidget(
            _muted(translate("AssessmentDialog", "Source: {0}").format(red_flag_source()))
        )
        self.note = QLineEdit()
        self.note.setMaxLength(NOTE_MAX)
        self.note.setPlaceholderText(
            translate("AssessmentDialog", "e.g. phone check-in; sleeping poorly since the last cut")
        )
        self.error = self._error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        top = QFormLayout()
        top.addRow(translate("AssessmentDialog", "Scale"), self.scale_box)
        top.addRow("", self.source)
        top.addRow(translate("AssessmentDialog", "Date"), self.date)
        top.addRow("", self.date_error)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.anchors)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.total)
        layout.addWidget(flags)
        bottom = QFormLayout()
        bottom.addRow(translate("AssessmentDialog", "Note"), self.note)
        layout.addLayout(bottom)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.spins: dict[str, QSpinBox] = {}
        self.scale_box.currentIndexChanged.connect(self._on_scale_changed)
        self.date.dateChanged.connect(lambda _d: self.date_error.setText(""))
        self._on_scale_changed()

    @staticmethod
    def _error_label() -> QLabel:
        label = QLabel()
        theme.follow(label, theme.error_style)
        label.setWordWrap(True)
        return label

    def _on_scale_changed(self) -> None:
        """Show the chosen scale's items, each with its range; scores start at the minimum."""
        while self.items_layout.rowCount():
            self.items_layout.removeRow(0)
        sc = scale(self.scale_box.currentData())
        self.source.setText(
            translate("AssessmentDialog", "{0}. Source: {1}").format(sc.full_name, sc.source)
        )
        anchors = " · ".join(f"{k} = {v}" for k, v in sorted(sc.anchors.items()))
        self.anchors.setText(
            translate("AssessmentDialog", "Score each item: {0}").format(anchors) if anchors else ""
        )
        self.spins = {}
        for item in sc.items:
            spin = QSpinBox()
            spin.setRange(item.min, item.max)
            spin.setToolTip(
                translate("AssessmentDialog", "{0}: {1} to {2}. {3}").format(
                    item.label, item.min, item.max, anchors
                )
            )
            spin.valueChanged.connect(self._on_score_changed)
            who = (
                translate("AssessmentDialog", " (observed)") if item.rated_by == "observer" else ""
            )
            self.items_layout.addRow(f"{item.label}{who}  [{item.min}–{item.max}]", spin)
            self.spins[item.id] = spin
        self._on_score_changed()

    def _on_score_changed(self) -> None:
        sc = scale(self.scale_box.currentData())
        total = sum(s.value() for s in self.spins.values())
        band = sc.band(total)
        text = translate("AssessmentDialog", "Total {0} of {1}: {2}").format(
            total, sc.max_total, band_label(band.label)
        )
        if sc.band_rank(band.label) >= sc.band_rank(sc.hold_band):
            text += translate(
                "AssessmentDialog", " (reaches the hold threshold, the {0} band)"
            ).format(band_label(sc.hold_band))
        self.total.setText(text)
        self.total.setToolTip(translate("AssessmentDialog", "Bands: {0}").format(sc.bands_source))
        self.error.setText("")

    def assessment(self) -> Assessment:
        """The assessment as entered; raises ScaleError naming the item when invalid."""
        sc = scale(self.scale_box.currentData())
        return make_assessment(
            sc, from_qdate(self.date.date()), {k: s.value() for k, s in self.spins.items()},
            [k for k, box in self.flags.items() if box.isChecked()], self.note.text().strip())

    def problem(self) -> str:
        """The first thing wrong, shown at its field; '' when the dialog can be accepted."""
        on = from_qdate(self.date.date())
        if on > self._today:
            self.date_error.setText(
                translate(
                    "AssessmentDialog",
                    "An assessment records what was found; it cannot be dated after today ({0:%d "
                    "%b %Y}).",
                ).format(self._today)
            )
            self.date.setFocus()
            return self.date_error.text()
        try:
            self.assessment()
        except ScaleError as exc:
            self.error.setText(str(exc))
            return str(exc)
        return ""

    def accept(self) -> None:
        if not self.problem():
            super().accept()
