"""One registry of the window's actions, keyed by an enum (Picard style).

The main window only assembles menus and the toolbar from it.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum, auto

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid


class Act(Enum):
    NEW_PATIENT = auto()
    EDIT_PATIENT = auto()
    NEW_PLAN = auto()
    ARCHIVE = auto()
    PREVIEW = auto()
    PRINT = auto()
    SAVE_PDF = auto()
    CLINICIAN_PDF = auto()
    PHARMACY_PDF = auto()
    EXPORT = auto()
    EXPORT_CALENDAR = auto()
    EXPORT_FHIR = auto()
    IMPORT = auto()
    OPEN_RECORDS = auto()
    SETTINGS = auto()
    SIGN_OUT = auto()
    QUIT = auto()
    HOLD = auto()
    HOLD_1W = auto()
    HOLD_2W = auto()
    REMOVE_HOLD = auto()
    BACK_STEP = auto()
    ADD_ASSESSMENT = auto()
    ACKNOWLEDGE = auto()
    FIT = auto()
    ABOUT = auto()
    SOURCES = auto()
    TODAY = auto()
    PRINT_DAY = auto()
    PRINT_WEEK = auto()
    ADD_APPOINTMENT = auto()
    PROPOSE_CHECKINS = auto()


# The actions' texts are marked for Qt Linguist (pyside6-lupdate, context "Actions") and
# translated when each action is made (``Actions``), their tips too.
SPECS: dict[Act, tuple[object, str | QKeySequence.StandardKey | None, object]] = {
    Act.NEW_PATIENT: (
        QT_TRANSLATE_NOOP("Actions", "&New patient…"),
        "Ctrl+Shift+N",
        QT_TRANSLATE_NOOP("Actions", "Add a patient"),
    ),
    Act.EDIT_PATIENT: (
        QT_TRANSLATE_NOOP("Actions", "Patient &details…"),
        "Ctrl+D",
        QT_TRANSLATE_NOOP("Actions", "Name, date of birth, clinic ID, opioid flag"),
    ),
    Act.NEW_PLAN: (
        QT_TRANSLATE_NOOP("Actions", "New &plan"),
        "Ctrl+N",
        QT_TRANSLATE_NOOP("Actions", "Create a plan for the patient"),
    ),
    Act.ARCHIVE: (
        QT_TRANSLATE_NOOP("Actions", "&Archive patient"),
        None,
        QT_TRANSLATE_NOOP("Actions", "Hide the patient from the list (kept on record)"),
    ),
    Act.PREVIEW: (
        QT_TRANSLATE_NOOP("Actions", "Print pre&view…"),
        "Ctrl+Shift+P",
        QT_TRANSLATE_NOOP("Actions", "Preview the patient handout"),
    ),
    Act.PRINT: (
        QT_TRANSLATE_NOOP("Actions", "&Print handout…"),
        QKeySequence.StandardKey.Print,
        QT_TRANSLATE_NOOP("Actions", "Print the patient handout"),
    ),
    Act.SAVE_PDF: (
        QT_TRANSLATE_NOOP("Actions", "Save handout as P&DF…"),
        "Ctrl+Shift+S",
        QT_TRANSLATE_NOOP("Actions", "Save the patient handout"),
    ),
    Act.CLINICIAN_PDF: (
        QT_TRANSLATE_NOOP("Actions", "Clinician &summary…"),
        None,
        QT_TRANSLATE_NOOP("Actions", "Preview the clinician summary"),
    ),
    Act.PHARMACY_PDF: (
        QT_TRANSLATE_NOOP("Actions", "P&harmacy sheet…"),
        None,
        QT_TRANSLATE_NOOP("Actions", "Preview the pharmacy sheet"),
    ),
    Act.EXPORT: (
        QT_TRANSLATE_NOOP("Actions", "&Export plan file…"),
        "Ctrl+E",
        QT_TRANSLATE_NOOP("Actions", "Write the plan to a .taper.json file"),
    ),
    Act.EXPORT_CALENDAR: (
        QT_TRANSLATE_NOOP("Actions", "Export to &calendar…"),
        None,
        QT_TRANSLATE_NOOP(
            "Actions", "Write the plan's dose changes as a calendar file (.ics) for a phone"
        ),
    ),
    Act.EXPORT_FHIR: (
        QT_TRANSLATE_NOOP("Actions", "Export &FHIR…"),
        None,
        QT_TRANSLATE_NOOP("Actions", "Write the plan as a FHIR R4 Bundle for an EHR"),
    ),
    Act.IMPORT: (
        QT_TRANSLATE_NOOP("Actions", "&Import plan file…"),
        "Ctrl+I",
        QT_TRANSLATE_NOOP("Actions", "Add a plan from a .taper.json file"),
    ),
    Act.OPEN_RECORDS: (
        QT_TRANSLATE_NOOP("Actions", "&Open records file…"),
        "Ctrl+O",
        QT_TRANSLATE_NOOP(
            "Actions", "Use another records file (e.g. on a clinic share), now and from now on"
        ),
    ),
    Act.SETTINGS: (
        QT_TRANSLATE_NOOP("Actions", "Se&ttings…"),
        "Ctrl+,",
        QT_TRANSLATE_NOOP("Actions", "Clinic name, phone, next appointment"),
    ),
    Act.QUIT: (
        QT_TRANSLATE_NOOP("Actions", "&Quit"),
        "Ctrl+Q",
        QT_TRANSLATE_NOOP("Actions", "Close TaperDesk (everything is saved)"),
    ),
    Act.HOLD: (
        QT_TRANSLATE_NOOP("Actions", "Insert &hold…"),
        "Ctrl+H",
        QT_TRANSLATE_NOOP("Actions", "Hold the dose of the selected step"),
    ),
    Act.HOLD_1W: (
        QT_TRANSLATE_NOOP("Actions", "Insert 1-week hold"),
        "Ctrl+1",
        QT_TRANSLATE_NOOP("Actions", "Hold the selected step's dose 7 days"),
    ),
    Act.HOLD_2W: (
        QT_TRANSLATE_NOOP("Actions", "Insert 2-week hold"),
        "Ctrl+2",
        QT_TRANSLATE_NOOP("Actions", "Hold the selected step's dose 14 days"),
    ),
    Act.REMOVE_HOLD: (
        QT_TRANSLATE_NOOP("Actions", "&Remove hold"),
        "Ctrl+Shift+H",
        QT_TRANSLATE_NOOP(
            "Actions", "Remove the selected hold or back-step (Delete in the step table)"
        ),
    ),
    Act.BACK_STEP: (
        QT_TRANSLATE_NOOP("Actions", "&Back-step…"),
        "Ctrl+B",
        QT_TRANSLATE_NOOP("Actions", "Return to the previous dose for a time"),
    ),
    Act.ADD_ASSESSMENT: (
        QT_TRANSLATE_NOOP("Actions", "Add &assessment…"),
        "Ctrl+Shift+A",
        QT_TRANSLATE_NOOP("Actions", "Record symptom scores"),
    ),
    Act.ACKNOWLEDGE: (
        QT_TRANSLATE_NOOP("Actions", "Ac&knowledge warning…"),
        "Ctrl+K",
        QT_TRANSLATE_NOOP("Actions", "Acknowledge the selected warning"),
    ),
    Act.FIT: (
        QT_TRANSLATE_NOOP("Actions", "&Fit plan"),
        "Ctrl+0",
        QT_TRANSLATE_NOOP("Actions", "Show the whole plan on the chart"),
    ),
    Act.ABOUT: (QT_TRANSLATE_NOOP("Actions", "&About TaperDesk"), None, ""),
    Act.SOURCES: (
        QT_TRANSLATE_NOOP("Actions", "Clinical &sources"),
        None,
        QT_TRANSLATE_NOOP("Actions", "The sources of every rule TaperDesk applies"),
    ),
    Act.SIGN_OUT: (
        QT_TRANSLATE_NOOP("Actions", 'Sign &out'),
        'Ctrl+Shift+L',
        QT_TRANSLATE_NOOP("Actions", 'Sign out, hiding patient data, so someone else can sign in'),
    ),
    Act.TODAY: (
        QT_TRANSLATE_NOOP("Actions", '&Today'),
        'Ctrl+T',
        QT_TRANSLATE_NOOP("Actions", 'Who needs the clinic today, across every patient'),
    ),
    Act.PRINT_DAY: (
        QT_TRANSLATE_NOOP("Actions", 'Print the &day…'),
        None,
        QT_TRANSLATE_NOOP("Actions", 'A one-page worklist of Today'),
    ),
    Act.PRINT_WEEK: (
        QT_TRANSLATE_NOOP("Actions", "Print this &week's handouts…"),
        None,
        QT_TRANSLATE_NOOP(
            "Actions", "One PDF: the handout of every patient whose dose changes this week"
        ),
    ),
    Act.ADD_APPOINTMENT: (
        QT_TRANSLATE_NOOP("Actions", 'New a&ppointment…'),
        'Ctrl+Shift+T',
        QT_TRANSLATE_NOOP("Actions", 'Book a visit or a phone check-in for the patient'),
    ),
    Act.PROPOSE_CHECKINS: (
        QT_TRANSLATE_NOOP("Actions", "Propose &check-ins…"),
        None,
        QT_TRANSLATE_NOOP(
            "Actions", "Book the check-ins the check-in rule proposes for the plan"
        ),
    ),
}


class Actions:
    """One QAction per Act, made from SPECS; the window connects and places them."""

    def __init__(self, parent: QWidget) -> None:
        self._actions: dict[Act, QAction] = {}
        for key, (text, shortcut, tip) in SPECS.items():
            a = QAction(QCoreApplication.translate("Actions", str(text)), parent)
            if shortcut is not None:
                a.setShortcut(QKeySequence(shortcut))
            tip_text = QCoreApplication.translate("Actions", str(tip)) if tip else ""
            a.setStatusTip(tip_text)
            a.setToolTip(tip_text or a.text().replace("&", ""))
            self._actions[key] = a

    def __getitem__(self, key: Act) -> QAction:
        return self._actions[key]

    def connect(self, key: Act, slot: Callable[[], object]) -> None:
        self._actions[key].triggered.connect(lambda _checked=False: slot())



class SteadyTwin(QAction):
    """A toolbar twin of ``action`` whose text never changes (Undo's text names the edit,
    "Undo Drag step 3 to 2 mg/day", and moved every toolbar button after it at each
    edit): it triggers ``action``, follows its enabled state, and shows the changing
    text only in its tooltip (the menu keeps the original)."""

    def __init__(self, action: QAction, text: str) -> None:
        super().__init__(text, action.parent())
        self._action, self._text = action, text
        self.triggered.connect(self._trigger)
        action.changed.connect(self._follow)  # a method: disconnected when the twin goes
        self._follow()

    def _trigger(self) -> None:
        self._action.trigger()

    def _follow(self) -> None:
        if not isValid(self._action):  # the window is being taken down
            return
        self.setEnabled(self._action.isEnabled())
        # The action's tooltip: its text ("Undo Set step 1 to 40 days"), or why the role
        # may not (ui/rights.py).
        self.setToolTip(self._action.toolTip() or self._text)
        self.setStatusTip(self._action.statusTip())
