"""Fields that the New plan dialog and the Plan dock share: a protocol's parameters, a
drug's product sets, and the cross-over to diazepam's own fields (equivalence column, days
per substitution, the diazepam taper's protocol and diazepam's products); also the
stacked rows and the up-and-down scrolling the narrow dock needs.

Both forms read the fields through these classes, so the two build the same protocol from
the same fields and refuse the same values.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from taperdesk.model import (
    PROTOCOLS,
    PlanError,
    Protocol,
    ProtocolId,
    format_mg,
    make_protocol,
    parse_mg,
    sources,
)
from taperdesk.model.catalogue import Catalogue, Drug
from taperdesk.model.protocols import CROSSOVER_DAYS, EQUIVALENCES
from taperdesk.ui import dialogs
from taperdesk.ui.model_texts import protocol_name, protocol_rule
from taperdesk.ui.products_dialog import ProductsDialog
from taperdesk.ui.translation import QT_TRANSLATE_NOOP, translate

DIAZEPAM = "diazepam"
CHOOSE_PRODUCTS = QT_TRANSLATE_NOOP("PlanFields", "Choose products…")
CUSTOM_SET = QT_TRANSLATE_NOOP("PlanFields", "custom: {0} products")
TAPER_PROTOCOLS = tuple(pid for pid in PROTOCOLS
                        if pid != ProtocolId.CUSTOM and not PROTOCOLS[pid].substitutes)
"""What a cross-over's diazepam taper may follow (not another cross-over, not custom)."""


def add_stacked_row(form: QFormLayout, text: str, field: QWidget) -> QLabel:
    """A row whose label sits above its field, so the field has the form's whole width
    (a long protocol name in the narrow Plan dock); the label names the field."""
    label = QLabel(text)
    label.setBuddy(field)
    field.setAccessibleName(text)
    form.addRow(label)
    form.addRow(field)
    return label


def row_label(form: QFormLayout, field: QWidget) -> QWidget | None:
    """The label of ``field``'s row: beside it, or above it (add_stacked_row)."""
    label = form.labelForField(field)
    if label is not None:
        return label
    for row in range(form.rowCount()):
        item = form.itemAt(row, QFormLayout.ItemRole.SpanningRole)
        above = item.widget() if item is not None else None
        if isinstance(above, QLabel) and above.buddy() is field:
            return above
    return None


def show_row(form: QFormLayout, field: QWidget, shown: bool) -> None:
    field.setVisible(shown)
    label = row_label(form, field)
    if label is not None:
        label.setVisible(shown)


def fill_product_sets(combo: QComboBox, drug: Drug, current: tuple[str, ...]) -> None:
    """The drug's product sets (each product's name in the tip), the current products as
    "custom: …" when they are no set, and "Choose products…" (data None) last."""
    combo.clear()
    chosen = -1
    for name, ids in drug.product_sets.items():
        combo.addItem(name, tuple(ids))
        combo.setItemData(combo.count() - 1, "\n".join(drug.product(p).name for p in ids),
                          Qt.ItemDataRole.ToolTipRole)
        if tuple(ids) == tuple(current):
            chosen = combo.count() - 1
    if chosen < 0 and current:
        combo.addItem(translate("PlanFields", CUSTOM_SET).format(len(current)), tuple(current))
        combo.setItemData(combo.count() - 1, "\n".join(drug.product(p).name for p in current),
                          Qt.ItemDataRole.ToolTipRole)
        chosen = combo.count() - 1
    combo.addItem(translate("PlanFields", CHOOSE_PRODUCTS), None)
    combo.setCurrentIndex(max(chosen, 0))


def _products_tip() -> str:
    return translate("PlanFields", "Diazepam products that make the diazepam doses (from the "
                     "drug catalogue)")


