"""`taperdesk handout`: write a handout PDF (built by taperdesk.report)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Placeholder until the report layer lands: the command is not offered yet."""
