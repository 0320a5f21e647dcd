"""Small dialogs: patient, acknowledgement (hold and back-step: ui/hold_dialogs.py).
Each validates at the field.

Dialogs are plain classes: tests fill the fields and call ``accept()``; the
window calls ``exec()``.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QSize
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from taperdesk.model.languages import DEFAULT_LANGUAGE, LANGUAGES
from taperdesk.store.codec import MAX_CLINIC_ID, MAX_NAME
from taperdesk.ui import theme
from taperdesk.ui.screen_fit import VerticalScroll, available_geometry, fit_to_screen
from taperdesk.ui.translation import translate


def run(dialog: QDialog) -> bool:
    """Show a dialog modally; True if accepted.

    Every dialog of the window is shown through here, so a test replaces this one
    function (monkeypatch ``taperdesk.ui.dialogs.run``) to fill and accept dialogs.
    """
    return bool(dialog.exec())


def clip(text: str, limit: int = 300) -> str:
    """A message short enough for a label (a pasted 5000-digit number is quoted back in
    full by the model's message; a label would grow past the screen)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def to_qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def from_qdate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


DATE_FORMAT = "dd/MM/yyyy"
"""How every date field shows and takes a date: typed as shown, 4-digit year (a "d MMM
yyyy" field took 12/03/1958 as nothing and kept 1 Jan 1970)."""
EARLIEST = date(1900, 1, 1)


def date_edit(on: date, earliest: date = EARLIEST) -> QDateEdit:
    """A date field that takes a typed dd/mm/yyyy date, or one from its calendar."""
    edit = QDateEdit()
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    edit.setMinimumDate(to_qdate(earliest))
    edit.setDate(to_qdate(on))
    return edit


def parse_typed_date(text: str) -> date | None:
    """A typed date, dd/mm/yyyy (also with - or .) or ISO yyyy-mm-dd; None if blank.
    Raises ValueError with a message for the field."""
    text = text.strip()
    if not text:
        return None
    for fmt in ("dd/MM/yyyy", "d/M/yyyy", "dd-MM-yyyy", "dd.MM.yyyy", "yyyy-MM-dd"):
        q = QDate.fromString(text, fmt)
        if q.isValid():
            return from_qdate(q)
    raise ValueError(f"{text[:20]!r} is not a date: type it as dd/mm/yyyy, e.g. 12/03/1958.")


class _Form(QDialog):
    """A form with an error line and OK/Cancel at its foot. ``scrolls``: the fields scroll
    up and down inside the dialog, so a long form on a small screen keeps its error line
    and buttons in view (the dialog is then sized to the screen, ui/screen_fit.py)."""

    def __init__(self, title: str, parent: QWidget | None, *, scrolls: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.fields_scroll: VerticalScroll | None = None
        if scrolls:
            self._fields = QWidget()
            self.form = QFormLayout(self._fields)
            self.form.setContentsMargins(0, 0, 0, 0)
            self.fields_scroll = VerticalScroll(lambda: self._fields.sizeHint().height())
            self.fields_scroll.setWidget(self._fields)
            QVBoxLayout(self).addWidget(self.fields_scroll)  # all of the fields may scroll
        else:
            self.form = QFormLayout(self)
        self.error = QLabel()
        theme.follow(self.error, theme.error_style)
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def finish(self) -> None:
        outer = self.layout()
        if self.fields_scroll is not None and outer is not None:
            outer.addWidget(self.error)
            outer.addWidget(self.buttons)
            return
        self.form.addRow(self.error)
        self.form.addRow(self.buttons)

    def fit_screen(self, parent: QWidget | None) -> None:
        """As tall as the whole form, or as the screen allows (the fields then scroll)."""
        outer = self.layout()
        assert self.fields_scroll is not None and outer is not None
        inner = self._fields.sizeHint()
        bar = self.fields_scroll.verticalScrollBar().sizeHint().width()
        m = outer.contentsMargins()
        foot = self.error.sizeHint().height() + self.buttons.sizeHint().height()
        whole = QSize(inner.width() + bar + m.left() + m.right(),
                      inner.height() + foot + 2 * max(outer.spacing(), 0) + m.top() + m.bottom())
        fit_to_screen(self, whole, available_geometry(parent))

    def problem(self) -> str:
        return ""

    def accept(self) -> None:
        msg = self.problem()
        if msg:
            self.error.setText(msg)
            return
        super().accept()


class PatientDialog(_Form):
    """New patient or edit details: name, date of birth, clinic ID, opioid co-prescription,
    the language of the patient's handouts."""

    def __init__(self, parent: QWidget | None = None, *, name: str = "", born: date | None = None,
                 clinic_id: str = "", opioid: bool = False, title: str = "",
                 language: str = DEFAULT_LANGUAGE) -> None:
        super().__init__(title or translate("Dialogs", "New patient"), parent)
        self.name = QLineEdit(name)
        self.name.setMaxLength(MAX_NAME)
        # Blank means not known: no separate "known" tick to forget.
        self.born = QLineEdit(born.strftime("%d/%m/%Y") if born else "")
        self.born.setPlaceholderText("dd/mm/yyyy (blank if not known)")
        self.born.setMaxLength(20)
        self.clinic_id = QLineEdit(clinic_id)
        self.clinic_id.setMaxLength(MAX_CLINIC_ID)
        self.opioid = QCheckBox(
            translate("Dialogs", "Also prescribed an opioid (FDA boxed warning)")
        )
        self.opioid.setChecked(opioid)
        self.language = QComboBox()
        for code, own_name in LANGUAGES.items():
            self.language.addItem(own_name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.form.addRow(translate("Dialogs", "Name"), self.name)
        self.form.addRow(translate("Dialogs", "Date of birth"), self.born)
        self.form.addRow(translate("Dialogs", "Clinic ID"), self.clinic_id)
        self.form.addRow("", self.opioid)
        self.form.addRow(translate("Dialogs", "Handout language"), self.language)
        self.finish()

    def born_date(self) -> date | None:
        """The typed date of birth (None if blank); ValueError says what is wrong."""
        born = parse_typed_date(self.born.text())
        if born is not None and not EARLIEST <= born <= date.today():
            raise ValueError(
                translate(
                    "Dialogs", "A date of birth between {0:%d/%m/%Y} and today, not {1:%d/%m/%Y}."
                ).format(EARLIEST, born)
            )
        return born

    def problem(self) -> str:
        if not self.name.text().strip():
            return translate("Dialogs", "Give the patient's name.")
        try:
            self.born_date()
        except ValueError as exc:
            self.born.setFocus()
            return str(exc)
        return ""

    def values(self) -> dict[str, object]:
        return {
            "name": self.name.text().strip(),
            "born": self.born_date(),
            "clinic_id": self.clinic_id.text().strip(),
            "opioid": self.opioid.isChecked(),
            "language": str(self.language.currentData()),
        }


class ReasonDialog(_Form):
    """Ask for a reason (acknowledging a warning, declining a suggested hold)."""

    def __init__(self, title: str, prompt: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        label = QLabel(prompt)
        label.setWordWrap(True)
        self.reason = QLineEdit()
        self.form.addRow(label)
        self.form.addRow(translate("Dialogs", "Reason"), self.reason)
        self.finish()

    def problem(self) -> str:
        if self.reason.text().strip():
            return ""
        self.reason.setFocus()
        return translate(
            "Dialogs", "OK needs a reason: type one above (it is recorded with your name)."
        )

    def value(self) -> str:
        return self.reason.text().strip()
