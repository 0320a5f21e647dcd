"""Windows sized to the screen they open on (1366x768 less a taskbar, any screen from
1280x720, and 1920x1080 at 150 %, which is 1280x720 logical): the print preview and
the assessment dialog and the New plan dialog, whose buttons at the foot must stay on
screen (their fields scroll up and down: ``VerticalScroll``), and the main window's
first size."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

__all__ = ["SCREEN_MARGIN", "VerticalScroll", "available_geometry", "fit_to_screen"]

SCREEN_MARGIN = 24  # px left free around the dialog for its frame and the taskbar's edge


def available_geometry(widget: QWidget | None = None) -> QRect:
    """The usable part (no taskbar) of the screen ``widget`` is on, else the primary one."""
    screen = widget.screen() if widget is not None else QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(dialog: QWidget, preferred: QSize, available: QRect, *,
                  margin: int = SCREEN_MARGIN) -> None:
    """Size ``dialog`` to ``preferred`` or less, so its frame (title bar included) fits
    inside ``available`` with ``margin`` px to spare on each side, and centre the frame
    there: the buttons at its foot stay on screen. (The main window passes 0: all the
    room there is.)"""
    frame_extra = dialog.frameGeometry().size() - dialog.geometry().size()
    # Before a window is first shown Qt does not know its frame: allow borders and a
    # title bar of a usual size until it does.
    frame = QSize(max(frame_extra.width(), 8), max(frame_extra.height(), 30))
    room = available.size() - QSize(2 * margin, 2 * margin) - frame
    size = preferred.boundedTo(room).expandedTo(dialog.minimumSizeHint().boundedTo(room))
    dialog.resize(size)
    rect = QRect(QPoint(0, 0), size + frame)  # move() places the frame's top left corner
    rect.moveCenter(available.center())
    dialog.move(rect.topLeft())


class VerticalScroll(QScrollArea):
    """Scrolls its widget up and down only: as wide as the widget needs, never cut, and as
    tall as ``scrolled()`` less than the widget needs (the rows allowed to scroll)."""

    def __init__(self, scrolled: Callable[[], int]) -> None:
        super().__init__()
        self._scrolled = scrolled
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # The bar takes room only while it is needed: ask again when it comes or goes.
        self.verticalScrollBar().rangeChanged.connect(lambda *_: self.updateGeometry())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        inner = self.widget()
        hint = super().minimumSizeHint()
        if inner is None:
            return hint
        scroll_bar = self.verticalScrollBar()
        bar = scroll_bar.sizeHint().width() if scroll_bar.maximum() > 0 else 0
        need = inner.minimumSizeHint()
        return QSize(need.width() + bar, max(hint.height(), need.height() - self._scrolled()))
