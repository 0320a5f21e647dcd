"""The window in Spanish through Qt Linguist: the .qm built by make from the committed
.ts (built here too, so the test does not depend on an earlier make), loaded by a
QTranslator chosen by the "language" setting; every entry of the .ts translated, and the
window shown in Spanish with no English word in its menus, labels, buttons and headers."""

from __future__ import annotations

import re
import runpy
import subprocess
import sys
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTranslator
from PySide6.QtWidgets import QAbstractButton, QDockWidget, QLabel, QMenu, QTableView
from windowing import open_window

from taperdesk.model.appointments import Appointment, DoseChange, Kind
from taperdesk.model.guardrails import RULES
from taperdesk.model.plan import SPLITS, TIME_LABELS
from taperdesk.model.protocols import PROTOCOLS
from taperdesk.model.scales import shipped_scales
from taperdesk.model.today import TEMPLATES, Reason, TodayItem
from taperdesk.resources import resource
from taperdesk.store import Permission, Role, User
from taperdesk.ui import model_texts, today_words, user_texts
from taperdesk.ui.translation import (
    LANGUAGE,
    install_translator,
    remove_translator,
    translate,
    ui_date,
    window_language,
)

TS = Path(str(resource("translations/taperdesk_es.ts")))
ROOT = Path(__file__).resolve().parents[2]
ENGLISH = frozenset("""
the and of to with for from by at on in is are not no this that your you it
file edit view help new print save export import settings quit undo redo open close
patient patients dose doses step steps hold holds warning warnings checks symptoms
symptom date scale note source days day start end kind rationale search show archived
choose products product drug every cut split daily today morning midday bedtime
band red flags flag add remove insert back preview handout sheet summary clinician
pharmacy records record acknowledge details archive plans chart fit whole about sources
calendar selected week weeks name birth clinic phone next appointment language paper
""".split())
"""Common English words of the window; none may appear once it speaks Spanish (Spanish
words spelt alike, "plan", "total", "nota"…, are left out)."""


def build_qm() -> Path:
    qm = TS.with_suffix(".qm")
    # make builds it; build it here when the test runs alone or the .qm is older than the .ts
    if not qm.is_file() or qm.stat().st_mtime < TS.stat().st_mtime:
        lrelease = Path(sys.executable).with_name("pyside6-lrelease")
        subprocess.run([str(lrelease), "-silent", str(TS), "-qm", str(qm)], check=True)
    return qm


@pytest.fixture
def spanish(qapp, tmp_path: Path):  # type: ignore[no-untyped-def]
    build_qm()
    settings = QSettings(str(tmp_path / "lang.ini"), QSettings.Format.IniFormat)
    settings.setValue(LANGUAGE, "es")
    assert window_language(settings) == "es"
    translator = install_translator(qapp, window_language(settings))
    assert isinstance(translator, QTranslator)
    yield translator
    remove_translator(qapp, translator)
    assert QCoreApplication.translate("Actions", "&Quit") == "&Quit"  # English again


def test_every_entry_of_the_spanish_ts_is_translated() -> None:
    tool = runpy.run_path(str(ROOT / "packaging" / "untranslated.py"))
    assert tool["untranslated"](TS) == []
    text = TS.read_text("utf-8")
    assert text.count("<message>") > 400  # the whole window, not the menus alone
    assert 'type="unfinished"' not in text


def test_the_ts_is_up_to_date_with_the_window_code(tmp_path: Path) -> None:
    """pyside6-lupdate over taperdesk/ui finds no text the committed .ts lacks."""
    fresh = tmp_path / "fresh.ts"
    fresh.write_text(TS.read_text("utf-8"), "utf-8")
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    files = sorted(str(p) for p in (ROOT / "taperdesk" / "ui").glob("*.py"))
    out = subprocess.run([str(lupdate), *files, "-no-obsolete", "-ts", str(fresh)],
                         check=True, capture_output=True, text=True).stdout
    assert re.search(r"\(0 new and \d+ already existing\)", out), out
    assert "Removed" not in out, out


