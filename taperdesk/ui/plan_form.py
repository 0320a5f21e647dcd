"""The plan editor: drug, products, current dose and split, start date, protocol and its
parameters. Each change is one undoable edit; a bad value is refused at the field."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from taperdesk.model import (
    PROTOCOLS,
    DoseError,
    Plan,
    PlanError,
    Protocol,
    ProtocolId,
    StepKind,
    format_mg,
    make_protocol,
    parse_mg,
    set_protocol,
    update_plan,
)
from taperdesk.model.limits import MAX_STEPS
from taperdesk.store import StoreError
from taperdesk.store.demo import next_monday
from taperdesk.ui import dialogs, splits, theme
from taperdesk.ui.dialogs import DATE_FORMAT, clip, from_qdate, to_qdate
from taperdesk.ui.model_texts import protocol_name, protocol_rule
from taperdesk.ui.new_plan import NewPlanDialog, ProductsDialog
from taperdesk.ui.session import Session
from taperdesk.ui.translation import QT_TRANSLATE_NOOP, translate

CHOOSE_PRODUCTS = QT_TRANSLATE_NOOP("PlanForm", "Choose products…")
SPLIT_SOURCE = QT_TRANSLATE_NOOP(
    "PlanForm",
    "How the daily dose is divided over the day. Source: TaperDesk rule (the label says where a "
    "part that cannot be divided equally goes)",
)
DOSE_RULE = QT_TRANSLATE_NOOP(
    "PlanForm",
    "Source: TaperDesk dose rule: each dose is made with the fewest units, whole tablets first; "
    "only scored tablets are halved; dispersible tablets are not split; liquid to 0.1 mL; a dose "
    "the products cannot make is rounded to the nearest one they can, and flagged",
)


class PlanForm(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._loading = False
        self._shown: tuple[object, ...] | None = None
        form = QFormLayout(self)
        self.which = QComboBox()
        self.which.setToolTip(
            translate("PlanForm", "This patient's plans; earlier plans stay on record")
        )
        self._listed: tuple[int | None, int | None] = (None, None)
        self.drug = QComboBox()
        for drug in session.catalogue.drugs.values():
            self.drug.addItem(drug.name, drug.id)
        self.drug.setToolTip(
            translate("PlanForm", "Drug; facts and products from the catalogue with their sources")
        )
        self.products = QComboBox()
        self.products.setToolTip(
            translate("PlanForm", "Product set: which tablets or liquids make each dose")
        )
        self.dose = QLineEdit()
        self.dose.setToolTip(
            translate(
                "PlanForm",
                "The daily dose in mg the patient takes now, before the taper (e.g. 2 or 0.75), "
                "as prescribed",
            )
        )
        self.split = QComboBox()
        splits.fill(self.split, SPLIT_SOURCE)
        self.start = QDateEdit()
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat(DATE_FORMAT)
        self.start.setToolTip(
            translate(
                "PlanForm", "First day of the first reduced dose; every later date follows from it"
            )
        )
        self.protocol = QComboBox()
        for info in PROTOCOLS.values():
            self.protocol.addItem(protocol_name(info), info.id)
            self.protocol.setItemData(
                self.protocol.count() - 1,
                translate("PlanForm", "{0}\nSource: {1}").format(protocol_rule(info), info.source),
                3,
            )
        self.percent = QLineEdit()
        self.percent.setToolTip(
            translate("PlanForm", "Percent cut at each step (ASAM 2025 default 5–10 %)")
        )
        self.every = QSpinBox()
        self.every.setRange(1, 365)
        self.every.setSuffix(translate("PlanForm", " days"))
        self.every.setToolTip(
            translate("PlanForm", "Days between cuts (ASAM 2025: every 2–4 weeks)")
        )
        self.step_mg = QLineEdit()
        self.step_mg.setToolTip(
            translate(
                "PlanForm", "Fixed cut in mg/day (US Klonopin label: 0.25 mg/day every 3 days)"
            )
        )
        self.source = QLabel()
        self.source.setWordWrap(True)
        theme.follow(self.source, theme.muted_style)
        self.error = QLabel()
        self.error.setWordWrap(True)
        theme.follow(self.error, theme.error_style)
        self.create_button = QPushButton(translate("PlanForm", "New plan for this patient…"))
        for combo in (self.drug, self.products, self.split, self.protocol):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(14)
        form.addRow(translate("PlanForm", "Plan"), self.which)
        form.addRow(translate("PlanForm", "Drug"), self.drug)
        form.addRow(translate("PlanForm", "Products"), self.products)
        form.addRow(translate("PlanForm", "Current dose (mg/day)"), self.dose)
        form.addRow(translate("PlanForm", "Split"), self.split)
        form.addRow(translate("PlanForm", "Start"), self.start)
        form.addRow(translate("PlanForm", "Protocol"), self.protocol)
        form.addRow(translate("PlanForm", "Cut (%)"), self.percent)
        form.addRow(translate("PlanForm", "Cut (mg/day)"), self.step_mg)
        form.addRow(translate("PlanForm", "Every"), self.every)
        form.addRow(self.source)
        form.addRow(self.error)
        form.addRow(self.create_button)
        self._form = form
        self.which.activated.connect(self._which_changed)
        self.drug.activated.connect(self._drug_changed)
        self.products.activated.connect(self._products_changed)
        self.dose.editingFinished.connect(self._dose_changed)
        self.split.activated.connect(lambda _i: self._change("split", self.split.currentData()))
        self.start.editingFinished.connect(self._start_changed)
        self.protocol.activated.connect(self._protocol_changed)
        self.percent.editingFinished.connect(self._protocol_changed)
        self.every.editingFinished.connect(self._protocol_changed)
        self.step_mg.editingFinished.connect(self._protocol_changed)
        self.create_button.clicked.connect(self.new_plan_dialog)
        session.plan_changed.connect(self._on_plan_changed)
        session.patient_changed.connect(self._on_plan_changed)
        self._on_plan_changed()

    # -- showing ----------------------------------------------------------

    def _fill_products(self, drug_id: str, current: tuple[str, ...]) -> None:
        drug = self._session.catalogue.drug(drug_id)
        self.products.clear()
        chosen = -1
        for name, ids in drug.product_sets.items():
            self.products.addItem(name, ids)
            self.products.setItemData(self.products.count() - 1,
                                      "\n".join(drug.product(p).name for p in ids), 3)
            if tuple(ids) == tuple(current):
                chosen = self.products.count() - 1
        if chosen < 0 and current:
            self.products.addItem(
                translate("PlanForm", "custom: {0}").format(", ".join(current)), current
            )
            chosen = self.products.count() - 1
        self.products.addItem(translate("PlanForm", CHOOSE_PRODUCTS), None)
        self.products.setCurrentIndex(max(chosen, 0))

    def _list_plans(self) -> None:
        """The plan chooser, shown when the patient has more than one plan."""
        s = self._session
        listed = (s.patient.id if s.patient else None, s.record.id if s.record else None)
        if listed == self._listed:
            return
        self._listed = listed
        self.which.clear()
        try:
            records = s.store.plans(s.patient.id) if s.patient else []
        except StoreError as exc:
            s.show_error(str(exc))
            records = []
        for r in records:  # short enough for the plan box at 1366x768; the title in the tip
            self.which.addItem(translate("PlanForm", "{0} (plan {1})").format(
                f"{r.plan.start:%d/%m/%Y}", r.id), r.id)
            self.which.setItemData(self.which.count() - 1, r.title,
                                   Qt.ItemDataRole.ToolTipRole)
        self.which.setCurrentIndex(self.which.findData(listed[1]))
        self.which.setVisible(len(records) > 1)
        self._form.labelForField(self.which).setVisible(len(records) > 1)

    def _which_changed(self) -> None:
        plan_id = self.which.currentData()
        record = self._session.record
        if plan_id is not None and (record is None or record.id != plan_id):
            self._session.open_plan(int(plan_id))

    def _blank(self) -> None:
        """No plan: empty fields, not the previous patient's plan greyed out (issue 13)."""
        self._shown = None
        self._loading = True
        for box in (self.drug, self.split, self.protocol):
            box.setCurrentIndex(-1)
        self.products.clear()
        for line in (self.dose, self.percent, self.step_mg):
            line.clear()
        self.start.setSpecialValueText(" ")
        self.start.setDate(self.start.minimumDate())
        self.every.setSpecialValueText(" ")
        self.every.setValue(self.every.minimum())
        self._loading = False

    def _on_plan_changed(self) -> None:
        self._list_plans()
        plan = self._session.plan
        has_patient = self._session.patient is not None
        for w in (self.drug, self.products, self.dose, self.split, self.start, self.protocol,
                  self.percent, self.every, self.step_mg):
            w.setEnabled(plan is not None)
        self.create_button.setVisible(has_patient and plan is None)
        if plan is None:
            self.source.setText("" if has_patient else translate("PlanForm", "Choose a patient."))
            self._blank()
            return
        shown = (plan.drug, plan.products, plan.start_ug, plan.split, plan.start, plan.protocol)
        if shown == self._shown and not self.error.text():
            return  # only the edits changed (a hold, a drag): the fields stay as they are
        self._shown = shown
        self._loading = True
        self.start.setSpecialValueText("")
        self.every.setSpecialValueText("")
        self.drug.setCurrentIndex(self.drug.findData(plan.drug))
        self._fill_products(plan.drug, plan.products)
        self.dose.setText(format_mg(plan.start_ug))
        self.split.setCurrentIndex(self.split.findData(plan.split))
        self.start.setDate(to_qdate(plan.start))
        p = plan.protocol
        self.protocol.setCurrentIndex(self.protocol.findData(p.id))
        self.percent.setText(str(p.percent) if p.percent is not None else "")
        self.every.setValue(p.every_days or 14)
        self.step_mg.setText(format_mg(p.step_ug) if p.step_ug else "")
        self.percent.setVisible(p.percent is not None)
        self._form.labelForField(self.percent).setVisible(p.percent is not None)
        self.step_mg.setVisible(p.step_ug is not None)
        self._form.labelForField(self.step_mg).setVisible(p.step_ug is not None)
        self.every.setVisible(p.every_days is not None)
        self._form.labelForField(self.every).setVisible(p.every_days is not None)
        self.source.setText(
            translate("PlanForm", "{0}\nSource: {1}").format(protocol_rule(p.info), p.info.source)
        )
        self._tooltips(plan)
        self._loading = False

    def _tooltips(self, plan: Plan) -> None:
        """Each field says where its rule comes from (the catalogue, the protocol, TaperDesk)."""
        drug = self._session.catalogue.drug(plan.drug)
        facts = [
            translate("PlanForm", "{0}: half-life {1}").format(drug.name, drug.half_life)
            + (
                translate("PlanForm", " (source: {0})").format(drug.half_life_source)
                if drug.half_life_source
                else ""
            )
        ]
        facts += [
            translate("PlanForm", "Maximum {0} mg/day ({1}); source: {2}").format(
                format_mg(m.ug), m.indication, m.source
            )
            for m in drug.max_daily
        ]
        self.drug.setToolTip("\n".join(facts))
        made = [
            f"{pr.name}"
            + (translate("PlanForm", " — source: {0}").format(pr.source) if pr.source else "")
            for pr in (drug.product(i) for i in plan.products)
        ]
        self.products.setToolTip("\n".join([*made, "", translate("PlanForm", DOSE_RULE)]))
        info = plan.protocol.info
        for field, what in (
            (self.protocol, protocol_rule(info)),
            (self.percent, translate("PlanForm", "Percent cut each step")),
            (self.step_mg, translate("PlanForm", "Cut in mg/day each step")),
            (self.every, translate("PlanForm", "Days between cuts")),
        ):
            field.setToolTip(translate("PlanForm", "{0}\nSource: {1}").format(what, info.source))

    # -- editing ----------------------------------------------------------

    def _show(self, message: str) -> None:
        self._shown = None
        self.error.setText(clip(message))
        self._on_plan_changed()
        self.error.setText(clip(message))

    def _change(self, field: str, value: object, text: str | None = None) -> None:
        plan = self._session.plan
        if self._loading or plan is None or getattr(plan, field) == value:
            return
        self._apply_fields(
            text or translate("PlanForm", "Change {0}").format(field), **{field: value}
        )

    _last_error = ""

    def _drug_changed(self) -> None:
        drug = self._session.catalogue.drug(self.drug.currentData())
        plan = self._session.plan
        if plan is None or drug.id == plan.drug:
            return
        ids = drug.product_sets[drug.default_product_set]
        self._apply_fields(
            translate("PlanForm", "Change drug to {0}").format(drug.name),
            drug=drug.id,
            products=tuple(ids),
        )

    def _products_changed(self) -> None:
        plan = self._session.plan
        if plan is None:
            return
        if self.products.currentData() is None:  # "Choose products…": tick them one by one
            dialog = ProductsDialog(self._session.catalogue.drug(plan.drug), plan.products, self)
            if dialogs.run(dialog) and dialog.chosen() != plan.products:
                ids = dialog.chosen()
                self._change(
                    "products", ids, translate("PlanForm", "Use products ") + ", ".join(ids)
                )
            else:
                self._shown = None
                self._on_plan_changed()
            return
        ids = tuple(self.products.currentData() or ())
        self._change(
            "products",
            ids,
            translate("PlanForm", "Use products {0}").format(self.products.currentText()),
        )

    def _dose_changed(self) -> None:
        try:
            ug = parse_mg(
                self.dose.text().removesuffix("mg").strip(),
                what=translate("PlanForm", "the current dose"),
            )
        except DoseError as exc:
            self._show(str(exc))
            return
        self._change(
            "start_ug", ug, translate("PlanForm", "Current dose {0} mg/day").format(format_mg(ug))
        )

    def _start_changed(self) -> None:
        self._change(
            "start", from_qdate(self.start.date()), translate("PlanForm", "Change the start date")
        )

    def _apply_fields(self, text: str, **fields: object) -> None:
        self.error.clear()
        self._session.error.connect(self._remember)
        try:
            ok = self._session.apply(text, update_plan, **fields)
        finally:
            self._session.error.disconnect(self._remember)
        if not ok:
            self._show(self._last_error)

    def _remember(self, message: str) -> None:
        self._last_error = message

    def _protocol_changed(self) -> None:
        plan = self._session.plan
        if self._loading or plan is None:
            return
        pid = self.protocol.currentData()
        try:
            keep = pid == plan.protocol.id
            percent = Decimal(self.percent.text()) if keep and self.percent.text() else None
            step_ug = parse_mg(self.step_mg.text(), what=translate("PlanForm", "the cut")) \
                if keep and self.step_mg.text() else None
            protocol = make_protocol(
                pid, percent=percent, every_days=self.every.value() if keep else None,
                step_ug=step_ug,
                custom_steps=(plan.protocol.custom_steps
                              if pid == ProtocolId.CUSTOM and keep else ()),
            ) if pid != ProtocolId.CUSTOM else self._custom_from(plan)
        except (PlanError, DoseError, InvalidOperation, ArithmeticError) as exc:
            self._show(str(exc) or translate("PlanForm", "That value is not a number."))
            return
        if protocol == plan.protocol:
            return
        self.error.clear()
        self._session.error.connect(self._remember)
        try:
            ok = self._session.apply(
                translate("PlanForm", "Protocol: {0}").format(protocol.describe()),
                set_protocol,
                protocol,
            )
        finally:
            self._session.error.disconnect(self._remember)
        if not ok:
            self._show(self._last_error)

    def _custom_from(self, plan: Plan) -> Protocol:
        """Switching to custom keeps the current steps as the clinician's own."""
        from taperdesk.model import CustomStep

        if plan.protocol.id == ProtocolId.CUSTOM:
            return plan.protocol
        sched = self._session.schedule
        steps = tuple(CustomStep(s.daily_ug, s.days) for s in (sched.steps if sched else ())
                      if s.kind == StepKind.TAPER)[:MAX_STEPS]
        return make_protocol(ProtocolId.CUSTOM, custom_steps=steps)

    def new_plan_dialog(self) -> bool:
        """Ask for a new plan; the patient's current plan, if any, gives drug and products."""
        if self._session.patient is None:
            self._session.show_error(translate("PlanForm", "Choose or add a patient first."))
            return False
        dialog = NewPlanDialog(self._session.catalogue, next_monday(date.today()), self,
                               like=self._session.plan)
        return dialogs.run(dialog) and self.create_plan(dialog)

    def create_plan(self, dialog: NewPlanDialog) -> bool:
        """Save the accepted dialog's plan as the patient's new active plan."""
        plan = dialog.plan()
        return plan is not None and self._session.create_plan(plan)
