"""The settings dialog: the clinic's details, kept in the records file (``Store.set_setting``),
so every PC that opens the same records prints the same clinic name and phone on handouts;
which records file this PC opens and the window's language, kept in QSettings
(ui/settings.py). Loaded when the dialog is first opened, not at the window's start.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from taperdesk.model.languages import LANGUAGES
from taperdesk.report.context import DEFAULT_EMERGENCY, EMERGENCY_NUMBERS, handout_settings
from taperdesk.store import Store
from taperdesk.ui import theme
from taperdesk.ui.dialogs import _Form
from taperdesk.ui.idle import DEFAULT_IDLE_MINUTES, IDLE_SETTING, MAX_IDLE_MINUTES, idle_minutes
from taperdesk.ui.translation import QT_TRANSLATE_NOOP, translate

CLINIC_FIELDS = (
    (
        "clinic_name",
        QT_TRANSLATE_NOOP("Settings", "Clinic name"),
        QT_TRANSLATE_NOOP("Settings", "Printed at the top of every handout"),
    ),
    (
        "clinic_phone",
        QT_TRANSLATE_NOOP("Settings", "Clinic phone"),
        QT_TRANSLATE_NOOP("Settings", "Printed in the handout's get-help box"),
    ),
    (
        "next_appointment",
        QT_TRANSLATE_NOOP("Settings", "Next appointment"),
        QT_TRANSLATE_NOOP(
            "Settings",
            "Printed on the handout as written (e.g. 2026-12-14 or 'in two weeks'); leave empty "
            "to print a blank line to fill in by hand",
        ),
    ),
)
PRINT_CHOICES = (
    (
        "paper",
        QT_TRANSLATE_NOOP("Settings", "Paper"),
        (("a4", "A4"), ("letter", QT_TRANSLATE_NOOP("Settings", "US Letter"))),
        QT_TRANSLATE_NOOP("Settings", "The paper handouts are printed on"),
    ),
    (
        "week_start",
        QT_TRANSLATE_NOOP("Settings", "Week starts on"),
        (
            ("monday", QT_TRANSLATE_NOOP("Settings", "Monday")),
            ("sunday", QT_TRANSLATE_NOOP("Settings", "Sunday")),
        ),
        QT_TRANSLATE_NOOP("Settings", "The first column of the handout's calendar"),
    ),
)
"""Clinic settings chosen from a list (key, label, (value, text) choices, tip); with
CLINIC_FIELDS and the emergency number they are report.context.SETTING_KEYS."""
MAX_SETTING = 200
"""Longest clinic detail kept (a TaperDesk limit so a handout line stays one line)."""



class SettingsDialog(_Form):
    """Clinic name, phone, next-appointment default, emergency number, paper and the week's
    first day (kept in the records file); which records file this PC opens and the
    window's language (kept in QSettings)."""

    def __init__(self, store: Store, records_file: Path,
                 open_file: Callable[[], Store | None], parent: QWidget | None = None, *,
                 server: str = "", why_not: str = "", window_language: str = "") -> None:
        """``server``: the clinic server URI this PC opens ('' for a records file);
        ``why_not``: why the signed-in user may not change the clinic settings ('' if
        they may), shown on the fields, which are then read-only."""
        super().__init__(translate("Settings", "Settings"), parent)
        self.fields: dict[str, QLineEdit] = {}
        for key, label, tip in CLINIC_FIELDS:
            edit = QLineEdit()
            edit.setToolTip(translate("Settings", tip))
            edit.setMaxLength(MAX_SETTING)
            self.fields[key] = edit
            self.form.addRow(translate("Settings", label), edit)
        self.emergency = QComboBox()
        self.emergency.setEditable(True)
        for number, where in EMERGENCY_NUMBERS:
            self.emergency.addItem(f"{number} ({where})", number)
        self.emergency.setToolTip(
            translate(
                "Settings",
                "Printed in the get-help box on page 1. TaperDesk default: {0} (US); choose your "
                "country's number or type it",
            ).format(DEFAULT_EMERGENCY)
        )
        self.form.addRow(translate("Settings", "Emergency number"), self.emergency)
        self.choices: dict[str, QComboBox] = {}
        for key, label, options, tip in PRINT_CHOICES:
            box = QComboBox()
            for value, text in options:
                box.addItem(translate("Settings", text), value)
            box.setToolTip(translate("Settings", tip))
            self.choices[key] = box
            self.form.addRow(translate("Settings", label), box)
        self.idle = QSpinBox()
        self.idle.setRange(1, MAX_IDLE_MINUTES)
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setToolTip(self.tr(
            "After this long without use the window hides patient data and asks the "
            "password again. TaperDesk default: {0} minutes").format(DEFAULT_IDLE_MINUTES))
        self.form.addRow(self.tr("Lock when idle (TaperDesk default {0} min)").format(
            DEFAULT_IDLE_MINUTES), self.idle)
        for w in (*self.fields.values(), self.emergency, *self.choices.values(), self.idle):
            w.setEnabled(not why_not)
            if why_not:
                w.setToolTip(why_not)
        note = QLabel(
            translate(
                "Settings",
                "Kept in the records file, so every PC using it prints the same details.",
            )
        )
        theme.follow(note, theme.muted_style)
        note.setWordWrap(True)
        self.form.addRow(note)
        self.records = QLineEdit(str(records_file))
        self.records.setReadOnly(True)
        self.records.setMinimumWidth(380)
        self.choose = QPushButton(translate("Settings", "Open another records file…"))
        self.choose.clicked.connect(lambda: self._opened(open_file()))
        self.form.addRow(translate("Settings", "Records file"), self.records)
        self.form.addRow("", self.choose)
        self.server = QLineEdit(server)
        self.server.setObjectName("clinic-server")
        self.server.setPlaceholderText("postgresql://USER@HOST/DATABASE")
        self.server.setToolTip(self.tr(
            "The clinic's records server (docs/SERVER.md), used from the next start in "
            "place of the records file; tested when you press OK. Leave empty to use the "
            "records file."))
        self.form.addRow(self.tr("Clinic server"), self.server)
        self.language = QComboBox()
        self.language.addItem(translate("Settings", "As the system"), "")
        for code, own_name in LANGUAGES.items():
            self.language.addItem(own_name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(window_language)))
        self.language.setToolTip(translate(
            "Settings", "The language of this PC's window, from the next start (handouts "
            "follow each patient's language)"))
        self.form.addRow(translate("Settings", "Window language"), self.language)
        self._show(store)
        self.finish()

    def _show(self, store: Store) -> None:
        for key, edit in self.fields.items():
            edit.setText(store.setting(key))
        st = handout_settings(store.setting)
        self.idle.setValue(idle_minutes(store.setting(IDLE_SETTING, "")) or DEFAULT_IDLE_MINUTES)
        self.set_emergency(st.clinic.emergency)
        for key, value in (("paper", st.paper), ("week_start", st.week_start)):
            box = self.choices[key]
            box.setCurrentIndex(max(0, box.findData(value)))

    def set_emergency(self, number: str) -> None:
        index = self.emergency.findData(number)
        if index >= 0:
            self.emergency.setCurrentIndex(index)
        else:
            self.emergency.setEditText(number)

    def emergency_number(self) -> str:
        """The number chosen ("999 (UK)" gives "999") or typed."""
        text = self.emergency.currentText().strip()
        for number, where in EMERGENCY_NUMBERS:
            if text == f"{number} ({where})":
                return number
        return text

    def _opened(self, store: Store | None) -> None:
        """Another records file was opened: show its path and its clinic details."""
        if store is not None:
            self.records.setText(str(store.path))
            self._show(store)

    def problem(self) -> str:
        for key, label, _tip in CLINIC_FIELDS:
            if any(ch in self.fields[key].text() for ch in "\n\r\t"):
                return translate("Settings", "{0}: one line of text, please.").format(
                    translate("Settings", label))
        number = self.emergency_number()
        if not number or len(number) > 20 or any(ch in number for ch in "\n\r\t"):
            return translate(
                "Settings", "Emergency number: the number to call, e.g. 911, 999 or 112."
            )
        return self.server_problem()

    def server_problem(self) -> str:
        """The clinic server given is connected to and checked (TaperDesk's records, or an
        empty database), changing nothing there; '' when it can be used (or none given)."""
        uri = self.server.text().strip()
        if not uri:
            return ""
        from taperdesk.store.pg_open import check_server  # psycopg only when a server is given

        problem = check_server(uri)
        return self.tr("Clinic server: {0}").format(problem) if problem else ""

    def window_language(self) -> str:
        """The chosen window language code; '' to follow the system."""
        return str(self.language.currentData() or "")

    def values(self) -> dict[str, str]:
        out = {key: edit.text().strip() for key, edit in self.fields.items()}
        out["emergency_number"] = self.emergency_number()
        out.update({key: str(box.currentData()) for key, box in self.choices.items()})
        out[IDLE_SETTING] = str(self.idle.value())
        return out
