"""The product checklist (every product of a drug with a tick box) and the dialog that
asks for an existing plan's products by ticking them (custom picks)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QWidget

from taperdesk.model.catalogue import Drug
from taperdesk.ui.dialogs import _Form
from taperdesk.ui.translation import QT_TRANSLATE_NOOP, translate

CUSTOM = QT_TRANSLATE_NOOP("NewPlan", "custom picks")
"""The product-set entry shown when the ticked products are not one of the drug's sets."""


class ProductChecklist(QListWidget):
    """Every product of a drug with a tick box; ``chosen()`` gives the ticked ids in order."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setToolTip(
            translate(
                "NewPlan",
                "Tick the products the patient has; doses are made from these only (product facts "
                "and sources from the drug catalogue)",
            )
        )

    def show_drug(self, drug: Drug, chosen: tuple[str, ...]) -> None:
        self.blockSignals(True)
        self.clear()
        for p in drug.products:
            item = QListWidgetItem(p.name)
            item.setData(Qt.ItemDataRole.UserRole, p.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if p.id in chosen
                               else Qt.CheckState.Unchecked)
            item.setToolTip(
                translate("NewPlan", "Source: {0}").format(p.source) if p.source else p.name
            )
            self.addItem(item)
        self.blockSignals(False)

    def chosen(self) -> tuple[str, ...]:
        return tuple(str(self.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.count())
                     if self.item(i).checkState() == Qt.CheckState.Checked)

    def set_chosen(self, ids: tuple[str, ...]) -> None:
        self.blockSignals(True)
        for i in range(self.count()):
            item = self.item(i)
            ticked = item.data(Qt.ItemDataRole.UserRole) in ids
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        self.blockSignals(False)


def set_name(drug: Drug, ids: tuple[str, ...]) -> str:
    """The name of the drug's product set with exactly these products, else CUSTOM."""
    return next((name for name, s in drug.product_sets.items() if tuple(s) == ids), CUSTOM)


class ProductsDialog(_Form):
    """Choose the products of an existing plan by ticking them (custom picks)."""

    def __init__(self, drug: Drug, chosen: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(translate("NewPlan", "Products of {0}").format(drug.name), parent)
        self.products = ProductChecklist()
        self.products.show_drug(drug, chosen)
        self.form.addRow(
            QLabel(translate("NewPlan", "Doses are made only from the ticked products."))
        )
        self.form.addRow(self.products)
        self.finish()

    def problem(self) -> str:
        return (
            ""
            if self.products.chosen()
            else translate("NewPlan", "Tick at least one product the patient has.")
        )

    def chosen(self) -> tuple[str, ...]:
        return self.products.chosen()
