"""Colours that follow the system palette: light, dark and high contrast.

Nothing in the window hard-codes a light colour: widgets take the Qt palette (which
follows the operating system's dark mode and high-contrast themes), and the few
colours TaperDesk adds (error text, severity colours, the chart's lines) come from
here, picked for the palette in use. The chart's line colours are the Okabe-Ito
palette (Okabe & Ito, "Color Universal Design", 2008), told apart by people with
red-green colour blindness; every line also has its own style or marker, so colour
is never the only cue (docs/CHART.md).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QWidget

from taperdesk.model.record import record

# Okabe-Ito: the eight colours of a colour-blind-safe palette.
OI_ORANGE = "#E69F00"
OI_SKY_BLUE = "#56B4E9"
OI_BLUISH_GREEN = "#009E73"
OI_YELLOW = "#F0E442"
OI_BLUE = "#0072B2"
OI_VERMILLION = "#D55E00"
OI_REDDISH_PURPLE = "#CC79A7"
# The same hues darkened for text and thin lines on a light base (>= 4.5:1 on white).
OI_VERMILLION_DARK = "#B35000"
OI_BLUISH_GREEN_DARK = "#007A5A"
OI_REDDISH_PURPLE_DARK = "#A8508A"

MIN_TEXT_CONTRAST = 4.5
"""WCAG 2.1 level AA for normal text (success criterion 1.4.3)."""


def luminance(colour: QColor) -> float:
    """WCAG relative luminance of a colour (0 black .. 1 white)."""

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF()))


def contrast(a: QColor | str, b: QColor | str) -> float:
    """WCAG contrast ratio of two colours (1 .. 21)."""
    la, lb = luminance(QColor(a)), luminance(QColor(b))
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def current_palette() -> QPalette:
    return QGuiApplication.palette()


def is_dark(palette: QPalette | None = None) -> bool:
    """A dark palette: its window is darker than its text."""
    p = palette or current_palette()
    return luminance(p.color(QPalette.ColorRole.Window)) < luminance(
        p.color(QPalette.ColorRole.WindowText))


def is_high_contrast(palette: QPalette | None = None) -> bool:
    """A high-contrast theme: the system says so (Qt's accessibility hints), or the
    palette is pure black and white (window and its text >= 19:1; a normal light theme's
    grey window reaches about 18)."""
    p = palette or current_palette()
    if palette is None:
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication) and (app.styleHints().accessibility()
                                                 .contrastPreference()
                                                 == Qt.ContrastPreference.HighContrast):
            return True
    return contrast(p.color(QPalette.ColorRole.Window),
                    p.color(QPalette.ColorRole.WindowText)) >= 19


def readable(colour: str, background: QColor, text: QColor) -> str:
    """`colour` if it reads on `background` (>= 4.5:1), else the palette's text colour."""
    return colour if contrast(colour, background) >= MIN_TEXT_CONTRAST else text.name()


# Named colours of the window, per palette: (light, dark).
_TONES: dict[str, tuple[str, str]] = {
    "error": ("#b00020", "#ff8a80"),
    "severe": ("#b00020", "#ff8a80"),
    "alert": ("#b00020", "#ff8a80"),
    "warning": ("#8a5100", "#ffc46b"),
    "advisory": ("#0b5394", "#8ec5ff"),
    "urgent": ("#b00020", "#ff8a80"),
    "hold_row": ("#dbe9f7", "#1f3a57"),
    "highlight_row": ("#ffe08a", "#5c4a00"),
    "notice_bg": ("#fff3cd", "#4a3a00"),
    "notice_fg": ("#5c3c00", "#ffe9a8"),
}


def tone(name: str, palette: QPalette | None = None) -> str:
    """A named colour ("error", "warning", "hold_row", ...) for the palette in use."""
    light, dark = _TONES[name]
    return dark if is_dark(palette) else light


def muted(palette: QPalette | None = None) -> str:
    """Secondary text (sources, notes): the palette's own placeholder colour when it
    reads (>= 4.5:1 on the window), else the window text; in high contrast, the text."""
    p = palette or current_palette()
    text = p.color(QPalette.ColorRole.WindowText)
    if is_high_contrast(p):
        return text.name()
    return readable(p.color(QPalette.ColorRole.PlaceholderText).name(),
                    p.color(QPalette.ColorRole.Window), text)


def error_style() -> str:
    return f"color: {tone('error')}"


def muted_style() -> str:
    return f"color: {muted()}"


_followers: weakref.WeakKeyDictionary[QWidget, Callable[[], str]] = weakref.WeakKeyDictionary()
_watching = False


def follow(widget: QWidget, style: Callable[[], str]) -> None:
    """Give `widget` the style sheet `style()` makes now and again whenever the system's
    palette changes (dark mode turned on or off, a high-contrast theme)."""
    global _watching
    widget.setStyleSheet(style())
    _followers[widget] = style
    app = QGuiApplication.instance()
    if not _watching and isinstance(app, QGuiApplication):
        app.paletteChanged.connect(_restyle)
        _watching = True


def _restyle(*_: object) -> None:
    for widget, style in list(_followers.items()):
        try:
            widget.setStyleSheet(style())
        except RuntimeError:  # its window was closed
            _followers.pop(widget, None)


def notice_style() -> str:
    """The read-only banner: a yellow notice, dark or light."""
    return (f"background: {tone('notice_bg')}; color: {tone('notice_fg')}; padding: 6px; "
            "font-weight: bold;")


@record
class ChartColours:
    """The chart's colours for one palette (see chart_colours)."""

    background: str
    text: str
    grid_alpha: float
    dose: str
    highlight: str
    today: str
    hold: str
    back_step: str
    score: str
    band: str
    label_fill: str
    line_width: float


def chart_colours(palette: QPalette | None = None) -> ChartColours:
    """The chart on the palette's base colour with the palette's text; Okabe-Ito lines,
    the lighter ones on a dark base; thicker lines and a stronger grid in high contrast."""
    p = palette or current_palette()
    base = p.color(QPalette.ColorRole.Base)
    text = p.color(QPalette.ColorRole.Text)
    dark = is_dark(p)
    high = is_high_contrast(p)
    fill = QColor(base)
    fill.setAlpha(210)
    return ChartColours(
        background=base.name(),
        text=text.name(),
        grid_alpha=0.35 if high else 0.18,
        dose=readable(OI_SKY_BLUE if dark else OI_BLUE, base, text),
        highlight=OI_YELLOW if dark else OI_ORANGE,
        today=readable(OI_ORANGE if dark else OI_VERMILLION_DARK, base, text),
        hold=OI_SKY_BLUE if dark else OI_BLUE,
        back_step=OI_REDDISH_PURPLE if dark else OI_REDDISH_PURPLE_DARK,
        score=readable("#33c49a" if dark else OI_BLUISH_GREEN_DARK, base, text),
        band=OI_VERMILLION,
        label_fill=fill.name(QColor.NameFormat.HexArgb),
        line_width=4.0 if high else 3.0,
    )


def alpha(colour: str, a: int) -> QColor:
    """`colour` with alpha `a` (0..255), for shading."""
    c = QColor(colour)
    c.setAlpha(a)
    return c


_brushes: dict[tuple[str, bool], QBrush] = {}


def brush(name: str) -> QBrush:
    """A named tone as a brush (table row backgrounds), made once per palette kind."""
    key = (name, is_dark())
    made = _brushes.get(key)
    if made is None:
        made = _brushes[key] = QBrush(QColor(tone(name)))
    return made


def severity_colour(severity: str) -> str:
    """A warning's colour in the checks list ("severe", "alert", "warning", "advisory")."""
    return tone(severity) if severity in _TONES else current_palette().color(
        QPalette.ColorRole.Text).name()
