"""`taperdesk export` / `taperdesk import`: plan files (built on taperdesk.store)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Placeholder until the records layer lands: the commands are not offered yet."""