class TaperFields:
    """A protocol's parameters: percent cut, fixed cut in mg/day, days between cuts. Only
    those the protocol takes are shown; ``read`` builds the protocol from them."""

    def __init__(self) -> None:
        self.percent = QLineEdit()
        self.step_mg = QLineEdit()
        self.every = QSpinBox()
        self.every.setRange(1, 365)
        self.every.setSuffix(translate("PlanFields", " days"))

    def show(self, form: QFormLayout, p: Protocol | None) -> None:
        """Show ``p``'s parameters (None: hide them all)."""
        self.percent.setText(str(p.percent) if p and p.percent is not None else "")
        self.step_mg.setText(format_mg(p.step_ug) if p and p.step_ug else "")
        self.every.setValue(p.every_days if p and p.every_days else 14)
        show_row(form, self.percent, p is not None and p.percent is not None)
        show_row(form, self.step_mg, p is not None and p.step_ug is not None)
        show_row(form, self.every, p is not None and p.every_days is not None)

    def read(self, pid: str) -> Protocol:
        """Protocol ``pid`` with the parameters typed; PlanError/DoseError say what is wrong."""
        default = PROTOCOLS[pid].default
        percent = None
        if default.percent is not None:
            try:
                percent = Decimal(self.percent.text().strip())
            except InvalidOperation:
                raise PlanError(
                    translate("PlanFields", "The cut {0!r} is not a number of percent.").format(
                        self.percent.text())) from None
        step_ug = parse_mg(self.step_mg.text(), what=translate("PlanFields", "the cut")) \
            if default.step_ug is not None else None
        every = self.every.value() if default.every_days is not None else None
        return make_protocol(pid, percent=percent, step_ug=step_ug, every_days=every)


