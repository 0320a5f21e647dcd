"""The plan editor: drug, products, current dose and split, start date, protocol and its
parameters (for a cross-over to diazepam also its equivalence column, days per substituted
dose, the diazepam taper's protocol and parameters, and diazepam's products). Each change is
one undoable edit; a bad value is refused at the field."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
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
from taperdesk.ui.plan_fields import (
    CrossoverFields,
    TaperFields,
    add_stacked_row,
    fill_product_sets,
    row_label,
    show_row,
)
from taperdesk.ui.products_dialog import ProductsDialog
from taperdesk.ui.screen_fit import VerticalScroll
from taperdesk.ui.session import Session
from taperdesk.ui.translation import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from taperdesk.ui.new_plan import NewPlanDialog

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
        self._pending_then: str | None = None
        """A diazepam taper chosen whose default values the model refused (a fixed cut the
        diazepam products cannot make): its fields stay shown for the clinician's values."""
        self._pending_for: Plan | None = None
        # The fields scroll: a cross-over's extra rows must not squeeze the docks at 768 px.
        scroll = VerticalScroll(self._crossover_rows_px)
        inner = QWidget()
        form = QFormLayout(inner)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.fields_area = scroll
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
        self.taper = TaperFields()
        self.percent, self.step_mg, self.every = (self.taper.percent, self.taper.step_mg,
                                                  self.taper.every)
        self.percent.setToolTip(
            translate("PlanForm", "Percent cut at each step (ASAM 2025 default 5–10 %)")
        )
        self.every.setToolTip(
            translate("PlanForm", "Days between cuts (ASAM 2025: every 2–4 weeks)")
        )
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
        # A protocol's name is long ("Cross-over to diazepam (Ashton)"): in the narrow dock
        # its label goes above it, so the box has the dock's whole width.
        add_stacked_row(form, translate("PlanForm", "Protocol"), self.protocol)
        self.crossover = CrossoverFields(session.catalogue)
        self.crossover.add_rows(form, stacked=True)
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
        self.crossover.equivalence.activated.connect(self._protocol_changed)
        self.crossover.swap_days.editingFinished.connect(self._protocol_changed)
        self.crossover.then.activated.connect(self._protocol_changed)
        self.crossover.products.activated.connect(self._diazepam_products_changed)
        self.create_button.clicked.connect(self.new_plan_dialog)
        session.plan_changed.connect(self._on_plan_changed)
        session.patient_changed.connect(self._on_plan_changed)
        self._on_plan_changed()

    # -- showing ----------------------------------------------------------

    def _crossover_rows_px(self) -> int:
        """The height of a cross-over's own rows when shown: they may scroll, so the dock
        asks for no more room than a single-drug plan's fields."""
        x, form = self.crossover, self._form
        spacing = max(form.verticalSpacing(), 0)
        px = 0
        for field in (x.equivalence, x.swap_days, x.then, x.products):
            if not field.isVisibleTo(self):
                continue
            px += field.sizeHint().height() + spacing
            above = row_label(form, field) if form.labelForField(field) is None else None
            if above is not None:  # a label on a row of its own
                px += above.sizeHint().height() + spacing
        return px

    def _fill_products(self, drug_id: str, current: tuple[str, ...]) -> None:
        fill_product_sets(self.products, self._session.catalogue.drug(drug_id), current)

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
        show_row(self._form, self.which, len(records) > 1)

    def _which_changed(self) -> None:
        plan_id = self.which.currentData()
        record = self._session.record
        if plan_id is not None and (record is None or record.id != plan_id):
            self._session.open_plan(int(plan_id))

    def _blank(self) -> None:
        """No plan: empty fields, not the previous patient's plan greyed out (issue 13)."""
        self._shown = None
        self._loading = True
        x = self.crossover
        for box in (self.drug, self.split, self.protocol, x.equivalence, x.then, x.products):
            box.setCurrentIndex(-1)
        self.products.clear()
        x.set_shown(self._form, False)
        for line in (self.dose, self.percent, self.step_mg):
            line.clear()
        self.start.setSpecialValueText(" ")
        self.start.setDate(self.start.minimumDate())
        for spin in (self.every, x.swap_days):
            spin.setSpecialValueText(" ")
            spin.setValue(spin.minimum())
        self._loading = False

    def _on_plan_changed(self) -> None:
        self._list_plans()
        plan = self._session.plan
        has_patient = self._session.patient is not None
        x = self.crossover
        for w in (self.drug, self.products, self.dose, self.split, self.start, self.protocol,
                  self.percent, self.every, self.step_mg, x.equivalence, x.swap_days, x.then,
                  x.products):
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
        x.swap_days.setSpecialValueText("")
        self.drug.setCurrentIndex(self.drug.findData(plan.drug))
        self._fill_products(plan.drug, plan.products)
        self.dose.setText(format_mg(plan.start_ug))
        self.split.setCurrentIndex(self.split.findData(plan.split))
        self.start.setDate(to_qdate(plan.start))
        p = plan.protocol
        self.protocol.setCurrentIndex(self.protocol.findData(p.id))
        substitutes = p.info.substitutes
        x.set_shown(self._form, substitutes)
        shown_taper = p.then if substitutes else p
        if self._pending_for is not plan:
            self._pending_then = None
        if substitutes:
            x.show(p)
            if self._pending_then is not None:  # the taper chosen, its defaults refused
                x.then.setCurrentIndex(x.then.findData(self._pending_then))
                shown_taper = PROTOCOLS[self._pending_then].default
        self.taper.show(self._form, shown_taper)
        self.source.setText(
            translate("PlanForm", "{0}\nSource: {1}").format(protocol_rule(p.info), p.info.source)
            + ("\n" + x.sources_text(p) if substitutes else "")
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
        info = (plan.protocol.then or plan.protocol).info  # a cross-over: its diazepam taper
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
        self._apply(text, update_plan, **fields)

    def _apply(self, text: str, op: Callable[..., Plan], *args: object,
               **fields: object) -> bool:
        """One undoable edit through the Session; a refusal is shown under the fields."""
        self.error.clear()
        self._session.error.connect(self._remember)
        try:
            ok = self._session.apply(text, op, *args, **fields)
        finally:
            self._session.error.disconnect(self._remember)
        if not ok:
            self._show(self._last_error)
        return ok

    def _remember(self, message: str) -> None:
        self._last_error = message

    def _diazepam_products_changed(self) -> None:
        """A diazepam product set, or "Choose products…" to tick them one by one."""
        if self._session.plan is None or self._loading:
            return
        if self.crossover.pick_products(self):
            self._protocol_changed()

    def _protocol_changed(self) -> None:
        plan = self._session.plan
        if self._loading or plan is None:
            return
        old_then = plan.protocol.then.id if plan.protocol.then else None
        then_pid = self.crossover.then_pid() if plan.protocol.then else None
        if self._pending_then and then_pid == old_then:  # back to the plan's own taper
            self._pending_then = None
            self._show("")
            return
        try:
            protocol = self._protocol_from_fields(plan)
        except (PlanError, DoseError, ArithmeticError) as exc:
            self._show(str(exc) or translate("PlanForm", "That value is not a number."))
            return
        if protocol == plan.protocol:
            return
        switched = self.protocol.currentData() == plan.protocol.id and then_pid != old_then
        if switched:  # a refused taper waits for its values in its own fields
            self._pending_then, self._pending_for = then_pid, plan
        if self._apply(translate("PlanForm", "Protocol: {0}").format(protocol.describe()),
                       set_protocol, protocol):
            self._pending_then = None

    def _protocol_from_fields(self, plan: Plan) -> Protocol:
        """The protocol the fields describe. Another protocol than the plan's starts from its
        own defaults; a cross-over's new diazepam taper too."""
        pid = self.protocol.currentData()
        if pid == ProtocolId.CUSTOM:
            return self._custom_from(plan)
        if pid != plan.protocol.id:
            return make_protocol(pid)
        if not plan.protocol.info.substitutes:
            return self.taper.read(pid)
        then_pid, old = self.crossover.then_pid(), plan.protocol.then
        if old is not None and old.id == then_pid == ProtocolId.CUSTOM:
            return self.crossover.wrap(old)  # its steps, as typed or dragged
        typed = then_pid in ((old.id if old else None), self._pending_then)
        return self.crossover.wrap(self.taper.read(then_pid) if typed else make_protocol(then_pid))

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
        # when first used: not part of the start
        from taperdesk.ui.new_plan import NewPlanDialog

        dialog = NewPlanDialog(self._session.catalogue, next_monday(date.today()), self,
                               like=self._session.plan)
        return dialogs.run(dialog) and self.create_plan(dialog)

    def create_plan(self, dialog: NewPlanDialog) -> bool:
        """Save the accepted dialog's plan as the patient's new active plan."""
        plan = dialog.plan()
        return plan is not None and self._session.create_plan(plan)
