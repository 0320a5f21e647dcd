"""The main window: assembles the parts in docks, the menus from the action registry, and
remembers its layout. It computes nothing itself: edits go through the session, records
through ui/file_actions.py, handouts through ui/handout_actions.py."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from taperdesk.model import StepKind, insert_hold, remove_hold
from taperdesk.store import Store
from taperdesk.ui import handout_actions, signin_gate, theme, today_actions
from taperdesk.ui.access import chain_tab_order, name
from taperdesk.ui.action_registry import Act, Actions, SteadyTwin
from taperdesk.ui.checks import ChecksPanel
from taperdesk.ui.dialogs import clip
from taperdesk.ui.dose_chart import DoseChart
from taperdesk.ui.file_actions import FileActions
from taperdesk.ui.model_texts import kind_label
from taperdesk.ui.patient_header import PatientHeader
from taperdesk.ui.patient_list import PatientList
from taperdesk.ui.plan_form import PlanForm
from taperdesk.ui.screen_fit import available_geometry, fit_to_screen
from taperdesk.ui.session import WAITING, Session
from taperdesk.ui.session_records import READ_ONLY
from taperdesk.ui.settings import remember_patient, restore_layout, save_layout
from taperdesk.ui.steps import StepTable
from taperdesk.ui.symptom_panel import RedFlagBanner, SymptomPanel
from taperdesk.ui.translation import translate

if TYPE_CHECKING:
    from taperdesk.ui.appointments import AppointmentsPanel
    from taperdesk.ui.today import TodayPanel

SETTINGS_ORG = "TaperDesk"
FIRST_SIZE = (1366, 768)
"""The window's size on a first run where the screen has room (SPEC's reference screen)."""
SIDE_MIN_PX, SIDE_MAX_PX = 300, 420
"""First-run width of each side column of docks: enough for the plan fields and readable
warnings; a wide screen gives the rest to the chart and the step table."""
FILE_MENU = (Act.NEW_PATIENT, Act.EDIT_PATIENT, Act.NEW_PLAN, Act.ARCHIVE, None,
             Act.PREVIEW, Act.PRINT, Act.SAVE_PDF, Act.CLINICIAN_PDF, Act.PHARMACY_PDF, None,
             Act.EXPORT, Act.EXPORT_CALENDAR, Act.EXPORT_FHIR, Act.IMPORT, None,
             Act.OPEN_RECORDS, Act.SETTINGS, None, Act.SIGN_OUT, Act.QUIT)
EDIT_MENU = (Act.HOLD_1W, Act.HOLD_2W, Act.HOLD, Act.REMOVE_HOLD, Act.BACK_STEP, None,
             Act.ADD_ASSESSMENT, Act.ACKNOWLEDGE, None, Act.ADD_APPOINTMENT,
             Act.PROPOSE_CHECKINS)
TODAY_MENU = (Act.TODAY, Act.PRINT_DAY, Act.PRINT_WEEK)
"""View ▸ Today, and printing the day (issue 13)."""
STEP_MENU = (Act.HOLD_1W, Act.HOLD_2W, Act.HOLD, Act.REMOVE_HOLD, Act.BACK_STEP)
"""The step table's context menu (right click, or the Menu key / Shift+F10)."""
TOOLBAR = (Act.NEW_PATIENT, None, Act.HOLD, Act.ADD_ASSESSMENT, Act.PREVIEW, Act.FIT)


