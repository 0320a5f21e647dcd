"""Where TaperDesk keeps its files by default: the one place that decides it.

The records database lives in the OS user's data folder (platformdirs), e.g.
``~/.local/share/TaperDesk`` on Linux, ``%LOCALAPPDATA%\\TaperDesk`` on Windows
and ``~/Library/Application Support/TaperDesk`` on macOS. ``--db PATH`` and the
program's settings choose another file, or the clinic server: a libpq URI
(``postgresql://…`` or ``postgres://…``, docs/SERVER.md) is taken wherever a file is.
"""

from __future__ import annotations

from pathlib import Path

APP_NAME = "TaperDesk"
DB_FILE_NAME = "taperdesk.sqlite3"
RECORDS_FILE = "records_file"
"""The window's setting naming the records file or server chosen (File ▸ Open, Settings);
read at start, before Qt's widgets load."""


def data_dir() -> Path:
    """The OS user's TaperDesk data folder (not created here). platformdirs loads here, when
    a default is needed: a start with --db (or a chosen file) never asks for one."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    """The records database used when no other file is chosen."""
    return data_dir() / DB_FILE_NAME


SERVER_SCHEMES = ("postgresql://", "postgres://")


def records_location(text: str) -> Path | str:
    """``--db``'s value: a records file's path, or the clinic server's URI kept as text
    (a Path would fold its '//')."""
    text = text.strip()
    if text.lower().startswith(SERVER_SCHEMES):
        return text
    return Path(text)


def is_server_uri(text: object) -> bool:
    """True for a libpq URI (postgresql://… or postgres://…): the clinic server."""
    return isinstance(text, str) and text.strip().lower().startswith(SERVER_SCHEMES)
