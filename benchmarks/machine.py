"""A one-line description of the machine a run measured (for docs/PERFORMANCE.md)."""

from __future__ import annotations

import os
import platform
import sys


def cpu_name() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def memory_gb() -> str:
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            kb = int(f.readline().split()[1])
        return f"{kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, ValueError, IndexError):
        return "RAM unknown"


def describe() -> str:
    """e.g. 'Linux 6.1 x86_64, 2 cores (Intel Xeon ...), 24 GB RAM, Python 3.11.7, Qt 6.12.0'."""
    try:
        import PySide6.QtCore

        qt = f"Qt {PySide6.QtCore.qVersion()}"
    except ImportError:
        qt = "no Qt"
    return (
        f"{platform.system()} {platform.release()} {platform.machine()}, "
        f"{os.cpu_count()} cores ({cpu_name()}), {memory_gb()}, "
        f"Python {sys.version.split()[0]}, {qt}"
    )
