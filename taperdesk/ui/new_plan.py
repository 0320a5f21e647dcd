"""The "New plan" dialog: drug, products (a set or the clinician's own picks), dose, split,
start, protocol and its parameters, a cross-over's own fields, and a preview.

Nothing clinical is pre-filled that the clinician has not chosen: the current
daily dose starts empty and must be typed; the protocol's parameters are the
protocol's own sourced defaults, shown with their source. The dialog builds a
Plan and asks the model to compute it, so a plan the model refuses is refused
here, at the dialog, with the model's message.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QLineEdit, QWidget

from taperdesk.model import (
    PROTOCOLS,
    DoseError,
    Plan,
    PlanError,
    ProtocolId,
    check,
    compute,
    format_mg,
    parse_mg,
)
from taperdesk.model.catalogue import Catalogue, Drug
from taperdesk.model.instructions import drug_totals
from taperdesk.ui import splits, theme
from taperdesk.ui.dialogs import DATE_FORMAT, _Form, from_qdate, to_qdate
from taperdesk.ui.model_texts import protocol_name, protocol_rule, severity
from taperdesk.ui.plan_fields import TAPER_PROTOCOLS, CrossoverFields, TaperFields
from taperdesk.ui.products_dialog import CUSTOM, ProductChecklist, ProductsDialog, set_name
from taperdesk.ui.translation import translate

__all__ = ["TAPER_PROTOCOLS", "NewPlanDialog", "ProductChecklist", "ProductsDialog"]

PREVIEW_STEPS, PREVIEW_WARNINGS = 4, 3
"""Steps and warnings the preview lists before "… n more"."""
NEW_PLAN_PROTOCOLS = tuple(pid for pid in PROTOCOLS if pid != ProtocolId.CUSTOM)
"""A custom protocol starts from an existing schedule, so a new plan picks a rule first."""


class NewPlanDialog(_Form):
    """Drug, products, current daily dose (typed, never guessed), split, start, protocol."""

    def __init__(self, catalogue: Catalogue, start: date, parent: QWidget | None = None,
                 like: Plan | None = None) -> None:
        super().__init__(translate("NewPlan", "New plan"), parent, scrolls=True)
        self._catalogue = catalogue
        self.drug = QComboBox()
        for drug in catalogue.drugs.values():
            self.drug.addItem(drug.name, drug.id)
        self.product_set = QComboBox()
        self.products = ProductChecklist()
        self.products.setMaximumHeight(130)
        self.dose = QLineEdit()
        self.dose.setPlaceholderText(
            translate("NewPlan", "what the patient takes now, e.g. 2 or 0.75")
        )
        self.dose.setToolTip(
            translate(
                "NewPlan",
                "The daily dose in mg the patient takes before the taper; TaperDesk never guesses "
                "it",
            )
        )
        self.split = QComboBox()
        splits.fill(self.split, "")
        self.start = QDateEdit(to_qdate(start))
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat(DATE_FORMAT)
        self.start.setToolTip(translate("NewPlan", "First day of the first reduced dose"))
        self.protocol = QComboBox()
        for pid in NEW_PLAN_PROTOCOLS:
            info = PROTOCOLS[pid]
            self.protocol.addItem(protocol_name(info), pid)
            self.protocol.setItemData(
                self.protocol.count() - 1,
                translate("NewPlan", "{0}\nSource: {1}").format(protocol_rule(info), info.source),
                Qt.ItemDataRole.ToolTipRole,
            )
        self.taper = TaperFields()
        self.percent, self.step_mg, self.every = (self.taper.percent, self.taper.step_mg,
                                                  self.taper.every)
        self.crossover = CrossoverFields(catalogue)
        self.equivalence, self.swap_days, self.then, self.then_products = (
            self.crossover.equivalence, self.crossover.swap_days, self.crossover.then,
            self.crossover.products)
        self.source = QLabel()
        self.source.setWordWrap(True)
        theme.follow(self.source, theme.muted_style)
        self.form.addRow(translate("NewPlan", "Drug"), self.drug)
        self.form.addRow(translate("NewPlan", "Products"), self.product_set)
        self.products.setAccessibleName(translate("NewPlan", "Products to make doses from"))
        self.form.addRow("", self.products)
        self.form.addRow(translate("NewPlan", "Current dose (mg/day)"), self.dose)
        self.form.addRow(translate("NewPlan", "Split"), self.split)
        self.form.addRow(translate("NewPlan", "Start"), self.start)
        self.form.addRow(translate("NewPlan", "Protocol"), self.protocol)
        self.crossover.add_rows(self.form)
        self.form.addRow(translate("NewPlan", "Cut (%)"), self.percent)
        self.form.addRow(translate("NewPlan", "Cut (mg/day)"), self.step_mg)
        self.form.addRow(translate("NewPlan", "Every"), self.every)
        self.form.addRow(self.source)
        # What OK would make, recomputed by the model as the fields change.
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setAccessibleName(translate("NewPlan", "Preview of the plan"))
        self.form.addRow(self.preview)
        self.finish()
        self.setMinimumWidth(460)
        for edit in (self.dose, self.percent, self.step_mg):
            edit.textChanged.connect(self.update_preview)
        for box in (self.drug, self.split, self.protocol, self.equivalence, self.then,
                    self.then_products):
            box.currentIndexChanged.connect(self.update_preview)
        self.then_products.activated.connect(lambda _i: self.crossover.pick_products(self))
        self.swap_days.valueChanged.connect(self.update_preview)
        self.then.currentIndexChanged.connect(lambda _i: self._show_protocol())
        for box in (self.equivalence, self.then_products):
            box.currentIndexChanged.connect(lambda _i: self._show_sources())
        self.swap_days.valueChanged.connect(lambda _v: self._show_sources())
        self.every.valueChanged.connect(self.update_preview)
        self.start.dateChanged.connect(self.update_preview)
        self.products.itemChanged.connect(self.update_preview)
        self.drug.currentIndexChanged.connect(lambda _i: self._show_drug(()))
        self.product_set.activated.connect(self._set_chosen)
        self.products.itemChanged.connect(self._ticks_changed)
        self.protocol.currentIndexChanged.connect(lambda _i: self._show_protocol())
        self._plan: Plan | None = None
        if like is not None:
            self.drug.setCurrentIndex(max(0, self.drug.findData(like.drug)))
            self.split.setCurrentIndex(max(0, self.split.findData(like.split)))
        self._show_drug(like.products if like is not None else ())
        self.protocol.setCurrentIndex(
            max(0, self.protocol.findData(
                like.protocol.id if like else ProtocolId.PERCENT_CURRENT)))
        if like is not None and like.protocol.then is not None:
            self.crossover.show(like.protocol)
        self._show_protocol()
        self.update_preview()
        self.fit_screen(parent)  # a cross-over's rows need 680 px: they scroll on 1280x720

    # -- showing ----------------------------------------------------------

    def update_preview(self, *_: object) -> None:
        """The first steps, the stop date and the warnings of the plan the fields make now,
        or why there is no plan yet."""
        try:
            sched = compute(self.build(), self._catalogue)
        except (PlanError, DoseError) as exc:
            self.preview.setText(translate("NewPlan", "Preview: {0}").format(exc))
            return
        lines = [
            translate(
                "NewPlan", "Preview: {0} steps, last dose {1:%d/%m/%Y}, stop {2:%d/%m/%Y}."
            ).format(len(sched.steps), sched.steps[-1].end, sched.stop_date)
        ]
        lines += [
            translate("NewPlan", "  {0:%d/%m/%Y}  {1} mg/day for {2} d").format(
                st.start, format_mg(st.daily_ug), st.days
            ) + (f" ({drug_totals(st)})" if st.names_drugs else "")
            for st in sched.steps[:PREVIEW_STEPS]
        ]
        if len(sched.steps) > PREVIEW_STEPS:
            lines.append(
                translate("NewPlan", "  … {0} more").format(len(sched.steps) - PREVIEW_STEPS)
            )
        warnings = check(sched)
        lines += [f"{severity(w)}: {w.message}" for w in warnings[:PREVIEW_WARNINGS]]
        if len(warnings) > PREVIEW_WARNINGS:
            lines.append(
                translate("NewPlan", "… {0} more warnings after OK").format(
                    len(warnings) - PREVIEW_WARNINGS
                )
            )
        if not warnings:
            lines.append(translate("NewPlan", "No warnings."))
        self.preview.setText("\n".join(lines))

    def _drug(self) -> Drug:
        return self._catalogue.drug(str(self.drug.currentData()))

    def _show_drug(self, chosen: tuple[str, ...]) -> None:
        drug = self._drug()
        ids = tuple(chosen) or tuple(drug.product_sets.get(drug.default_product_set, ()))
        self.product_set.clear()
        for name, s in drug.product_sets.items():
            self.product_set.addItem(name, tuple(s))
            self.product_set.setItemData(self.product_set.count() - 1,
                                         "\n".join(drug.product(p).name for p in s),
                                         Qt.ItemDataRole.ToolTipRole)
        self.product_set.addItem(translate("NewPlan", CUSTOM), ())
        self.products.show_drug(drug, ids)
        self._ticks_changed()

    def _set_chosen(self, _index: int = 0) -> None:
        ids = tuple(self.product_set.currentData() or ())
        if ids:
            self.products.set_chosen(ids)

    def _ticks_changed(self, _item: object = None) -> None:
        name = set_name(self._drug(), self.products.chosen())
        shown = translate("NewPlan", CUSTOM) if name == CUSTOM else name
        self.product_set.setCurrentIndex(self.product_set.findText(shown))

    def _crossover(self) -> bool:
        return PROTOCOLS[str(self.protocol.currentData())].substitutes

    def _taper_pid(self) -> str:
        """The protocol whose parameters the fields show: a cross-over's diazepam taper."""
        return str(self.then.currentData() if self._crossover() else self.protocol.currentData())

    def _show_protocol(self) -> None:
        crossover = self._crossover()
        self.crossover.set_shown(self.form, crossover)
        self.taper.show(self.form, PROTOCOLS[self._taper_pid()].default)
        self._show_sources()

    def _show_sources(self) -> None:
        """The protocol's rule and source; for a cross-over also where each of its fields
        comes from (Table 7's column, the TaperDesk default, the taper, the products)."""
        outer = PROTOCOLS[str(self.protocol.currentData())]
        text = translate("NewPlan", "{0}\nSource: {1}").format(protocol_rule(outer), outer.source)
        if self._crossover():
            try:
                wrapped = self.crossover.wrap(PROTOCOLS[self._taper_pid()].default)
            except PlanError as exc:
                text += f"\n{exc}"
            else:
                text += "\n" + self.crossover.sources_text(wrapped, brief=True)
        self.source.setText(text)
        self.protocol.setToolTip(translate("NewPlan", "Source: {0}").format(outer.source))

    # -- the plan ---------------------------------------------------------

    def build(self) -> Plan:
        """The plan the fields describe; PlanError/DoseError name the field that is wrong."""
        products = self.products.chosen()
        if not products:
            raise PlanError(translate("NewPlan", "Tick at least one product the patient has."))
        if not self.dose.text().strip():
            raise PlanError(
                translate("NewPlan", "Type the daily dose the patient takes now (mg/day).")
            )
        ug = parse_mg(
            self.dose.text().removesuffix("mg").strip(),
            what=translate("NewPlan", "the current dose"),
        )
        protocol = self.taper.read(self._taper_pid())
        if self._crossover():
            protocol = self.crossover.wrap(protocol)
        plan = Plan(self._drug().id, products, ug, str(self.split.currentData()),
                    from_qdate(self.start.date()), protocol)
        compute(plan, self._catalogue)
        return plan

    def problem(self) -> str:
        try:
            self._plan = self.build()
        except (PlanError, DoseError) as exc:
            self._plan = None
            return str(exc)
        return ""

    def plan(self) -> Plan | None:
        """The accepted plan (None until the dialog was accepted with sound values)."""
        return self._plan
