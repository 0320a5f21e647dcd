"""Dialogs sized to the screen they open on (1366x768 less a taskbar, any screen from
1280x720, and 1920x1080 at 150 %, which is 1280x720 logical): the print preview and
the assessment dialog, whose buttons at the foot must stay on screen."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

__all__ = ["SCREEN_MARGIN", "available_geometry", "fit_to_screen"]

SCREEN_MARGIN = 24  # px left free around the dialog for its frame and the taskbar's edge


def available_geometry(widget: QWidget | None = None) -> QRect:
    """The usable part (no taskbar) of the screen ``widget`` is on, else the primary one."""
    screen = widget.screen() if widget is not None else QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(dialog: QWidget, preferred: QSize, available: QRect) -> None:
    """Size ``dialog`` to ``preferred`` or less, so its frame (title bar included) fits
    inside ``available``, and centre it there: the buttons at its foot stay on screen."""
    frame_extra = dialog.frameGeometry().size() - dialog.geometry().size()
    room = available.size() - QSize(2 * SCREEN_MARGIN, 2 * SCREEN_MARGIN)
    room -= QSize(max(frame_extra.width(), 0), max(frame_extra.height(), 30))
    size = preferred.boundedTo(room).expandedTo(dialog.minimumSizeHint().boundedTo(room))
    dialog.resize(size)
    rect = QRect(0, 0, size.width(), size.height())
    rect.moveCenter(available.center())
    dialog.move(rect.topLeft())
