"""Issue 16's window items on the whole window: a toolbar that stays still, the keyboard's
tab order, and no unnamed control for a screen reader."""

from __future__ import annotations

from datetime import date

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QLabel,
    QLineEdit,
    QToolBar,
    QToolButton,
    QWidget,
)

from taperdesk.model import check, compute, format_mg, set_step_days
from taperdesk.ui.dialogs import PatientDialog, date_edit, from_qdate
from taperdesk.ui.new_plan import NewPlanDialog


def toolbar_button(window, text: str) -> QToolButton:  # type: ignore[no-untyped-def]
    bar = window.findChild(QToolBar, "toolbar-main")
    for action in bar.actions():
        if action.text() == text:
            button = bar.widgetForAction(action)
            assert isinstance(button, QToolButton)
            return button
    raise AssertionError(f"no {text} button on the toolbar")


def test_undo_redo_buttons_keep_their_text_and_place(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    s = window.session
    undo, redo = toolbar_button(window, "Undo"), toolbar_button(window, "Redo")
    widths = (undo.width(), redo.width())
    hold_x = toolbar_button(window, "Insert &hold…").x()
    assert not undo.isEnabled()
    assert s.apply("Set step 1 to 40 days", set_step_days, 0, 40)
    qtbot.wait(1)
    assert undo.isEnabled() and undo.text() == "Undo"
    assert "Set step 1 to 40 days" in undo.toolTip()
    assert "Set step 1 to 40 days" in window.undo_action.text()  # the menu still says it
    assert (undo.width(), redo.width()) == widths
    undo.click()
    assert s.undo_stack.index() == 0
    assert redo.isEnabled() and redo.text() == "Redo" and "40 days" in redo.toolTip()
    assert toolbar_button(window, "Insert &hold…").x() == hold_x


PANELS = ("patients", "plan_form", "steps", "chart", "checks", "symptoms")


def panel_of(window, widget) -> str | None:  # type: ignore[no-untyped-def]
    for name in PANELS:
        panel = getattr(window, name)
        if widget is panel or panel.isAncestorOf(widget):
            return name
    return None


def test_tab_goes_patients_plan_steps_chart_checks_symptoms(window) -> None:  # type: ignore[no-untyped-def]
    """Walks the focus chain as Tab does (visible, enabled, tab-focusable widgets)."""
    start = window.patients.search
    seen: list[str] = []
    widget = start
    for _ in range(400):
        if (widget.isVisibleTo(window) and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
            name = panel_of(window, widget)
            if name and (not seen or seen[-1] != name):
                seen.append(name)
        widget = widget.nextInFocusChain()
        if widget is start:
            break
    assert seen[:len(PANELS)] == list(PANELS)
    assert len(seen) == len(PANELS)  # each panel once: Tab never jumps back


def test_typed_dates_are_taken_as_shown(qtbot) -> None:  # type: ignore[no-untyped-def]
    """12 03 1958 typed into a date field (sections move on by themselves) is 12 March
    1958, shown 12/03/1958, and 1900 is allowed."""
    edit = date_edit(date(2026, 11, 24))
    qtbot.addWidget(edit)
    edit.show()
    qtbot.waitExposed(edit)
    for typed, on in (("12031958", date(1958, 3, 12)), ("01011900", date(1900, 1, 1))):
        edit.setFocus()
        edit.setCurrentSection(QDateTimeEdit.Section.DaySection)
        edit.setSelectedSection(QDateTimeEdit.Section.DaySection)
        qtbot.keyClicks(edit, typed)
        assert from_qdate(edit.date()) == on
        assert edit.text() == on.strftime("%d/%m/%Y")


def test_date_of_birth_blank_is_unknown_and_bad_is_refused_at_the_field(qtbot) -> None:  # type: ignore[no-untyped-def]
    d = PatientDialog(name="Ann Other")
    qtbot.addWidget(d)
    assert not hasattr(d, "has_born")  # no separate "known" tick
    assert d.values()["born"] is None
    for typed, born in (("12/03/1958", date(1958, 3, 12)), ("1900-01-01", date(1900, 1, 1))):
        d.born.setText(typed)
        assert d.values()["born"] == born
    for bad, says in (("31/02/1958", "not a date"), ("12/03/2999", "between"),
                      ("01/01/1899", "between")):
        d.born.setText(bad)
        d.accept()
        assert not d.result() and says in d.error.text()


INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView,
               pg.GraphicsView)


def unnamed(root: QWidget) -> list[str]:
    """Interactive widgets a screen reader would announce with no name: no accessibleName,
    no buddy label, and (for a button) no text. Parts of another interactive widget (a
    combo box's list, a date field's line edit, a table's corner button) are its own."""
    buddies = {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy()}
    found = []
    for w in root.findChildren(QWidget):
        if not isinstance(w, INTERACTIVE) or not w.isVisibleTo(root):
            continue
        parent = w.parentWidget()
        inner = False
        while parent is not None and parent is not root:
            if isinstance(parent, INTERACTIVE):
                inner = True
                break
            parent = parent.parentWidget()
        if inner or w.accessibleName() or id(w) in buddies:
            continue
        if isinstance(w, QAbstractButton) and w.text().replace("&", "").strip():
            continue
        found.append(f"{type(w).__name__} {w.objectName()!r} in {type(w.parentWidget()).__name__}")
    return found


def test_every_control_of_the_window_has_a_name(window) -> None:  # type: ignore[no-untyped-def]
    assert unnamed(window) == []
    description = window.chart.plot.accessibleDescription()
    sched = window.session.schedule
    assert f"{len(sched.steps)} steps" in description
    assert f"{sched.stop_date:%d %b %Y}" in description


def test_every_control_of_the_dialogs_has_a_name(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    new_plan = NewPlanDialog(window.session.catalogue, date(2026, 11, 30), window,
                             like=window.session.plan)
    for dialog in (PatientDialog(name="A"), new_plan):
        qtbot.addWidget(dialog)
        assert unnamed(dialog) == [], dialog.windowTitle()


def test_red_flag_dialog_is_a_plain_dialog_that_says_why_ok_is_refused(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = window.banner.reason_dialog()
    qtbot.addWidget(dialog)
    assert not window.banner.isAncestorOf(dialog)  # no red stylesheet inherited
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.accept()
    assert not dialog.result()
    assert "OK needs a reason" in dialog.error.text()
    image = dialog.grab().toImage()
    corner = dialog.error.geometry().topRight()  # past the end of the short message
    background = image.pixelColor(corner.x() - 2, corner.y() + 1)
    assert background.red() - background.green() < 60, background.name()  # not #b00020
    dialog.reason.setText("seen today")
    dialog.accept()
    assert dialog.result()


def test_new_plan_dialog_previews_steps_stop_date_and_warnings(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    d = NewPlanDialog(window.session.catalogue, date(2026, 11, 30), window,
                      like=window.session.plan)
    qtbot.addWidget(d)
    d.dose.setText("")
    assert "Type the daily dose" in d.preview.text()
    d.dose.setText("2")
    sched = compute(d.build(), window.session.catalogue)
    text = d.preview.text()
    assert f"{len(sched.steps)} steps" in text
    assert f"stop {sched.stop_date:%d/%m/%Y}" in text
    assert f"{sched.steps[0].start:%d/%m/%Y}  {format_mg(sched.steps[0].daily_ug)} mg/day" in text
    warnings = check(sched)
    assert (warnings[0].message in text) if warnings else ("No warnings." in text)
    d.dose.setText("4")
    assert d.preview.text() != text  # follows the fields
    d.dose.setText("two")
    assert "Preview:" in d.preview.text() and "steps" not in d.preview.text()
