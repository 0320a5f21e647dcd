"""Help ▸ About names the LGPL of the Qt libraries and where their source is; the bundle
recipe ships the notice and the licence texts it points at."""

from __future__ import annotations

import ast
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from taperdesk.ui.about import NOTICE_FILE, about_box, about_text, licence_folder

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "taperdesk.spec"


def test_about_box_names_the_lgpl_and_the_source(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    box = about_box(None, str(tmp_path / "records.sqlite3"))
    qtbot.addWidget(box)
    text = box.text()
    assert text == about_text(str(tmp_path / "records.sqlite3"))
    assert "GNU Lesser General Public License version 3" in text and "LGPLv3" in text
    assert "https://download.qt.io/official_releases/qt/" in text
    assert "https://download.qt.io/official_releases/QtForPython/" in text
    assert str(licence_folder() / NOTICE_FILE) in text
    assert str(tmp_path / "records.sqlite3") in text
    assert box.standardButtons() == QMessageBox.StandardButton.Close


def test_the_notice_and_licence_texts_exist_and_the_spec_bundles_them() -> None:
    folder = licence_folder()
    notice = (folder / NOTICE_FILE).read_text(encoding="utf-8")
    assert "LGPLv3" in notice and "https://code.qt.io/cgit/pyside/pyside-setup.git/" in notice
    lgpl = (folder / "LGPL-3.0.txt").read_text(encoding="utf-8")
    assert lgpl.lstrip().startswith("GNU LESSER GENERAL PUBLIC LICENSE")
    gpl = (folder / "GPL-3.0.txt").read_text(encoding="utf-8")
    assert gpl.lstrip().startswith("GNU GENERAL PUBLIC LICENSE")
    # The recipe lists the three files, into the bundle's licenses/ folder, in DATAS,
    # which both programs' analyses take.
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    listed = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)
              and isinstance(n.value, str)]
    for name in (NOTICE_FILE, "LGPL-3.0.txt", "GPL-3.0.txt", "licenses"):
        assert name in listed, name
    assert "DATAS += LICENCES" in SPEC.read_text(encoding="utf-8")
