"""The Split combo box of the plan editor and the New plan dialog: a short name that fits
the narrow plan box at 1366x768 and at 150 % scaling, with the model's full description
(SPLITS) as each item's tooltip and the box's own while it is chosen."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox

from taperdesk.model import SPLITS
from taperdesk.ui.model_texts import split_label


def short_names() -> dict[str, str]:
    return {
        "night": QCoreApplication.translate("Split", "All at bedtime"),
        "morning-night": QCoreApplication.translate("Split", "Morning + bedtime"),
        "morning-night-morning-first": QCoreApplication.translate(
            "Split", "Morning first, + bedtime"),
        "three-times": QCoreApplication.translate("Split", "Three times a day"),
    }


def fill(combo: QComboBox, source: str) -> None:
    """Every split, by its short name; the full description and `source` in tooltips."""
    names = short_names()
    for key, full in SPLITS.items():
        combo.addItem(names.get(key, full), key)
        combo.setItemData(combo.count() - 1, f"{split_label(key)}\n{source}",
                          Qt.ItemDataRole.ToolTipRole)

    def tip(_index: int = 0) -> None:
        key = combo.currentData()
        combo.setToolTip(f"{split_label(key) if key in SPLITS else ''}\n{source}".strip())

    combo.currentIndexChanged.connect(tip)
    tip()