class CrossoverFields:
    """A cross-over to diazepam's fields (SPEC.md, "Cross-over to diazepam"): the column of
    ASAM 2025 Table 7, days per substituted dose (TaperDesk default, editable), the protocol
    of the diazepam taper and diazepam's products. Shown only for a cross-over."""

    def __init__(self, catalogue: Catalogue) -> None:
        self._diazepam = catalogue.drugs.get(DIAZEPAM)
        self._current: tuple[str, ...] = ()
        self.equivalence = QComboBox()
        for key, name in EQUIVALENCES.items():
            self.equivalence.addItem(translate("PlanFields", "{0} (Table 7)").format(name), key)
            self.equivalence.setItemData(self.equivalence.count() - 1, sources.TABLE7[key],
                                         Qt.ItemDataRole.ToolTipRole)
        self.equivalence.setToolTip(translate(
            "PlanFields", "Which column of ASAM 2025 Table 7 gives the diazepam equivalent"))
        self.swap_days = QSpinBox()
        self.swap_days.setRange(1, 365)
        self.swap_days.setValue(CROSSOVER_DAYS)
        self.swap_days.setSuffix(translate("PlanFields", " days"))
        self.swap_days.setToolTip(translate(
            "PlanFields", "Days on each substitution before the next dose is replaced: {0}"
        ).format(sources.TAPERDESK_DEFAULT))
        self.then = QComboBox()
        for pid in TAPER_PROTOCOLS:
            info = PROTOCOLS[pid]
            self.then.addItem(protocol_name(info), pid)
            self.then.setItemData(self.then.count() - 1, translate(
                "PlanFields", "{0}\nSource: {1}").format(protocol_rule(info), info.source),
                Qt.ItemDataRole.ToolTipRole)
        self.then.setCurrentIndex(max(0, self.then.findData(ProtocolId.PERCENT_CURRENT)))
        self.then.setToolTip(translate(
            "PlanFields", "The protocol that tapers diazepam once every dose is diazepam"))
        self.products = QComboBox()
        self.products.setToolTip(_products_tip())
        self._fill_products(())
        for combo in (self.equivalence, self.then, self.products):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(14)

    def add_rows(self, form: QFormLayout, *, stacked: bool = False) -> None:
        """The four labelled rows (the same words in the dialog and the dock); ``stacked``:
        the taper's protocol under its label, for a narrow form."""
        form.addRow(translate("PlanFields", "Equivalence"), self.equivalence)
        form.addRow(translate("PlanFields", "Days per substitution"), self.swap_days)
        taper = translate("PlanFields", "Diazepam taper")
        if stacked:
            add_stacked_row(form, taper, self.then)
        else:
            form.addRow(taper, self.then)
        form.addRow(translate("PlanFields", "Diazepam products"), self.products)

    def set_shown(self, form: QFormLayout, shown: bool) -> None:
        for field in (self.equivalence, self.swap_days, self.then, self.products):
            show_row(form, field, shown)

    # -- showing ----------------------------------------------------------

    def _default_ids(self) -> tuple[str, ...]:
        dz = self._diazepam
        return tuple(dz.product_sets.get(dz.default_product_set, ())) if dz else ()

    def _fill_products(self, ids: tuple[str, ...]) -> None:
        if self._diazepam is None:
            self.products.clear()
            return
        fill_product_sets(self.products, self._diazepam, ids or self._default_ids())

    def show(self, p: Protocol) -> None:
        """Show a cross-over protocol's own parameters (its taper's are TaperFields')."""
        self.equivalence.setCurrentIndex(max(0, self.equivalence.findData(p.equivalence)))
        self.swap_days.setValue(p.every_days or CROSSOVER_DAYS)
        if p.then is not None:
            if self.then.findData(p.then.id) < 0:  # e.g. custom steps from a plan file
                self.then.addItem(protocol_name(p.then.info), p.then.id)
            self.then.setCurrentIndex(self.then.findData(p.then.id))
        self._current = p.then_products
        self._fill_products(p.then_products)

    def then_pid(self) -> str:
        return str(self.then.currentData())

    def pick_products(self, parent: QWidget) -> bool:
        """After "Choose products…": tick diazepam's products one by one. False (and the
        shown products back) when cancelled."""
        if self._diazepam is None or self.products.currentData() is not None:
            return True
        shown = self._current or self._default_ids()
        dialog = ProductsDialog(self._diazepam, shown, parent)
        if dialogs.run(dialog):
            fill_product_sets(self.products, self._diazepam, dialog.chosen())
            return True
        self._fill_products(self._current)
        return False

    def sources_text(self, p: Protocol, *, brief: bool = False) -> str:
        """Where each cross-over field comes from, for the text under the fields (also put
        in the products' tooltip). ``brief``: the taper's source without its rule, and the
        products in their tooltip only (the New plan dialog has to fit 768 px)."""
        lines = []
        if p.equivalence in sources.TABLE7:
            lines.append(translate("PlanFields", "Equivalence: {0}").format(
                sources.TABLE7[p.equivalence]))
        lines.append(translate("PlanFields", "{0} days per substitution: {1}").format(
            p.every_days, sources.TAPERDESK_DEFAULT))
        if p.then is not None and brief:
            lines.append(translate("PlanFields", "Diazepam taper source: {0}").format(
                p.then.info.source))
        elif p.then is not None:
            lines.append(translate("PlanFields", "Diazepam taper: {0}\nSource: {1}").format(
                protocol_rule(p.then.info), p.then.info.source))
        if self._diazepam is not None:
            made = [self._diazepam.product(i) for i in (p.then_products or self._default_ids())
                    if i in {q.id for q in self._diazepam.products}]
            products = translate("PlanFields", "Diazepam products: {0}; source: {1}").format(
                ", ".join(q.name for q in made),
                "; ".join(dict.fromkeys(q.source for q in made if q.source)) or "—")
            self.products.setToolTip(_products_tip() + "\n" + products)
            if not brief:
                lines.append(products)
        return "\n".join(lines)

    # -- the protocol -----------------------------------------------------

    def wrap(self, then: Protocol) -> Protocol:
        """The cross-over the fields describe, tapering diazepam by ``then``."""
        ids = tuple(self.products.currentData() or ())
        if not ids or ids == (self._current or self._default_ids()):
            chosen = self._current
        else:
            chosen = () if ids == self._default_ids() else ids
        return make_protocol(ProtocolId.DIAZEPAM_CROSSOVER, every_days=self.swap_days.value(),
                             equivalence=str(self.equivalence.currentData()), then=then,
                             then_products=chosen)