def test_every_model_label_the_window_shows_is_marked() -> None:
    assert set(model_texts.TITLES) == set(RULES)
    assert set(model_texts.TIMES) == set(TIME_LABELS)
    assert set(model_texts.SPLIT_TEXTS) == set(SPLITS)
    assert set(model_texts.PROTOCOL_NAMES) == {str(p) for p in PROTOCOLS}
    for info in PROTOCOLS.values():  # the marked rule is the model's, word for word
        assert model_texts.PROTOCOL_RULES[str(info.id)] == info.rule
        assert model_texts.protocol_name(info) == info.name
    assert [model_texts.time_label(t) for t in TIME_LABELS] == list(TIME_LABELS.values())
    assert set(model_texts.REASONS) == {r.value for r in Reason}
    assert set(user_texts.ROLES) == {r.value for r in Role}
    assert set(user_texts.RIGHTS) == {p.value for p in Permission}
    assert today_words.MARKED == TEMPLATES  # the model's templates, each marked
    assert [today_words.detail(i) for i in TODAY_ITEMS] == [i.detail for i in TODAY_ITEMS]
    assert {i.reason for i in TODAY_ITEMS} == set(Reason)  # every reason, word for word
    assert [today_words.kind_label(k) for k in Kind] == [k.label for k in Kind]
    nurse = User(7, "Nia", Role.NURSE, False, False, datetime(2026, 12, 1, tzinfo=UTC))
    admin = User(8, "Dr Ada Lee", Role.PRESCRIBER, True, False, nurse.created)
    for who in (nurse, admin):  # English as the records say it
        assert user_texts.user_label(who) == who.label
        assert [user_texts.refusal(who, p) for p in Permission] == \
            [who.refusal(p) for p in Permission]
    shipped = {b.label for sc in shipped_scales().values() for b in sc.bands}
    assert shipped <= set(model_texts.BANDS), shipped - set(model_texts.BANDS)
    assert [model_texts.band_label(b) for b in sorted(shipped)] == sorted(shipped)
    assert [model_texts.reason_label(r) for r in Reason] == [r.label for r in Reason]


DAY = date(2027, 1, 4)
_CUT = DoseChange(date(2027, 1, 7), 500, 250)
TODAY_ITEMS = [TodayItem(1, "A", "", reason, DAY, facts) for reason, facts in (
    (Reason.RED_FLAG, ("Chest pain", DAY)),
    (Reason.HOLD_DECISION, ("CIWA-B rose",)),
    (Reason.APPOINTMENT, (Appointment(DAY, time(9, 30), Kind.VISIT, "fasting"),)),
    (Reason.APPOINTMENT, (Appointment(DAY, None, Kind.PHONE),)),
    (Reason.NO_PLAN, ()),
    (Reason.PLAN_ENDS, (DoseChange(DAY, 250, 0),)),
    (Reason.STEP_CHANGE, (_CUT, DAY)),
    (Reason.STEP_CHANGE, (_CUT, date(2027, 1, 6))),
    (Reason.STEP_CHANGE, (_CUT, date(2027, 1, 7))),
    (Reason.CHECK_IN, (_CUT, 2)),
    (Reason.ASSESSMENT_DUE, (date(2026, 12, 20),)),
    (Reason.ASSESSMENT_DUE, (None,)),
)]
"""One item of each kind of detail, made as model/today.py makes them."""


def texts_of(w) -> list[str]:  # type: ignore[no-untyped-def]
    """What the window says in its chrome: menus and their actions, toolbar, docks,
    labels, buttons, table headers and the checks list (not the records' own data)."""
    out: list[str] = []

    def menu(m: QMenu) -> None:
        out.append(m.title())
        for a in m.actions():
            out.extend([a.text(), a.toolTip()])
            if a.menu() is not None:
                menu(a.menu())

    for a in w.menuBar().actions():
        menu(a.menu())
    out += [d.windowTitle() for d in w.findChildren(QDockWidget)]
    out += [lb.text() for lb in w.findChildren(QLabel) if lb.isVisible()]
    out += [b.text() for b in w.findChildren(QAbstractButton) if b.isVisible()]
    out += [b.toolTip() for b in w.findChildren(QAbstractButton) if b.isVisible()]
    for view in w.findChildren(QTableView):
        m = view.model()
        out += [str(m.headerData(c, Qt.Orientation.Horizontal)) for c in range(m.columnCount())]
    out += [w.checks.list.item(i).text().split(": ")[0] for i in range(w.checks.list.count())]
    return [t for t in out if t]


def english_words(texts: list[str], allowed: set[str]) -> list[str]:
    """The English words of ``texts``; a source's citation ("Fuente: Nardi AE et al., J Clin
    Psychopharmacol…", to its line's end) stays as published and is not looked at."""
    found = []
    for t in texts:
        plain = re.sub(r"<[^>]+>|&(?:nbsp|amp);|&|Fuente: [^\n]*", " ", t)
        for word in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)?", plain):
            if word.lower() in ENGLISH and word not in allowed:
                found.append(f"{word!r} in {t!r}")
    return found


