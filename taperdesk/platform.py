"""Frozen-bundle detection and the OS user, in one place."""

from __future__ import annotations

import getpass
import os
import sys

IS_FROZEN: bool = bool(getattr(sys, "frozen", False)) and hasattr(sys, "_MEIPASS")


def os_user() -> str:
    """The OS user name recorded as 'who' in the change log."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return os.environ.get("USERNAME") or os.environ.get("USER") or "unknown"
