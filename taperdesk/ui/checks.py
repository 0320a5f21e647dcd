"""The checks panel: every warning of the plan with its source; select one to highlight its
steps; acknowledge it with a reason (recorded)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from taperdesk.model.guardrails import PlanWarning
from taperdesk.store import StoreError
from taperdesk.ui import dialogs, theme
from taperdesk.ui.dialogs import ReasonDialog
from taperdesk.ui.model_texts import severity, title
from taperdesk.ui.session import Session
from taperdesk.ui.translation import QT_TRANSLATE_NOOP, translate, ui_date

HINT = QT_TRANSLATE_NOOP(
    "Checks", "Select a warning to light its steps in the table and the chart."
)
ALERT_STYLE = ("background: #b00020; color: white; padding: 6px; border-radius: 3px;"
               "font-size: 10pt")


class ChecksPanel(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.alert = QLabel()
        self.alert.setWordWrap(True)
        self.alert.setStyleSheet(ALERT_STYLE)
        self.alert.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.alert.hide()
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(2)
        self.detail = QLabel(translate("Checks", HINT))
        theme.follow(self.detail, theme.muted_style)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.ack_button = QPushButton(translate("Checks", "&Acknowledge…"))
        self.ack_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.alert)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.ack_button)
        self.list.currentRowChanged.connect(self._on_row)
        self.ack_button.clicked.connect(self.acknowledge_dialog)
        session.plan_changed.connect(self._on_plan_changed)
        session.acknowledgements_changed.connect(self._on_acknowledgements_changed)
        self._acks: dict[str, tuple[str, str, str]] = {}
        self._shown: tuple[PlanWarning, ...] | None = None
        self._acks_for: int | None = None
        self._on_acknowledgements_changed()

    @property
    def warnings(self) -> tuple[PlanWarning, ...]:
        return self._session.warnings

    def _on_acknowledgements_changed(self) -> None:
        record = self._session.record
        self._acks = {}
        self._acks_for = record.id if record else None
        if record is not None:
            try:
                for a in self._session.store.acknowledgements(record.id):
                    self._acks[a.key] = (a.reason, a.who, ui_date(a.when, "%d %b %Y %H:%M"))
            except StoreError as exc:
                self._session.show_error(str(exc))
        self._shown = None
        self._on_plan_changed()

    def _on_plan_changed(self) -> None:
        record = self._session.record
        if (record.id if record else None) != self._acks_for:
            self._on_acknowledgements_changed()
            return
        if self._session.dragging or self.warnings == self._shown:
            return  # a drag in progress (the list updates on release), or nothing new
        self._shown = self.warnings
        row = self.list.currentRow()
        keep = 0 <= row < len(self.warnings)
        # Updated in place with its signals held: clearing used to light no steps and then
        # the same steps again (two repaints of the table and chart per edit), and an edit
        # mostly changes a warning's steps or dates, not how many warnings there are.
        none: tuple[str, QColor | None, bool, str] = (
            str(translate("Checks", "No warnings for this plan.")), None, False, "")
        looks: list[tuple[str, QColor | None, bool, str]] = [
            self._look(w) for w in self.warnings] or [none]
        self.list.blockSignals(True)
        try:
            if self.list.count() != len(looks):
                self.list.clear()
                for _ in looks:
                    self.list.addItem(QListWidgetItem())
            for i, look in enumerate(looks):
                self._restyle(self.list.item(i), *look)
            if keep:
                self.list.setCurrentRow(row)
        finally:
            self.list.blockSignals(False)
        self._show_alerts()
        if keep or row >= 0:
            self._on_row(row if keep else -1)
        else:
            self.detail.setText(translate("Checks", HINT))
            self.ack_button.setEnabled(False)

    def _look(self, w: PlanWarning) -> tuple[str, QColor, bool, str]:
        """One line per warning (its title) and how it looks: colour, bold, tooltip. The
        message, source and any acknowledgement are in the tooltip and, once selected, under
        the list (four lines each cut the list at 1366x768 and at 150 % scaling)."""
        ack = self._acks.get(w.key)
        text = f"{'✓ ' if ack else ''}{severity(w)}: {title(w)}{self._where(w)}"
        # Severe (red, listed first by check()) must be acknowledged before printing.
        colour = QColor(theme.muted() if ack else theme.severity_colour(w.severity))
        tip = [w.message, translate("Checks", "[{0}] Source: {1}").format(w.code, w.source)]
        if ack:
            tip.append(
                translate("Checks", "Acknowledged by {0}, {1}: {2}").format(ack[1], ack[2], ack[0])
            )
        return text, colour, w.severity == "severe" and not ack, "\n".join(tip)

    @staticmethod
    def _restyle(item: QListWidgetItem, text: str, colour: QColor | None, bold: bool,
                 tip: str) -> None:
        """Set what changed only (each set repaints the item)."""
        if item.text() != text:
            item.setText(text)
        if colour is None:  # the palette's own colour (the "no warnings" line)
            if item.data(Qt.ItemDataRole.ForegroundRole) is not None:
                item.setData(Qt.ItemDataRole.ForegroundRole, None)
        elif item.foreground().color() != colour:
            item.setForeground(colour)
        font = item.font()
        if font.bold() != bold:
            font.setBold(bold)
            item.setFont(font)
        if item.toolTip() != tip:
            item.setToolTip(tip)

    def _where(self, w: PlanWarning) -> str:
        """ " (step 4, 15 Feb)": which step and day, so warnings with one title (a cut too
        big at three steps) are told apart in the list; "" for a whole-plan warning."""
        sched = self._session.schedule
        if not w.rows or sched is None or not 0 <= w.rows[-1] < len(sched.steps):
            return ""
        last = sched.steps[w.rows[-1]]
        if len(w.rows) > 2:
            return self.tr(" (steps {0}–{1}, from {2})").format(
                w.rows[0] + 1, last.row + 1, f"{sched.steps[w.rows[0]].start:%d %b}")
        return self.tr(" (step {0}, {1})").format(last.row + 1, f"{last.start:%d %b}")

    def _show_alerts(self) -> None:
        """Alerts (an opioid co-prescription) stay in view above the list, even acknowledged."""
        alerts = [w for w in self.warnings if w.severity == "alert"]
        self.alert.setVisible(bool(alerts))
        self.alert.setText("<br>".join(
            f"<b>⚠ {title(w).upper()}</b><br>{w.message}<br><span style='font-size: 8pt'>"
            + translate("Checks", "Source: {0}").format(w.source) + "</span>" for w in alerts))

    def _on_row(self, row: int) -> None:
        if not 0 <= row < len(self.warnings):
            self.ack_button.setEnabled(False)
            self.detail.setText(translate("Checks", HINT))
            self._session.highlight(())
            return
        w = self.warnings[row]
        ack = self._acks.get(w.key)
        steps = ", ".join(str(r + 1) for r in w.rows)
        where = (
            (translate("Checks", "Steps {0}: lit in the table and chart.") if len(w.rows) > 1
             else translate("Checks", "Step {0}: lit in the table and chart.")).format(steps)
            if w.rows
            else translate("Checks", "Concerns the whole plan.")
        )
        text = translate("Checks", "{0}<br><b>[{1}]</b> {2}").format(
            html.escape(w.message), w.code, where
        )
        text += translate("Checks", "<br><i>Source: {0}</i>").format(w.source)
        if ack:
            text += translate("Checks", "<br>Acknowledged by {0} on {1}: {2}").format(
                ack[1], ack[2], ack[0]
            )
        self.detail.setText(text)
        self.ack_button.setEnabled(ack is None and self._session.record is not None)
        self._session.highlight(w.rows)

    def acknowledge(self, row: int, reason: str) -> bool:
        record = self._session.record
        if record is None or not 0 <= row < len(self.warnings) or not reason.strip():
            return False
        return self._session.acknowledge_warning(self.warnings[row], reason).ok

    def acknowledge_dialog(self) -> bool:
        row = self.list.currentRow()
        if not 0 <= row < len(self.warnings):
            self._session.show_error(
                translate("Checks", "Select a warning in the Checks panel first.")
            )
            return False
        dialog = ReasonDialog(
            translate("Checks", "Acknowledge warning"),
            translate("Checks", "{0}\nWhy is this acceptable here?").format(
                self.warnings[row].message
            ),
            self,
        )
        return dialogs.run(dialog) and self.acknowledge(row, dialog.value())
