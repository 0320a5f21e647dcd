"""`taperdesk-gui` as a user starts it: --db, --demo-if-empty, the last patient reopened, and a
records file that cannot be opened explained (never a traceback), offscreen."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

from accounts import PASSWORD, TESTER, open_signed
from PySide6.QtCore import QSettings, QTimer

from taperdesk.app import main, open_last_patient
from taperdesk.paths import RECORDS_FILE
from taperdesk.store import Store
from taperdesk.ui.session import Session
from taperdesk.ui.settings import last_patient, last_patient_key, remember_patient
from taperdesk.ui.window import MainWindow

START = "import sys; from taperdesk.app import main; sys.exit(main())"


def gui(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(home),
           "XDG_DATA_HOME": str(home / "data"), "XDG_CONFIG_HOME": str(home / "config")}
    return subprocess.run([sys.executable, "-c", START, *args, "--bench-ready"],
                          capture_output=True, text=True, env=env, timeout=120)


def test_first_start_loads_the_demo_once_and_shows_its_plan(tmp_path: Path) -> None:
    db = tmp_path / "records.sqlite3"
    first = gui("--db", str(db), "--demo-if-empty", home=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "steps=6 patient=Demo Patient (example)" in first.stdout
    again = gui("--db", str(db), "--demo-if-empty", home=tmp_path)
    assert again.returncode == 0, again.stderr
    with Store.open(db) as s:
        assert [p.name for p in s.search_patients("")] == ["Demo Patient (example)"]


def test_the_last_patient_opens_again_per_records_file(tmp_path: Path) -> None:
    db, other = tmp_path / "records.sqlite3", tmp_path / "other.sqlite3"
    with Store.open(db) as s:
        s.add_patient("Ann Other")
        second = s.add_patient("Bo Last")
    conf = tmp_path / "config" / "TaperDesk" / "TaperDesk.conf"
    settings = QSettings(str(conf), QSettings.Format.IniFormat)
    remember_patient(settings, db, second.id)
    settings.sync()
    assert last_patient_key(db) != last_patient_key(other)
    assert last_patient(settings, db) == second.id and last_patient(settings, other) is None
    r = gui("--db", str(db), home=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "patient=Bo Last" in r.stdout
    with Store.open(other) as s:  # another records file: its own last patient, not patient 2
        s.add_patient("Cy First")
        s.add_patient("Di Second")
    r = gui("--db", str(other), home=tmp_path)
    assert r.returncode == 0 and "patient=Cy First" in r.stdout, r.stdout


def test_without_db_the_records_file_chosen_in_the_settings_opens(tmp_path: Path) -> None:
    # The start reads this setting before Qt's widgets load (to start the file's quick
    # check at once): it must be the same settings file the window writes.
    db = tmp_path / "chosen.sqlite3"
    with Store.open(db) as s:
        s.add_patient("Cy Chosen")
    conf = tmp_path / "config" / "TaperDesk" / "TaperDesk.conf"
    settings = QSettings(str(conf), QSettings.Format.IniFormat)
    settings.setValue(RECORDS_FILE, str(db))
    settings.sync()
    r = gui(home=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "patient=Cy Chosen" in r.stdout
    assert not (tmp_path / "data" / "TaperDesk").exists()  # the default file was not made


def test_a_last_patient_gone_is_quietly_ignored(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A remembered patient no longer in the records: the first patient, and no error."""
    db = tmp_path / "records.sqlite3"
    with Store.open(db) as s:
        s.add_patient("Ann Other")
    ini = tmp_path / "settings.ini"
    remember_patient(QSettings(str(ini), QSettings.Format.IniFormat), db, 999)
    store = Store.open(db)
    session = Session(store, store.catalogue)
    errors: list[str] = []
    session.error.connect(errors.append)
    window = MainWindow(session, QSettings(str(ini), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    assert open_last_patient(session, window.settings) == "Ann Other"
    assert errors == [] and window.statusBar().currentMessage() == ""
    window.close()
    store.close()


def test_a_file_that_is_not_records_is_refused_unchanged(tmp_path: Path) -> None:
    bad = tmp_path / "notes.sqlite3"
    bad.write_bytes(b"shopping list: milk, eggs")
    r = gui("--db", str(bad), home=tmp_path)
    assert r.returncode == 2
    assert r.stderr.startswith("error: ") and "Traceback" not in r.stderr
    assert bad.read_bytes() == b"shopping list: milk, eggs"


def test_damaged_records_are_refused_unchanged(tmp_path: Path) -> None:
    """The quick check runs in a thread while the window loads; its finding still stops
    the program before it writes anything."""
    db = tmp_path / "records.sqlite3"
    with Store.open(db) as s:
        for i in range(40):
            s.add_patient(f"Patient {i:02d} with a name long enough to fill pages")
    data = bytearray(db.read_bytes())
    data[4096 * 2 + 8:4096 * 2 + 308] = bytes((i * 37 + 11) % 256 for i in range(300))
    db.write_bytes(bytes(data))
    r = gui("--db", str(db), home=tmp_path)
    assert r.returncode == 2, r.stdout
    assert r.stderr.startswith("error: ") and "damaged" in r.stderr
    assert "Traceback" not in r.stderr
    assert db.read_bytes() == bytes(data)
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["records.sqlite3"]


def test_the_message_offers_another_file(qapp, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "config"))
    bad = tmp_path / "notes.sqlite3"
    bad.write_bytes(b"not records")
    good = tmp_path / "other" / "records.sqlite3"
    asked: list[tuple[str, Path]] = []

    def ask(reason: str, path: Path) -> Path | None:
        asked.append((reason, path))
        return good if len(asked) == 1 else None

    assert main(["--db", str(bad), "--demo-if-empty", "--bench-ready"], ask=ask) == 0
    assert len(asked) == 1 and asked[0][1] == bad and str(bad) in asked[0][0]
    assert "patient=Demo Patient (example)" in capsys.readouterr().out
    assert good.exists() and bad.read_bytes() == b"not records"
    asked.clear()
    assert main(["--db", str(bad), "--bench-ready"], ask=lambda r, p: None) == 2
    assert gc.isenabled()  # collection is off only while the window is built


def test_collection_is_back_on_once_the_window_runs(qapp, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Start-up runs without the cyclic collector; once the event loop runs, start-up's
    garbage is collected, what it built is kept out of later collections, and collection
    is on again. A caller that had it off keeps it off."""
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "config"))
    db = tmp_path / "records.sqlite3"
    open_signed(db).close()  # the tester signs in with --user (no sign-in dialog to wait on)
    monkeypatch.setenv("TAPERDESK_PASSWORD", PASSWORD)
    seen: dict[str, object] = {}
    poll = QTimer()

    def look_then_quit() -> None:  # each 50 ms while the window runs, up to 5 s
        ticks = int(seen.get("ticks", 0)) + 1  # type: ignore[call-overload]
        seen.update(ticks=ticks, enabled=gc.isenabled(), frozen=gc.get_freeze_count())
        if gc.isenabled() or ticks > 100:
            poll.stop()
            for w in qapp.topLevelWidgets():
                w.close()
            qapp.quit()

    poll.timeout.connect(look_then_quit)
    poll.start(50)
    try:
        assert main(["--db", str(db), "--demo-if-empty", "--user", TESTER]) == 0
        assert seen["enabled"] is True and int(seen["frozen"]) > 1000  # type: ignore[call-overload]
    finally:
        gc.unfreeze()
    gc.disable()
    try:
        assert main(["--db", str(db), "--bench-ready", "--user", TESTER]) == 0
        assert not gc.isenabled()
    finally:
        gc.enable()
        QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope,
                          os.environ["XDG_CONFIG_HOME"])  # the run's throwaway folder again