def test_the_window_shown_in_spanish_has_no_english_menu_or_label(  # type: ignore[no-untyped-def]
    qtbot, spanish, db: Path, tmp_path: Path
) -> None:
    w = open_window(qtbot, db, tmp_path / "settings.ini")
    try:
        titles = [a.text() for a in w.menuBar().actions()]
        assert titles[:4] == ["&Archivo", "&Editar", "&Ver", "A&yuda"]
        from taperdesk.ui.action_registry import Act
        assert w.registry[Act.NEW_PATIENT].text() == "&Nuevo paciente…"
        texts = texts_of(w)
        assert len(texts) > 60
        names = {w.session.patient.name} if w.session.patient else set()
        allowed = {word for n in names for word in n.split()} | {"TaperDesk", "PDF", "FHIR"}
        found = english_words(texts, allowed)
        assert found == [], "\n".join(found)
        assert "Pacientes" in texts and "Comprobaciones" in texts
        header = w.steps.model.headerData(0, Qt.Orientation.Horizontal)
        assert header == "Inicio"
        today = [w.today.model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)]
        assert today == ["Motivo", "Paciente", "Detalle"]
        assert model_texts.reason_label(Reason.STEP_CHANGE) == "Cambio de dosis"
        assert w.session.update_patient("born", born=date(1958, 3, 12)).ok
        label = w.patients.labels()[0]
        assert "nacido/a el 12 mar 1958" in label, label  # Spanish months, not strftime's
        spanish = [today_words.detail(i) for i in TODAY_ITEMS]
        assert "0.5 → 0.25 mg/día en 3 días (jue 07 ene)" in spanish, spanish
        found = english_words(spanish, {"Chest", "pain", "CIWA", "B", "rose"})
        assert found == [], found
        assert today_words.kind_label(Kind.PHONE) == "Control telefónico"
        nurse = User(7, "Nia", Role.NURSE, False, False, datetime(2026, 12, 1, tzinfo=UTC))
        assert user_texts.refusal(nurse, Permission.PLANS) == \
            "Nia (enfermería) no puede cambiar planes."
        assert user_texts.user_label(User(8, "Ada", Role.PRESCRIBER, True, False,
                                          nurse.created)) == "Ada (prescripción, administración)"
        bands = [lb.toPlainText() for _r, lb in w.chart.score_layer.bands if lb.isVisible()]
        assert "moderado" in bands and "moderate" not in bands, bands
        band_column = [w.symptoms.model.data(w.symptoms.model.index(r, 3))
                       for r in range(w.symptoms.model.rowCount())]
        assert band_column and not {"mild", "moderate", "severe"} & set(band_column)
        assert ui_date(date(2027, 1, 4), "%a %d %b %Y") == "lun 04 ene 2027"
        assert translate("Window", "Insert a {0}-day hold on {1:%d %b %Y}").format(
            7, date(2027, 1, 4)) == "Insertar una pausa de 7 días el 04 ene 2027"
    finally:
        w.close()
        w.session.store.close()


def test_english_needs_no_translator(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "lang.ini"), QSettings.Format.IniFormat)
    settings.setValue(LANGUAGE, "en")
    assert window_language(settings) == "en" and install_translator(qapp, "en") is None
    remove_translator(qapp, None)
    assert ui_date(date(2027, 1, 4), "%a %d %b %Y") == "Mon 04 Jan 2027"


def test_the_settings_dialog_chooses_the_window_language(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """File ▸ Settings ▸ Window language: kept in this PC's QSettings (not the records
    file), then the window's language from the next start; "As the system" clears it."""
    from standalone import answer_dialogs

    from taperdesk.ui.action_registry import Act

    def choose(code: str):  # type: ignore[no-untyped-def]
        def fill(d) -> bool:  # type: ignore[no-untyped-def]
            assert [d.language.itemData(i) for i in range(d.language.count())] == ["", "en", "es"]
            d.language.setCurrentIndex(d.language.findData(code))
            d.accept()
            return bool(d.result())
        return fill

    answer_dialogs(monkeypatch, choose("es"))
    window.registry[Act.SETTINGS].trigger()
    assert window.settings.value(LANGUAGE) == "es" and window_language(window.settings) == "es"
    assert window.session.store.setting(LANGUAGE) == ""  # not a clinic-wide setting
    answer_dialogs(monkeypatch, choose(""))
    window.registry[Act.SETTINGS].trigger()
    assert window.settings.value(LANGUAGE) == ""
    assert window_language(window.settings) in ("en", "es")  # the system's, else English
