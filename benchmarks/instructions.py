"""Start-up counted in instructions, a figure that repeats on a busy shared host.

``python -m benchmarks.instructions`` runs the bare import floor and the program's
start (``--bench-ready`` on a demo records file made in a temporary folder, or
``--db FILE``) under valgrind's callgrind, and prints the instructions each ran up to
"ready" and their ratio. The program's process ends at "ready", like the floor's.

Wall-clock start-up on a shared 2-core host swung from 0.9 to 1.6 × the floor for the
same code within one minute (docs/PERFORMANCE.md), so a change of a few per cent could
not be seen. Counted instructions repeat to about 0.03 % run to run. Two things are
held still for that:

- the hash seed is fixed;
- OpenBLAS (loaded by numpy, which pyqtgraph imports) runs one thread. Its idle
  threads spin, and their count depended on timing.

The count is of the program's main thread (what start-up waits for). The records
file's integrity check runs in a thread of its own, beside the imports; it is printed
apart. Instructions leave out the kernel's time (loading libraries, reading files),
so this complements the wall-clock budget in ``python -m benchmarks``; it does not
replace it. Needs valgrind (Debian: ``apt-get install valgrind``); each run takes
about a minute.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from benchmarks.bench_startup import compile_package
from benchmarks.floors import IMPORT_FLOOR_CODE
from benchmarks.isolation import isolate

ENDS_AT_READY = """\
import builtins, os, sys
_print = builtins.print
def _until_ready(*args, **kwargs):
    _print(*args, **kwargs)
    if args and str(args[0]).startswith("ready"):
        sys.stdout.flush()
        os._exit(0)
builtins.print = _until_ready
from taperdesk.app import main
sys.exit(main(sys.argv[1:]))
"""
"""The program's start, ending its process at "ready" as the floor's ends after import."""

FLOOR_CODE = IMPORT_FLOOR_CODE + "; import os; os._exit(0)"


def counted(code: str, args: Sequence[str], out: Path) -> dict[int, int]:
    """Instructions of each thread (1 = main) of ``python -c code args`` under callgrind."""
    env = dict(os.environ, PYTHONHASHSEED="0", OPENBLAS_NUM_THREADS="1",
               PYTHONDONTWRITEBYTECODE="1")
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    prefix = out / "callgrind.out"
    run = subprocess.run(
        ["valgrind", "--tool=callgrind", "--separate-threads=yes",
         f"--callgrind-out-file={prefix}", sys.executable, "-c", code, *args],
        capture_output=True, text=True, env=env, check=False)
    if "ready" not in run.stdout:
        raise RuntimeError(f"the run under valgrind did not get ready: {run.stderr[-500:]}")
    threads: dict[int, int] = {}
    for path in out.glob("callgrind.out*"):
        number = re.search(r"-(\d+)$", path.name)
        totals = re.search(r"^totals: (\d+)", path.read_text(errors="replace"), re.M)
        if totals:
            threads[int(number.group(1)) if number else 1] = int(totals.group(1))
        path.unlink()
    return threads


def demo_records(folder: Path) -> Path:
    """A records file holding the demo patient, made by the program itself."""
    db = folder / "demo.sqlite"
    subprocess.run([sys.executable, "-m", "taperdesk.app", "--db", str(db), "--demo-if-empty",
                    "--bench-ready"], check=True, capture_output=True,
                   env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    return db


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.instructions",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="records file to start on (default: demo)")
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("error: valgrind is not installed (Debian: apt-get install valgrind)",
              file=sys.stderr)
        return 2
    if args.db is not None and not args.db.is_file():
        print(f"error: no records file at {args.db}", file=sys.stderr)
        return 2
    compile_package()  # as installed: bytecode written, not compiled at each launch
    with tempfile.TemporaryDirectory(prefix="taperdesk-instr-") as tmp:
        folder = Path(tmp)
        isolate(folder / "home")  # never the user's real settings or records
        db = args.db or demo_records(folder)
        floor = counted(FLOOR_CODE, [], folder)[1]
        app = counted(ENDS_AT_READY, ["--db", str(db), "--bench-ready"], folder)
    main_thread = app.pop(1)
    beside = sum(app.values())
    print(f"bare import floor: {floor / 1e9:.3f} G instructions")
    print(f"start-up, main thread: {main_thread / 1e9:.3f} G = {main_thread / floor:.3f} × "
          f"the floor; other threads (the records check, Qt's) {beside / 1e9:.3f} G")
    return 0


if __name__ == "__main__":
    sys.exit(main())
