"""The "New plan" dialog and the product checklist (a product set or the clinician's own picks).

Nothing clinical is pre-filled that the clinician has not chosen: the current
daily dose starts empty and must be typed; the protocol's parameters are the
protocol's own sourced defaults, shown with their source. The dialog builds a
Plan and asks the model to compute it, so a plan the model refuses is refused
here, at the dialog, with the model's message.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QWidget,
)

from taperdesk.model import (
    PROTOCOLS,
    DoseError,
    Plan,
    PlanError,
    ProtocolId,
    check,
    compute,
    format_mg,
    make_protocol,
    parse_mg,
    sources,
)
from taperdesk.model.catalogue import Catalogue, Drug
from taperdesk.model.instructions import drug_totals
from taperdesk.model.protocols import CROSSOVER_DAYS, EQUIVALENCES
from taperdesk.ui import splits, theme
from taperdesk.ui.dialogs import DATE_FORMAT, _Form, from_qdate, to_qdate
from taperdesk.ui.model_texts import protocol_name, protocol_rule, severity
from taperdesk.ui.translation import QT_TRANSLATE_NOOP, translate

PREVIEW_STEPS, PREVIEW_WARNINGS = 4, 3
"""Steps and warnings the preview lists before "… n more"."""
CUSTOM = QT_TRANSLATE_NOOP("NewPlan", "custom picks")
"""The product-set entry shown when the ticked products are not one of the drug's sets."""
NEW_PLAN_PROTOCOLS = tuple(pid for pid in PROTOCOLS if pid != ProtocolId.CUSTOM)
"""A custom protocol starts from an existing schedule, so a new plan picks a rule first."""
TAPER_PROTOCOLS = tuple(pid for pid in NEW_PLAN_PROTOCOLS if not PROTOCOLS[pid].substitutes)
"""What a cross-over's diazepam taper may follow (not another cross-over)."""


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


class NewPlanDialog(_Form):
    """Drug, products, current daily dose (typed, never guessed), split, start, protocol."""

    def __init__(self, catalogue: Catalogue, start: date, parent: QWidget | None = None,
                 like: Plan | None = None) -> None:
        super().__init__(translate("NewPlan", "New plan"), parent)
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
        self.percent = QLineEdit()
        self.step_mg = QLineEdit()
        self.every = QSpinBox()
        self.every.setRange(1, 365)
        self.every.setSuffix(translate("NewPlan", " days"))
        self._crossover_fields()
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
        self.form.addRow(translate("NewPlan", "Equivalence"), self.equivalence)
        self.form.addRow(translate("NewPlan", "Days per substituted dose"), self.swap_days)
        self.form.addRow(translate("NewPlan", "Then taper diazepam by"), self.then)
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
        for box in (self.drug, self.split, self.protocol, self.equivalence, self.then):
            box.currentIndexChanged.connect(self.update_preview)
        self.swap_days.valueChanged.connect(self.update_preview)
        self.then.currentIndexChanged.connect(lambda _i: self._show_protocol())
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
            self.then.setCurrentIndex(max(0, self.then.findData(like.protocol.then.id)))
            self.equivalence.setCurrentIndex(
                max(0, self.equivalence.findData(like.protocol.equivalence)))
        self._show_protocol()
        self.update_preview()

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
        self.product_set.setCurrentIndex(self.product_set.findText(name))

    def _crossover_fields(self) -> None:
        """Equivalence column, days per substituted dose and the diazepam taper's protocol:
        shown only for a cross-over to diazepam (SPEC.md, "Cross-over to diazepam")."""
        self.equivalence = QComboBox()
        for key, name in EQUIVALENCES.items():
            self.equivalence.addItem(self.tr("{0} column (ASAM 2025 Table 7)").format(name), key)
            self.equivalence.setItemData(self.equivalence.count() - 1, sources.TABLE7[key],
                                         Qt.ItemDataRole.ToolTipRole)
        self.swap_days = QSpinBox()
        self.swap_days.setRange(1, 365)
        self.swap_days.setValue(CROSSOVER_DAYS)
        self.swap_days.setSuffix(self.tr(" days"))
        self.swap_days.setToolTip(self.tr("Days on each substitution before the next dose is "
                                          "replaced: {0}").format(sources.TAPERDESK_DEFAULT))
        self.then = QComboBox()
        for pid in TAPER_PROTOCOLS:
            self.then.addItem(PROTOCOLS[pid].name, pid)
        self.then.setCurrentIndex(max(0, self.then.findData(ProtocolId.PERCENT_CURRENT)))

    def _crossover(self) -> bool:
        return PROTOCOLS[str(self.protocol.currentData())].substitutes

    def _taper_pid(self) -> str:
        """The protocol whose parameters the fields show: a cross-over's diazepam taper."""
        return str(self.then.currentData() if self._crossover() else self.protocol.currentData())

    def _show_protocol(self) -> None:
        crossover = self._crossover()
        for extra in (self.equivalence, self.swap_days, self.then):
            extra.setVisible(crossover)
            self.form.labelForField(extra).setVisible(crossover)
        outer = PROTOCOLS[str(self.protocol.currentData())]
        info = PROTOCOLS[self._taper_pid()]
        p = info.default
        self.percent.setText(str(p.percent) if p.percent is not None else "")
        self.step_mg.setText(format_mg(p.step_ug) if p.step_ug else "")
        self.every.setValue(p.every_days or 14)
        for field, shown in ((self.percent, p.percent is not None),
                             (self.step_mg, p.step_ug is not None),
                             (self.every, p.every_days is not None)):
            field.setVisible(shown)
            self.form.labelForField(field).setVisible(shown)
        self.source.setText(
            translate("NewPlan", "{0}\nSource: {1}").format(protocol_rule(outer), outer.source)
            + (translate("NewPlan", "\nDiazepam taper: {0}\nSource: {1}").format(
                protocol_rule(info), info.source) if crossover else ""))
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
        pid = self._taper_pid()
        default = PROTOCOLS[pid].default
        try:
            percent = Decimal(self.percent.text().strip()) \
                if default.percent is not None else None
        except InvalidOperation:
            raise PlanError(
                translate("NewPlan", "The cut {0!r} is not a number of percent.").format(
                    self.percent.text()
                )
            ) from None
        step_ug = parse_mg(self.step_mg.text(), what=translate("NewPlan", "the cut")) \
            if default.step_ug is not None else None
        protocol = make_protocol(pid, percent=percent, step_ug=step_ug,
                                 every_days=self.every.value()
                                 if default.every_days is not None else None)
        if self._crossover():
            protocol = make_protocol(ProtocolId.DIAZEPAM_CROSSOVER,
                                     every_days=self.swap_days.value(),
                                     equivalence=str(self.equivalence.currentData()),
                                     then=protocol)
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
