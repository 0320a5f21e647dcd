"""File ▸ Export to calendar… and Export FHIR… in the window: the menu actions, through
the save dialog, write files that read back as the open plan."""

from __future__ import annotations

from pathlib import Path

from fhir.resources.R4B.bundle import Bundle
from icalendar import Calendar
from PySide6.QtWidgets import QFileDialog

from taperdesk.model import compute
from taperdesk.ui.action_registry import Act


def _answer_save(monkeypatch, path: Path | str, asked: list[str]) -> None:  # type: ignore[no-untyped-def]
    def save(parent, title, name, filter_, *a, **k):  # type: ignore[no-untyped-def]
        asked.append(title)
        return str(path), filter_

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)


def _file_menu(window):  # type: ignore[no-untyped-def]
    [menu] = [m.menu() for m in window.menuBar().actions() if m.text().replace("&", "") == "File"]
    return menu.actions()


def test_export_to_calendar_from_the_file_menu(window, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    out, asked = tmp_path / "phone.ics", []
    _answer_save(monkeypatch, out, asked)
    messages: list[str] = []
    window.session.message.connect(messages.append)
    action = window.registry[Act.EXPORT_CALENDAR]
    assert action in _file_menu(window) and action.text() == "Export to &calendar…"
    action.trigger()
    assert asked == ["Export to calendar"]
    schedule = compute(window.session.record.plan, window.session.catalogue)
    evs = list(Calendar.from_ical(out.read_bytes()).walk("VEVENT"))
    starts = [e.decoded("dtstart") for e in evs]
    assert starts[0] == schedule.steps[0].start and starts[-1] == schedule.stop_date
    assert all(e.walk("VALARM") for e in evs)
    assert messages[-1] == f"Exported the plan as a calendar to {out}"
    # The dialog asked before replacing: exporting again over the file is allowed.
    action.trigger()
    assert [str(e["uid"]) for e in Calendar.from_ical(out.read_bytes()).walk("VEVENT")] == \
        [str(e["uid"]) for e in evs]


def test_export_fhir_from_the_file_menu(window, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    out, asked = tmp_path / "ehr.fhir.json", []
    _answer_save(monkeypatch, out, asked)
    action = window.registry[Act.EXPORT_FHIR]
    assert action in _file_menu(window)
    action.trigger()
    assert asked == ["Export FHIR"]
    s = window.session
    schedule = compute(s.record.plan, s.catalogue)
    bundle = Bundle.model_validate_json(out.read_bytes())
    pat, req = (e.resource for e in bundle.entry)
    assert pat.name[0].text == s.patient.name
    periods = sorted({(d.sequence, d.timing.repeat.boundsPeriod.start,
                       d.timing.repeat.boundsPeriod.end) for d in req.dosageInstruction})
    assert periods == [(st.row + 1, st.start, st.end) for st in schedule.steps]


def test_cancel_writes_nothing_and_no_plan_is_refused(window, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                       monkeypatch) -> None:
    _answer_save(monkeypatch, "", [])
    assert window.files.export_calendar() is None
    assert list(tmp_path.glob("*.ics")) == []
    errors: list[str] = []
    window.session.error.connect(errors.append)
    window.session.record = None
    assert window.files.export_fhir(tmp_path / "x.fhir.json") is None
    assert errors == ["Open a plan first."] and not (tmp_path / "x.fhir.json").exists()
    missing = tmp_path / "no-such-folder" / "x.ics"
    window.session.open_patient(window.session.store.search_patients("")[0].id)
    assert window.files.export_calendar(missing) is None
    assert errors[-1].startswith("Could not export:") and not missing.exists()
