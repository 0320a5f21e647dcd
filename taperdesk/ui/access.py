"""Keyboard and screen-reader wiring of the main window: one tab order through the panels
(patients, plan, step table, chart, checks, symptoms) and accessible names for the controls
that have no visible label of their own."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget


def focusable(panel: QWidget) -> list[QWidget]:
    """``panel`` and its children that Tab can reach, in the order they were made."""
    widgets = [panel, *panel.findChildren(QWidget)]
    return [w for w in widgets
            if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.focusProxy() is None]


def chain_tab_order(panels: Iterable[QWidget]) -> None:
    """Tab goes through each panel's controls, then on to the next panel (popups, which
    are windows of their own, keep theirs)."""
    panels = list(panels)
    window = panels[0].window()
    order = [w for panel in panels for w in focusable(panel) if w.window() is window]
    for first, second in zip(order, order[1:], strict=False):
        QWidget.setTabOrder(first, second)


def name_form_fields(form: QFormLayout) -> None:
    """Each field of a form is its label's buddy and is named by it (a screen reader says
    "Protocol, combo box" rather than "combo box")."""
    for row in range(form.rowCount()):
        label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        if label is None or field is None:
            continue
        text_widget, widget = label.widget(), field.widget()
        if isinstance(text_widget, QLabel) and widget is not None and text_widget.text():
            text_widget.setBuddy(widget)
            if not widget.accessibleName():
                widget.setAccessibleName(text_widget.text().replace("&", ""))


def name(widget: QWidget, text: str, description: str = "") -> None:
    """What a screen reader says for ``widget`` (and, if given, its longer description)."""
    widget.setAccessibleName(text)
    if description:
        widget.setAccessibleDescription(description)
