"""Print preview, printing and Save as PDF for handouts.

The preview renders the very PDF that is printed (QtPdf), so what is seen is what
prints. Printing draws each PDF page at 300 dpi onto the printer.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRect, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from taperdesk.store.errors import StoreError
from taperdesk.store.outputs import write_output
from taperdesk.ui.screen_fit import available_geometry, fit_to_screen
from taperdesk.ui.translation import QT_TRANSLATE_NOOP, translate

PRINT_DPI = 300
PREFERRED_SIZE = QSize(820, 900)
NO_PRINTER = QT_TRANSLATE_NOOP(
    "Printing",
    "No printer is installed on this PC. Use File ▸ Save as PDF and print the file from another "
    "computer, or ask your IT support to add a printer.",
)


class PdfFile:
    """PDF bytes kept in a private temporary file while a QPdfDocument reads them."""

    def __init__(self, pdf: bytes, parent: QObject | None = None) -> None:
        self._dir = tempfile.TemporaryDirectory(prefix="taperdesk-")
        self.path = Path(self._dir.name) / "handout.pdf"
        self.path.write_bytes(pdf)
        self.document = QPdfDocument(parent)  # type: ignore[arg-type]  # Qt takes None: no parent
        error = self.document.load(str(self.path))
        if error != QPdfDocument.Error.None_:
            raise ValueError(
                translate(
                    "Printing", "the handout could not be read back for printing ({0})"
                ).format(error.name)
            )

    @property
    def page_count(self) -> int:
        return int(self.document.pageCount())

    def close(self) -> None:
        self.document.close()
        self._dir.cleanup()


class PrintPreview(QDialog):
    """Shows every page of a handout PDF; Print and Save as PDF from here too."""

    def __init__(self, pdf: bytes, title: str, parent: QWidget | None = None,
                 suggested_name: str = "handout.pdf",
                 available: Callable[[], QRect] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Printing", "Print preview — {0}").format(title))
        self._available = available or (lambda: available_geometry(parent))
        self._pdf = pdf
        self._name = suggested_name
        self.file = PdfFile(pdf, self)
        self.view = QPdfView(self)
        self.view.setDocument(self.file.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.info = QLabel(translate("Printing", "{0} page(s)").format(self.file.page_count))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = buttons.addButton(
            translate("Printing", "&Print…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.save_button = buttons.addButton(translate("Printing", "&Save as PDF…"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.clicked.connect(lambda: print_pdf(self._pdf, self))
        self.save_button.clicked.connect(lambda: save_pdf_as(self._pdf, self, self._name))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(self.info)
        layout.addWidget(buttons)
        fit_to_screen(self, PREFERRED_SIZE, self._available())

    def done(self, result: int) -> None:
        # The document belongs to this dialog, so the view never outlives it; closing it
        # releases the temporary file (Windows keeps open files locked).
        self.file.close()
        super().done(result)




def preview_pdf(pdf: bytes, parent: QWidget | None = None, title: str = "",
                suggested_name: str = "handout.pdf") -> PrintPreview:
    dialog = PrintPreview(pdf, title or translate("Printing", "Handout"), parent, suggested_name)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def available_printers() -> list[QPrinterInfo]:
    return list(QPrinterInfo.availablePrinters())


def render_to_printer(pdf: bytes, printer: QPrinter) -> int:
    """Draw every page of ``pdf`` onto ``printer``; returns the number of pages printed."""
    file = PdfFile(pdf)
    try:
        painter = QPainter()
        if not painter.begin(printer):
            raise OSError(translate("Printing", "the printer could not be started"))
        try:
            for page in range(file.page_count):
                if page:
                    printer.newPage()
                points = file.document.pagePointSize(page)
                size = QSize(int(points.width() / 72 * PRINT_DPI),
                             int(points.height() / 72 * PRINT_DPI))
                image = file.document.render(page, size)
                target = painter.viewport()
                scaled = size.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.setViewport(target.x(), target.y(), scaled.width(), scaled.height())
                painter.setWindow(image.rect())
                painter.drawImage(0, 0, image)
                painter.setViewport(target)
            return file.page_count
        finally:
            painter.end()
    finally:
        file.close()


def print_pdf(pdf: bytes, parent: QWidget | None = None) -> bool:
    """Ask for a printer and print; says so clearly when no printer is installed."""
    if not available_printers():
        QMessageBox.information(
            parent, translate("Printing", "Print"), translate("Printing", NO_PRINTER)
        )
        return False
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setResolution(PRINT_DPI)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    try:
        render_to_printer(pdf, printer)
    except OSError as exc:
        QMessageBox.warning(
            parent,
            translate("Printing", "Print"),
            translate("Printing", "Printing failed: {0}").format(exc),
        )
        return False
    return True


def save_pdf_as(pdf: bytes, parent: QWidget | None = None,
                suggested_name: str = "handout.pdf", path: Path | None = None) -> Path | None:
    """Save the PDF where the user chooses (``path`` skips the dialog); None if cancelled."""
    if path is None:
        chosen, _ = QFileDialog.getSaveFileName(
            parent,
            translate("Printing", "Save as PDF"),
            suggested_name,
            translate("Printing", "PDF files (*.pdf)"),
        )
        if not chosen:
            return None
        path = Path(chosen)
    if path.suffix.lower() != ".pdf":
        path = path.with_suffix(".pdf")
    try:  # the dialog asked before replacing a file; records files are refused always
        return write_output(path, pdf, force=True)
    except StoreError as exc:
        QMessageBox.warning(
            parent,
            translate("Printing", "Save as PDF"),
            translate("Printing", "Could not save {0}: {1}").format(path, exc),
        )
        return None