class MainWindow(QMainWindow):
    today: TodayPanel
    appointments: AppointmentsPanel
    """Mounted by ui/today_actions.mount."""

    def __init__(self, session: Session, settings: QSettings | None = None) -> None:
        super().__init__()
        self.session = session
        self.settings = settings or QSettings(SETTINGS_ORG, "TaperDesk")
        # First run: 1366x768 or what the screen has room for (1280x720 at 150 % on a
        # 1920x1080 screen); a saved layout, restored below, keeps its own size.
        fit_to_screen(self, QSize(*FIRST_SIZE), available_geometry(self), margin=0)
        self.chart = DoseChart(session)
        self.steps = StepTable(session)
        self.banner = RedFlagBanner(session)
        self.split = split = QSplitter(Qt.Orientation.Vertical)
        split.setObjectName("split-chart-steps")
        split.addWidget(self.chart)
        split.addWidget(self.steps)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([480, 260])
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(2, 2, 2, 2)
        self.read_only_banner = QLabel(translate("Session", READ_ONLY))
        self.read_only_banner.setObjectName("read-only-banner")
        theme.follow(self.read_only_banner, theme.notice_style)
        self.read_only_banner.setWordWrap(True)
        layout.addWidget(self.read_only_banner)
        layout.addWidget(self.banner)
        self.header = PatientHeader(session)
        layout.addWidget(self.header)
        layout.addWidget(split)
        self.setCentralWidget(central)
        self.patients = PatientList(session)
        self.plan_form = PlanForm(session)
        self.symptoms = SymptomPanel(session)
        self.checks = ChecksPanel(session)
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        self.docks = {
            "patients": self._dock("patients", translate("Window", "Patients"), self.patients,
                                   left),
            "plan": self._dock("plan", translate("Window", "Plan"), self.plan_form, left),
            "checks": self._dock("checks", translate("Window", "Checks"), self.checks, right),
            "symptoms": self._dock("symptoms", translate("Window", "Symptoms"), self.symptoms,
                                   right),
        }
        today_actions.mount(self, left, right)  # Today, Appointments (issue 13)
        self.files = FileActions(session, self, self.settings)
        self.registry = Actions(self)
        self._menus()
        self._connect()
        self.chart.plot.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        chain_tab_order([self.patients, self.plan_form, self.steps, self.chart, self.checks,
                         self.symptoms])
        self._name_controls()
        self.statusBar()
        session.message.connect(lambda m: self.statusBar().showMessage(m, 5000))
        session.error.connect(lambda m: self.statusBar().showMessage(clip(m), 15000))
        session.patient_changed.connect(self._on_title)
        session.plan_changed.connect(self._on_title)
        session.patient_changed.connect(self._on_patient_changed)
        session.busy.connect(self._on_busy)
        session.changed.connect(self._on_changed)
        self._on_title()
        self._on_changed()
        if not restore_layout(self, self.settings, self.split):
            QTimer.singleShot(0, self.default_layout)
        self.sign_in_gate = signin_gate.install(self)  # who, Sign out, idle lock, roles

    # -- assembly ---------------------------------------------------------

    def _dock(self, key: str, title: str, widget: QWidget,
              area: Qt.DockWidgetArea) -> QDockWidget:
        """A dock named ``dock-KEY`` (its key in ``docks``, English whatever the window's
        language: restoreState matches docks by name, so a layout saved in one language
        comes back in another; the same names the English window gave them before)."""
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{key}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _menus(self) -> None:
        a, bar = self.registry, self.menuBar()
        undo = self.session.undo_stack.createUndoAction(self, translate("Window", "&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.session.undo_stack.createRedoAction(self, translate("Window", "&Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.undo_action, self.redo_action = undo, redo
        file = bar.addMenu(self.tr("&File"))
        for key in FILE_MENU:
            file.addSeparator() if key is None else file.addAction(a[key])
        edit = bar.addMenu(self.tr("&Edit"))
        edit.addActions([undo, redo])
        edit.addSeparator()
        for key in EDIT_MENU:
            edit.addSeparator() if key is None else edit.addAction(a[key])
        view = bar.addMenu(self.tr("&View"))
        view.addActions([a[k] for k in TODAY_MENU])
        view.addSeparator()
        view.addAction(a[Act.FIT])
        view.addSeparator()
        for dock in self.docks.values():
            view.addAction(dock.toggleViewAction())
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addActions([a[Act.SOURCES], a[Act.ABOUT]])
        tools = self.addToolBar(translate("Window", "Main"))
        tools.setObjectName("toolbar-main")
        self.toolbar_undo = [
            SteadyTwin(undo, translate("Window", "Undo")),
            SteadyTwin(redo, translate("Window", "Redo")),
        ]
        for key in TOOLBAR:
            tools.addActions(self.toolbar_undo) if key is None else tools.addAction(a[key])
        table = self.steps.view
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        table.addActions([a[key] for key in STEP_MENU])
        self.delete_action = QAction(translate("Window", "Remove hold"), table)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self.remove_selected_hold)
        table.addAction(self.delete_action)

    def _name_controls(self) -> None:
        """Names for screen readers of the controls with no label beside them (form fields
        are named by their labels; the chart describes the plan itself)."""
        name(
            self.patients.search,
            translate("Window", "Search patients"),
            translate("Window", "Type part of a name or clinic ID"),
        )
        name(
            self.patients.list,
            translate("Window", "Patients"),
            translate("Window", "Choose a patient to open their plan"),
        )
        name(
            self.steps.view,
            translate("Window", "Plan steps"),
            translate(
                "Window",
                "One row per step: dates, days, daily dose, doses by time of day, kind, rationale "
                "and source; days and dose are editable",
            ),
        )
        name(
            self.checks.list,
            translate("Window", "Plan checks"),
            translate("Window", "Warnings about the plan, severe first"),
        )
        name(
            self.symptoms.view,
            translate("Window", "Symptom assessments"),
            translate("Window", "Scores recorded for this patient"),
        )

    def _connect(self) -> None:
        a, f, s = self.registry, self.files, self.session
        a.connect(Act.NEW_PATIENT, self.patients.new_patient_dialog)
        a.connect(Act.EDIT_PATIENT, f.edit_patient)
        a.connect(Act.NEW_PLAN, self.plan_form.new_plan_dialog)
        a.connect(Act.ARCHIVE, self.patients.toggle_archive)
        a.connect(Act.PREVIEW, lambda: self.preview("patient"))
        a.connect(Act.CLINICIAN_PDF, lambda: self.preview("clinician"))
        a.connect(Act.PHARMACY_PDF, lambda: self.preview("pharmacy"))
        a.connect(Act.PRINT, lambda: handout_actions.print_handout(s, self))
        a.connect(Act.SAVE_PDF, lambda: handout_actions.save_handout(s, self))
        a.connect(Act.EXPORT, f.export_plan)
        a.connect(Act.EXPORT_CALENDAR, f.export_calendar)
        a.connect(Act.EXPORT_FHIR, f.export_fhir)
        a.connect(Act.IMPORT, f.import_plan)
        a.connect(Act.OPEN_RECORDS, f.open_records_file)
        a.connect(Act.SETTINGS, f.settings_dialog)
        a.connect(Act.QUIT, self.close)
        a.connect(Act.HOLD_1W, lambda: self.hold_selected(7))
        a.connect(Act.HOLD_2W, lambda: self.hold_selected(14))
        a.connect(Act.HOLD, self.hold_selected_dialog)
        a.connect(Act.REMOVE_HOLD, self.remove_selected_hold)
        a.connect(Act.BACK_STEP, self.back_step_selected)
        a.connect(Act.ADD_ASSESSMENT, self.symptoms.add_dialog)
        a.connect(Act.ACKNOWLEDGE, self.checks.acknowledge_dialog)
        a.connect(Act.FIT, self.chart.fit)
        a.connect(Act.ABOUT, f.about)
        a.connect(Act.SOURCES, f.sources)
        a.connect(Act.TODAY, lambda: today_actions.show_today(self))
        a.connect(Act.PRINT_DAY, lambda: today_actions.print_day(self))
        a.connect(Act.PRINT_WEEK, lambda: today_actions.print_week(self))
        a.connect(Act.ADD_APPOINTMENT, self.appointments.add_dialog)
        a.connect(Act.PROPOSE_CHECKINS, self.appointments.propose_dialog)

    def _on_title(self) -> None:
        s = self.session
        parts = ["TaperDesk"]
        if s.patient:
            parts.append(s.patient.name)
        if s.record:
            parts.append(s.record.title)
        self.setWindowTitle(" — ".join(parts))

    def _on_patient_changed(self) -> None:
        if self.session.patient is not None:
            remember_patient(self.settings, self.session.store.path, self.session.patient.id)

    def _on_busy(self, text: str) -> None:
        """A write may wait for another program's lock: say so at once (painted now, since
        the wait blocks the event loop), and take it away when the write is done."""
        bar = self.statusBar()
        if text:
            bar.showMessage(text)
            bar.repaint()
        elif bar.currentMessage() == translate("Session", WAITING):
            bar.clearMessage()

    def _on_changed(self, _changes: object = None) -> None:
        self.read_only_banner.setVisible(self.session.read_only)

    # -- layout memory ----------------------------------------------------

    def default_layout(self) -> None:
        """Docks sized so the chart and the step table get most of the width."""
        side = min(SIDE_MAX_PX, max(SIDE_MIN_PX, self.width() // 4))
        self.resizeDocks([self.docks["today"], self.docks["checks"]], [side, side],
                         Qt.Orientation.Horizontal)  # Today: the shown tab over Patients
        self.resizeDocks([self.docks["today"], self.docks["plan"]],
                         [self.height() // 3, self.height() // 2], Qt.Orientation.Vertical)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        save_layout(self, self.settings, self.split)
        super().closeEvent(event)

    # -- keyboard editing of the selected step ----------------------------

    def _selected(self) -> int | None:
        row = self.steps.current_row()
        if row is None or self.session.schedule is None:
            self.session.show_error(translate("Window", "Select a step in the table first."))
            return None
        return row

    def hold_selected(self, days: int) -> bool:
        row = self._selected()
        if row is None or self.session.schedule is None:
            return False
        step = self.session.schedule.steps[row]
        return self.session.apply(
            translate("Window", "Insert a {0}-day hold on {1:%d %b %Y}").format(days, step.start),
            insert_hold,
            step.start,
            days,
        )

    def hold_selected_dialog(self) -> bool:
        """The chart's hold dialog, from the selected step's first day."""
        row = self._selected()
        if row is None or self.session.schedule is None:
            return False
        return self.chart.insert_hold_dialog(self.session.schedule.steps[row].start)

    def remove_selected_hold(self) -> bool:
        row = self._selected()
        if row is None or self.session.schedule is None:
            return False
        step = self.session.schedule.steps[row]
        if step.kind == StepKind.TAPER:
            self.session.show_error(
                translate(
                    "Window", "Step {0} is not a hold or back-step; select the hold to remove."
                ).format(row + 1)
            )
            return False
        return self.session.apply(
            translate("Window", "Remove the {0} at step {1}").format(
                kind_label(step.kind), row + 1
            ),
            remove_hold,
            row,
        )

    def back_step_selected(self) -> bool:
        """The chart's back-step dialog, from the selected step's first day."""
        row = self._selected()
        if row is None or self.session.schedule is None:
            return False
        return self.chart.back_step_dialog(self.session.schedule.steps[row].start)

    # -- kept for callers (tests, benchmarks) -----------------------------

    def preview(self, kind: str = "patient"):  # type: ignore[no-untyped-def]
        return handout_actions.preview(self.session, self, kind)

    def open_records_file(self, path: Path | None = None) -> Store | None:
        return self.files.open_records_file(path)
