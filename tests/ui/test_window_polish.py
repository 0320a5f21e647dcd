"""Issue 16's window items on the whole window: a toolbar that stays still, the keyboard's
tab order, and no unnamed control for a screen reader."""

from __future__ import annotations

from PySide6.QtWidgets import QToolBar, QToolButton

from taperdesk.model import set_step_days


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
