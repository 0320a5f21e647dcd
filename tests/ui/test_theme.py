"""Dark mode and high contrast: the window follows the system palette (here set on the
application as the system would), the chart's background, axes, text and lines with it,
every text colour at least 4.5:1 (WCAG AA), computed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel

from taperdesk.ui.theme import (
    MIN_TEXT_CONTRAST,
    OI_BLUE,
    OI_SKY_BLUE,
    chart_colours,
    contrast,
    is_dark,
    is_high_contrast,
    luminance,
    severity_colour,
)

R = QPalette.ColorRole


def make_palette(window: str, text: str, base: str, placeholder: str) -> QPalette:
    p = QPalette(QColor(window))
    for role, colour in ((R.Window, window), (R.WindowText, text), (R.Base, base),
                         (R.AlternateBase, base), (R.Text, text), (R.Button, window),
                         (R.ButtonText, text), (R.PlaceholderText, placeholder),
                         (R.ToolTipBase, base), (R.ToolTipText, text)):
        p.setColor(role, QColor(colour))
    return p


DARK = ("#2d2d2d", "#f0f0f0", "#1e1e1e", "#a0a0a0")
LIGHT = ("#efefef", "#101010", "#ffffff", "#767676")
HIGH = ("#000000", "#ffffff", "#000000", "#c0c0c0")


@pytest.fixture
def palette_of() -> Iterator[object]:
    """Sets the application's palette as the system would; restores it afterwards."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.palette()

    def use(colours: tuple[str, str, str, str]) -> QPalette:
        p = make_palette(*colours)
        app.setPalette(p)
        QApplication.processEvents()
        return p

    yield use
    app.setPalette(before)
    QApplication.processEvents()


def pixel_at_corner(window) -> QColor:  # type: ignore[no-untyped-def]
    """What the chart's plot area really shows, a few pixels in from its top-left."""
    plot = window.chart.plot
    image = plot.grab().toImage()
    corner = plot.mapFromScene(window.chart.view_box.sceneBoundingRect().topLeft())
    return image.pixelColor(corner + QPoint(6, 6))


def check_chart(window, dark: bool) -> None:  # type: ignore[no-untyped-def]
    chart = window.chart
    c = chart.colours
    background = QColor(c.background)
    assert (luminance(background) < 0.1) == dark, c.background
    shown = pixel_at_corner(window)
    assert (luminance(shown) < 0.1) == dark, shown.name()
    axis = chart.plot.getPlotItem().getAxis("left")
    assert contrast(axis.textPen().color(), background) >= MIN_TEXT_CONTRAST
    # The axis title ("Daily dose (mg)") is drawn in the text colour too, not the default.
    assert QColor(axis.labelStyle["color"]) == QColor(c.text)
    assert QColor(c.text).name().lower() in axis.label.toHtml().lower()
    assert contrast(chart.today.label.color, background) >= MIN_TEXT_CONTRAST
    for hold_colour in (c.dose, c.today, c.score, c.back_step):
        assert contrast(hold_colour, background) >= MIN_TEXT_CONTRAST, hold_colour
    for _region, label in chart.holds.spans:
        if label.isVisible():
            assert contrast(label.color, background) >= MIN_TEXT_CONTRAST
    # The lines are told apart by more than hue: each has its own style.
    styles = {chart.curve.opts["pen"].style(), chart.before.opts["pen"].style(),
              chart.today.pen.style(), chart.scores.opts["pen"].style()}
    assert len(styles) == 4


def test_dark_palette_makes_a_dark_chart_with_readable_text(window, palette_of) -> None:  # type: ignore[no-untyped-def]
    palette_of(DARK)
    assert is_dark()
    check_chart(window, dark=True)
    assert window.chart.colours.dose == OI_SKY_BLUE
    # Every label that colours its own text reads on the window colour.
    back = QColor(DARK[0])
    for label in window.findChildren(QLabel):
        sheet = label.styleSheet()
        if "color:" in sheet and "background" not in sheet:
            colour = sheet.split("color:")[1].split(";")[0].strip()
            assert contrast(colour, back) >= MIN_TEXT_CONTRAST, (label.objectName(), sheet)
    for severity in ("severe", "warning", "advisory"):
        assert contrast(severity_colour(severity), DARK[2]) >= MIN_TEXT_CONTRAST


def test_light_palette_makes_a_light_chart(window, palette_of) -> None:  # type: ignore[no-untyped-def]
    palette_of(DARK)
    palette_of(LIGHT)  # and back: the chart follows a change while open
    assert not is_dark()
    check_chart(window, dark=False)
    assert window.chart.colours.dose == OI_BLUE
    for severity in ("severe", "warning", "advisory"):
        assert contrast(severity_colour(severity), LIGHT[2]) >= MIN_TEXT_CONTRAST


def test_high_contrast_uses_the_palette_text_and_thicker_lines() -> None:
    high = make_palette(*HIGH)
    assert is_high_contrast(high) and not is_high_contrast(make_palette(*DARK))
    c = chart_colours(high)
    assert c.text == "#ffffff" and c.background == "#000000"
    assert c.line_width > chart_colours(make_palette(*LIGHT)).line_width
    assert contrast(c.dose, c.background) >= MIN_TEXT_CONTRAST


def test_contrast_is_the_wcag_ratio() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_no_style_sheet_hard_codes_a_light_colour() -> None:
    """Light colours come from ui/theme.py, picked for the palette; a style sheet may name
    white only as text on TaperDesk's fixed dark red (the alert and red-flag banners)."""
    import re
    from pathlib import Path

    import taperdesk.ui

    light = re.compile(r"(background|color)\s*:\s*(white|#f\w*|#e\w*|#d\w*|#c\w*)", re.I)
    found = []
    for source in Path(taperdesk.ui.__file__).parent.glob("*.py"):
        if source.name == "theme.py":
            continue
        for n, line in enumerate(source.read_text(encoding="utf-8").splitlines(), 1):
            for m in light.finditer(line):
                on_dark_red = m[2].lower() == "white" and "background: #b00020" in line
                if not on_dark_red:
                    found.append(f"{source.name}:{n}: {m[0]}")
    assert found == []
