"""Which PC holds a records file: ``<file>.lock`` beside it (host, process, heartbeat).

SQLite's write-ahead log needs every program using a file to be on one computer
(sqlite.org/wal.html: "WAL does not work over a network filesystem"). So a file
another PC holds is refused, naming that PC and pointing to the clinic server
(docs/SERVER.md); a second TaperDesk on the same PC is fine (SQLite's own locks
work there) and is only told. The holder rewrites the lock file every
``HEARTBEAT`` seconds; a holder whose process is gone (same PC) or whose heartbeat
is older than ``STALE`` seconds (another PC that crashed or lost the share) is
taken over, with a notice. It is a guard against a mistake, not a lock two PCs
racing in the same second cannot both pass.
"""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from datetime import datetime
from pathlib import Path

from taperdesk.store.errors import StoreLocked

HEARTBEAT = 30.0
"""Seconds between the holder's rewrites of the lock file (TaperDesk default)."""
STALE = 120.0
"""A heartbeat older than this is a holder that has gone (TaperDesk default)."""


def this_host() -> str:
    return socket.gethostname() or "this PC"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def _read(path: Path) -> dict[str, object] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


class ShareLock:
    """This program's claim on a records file; ``release`` at close."""

    def __init__(self, records: Path) -> None:
        self.path = records.with_name(records.name + ".lock")
        self.records = records
        self.host = this_host()
        self.pid = os.getpid()
        self.notices: list[str] = []
        self._stop = threading.Event()
        self._claim()
        self._thread = threading.Thread(target=self._beat, name="records-heartbeat",
                                        daemon=True)
        self._thread.start()

    def _claim(self) -> None:
        held = _read(self.path)
        if held is not None:
            host = str(held.get("host", "?"))
            pid = int(str(held.get("pid", ""))) if str(held.get("pid", "")).isdigit() else 0
            try:  # a damaged lock file reads as a stale one, never as a crash
                beat = float(str(held.get("heartbeat", 0) or 0))
            except ValueError:
                beat = 0.0
            age = time.time() - beat
            since = datetime.fromtimestamp(beat).strftime("%Y-%m-%d %H:%M") if beat else "?"
            if host != self.host:
                if age < STALE:
                    raise StoreLocked(
                        f"The records file {self.records} is open on another PC, {host}. "
                        "A records file can be used by one PC at a time (SQLite cannot share "
                        "it safely over a network). Close TaperDesk there, or keep the "
                        "clinic's records on a server: see docs/SERVER.md.")
                self.notices.append(
                    f"The records file was last held by the PC {host}, not seen since {since}; "
                    "this PC has taken it over. Make sure TaperDesk is closed there.")
            elif pid != self.pid and _alive(pid):
                self.notices.append(
                    f"The records file {self.records} is also open in another TaperDesk on "
                    f"this PC (process {pid}). Both can use it; a save in one is seen by "
                    "the other, and a plan changed in both is reported, never overwritten.")
            elif pid != self.pid:
                self.notices.append(
                    f"TaperDesk (process {pid}) did not close the records file cleanly; it "
                    "is no longer running and this one has taken over.")
        self._write()

    def _write(self) -> None:
        data = {"program": "TaperDesk", "host": self.host, "pid": self.pid,
                "heartbeat": time.time()}
        tmp = self.path.with_name(f".{self.path.name}.{self.pid}.tmp")
        try:
            fd = os.open(tmp, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh)
            os.replace(tmp, self.path)
        except OSError:
            tmp.unlink(missing_ok=True)  # a read-only folder: SQLite says so on the first save

    def _mine(self) -> bool:
        held = _read(self.path)
        return held is not None and held.get("host") == self.host and held.get("pid") == self.pid

    def _beat(self) -> None:
        while not self._stop.wait(HEARTBEAT):
            if not self.path.exists() or self._mine():
                self._write()

    def release(self) -> None:
        self._stop.set()
        if self._mine():
            try:
                self.path.unlink()
            except OSError:
                pass
