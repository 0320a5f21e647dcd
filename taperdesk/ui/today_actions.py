"""What Today's items and buttons do in the window: open the patient at the right place,
and print the day (the worklist) or this week's handouts through the print preview.

Opening: a dose change, a plan end or a check-in selects the step of that change in the
table (and on the chart); an assessment due, a red flag or a hold to decide shows the
Symptoms panel with the assessment selected; an appointment shows the Appointments
panel with it selected; no plan puts the focus on the header's New plan… button.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt

from taperdesk.model.today import Reason, TodayItem
from taperdesk.store import StoreError
from taperdesk.ui.translation import translate

if TYPE_CHECKING:
    from taperdesk.ui.printing import PrintPreview
    from taperdesk.ui.window import MainWindow

STEP_REASONS = (Reason.STEP_CHANGE, Reason.PLAN_ENDS, Reason.CHECK_IN)
SYMPTOM_REASONS = (Reason.ASSESSMENT_DUE, Reason.RED_FLAG, Reason.HOLD_DECISION)


def mount(window: MainWindow, left: Qt.DockWidgetArea, right: Qt.DockWidgetArea) -> None:
    """Today (the first view, a tab over the patient list) and the patient's appointments
    (a tab beside Symptoms), wired to the window."""
    from taperdesk.ui.appointments import AppointmentsPanel
    from taperdesk.ui.today import TodayPanel

    window.today = TodayPanel(window.session)
    window.appointments = AppointmentsPanel(window.session)
    docks = window.docks
    docks["today"] = window._dock("today", translate("Window", "Today"), window.today, left)
    docks["appointments"] = window._dock(
        "appointments", translate("Window", "Appointments"), window.appointments, right)
    window.tabifyDockWidget(docks["patients"], docks["today"])
    window.tabifyDockWidget(docks["symptoms"], docks["appointments"])
    docks["today"].raise_()
    docks["symptoms"].raise_()
    docks["today"].visibilityChanged.connect(window.today.on_visibility)
    window.today.opened.connect(lambda item: open_item(window, item))
    window.today.print_day.clicked.connect(lambda: print_day(window))
    window.today.print_week.clicked.connect(lambda: print_week(window))
    window.header.new_plan_button.clicked.connect(lambda: window.plan_form.new_plan_dialog())


def show_today(window: MainWindow) -> None:
    """View ▸ Today (Ctrl+T): show Today and put the keyboard in its list."""
    window.docks["today"].show()
    window.docks["today"].raise_()
    window.today.view.setFocus()


def open_item(window: MainWindow, item: TodayItem) -> bool:
    """Open the item's patient (unless already open) and show the part the item is about."""
    s = window.session
    if s.patient is None or s.patient.id != item.patient_id:
        if not s.open_patient(item.patient_id).ok:
            return False
    if item.reason in STEP_REASONS:
        on = item.on
        if item.reason is Reason.CHECK_IN:
            on = item.on - timedelta(days=s.store.checkin_day())
        if item.reason is Reason.PLAN_ENDS:
            on = on - timedelta(days=1)  # the last step (the stop day has no step)
        return _select_step(window, on)
    if item.reason in SYMPTOM_REASONS:
        window.docks["symptoms"].show()
        window.docks["symptoms"].raise_()
        view = window.symptoms.view
        m = window.symptoms.model
        rows = [r for r in range(m.rowCount()) if m.record(r).assessment.on == item.on]
        if rows:
            view.selectRow(rows[-1])
        view.setFocus()
        return True
    if item.reason is Reason.APPOINTMENT:
        window.docks["appointments"].show()
        window.docks["appointments"].raise_()
        window.appointments.select_on(item.on)
        window.appointments.list.setFocus()
        return True
    window.header.new_plan_button.setFocus()
    return True


def _select_step(window: MainWindow, on: object) -> bool:
    s = window.session
    sched = s.schedule
    if sched is None:
        return False
    row = next((st.row for st in sched.steps if st.start <= on < st.next_start), None)  # type: ignore[operator]
    if row is None:
        return False
    s.highlight((row,))
    view = window.steps.view
    view.selectionModel().select(
        window.steps.model.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    view.setCurrentIndex(window.steps.model.index(row, 0))
    view.setFocus()
    return True


def print_day(window: MainWindow) -> PrintPreview | None:
    """The one-page worklist of Today in the print preview."""
    from taperdesk.printday import items_for
    from taperdesk.report.worklist import worklist_pdf
    from taperdesk.ui import printing

    s = window.session
    day = s.today()
    try:
        items = items_for(s.store, day)
        pdf = worklist_pdf(day, items, clinic=s.store.setting("clinic_name"),
                           paper=s.store.setting("paper", "a4"))
    except StoreError as exc:
        s.show_error(translate("Today", "The day's list could not be made: {0}").format(exc))
        return None
    return printing.preview_pdf(pdf, window, translate("Today", "Today"),
                                f"today-{day.isoformat()}.pdf")


def print_week(window: MainWindow) -> PrintPreview | None:
    """One PDF of the handouts of every patient whose dose changes this week."""
    from taperdesk.printday import items_for, week_inputs
    from taperdesk.report.worklist import handouts_pdf
    from taperdesk.ui import printing

    s = window.session
    day = s.today()
    try:
        skipped: list[str] = []
        inputs = week_inputs(s.store, day, items_for(s.store, day), skipped)
    except StoreError as exc:
        s.show_error(translate("Today", "The handouts could not be made: {0}").format(exc))
        return None
    if not inputs and not skipped:
        s.show_error(translate("Today", "No patient's dose changes this week: there are no "
                               "handouts to print."))
    if not inputs:
        return None
    if skipped:
        s.show_error(translate("Today", "No handout for {0}: a severe warning of the plan "
                               "is not acknowledged (open the patient, acknowledge it "
                               "in Checks).")
                     .format(", ".join(skipped)))
    pdf = handouts_pdf(inputs)
    return printing.preview_pdf(pdf, window, translate("Today", "Handouts for the week"),
                                f"handouts-week-{day.isoformat()}.pdf")
