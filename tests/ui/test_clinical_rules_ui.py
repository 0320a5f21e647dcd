"""Issue 11 in the window: a severe warning (a dose above the maximum) is red and first in
Checks, and no handout is made until it is acknowledged there with a reason (rule 6);
the New plan dialog offers the Vissers protocol (rule 5)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtGui import QColor

from taperdesk.model import Plan, make_protocol
from taperdesk.store import Store
from taperdesk.ui import handout_actions
from taperdesk.ui.checks import ChecksPanel
from taperdesk.ui.session import Session
from taperdesk.ui.theme import severity_colour

US = ("clonazepam-tab-0.5-us", "clonazepam-tab-1-us", "clonazepam-tab-2-us")


def test_severe_is_red_first_and_gates_every_handout(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = Store.open(tmp_path / "records.sqlite3")
    patient = store.add_patient("Sev Example")
    store.create_plan(patient.id, Plan("clonazepam", US, 45_000, "night", date(2027, 1, 4),
                                       make_protocol("nardi")))
    session = Session(store, store.catalogue)
    session.open_patient(patient.id)
    panel = ChecksPanel(session)
    qtbot.addWidget(panel)
    first = panel.list.item(0)
    assert first.text().startswith("SEVERE: Above the maximum daily dose")
    assert first.foreground().color() == QColor(severity_colour("severe")) and first.font().bold()
    errors: list[str] = []
    session.error.connect(errors.append)
    for kind in ("patient", "clinician", "pharmacy"):
        assert handout_actions.handout_pdf(session, kind) is None
    assert len(errors) == 3 and "Acknowledge it in Checks first" in errors[0]
    assert "Above the maximum daily dose" in errors[0]
    assert panel.acknowledge(0, "epilepsy specialist's plan, letter of 3 May")
    pdf = handout_actions.handout_pdf(session, "clinician")
    assert pdf is not None and pdf.startswith(b"%PDF")
    assert len(errors) == 3
    store.close()


def test_the_new_plan_dialog_offers_vissers_with_its_source(qtbot) -> None:  # type: ignore[no-untyped-def]
    from taperdesk.model.catalogue import shipped_catalogue
    from taperdesk.ui.new_plan import NewPlanDialog

    dialog = NewPlanDialog(shipped_catalogue(), date(2027, 1, 4))
    qtbot.addWidget(dialog)
    dialog.protocol.setCurrentIndex(dialog.protocol.findData("vissers"))
    assert "Vissers 2007, as tabulated by Pottie et al. 2018" in dialog.source.text()
    assert not dialog.percent.isVisibleTo(dialog) and not dialog.every.isVisibleTo(dialog)
    dialog.dose.setText("2")
    assert dialog.problem() == ""
    plan = dialog.plan()
    assert plan is not None and plan.protocol.id == "vissers"
