"""main() of the window program: `taperdesk-gui [--db PATH] [--demo-if-empty]`."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path


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
    p.add_argument("--db", type=Path, help="the records file (default: in your data folder)")
    p.add_argument("--demo-if-empty", action="store_true",
                   help="add the demo patient when the records hold no patients")
    p.add_argument("--bench-ready", action="store_true",
                   help="print 'ready …' once the plan is drawn, then quit (benchmarks, tests)")
    return p.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)
    from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

    from taperdesk.model import CatalogueError, load_catalogue
    from taperdesk.store import Store, StoreError, default_db_path, load_demo

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("TaperDesk")
    app.setApplicationName("TaperDesk")
    from PySide6.QtCore import QSettings

    chosen = QSettings().value("records_file")
    path: Path = args.db or (Path(str(chosen)) if chosen else default_db_path())
    store = None
    while store is None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            store = Store.open(path)
        except (StoreError, OSError) as exc:
            if args.bench_ready:
                print(f"error: {exc}", file=sys.stderr)
                return 2
            answer = QMessageBox.critical(
                None, "TaperDesk", f"{exc}\n\nChoose another records file?",
                QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close)
            if answer != QMessageBox.StandardButton.Open:
                return 1
            chosen, _ = QFileDialog.getSaveFileName(
                None, "Records file", str(path.parent), "TaperDesk records (*.sqlite3)",
                options=QFileDialog.Option.DontConfirmOverwrite)
            if not chosen:
                return 1
            path = Path(chosen)
    try:
        catalogue = load_catalogue(path.parent / "clinic-products.json")
    except CatalogueError as exc:
        QMessageBox.warning(None, "TaperDesk", f"The clinic's products file was not used:\n{exc}")
        catalogue = load_catalogue()
    store.catalogue = catalogue
    if args.demo_if_empty:
        try:
            load_demo(store)
        except StoreError as exc:
            QMessageBox.warning(None, "TaperDesk", f"The demo patient was not added: {exc}")

    from taperdesk.ui.session import Session
    from taperdesk.ui.window import MainWindow

    session = Session(store, catalogue)
    window = MainWindow(session)
    last = window.settings.value("last_patient")
    patients = store.search_patients("", limit=1)
    try:
        wanted = int(last) if last is not None else None
        session.open_patient(wanted if wanted is not None else
                             (patients[0].id if patients else None))
    except (StoreError, ValueError, TypeError):
        session.open_patient(patients[0].id if patients else None)
    if session.patient is None and patients:
        session.open_patient(patients[0].id)
    window.show()
    if args.bench_ready:
        app.processEvents()
        sched = session.schedule
        name = session.patient.name if session.patient else ""
        print(f"ready rss={_rss_bytes()} steps={len(sched.steps) if sched else 0} "
              f"patient={name}", flush=True)
        window.close()
        store.close()
        return 0
    code = app.exec()
    store.close()
    return int(code)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
