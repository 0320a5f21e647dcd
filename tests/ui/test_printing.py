"""Print preview, printing and Save as PDF, offscreen."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pdftext import reader
from PySide6.QtCore import QPoint, QRect
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialogButtonBox

from taperdesk.model import Plan, check, compute, make_protocol
from taperdesk.report import HandoutInput, patient_handout
from taperdesk.ui import printing


@pytest.fixture(scope="module")
def pdf() -> bytes:
    plan = Plan("clonazepam", ("clonazepam-tab-0.5-us",), 1500, "night", date(2027, 1, 4),
                make_protocol("nardi"))
    sched = compute(plan)
    return patient_handout(HandoutInput(sched, check(sched), patient_name="P"))


def test_preview_shows_every_page(qtbot, pdf: bytes) -> None:  # type: ignore[no-untyped-def]
    dialog = printing.PrintPreview(pdf, "Patient handout")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.file.page_count == len(reader(pdf).pages)
    assert dialog.info.text() == f"{len(reader(pdf).pages)} page(s)"
    assert dialog.view.document() is dialog.file.document
    dialog.close()
    assert not dialog.file.path.exists()


def test_print_without_printer_says_so(qtbot, pdf: bytes, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(printing, "available_printers", lambda: [])
    monkeypatch.setattr(printing.QMessageBox, "information",
                        lambda parent, title, text: shown.append(text))
    assert printing.print_pdf(pdf) is False
    assert shown == [printing.NO_PRINTER]


def test_render_to_printer_prints_every_page(qtbot, pdf: bytes, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    printer.setResolution(printing.PRINT_DPI)
    assert printing.render_to_printer(pdf, printer) == len(reader(pdf).pages)
    assert len(reader(out.read_bytes()).pages) == len(reader(pdf).pages)


def test_save_as_pdf_writes_the_same_bytes(qtbot, pdf: bytes, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    saved = printing.save_pdf_as(pdf, path=tmp_path / "handout")
    assert saved == tmp_path / "handout.pdf"
    assert saved.read_bytes() == pdf


@pytest.mark.parametrize("screen", [QRect(0, 0, 1366, 728), QRect(0, 0, 1280, 680),
                                    QRect(1920, 0, 1366, 728)])
def test_preview_fits_a_small_screen_with_its_buttons(qtbot, pdf: bytes,  # type: ignore[no-untyped-def]
                                                      screen: QRect) -> None:
    """1366x768 less a 40 px taskbar (and 1280x720): the 900 px preview used to run off it."""
    dialog = printing.PrintPreview(pdf, "Patient handout", available=lambda: screen)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert screen.contains(dialog.frameGeometry())
    for button in (dialog.print_button, dialog.save_button,
                   dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)):
        assert button.isVisible()
        top_left = button.mapToGlobal(QPoint(0, 0))
        assert screen.contains(QRect(top_left, button.size())), button.text()
    dialog.close()


def test_preview_keeps_its_size_on_a_big_screen(qtbot, pdf: bytes) -> None:  # type: ignore[no-untyped-def]
    dialog = printing.PrintPreview(pdf, "Patient handout",
                                   available=lambda: QRect(0, 0, 1920, 1040))
    qtbot.addWidget(dialog)
    assert dialog.size() == printing.PREFERRED_SIZE
    dialog.close()
