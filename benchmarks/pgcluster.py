"""A throwaway PostgreSQL cluster for the tests and benchmarks: real server, never a mock.

``initdb`` in a temporary folder and ``pg_ctl start`` with a Unix socket in that
folder and no TCP (``listen_addresses=''``). PostgreSQL refuses to run as root, so
as root both run as the ``postgres`` OS user (the Debian package makes it) and the
folder is handed to that user; as anyone else they run as that user. Anything
missing raises ``ClusterError`` saying why: the tests FAIL, never skip
(.ci/run installs PostgreSQL when it is absent).
"""

from __future__ import annotations

import glob
import os
import pwd
import re
import shutil
import subprocess
import tempfile
from pathlib import Path


class ClusterError(RuntimeError):
    pass


def find_bin() -> Path:
    """The folder of initdb/pg_ctl: the newest /usr/lib/postgresql/*/bin, else the PATH."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: [int(n) for n in re.findall(r"\d+", p)])
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(os.path.realpath(initdb)).parent
    raise ClusterError(
        "PostgreSQL is not installed (no initdb under /usr/lib/postgresql/*/bin or on the "
        "PATH); the server tests need it. Install it (apt-get install -y postgresql; "
        ".ci/run does this) and run the tests again.")


class PgCluster:
    """One running throwaway cluster; ``uri(db)`` to connect, ``stop()`` when done."""

    def __init__(self, *, fsync: bool = False, name: str = "taperdesk-pg-") -> None:
        self.bin = find_bin()
        self.root = Path(tempfile.mkdtemp(prefix=name))
        self.data = self.root / "data"
        self.as_user: list[str] = []
        self.superuser = pwd.getpwuid(os.geteuid()).pw_name
        if os.geteuid() == 0:
            try:
                pw = pwd.getpwnam("postgres")
            except KeyError:
                raise ClusterError("Running as root, the tests start PostgreSQL as the "
                                   "'postgres' OS user, and there is none (the postgresql "
                                   "package makes it).") from None
            os.chown(self.root, pw.pw_uid, pw.pw_gid)
            self.as_user = ["runuser", "-u", "postgres", "--"]
            self.superuser = "postgres"
        os.chmod(self.root, 0o755)
        self._run([str(self.bin / "initdb"), "-D", str(self.data), "-A", "trust",
                   "-U", self.superuser, "-E", "UTF8", "--locale=C", "--no-sync"], "initdb")
        self._opts = (f"-c listen_addresses='' -c unix_socket_directories='{self.root}' "
                      f"-c fsync={'on' if fsync else 'off'} -c max_connections=60")
        self._start()
        self.running = True

    def _start(self) -> None:
        # -l: the server's output goes to a log file, never to this program's pipes
        self._run([str(self.bin / "pg_ctl"), "-D", str(self.data), "-l",
                   str(self.root / "server.log"), "-o", self._opts, "-w", "-t", "60", "start"],
                  "pg_ctl start")

    def _run(self, cmd: list[str], what: str) -> None:
        try:
            out = subprocess.run([*self.as_user, *cmd], capture_output=True, text=True,
                                 timeout=120, cwd=self.root)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise ClusterError(f"PostgreSQL's {what} could not run: {exc}") from None
        if out.returncode != 0:
            log = self.root / "server.log"
            tail = log.read_text(errors="replace")[-800:] if log.exists() else ""
            raise ClusterError(f"PostgreSQL's {what} failed ({out.returncode}): "
                               f"{(out.stderr or out.stdout)[-800:]}{tail}")

    def uri(self, db: str = "postgres", user: str | None = None) -> str:
        return f"postgresql://{user or self.superuser}@/{db}?host={self.root}"

    def sql(self, statement: str, db: str = "postgres") -> None:
        """Run one statement as the superuser (CREATE DATABASE, roles)."""
        import psycopg

        with psycopg.connect(self.uri(db), autocommit=True) as conn:
            conn.execute(statement)  # type: ignore[arg-type]

    def stop(self) -> None:
        if self.running:
            self.running = False
            self._run([str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w",
                       "stop"], "pg_ctl stop")

    def restart(self) -> None:
        """Stop and start again (the tests of a server restarted mid-session)."""
        self.stop()
        self._start()
        self.running = True

    def remove(self) -> None:
        try:
            self.stop()
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
