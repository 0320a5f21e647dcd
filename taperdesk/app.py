"""main() of the window program: `taperdesk-gui [--db PATH] [--demo-if-empty] [--user NAME]`.

Opens the records file (--db, else the one chosen in Settings, else the default
in the user's data folder). A file that cannot be opened is explained in a
message box that offers to choose another file; never a traceback. Then someone signs
in (ui/signin.py): the sign-in dialog, or on records with no users yet "create the
first (admin) user"; --user NAME with $TAPERDESK_PASSWORD signs in without it.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from taperdesk.model import Catalogue
    from taperdesk.store import IntegrityCheck, Store
    from taperdesk.ui.session import Session

Ask = Callable[[str, Path], "Path | None"]
"""Shown when a records file cannot be opened: (the reason, the file) -> another file or None."""


def _rss_bytes() -> int:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        import resource

        scale = 1 if sys.platform == "darwin" else 1024
        return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) * scale


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="taperdesk-gui", description="TaperDesk window")
    from taperdesk.paths import records_location

    p.add_argument("--db", type=records_location,
                   help="the records file (default: in your data folder), or the clinic "
                        "server as postgresql://USER@HOST/DATABASE (docs/SERVER.md)")
    p.add_argument("--demo-if-empty", action="store_true",
                   help="add the demo patient when the records hold no patients")
    p.add_argument("--user", metavar="NAME", default=os.environ.get("TAPERDESK_USER") or None,
                   help="sign in as NAME with the password in $TAPERDESK_PASSWORD, without "
                        "the sign-in dialog (default: $TAPERDESK_USER)")
    p.add_argument("--bench-ready", action="store_true",
                   help="print 'ready …' once the plan is drawn (with the memory in use and the "
                        "milliseconds each part of starting took), then quit (benchmarks, tests)")
    return p.parse_args(argv)


def ask_another_file(reason: str, path: Path) -> Path | None:
    """The message box: why the file cannot be used, and Open… to choose another."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    answer = QMessageBox.critical(
        None, "TaperDesk", f"{reason}\n\nChoose another records file?",
        QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close)
    if answer != QMessageBox.StandardButton.Open:
        return None
    chosen, _ = QFileDialog.getSaveFileName(
        None, "Records file", str(path.parent), "TaperDesk records (*.sqlite3)",
        options=QFileDialog.Option.DontConfirmOverwrite)
    return Path(chosen) if chosen else None


def open_store(path: Path | str, ask: Ask,
               checked: IntegrityCheck | None = None) -> Store | None:
    """Open ``path``; on failure ask for another file until one opens or the user gives up.

    ``checked``: the quick check of ``path`` started in a thread at launch."""
    from taperdesk.store import Store, StoreError

    while True:
        try:
            if isinstance(path, Path):
                path.parent.mkdir(parents=True, exist_ok=True)
            return Store.open(path, checked=checked)
        except (StoreError, OSError) as exc:
            reason = str(exc) if isinstance(exc, StoreError) else \
                f"The records file {path} cannot be used: {exc.strerror or exc}"
            chosen = ask(reason, path if isinstance(path, Path) else Path.home() / "records")
            if chosen is None:
                return None
            path = chosen


def clinic_catalogue(store: Store, warn: Callable[[str], object]) -> Catalogue:
    """The shipped products plus the clinic's own file beside the records, if it is sound."""
    from taperdesk.model import CatalogueError, load_catalogue

    try:
        return load_catalogue(store.path.parent / "clinic-products.json")
    except CatalogueError as exc:
        warn(f"The clinic's products file was not used:\n{exc}")
        return load_catalogue()


def open_last_patient(session: Session, settings: QSettings) -> str:
    """Open the patient last opened from this records file, else the first; a remembered
    patient no longer in the records is quietly passed over. Returns the name ('' if none)."""
    from taperdesk.store import StoreError
    from taperdesk.ui.settings import last_patient

    wanted = last_patient(settings, session.store.path)
    if wanted is not None:
        session.open_patient(wanted, quiet=True)
    if session.patient is None:
        try:
            first = session.store.search_patients("", limit=1)
        except StoreError:
            first = []
        if first:
            session.open_patient(first[0].id)
    return session.patient.name if session.patient else ""


def settle_memory() -> None:
    """After start-up: collect its garbage once, then keep what it built (Qt, pyqtgraph,
    the window) out of every later collection, so those never re-scan it either."""
    gc.collect()
    gc.freeze()
    gc.enable()


