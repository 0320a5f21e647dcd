"""The main window: assembles the parts in docks, the menus from the action registry, and
remembers its layout. It computes nothing itself."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from taperdesk import __version__
from taperdesk.model import PROTOCOLS, insert_hold, remove_hold
from taperdesk.model.guardrails import RULES
from taperdesk.store import PlanFileError, StoreError, read_plan_file, write_plan_file
from taperdesk.ui.action_registry import Act, Actions
from taperdesk.ui.checks import ChecksPanel
from taperdesk.ui.dialogs import HoldDialog, PatientDialog
from taperdesk.ui.dose_chart import DoseChart
from taperdesk.ui.patient_list import PatientList
from taperdesk.ui.plan_form import PlanForm
from taperdesk.ui.session import Session
from taperdesk.ui.steps import StepTable
from taperdesk.ui.symptom_panel import RedFlagBanner, SymptomPanel

SETTINGS_ORG = "TaperDesk"


class MainWindow(QMainWindow):
    def __init__(self, session: Session, settings: QSettings | None = None) -> None:
        super().__init__()
        self.session = session
        self.settings = settings or QSettings(SETTINGS_ORG, "TaperDesk")
        self.resize(1366, 768)
        self.chart = DoseChart(session)
        self.steps = StepTable(session)
        self.banner = RedFlagBanner(session)
        central = QWidget()
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.chart)
        split.addWidget(self.steps)
        split.setSizes([420, 300])
        layout = QVBoxLayout(central)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.banner)
        layout.addWidget(split)
        self.setCentralWidget(central)
        self.patients = PatientList(session)
        self.plan_form = PlanForm(session)
        self.symptoms = SymptomPanel(session)
        self.checks = ChecksPanel(session)
        self.docks = {
            "patients": self._dock("Patients", self.patients, Qt.DockWidgetArea.LeftDockWidgetArea),
            "plan": self._dock("Plan", self.plan_form, Qt.DockWidgetArea.LeftDockWidgetArea),
            "checks": self._dock("Checks", self.checks, Qt.DockWidgetArea.RightDockWidgetArea),
            "symptoms": self._dock("Symptoms", self.symptoms,
                                   Qt.DockWidgetArea.RightDockWidgetArea),
        }
        self.actions = Actions(self)
        self._menus()
        self.statusBar()
        session.message.connect(lambda m: self.statusBar().showMessage(m, 5000))
        session.error.connect(self._on_error)
        session.patient_changed.connect(self._title)
        session.plan_changed.connect(self._title)
        session.patient_changed.connect(self._on_patient_changed)
        self._title()
        self._restore()

    # -- assembly ---------------------------------------------------------

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{title.lower()}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _menus(self) -> None:
        a, s = self.actions, self.session
        bar = self.menuBar()
        file = bar.addMenu("&File")
        for key in (Act.NEW_PATIENT, Act.EDIT_PATIENT, Act.NEW_PLAN, Act.ARCHIVE, None,
                    Act.PREVIEW, Act.PRINT, Act.SAVE_PDF, Act.CLINICIAN_PDF, Act.PHARMACY_PDF,
                    None, Act.EXPORT, Act.IMPORT, None, Act.SETTINGS, None, Act.QUIT):
            file.addSeparator() if key is None else file.addAction(a[key])
        edit = bar.addMenu("&Edit")
        undo = s.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcut("Ctrl+Z")
        redo = s.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcuts(["Ctrl+Y", "Ctrl+Shift+Z"])
        self.undo_action, self.redo_action = undo, redo
        edit.addAction(undo)
        edit.addAction(redo)
        edit.addSeparator()
        for key in (Act.HOLD_1W, Act.HOLD_2W, Act.HOLD, Act.REMOVE_HOLD, Act.BACK_STEP, None,
                    Act.ADD_ASSESSMENT, Act.ACKNOWLEDGE):
            edit.addSeparator() if key is None else edit.addAction(a[key])
        view = bar.addMenu("&View")
        view.addAction(a[Act.FIT])
        view.addSeparator()
        for dock in self.docks.values():
            view.addAction(dock.toggleViewAction())
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(a[Act.SOURCES])
        help_menu.addAction(a[Act.ABOUT])
        tools = self.addToolBar("Main")
        tools.setObjectName("toolbar-main")
        for key in (Act.NEW_PATIENT, Act.HOLD, Act.ADD_ASSESSMENT, Act.PREVIEW, Act.FIT):
            tools.addAction(a[key])
        tools.insertAction(a[Act.HOLD], undo)
        tools.insertAction(a[Act.HOLD], redo)
        a.connect(Act.NEW_PATIENT, self.patients.new_patient_dialog)
        a.connect(Act.EDIT_PATIENT, self.edit_patient)
        a.connect(Act.NEW_PLAN, self.plan_form.create_default_plan)
        a.connect(Act.ARCHIVE, self.patients.toggle_archive)
        a.connect(Act.PREVIEW, lambda: self.preview("patient"))
        a.connect(Act.CLINICIAN_PDF, lambda: self.preview("clinician"))
        a.connect(Act.PHARMACY_PDF, lambda: self.preview("pharmacy"))
        a.connect(Act.PRINT, self.print_handout)
        a.connect(Act.SAVE_PDF, self.save_handout)
        a.connect(Act.EXPORT, self.export_plan)
        a.connect(Act.IMPORT, self.import_plan)
        a.connect(Act.SETTINGS, self.settings_dialog)
        a.connect(Act.QUIT, self.close)
        a.connect(Act.HOLD_1W, lambda: self.hold_selected(7))
        a.connect(Act.HOLD_2W, lambda: self.hold_selected(14))
        a.connect(Act.HOLD, self.hold_selected_dialog)
        a.connect(Act.REMOVE_HOLD, self.remove_selected_hold)
        a.connect(Act.BACK_STEP, self.back_step_selected)
        a.connect(Act.ADD_ASSESSMENT, self.symptoms.add_dialog)
        a.connect(Act.ACKNOWLEDGE, self.checks.acknowledge_dialog)
        a.connect(Act.FIT, self.chart.fit)
        a.connect(Act.ABOUT, self.about)
        a.connect(Act.SOURCES, self.sources)

    def _title(self) -> None:
        s = self.session
        parts = ["TaperDesk"]
        if s.patient:
            parts.append(s.patient.name)
        if s.record:
            parts.append(s.record.title)
        self.setWindowTitle(" — ".join(parts))

    def _on_patient_changed(self) -> None:
        if self.session.patient is not None:
            self.settings.setValue("last_patient", self.session.patient.id)

    def _on_error(self, message: str) -> None:
        self.statusBar().showMessage(message, 15000)

    # -- layout memory ----------------------------------------------------

    def _restore(self) -> None:
        geometry = self.settings.value("geometry")
        state = self.settings.value("state")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray):
            self.restoreState(state)
        else:
            QTimer.singleShot(0, self.default_layout)

    def default_layout(self) -> None:
        """Docks sized so the chart and the step table get most of the width."""
        side = max(300, self.width() // 4)
        self.resizeDocks([self.docks["patients"], self.docks["checks"]], [side, side],
                         Qt.Orientation.Horizontal)
        self.resizeDocks([self.docks["patients"], self.docks["plan"]],
                         [self.height() // 3, self.height() // 2], Qt.Orientation.Vertical)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("state", self.saveState())
        self.settings.sync()
        super().closeEvent(event)

    # -- keyboard editing of the selected step ----------------------------

    def _selected(self) -> int | None:
        row = self.steps.current_row()
        if row is None:
            self.session.error.emit("Select a step in the table first.")
        return row

    def hold_selected(self, days: int) -> bool:
        row = self._selected()
        if row is None or self.session.schedule is None:
            return False
        step = self.session.schedule.steps[row]
        return self.session.apply(f"Insert a {days}-day hold on {step.start:%d %b %Y}",
                                  insert_hold, step.start, days)

    def hold_selected_dialog(self) -> None:
        row = self._selected()
        if row is None or self.session.schedule is None:
            return
        dialog = HoldDialog(self.session.schedule.steps[row].start, self)
        if dialog.exec():
            on, days, stretch, reason = dialog.values()
            self.chart.insert_hold(on, days, stretch, reason)

    def remove_selected_hold(self) -> bool:
        row = self._selected()
        return row is not None and self.session.apply(
            f"Remove the hold at step {row + 1}", remove_hold, row)

    def back_step_selected(self) -> None:
        row = self._selected()
        if row is not None and self.session.schedule is not None:
            self.chart.back_step_dialog(self.session.schedule.steps[row].start)

    # -- handouts ---------------------------------------------------------

    # Handouts import reportlab and QtPdf only when first used, to keep start-up short.

    def handout_pdf(self, kind: str) -> bytes | None:
        from taperdesk.report import clinician_summary, patient_handout, pharmacy_sheet
        from taperdesk.ui.handout_actions import handout_input

        inp = handout_input(self.session)
        if inp is None:
            self.session.error.emit("Open a patient with a plan first.")
            return None
        make = {"patient": patient_handout, "clinician": clinician_summary,
                "pharmacy": pharmacy_sheet}[kind]
        return make(inp)

    def preview(self, kind: str):  # type: ignore[no-untyped-def]
        from taperdesk.ui import printing

        pdf = self.handout_pdf(kind)
        if pdf is None:
            return None
        name = f"{kind}-{self.session.patient.name if self.session.patient else 'plan'}.pdf"
        return printing.preview_pdf(pdf, self, f"{kind} handout", name.replace(" ", "_"))

    def print_handout(self) -> None:
        from taperdesk.ui import printing

        pdf = self.handout_pdf("patient")
        if pdf is not None:
            printing.print_pdf(pdf, self)

    def save_handout(self) -> None:
        from taperdesk.ui import printing

        pdf = self.handout_pdf("patient")
        if pdf is not None:
            printing.save_pdf_as(pdf, self, "handout.pdf")

    # -- records ----------------------------------------------------------

    def edit_patient(self) -> None:
        p = self.session.patient
        if p is None:
            return
        d = PatientDialog(self, name=p.name, born=p.born, clinic_id=p.clinic_id, opioid=p.opioid,
                          title="Patient details")
        if d.exec():
            try:
                self.session.store.update_patient(p.id, **d.values())
            except StoreError as exc:
                self.session.error.emit(str(exc))
                return
            self.session.patients_changed.emit()
            self.session.open_patient(p.id)

    def export_plan(self, path: Path | None = None) -> Path | None:
        record = self.session.record
        if record is None:
            self.session.error.emit("Open a plan first.")
            return None
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(self, "Export plan file", "plan.taper.json",
                                                    "TaperDesk plan (*.taper.json *.json)")
            if not chosen:
                return None
            path = Path(chosen)
        try:
            write_plan_file(path, self.session.store.export_document(record.id))
        except (OSError, StoreError) as exc:
            self.session.error.emit(f"Could not export: {exc}")
            return None
        self.session.message.emit(f"Exported to {path}")
        return path

    def import_plan(self, path: Path | None = None) -> bool:
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(self, "Import plan file", "",
                                                    "TaperDesk plan (*.taper.json *.json)")
            if not chosen:
                return False
            path = Path(chosen)
        try:
            doc = read_plan_file(path, self.session.catalogue)
            imported = self.session.store.import_document(doc)
        except (PlanFileError, StoreError) as exc:
            QMessageBox.warning(self, "Import plan file", f"Nothing was imported.\n\n{exc}")
            return False
        self.session.patients_changed.emit()
        self.session.open_patient(imported.patient.id)
        return True

    def settings_dialog(self) -> None:
        from taperdesk.ui.handout_actions import CLINIC_KEYS

        store = self.session.store
        d = QDialog(self)
        d.setWindowTitle("Settings")
        form = QFormLayout(d)
        fields = {}
        for key, label in zip(CLINIC_KEYS, ("Clinic name", "Clinic phone",
                                           "Next appointment (YYYY-MM-DD or text)"), strict=True):
            fields[key] = QLineEdit(store.setting(key))
            form.addRow(label, fields[key])
        db = QLineEdit(str(self.settings.value("records_file") or store.path))
        db.setReadOnly(True)
        choose = QPushButton("Choose another records file…")
        choose.clicked.connect(lambda: self.choose_records_file(db))
        form.addRow("Records file", db)
        form.addRow("", choose)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(d.accept)
        buttons.rejected.connect(d.reject)
        form.addRow(buttons)
        if d.exec():
            for key, edit in fields.items():
                store.set_setting(key, edit.text().strip())

    def choose_records_file(self, field: QLineEdit | None = None,
                            path: Path | None = None) -> bool:
        """Pick the records file used from the next start (e.g. on a clinic share).

        The file is opened once to check it is a TaperDesk records file (or can be
        created); a file that is not is refused with the reason and nothing changes.
        """
        from taperdesk.store import Store

        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self, "Records file", str(self.session.store.path.parent),
                "TaperDesk records (*.sqlite3)", options=QFileDialog.Option.DontConfirmOverwrite)
            if not chosen:
                return False
            path = Path(chosen)
        try:
            Store.open(path).close()
        except (StoreError, OSError) as exc:
            QMessageBox.warning(self, "Records file", f"That file cannot be used.\n\n{exc}")
            return False
        self.settings.setValue("records_file", str(path))
        if field is not None:
            field.setText(str(path))
        self.session.message.emit(f"TaperDesk will use {path} from its next start.")
        return True

    def about(self) -> None:
        QMessageBox.about(self, "About TaperDesk",
                          f"TaperDesk {__version__}\nPlan, adjust, document and print "
                          "benzodiazepine tapers. Offline; records stay on this PC.")

    def sources(self) -> None:
        lines = [f"{p.name}: {p.source}" for p in PROTOCOLS.values()]
        lines += [f"[{code}] {source}" for code, (_s, _t, source) in RULES.items()]
        QMessageBox.information(self, "Clinical sources", "\n\n".join(lines))
