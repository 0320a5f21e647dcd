"""`taperdesk handout --language` and the plan file's patient.language, as real commands."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pdftext import flat, page_texts
from test_cli_handout import BASE, taperdesk

from taperdesk.model import Plan, make_protocol
from taperdesk.model.catalogue import shipped_catalogue
from taperdesk.store.planfile import PlanDocument, read_plan_file, write_plan_file


def test_language_es_writes_a_spanish_handout(tmp_path: Path) -> None:
    out = tmp_path / "es.pdf"
    r = taperdesk("handout", *BASE, "--language", "es", "-o", str(out))
    assert r.returncode == 0, r.stderr
    text = flat(" ".join(page_texts(out.read_bytes())))
    assert "Su calendario de dosis: enero de 2027" in text and "Your" not in text


def test_an_unknown_language_is_one_line_exit_2_nothing_written(tmp_path: Path) -> None:
    out = tmp_path / "xx.pdf"
    r = taperdesk("handout", *BASE, "--language", "xx", "-o", str(out))
    assert r.returncode == 2
    assert r.stderr.strip().count("\n") == 0 and "'xx'" in r.stderr and "es" in r.stderr
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_plan_file_language_is_used_and_language_overrides(tmp_path: Path) -> None:
    plan = Plan("clonazepam", ("clonazepam-tab-0.5-us",), 1000, "night", date(2027, 3, 1),
                make_protocol("nardi"))
    src = tmp_path / "p.taper.json"
    write_plan_file(src, PlanDocument(plan, "Ana García", language="es"))
    assert read_plan_file(src, shipped_catalogue()).language == "es"
    es, en = tmp_path / "es.pdf", tmp_path / "en.pdf"
    assert taperdesk("handout", "--from", str(src), "-o", str(es)).returncode == 0
    r = taperdesk("handout", "--from", str(src), "--language", "en", "-o", str(en))
    assert r.returncode == 0, r.stderr
    assert "Su plan de clonazepam" in flat(page_texts(es.read_bytes())[0])
    assert "Your clonazepam plan" in flat(page_texts(en.read_bytes())[0])


def test_a_plan_file_with_an_unknown_language_is_refused(tmp_path: Path) -> None:
    src = tmp_path / "p.taper.json"
    plan = Plan("clonazepam", ("clonazepam-tab-0.5-us",), 1000, "night", date(2027, 3, 1),
                make_protocol("nardi"))
    write_plan_file(src, PlanDocument(plan, "X", language="es"))
    src.write_text(src.read_text(encoding="utf-8").replace('"es"', '"xx"'), encoding="utf-8")
    out = tmp_path / "h.pdf"
    r = taperdesk("handout", "--from", str(src), "-o", str(out))
    assert r.returncode == 2 and "patient.language" in r.stderr and not out.exists()