def main(argv: Sequence[str] | None = None, ask: Ask | None = None) -> int:
    """Start the window program; returns its exit status.

    Python's cyclic garbage collector is off while the window is built: start-up makes
    about 100 000 objects that all live on, and collecting among them as they
    are made was a tenth of the start. It is back on before the program takes input.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _main(argv, ask, collecting)
    finally:
        if collecting:
            gc.enable()


def _main(argv: Sequence[str] | None, ask: Ask | None, collecting: bool) -> int:
    phases = [("main", time.perf_counter())]  # where start-up time goes (--bench-ready)
    args = parse(argv)
    from PySide6.QtCore import QCoreApplication, QSettings

    from taperdesk.import_scan import quicken

    quicken()  # PySide6's source scan of each later import, answered quicker
    QCoreApplication.setOrganizationName("TaperDesk")  # QSettings() reads the same file
    QCoreApplication.setApplicationName("TaperDesk")  # before and after the QApplication
    from taperdesk.paths import RECORDS_FILE, default_db_path, records_location

    chosen = QSettings().value(RECORDS_FILE)
    path = args.db or (records_location(str(chosen)) if chosen else default_db_path())
    # The records file's quick check reads the whole file; it runs in a thread while the
    # records code, Qt's widgets, pyqtgraph and the window's modules load, and the file is
    # opened (and written) only once it is done.
    from taperdesk.store import IntegrityCheck, StoreError

    checked = IntegrityCheck(path) if isinstance(path, Path) and path.is_file() else None
    phases.append(("taperdesk", time.perf_counter()))
    from PySide6.QtWidgets import QApplication, QMessageBox

    import taperdesk.ui  # noqa: F401  (pyqtgraph too, the quick way: see its docstring)

    phases.append(("qt", time.perf_counter()))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from taperdesk.ui.translation import install_translator, window_language

    install_translator(app, window_language(QSettings()))  # before any window text is made
    phases.append(("app", time.perf_counter()))

    def refuse(reason: str, _path: Path) -> Path | None:
        print(f"error: {reason}", file=sys.stderr)
        return None

    from taperdesk.ui.session import Session
    from taperdesk.ui.window import MainWindow

    phases.append(("modules", time.perf_counter()))
    store = open_store(path, ask or (refuse if args.bench_ready else ask_another_file), checked)
    if store is None:
        return 2 if args.bench_ready else 1
    if store.opening_problems and not args.bench_ready:  # the tamper check on opening
        QMessageBox.warning(None, "TaperDesk", "The records file does not verify (it was "
                            f"changed outside TaperDesk): {store.opening_problems[0]}. Run "
                            f"'taperdesk verify --db {store.path}' and see docs/RECORDS.md.")
    catalogue = clinic_catalogue(store, lambda m: QMessageBox.warning(None, "TaperDesk", m))
    store.catalogue = catalogue
    session = Session(store, catalogue)
    from taperdesk.ui.signin import sign_in_at_start

    if not sign_in_at_start(session, args.user, bench=args.bench_ready):
        store.close()  # nobody signed in: the window does not open
        return 2 if args.bench_ready else 1
    if args.demo_if_empty:
        from taperdesk.store import load_demo

        try:
            load_demo(store)
        except StoreError as exc:
            QMessageBox.warning(None, "TaperDesk", f"The demo patient was not added: {exc}")

    phases.append(("records", time.perf_counter()))
    window = MainWindow(session)
    for notice in store.notices:  # another copy open on this PC, a stale holder taken over
        session.message.emit(notice)
    phases.append(("window", time.perf_counter()))
    open_last_patient(session, window.settings)
    phases.append(("plan", time.perf_counter()))
    window.show()
    if args.bench_ready:
        app.processEvents()
        phases.append(("paint", time.perf_counter()))
        sched = session.schedule
        name = session.patient.name if session.patient else ""
        spent = ",".join(f"{n}:{(t - phases[i][1]) * 1000:.1f}"
                         for i, (n, t) in enumerate(phases[1:]))
        from taperdesk.ui.pyqtgraph_import import is_lean, shares_qt

        how = ("shared" if shares_qt() else "copied") + (",lean" if is_lean() else "")
        print(f"ready rss={_rss_bytes()} phases={spent} pyqtgraph={how} "
              f"steps={len(sched.steps) if sched else 0} patient={name}", flush=True)
        window.close()
        session.store.close()
        return 0
    if collecting:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, settle_memory)  # once the window is on screen
    code = app.exec()
    session.store.close()
    return int(code)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
