"""A patient's handout language: stored, checked against the shipped languages, logged."""

from __future__ import annotations

from pathlib import Path

import pytest

from taperdesk.store import Store, StoreError


def test_language_defaults_to_english_and_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "r.sqlite3"
    with Store.open(path) as s:
        ana = s.add_patient("Ana García", language="es")
        bo = s.add_patient("Bo Lee")
        assert (ana.language, bo.language) == ("es", "en")
        s.update_patient(bo.id, language="es")
    with Store.open(path, create=False) as s:
        assert s.patient(bo.id).language == "es" and s.patient(ana.id).language == "es"
        assert any(c.what == "Handout language set to Español" for c in s.changes())


def test_an_unknown_language_is_refused_and_changes_nothing(tmp_path: Path) -> None:
    with Store.open(tmp_path / "r.sqlite3") as s:
        with pytest.raises(StoreError, match="one of en, es, not 'xx'"):
            s.add_patient("X", language="xx")
        bo = s.add_patient("Bo Lee")
        before = len(s.changes())
        with pytest.raises(StoreError, match="not 'fr'"):
            s.update_patient(bo.id, language="fr")
        assert s.patient(bo.id).language == "en" and len(s.changes()) == before
        assert [p.name for p in s.search_patients("")] == ["Bo Lee"]
