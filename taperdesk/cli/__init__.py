"""Headless commands: `taperdesk plan`, `taperdesk handout`, `taperdesk export`/`import`/
`backup`, `taperdesk verify`.

Every command exits 2 with a one-line message on bad input, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from taperdesk import __version__


class UsageError(Exception):
    """Bad input on the command line; printed as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    from taperdesk.cli import (
        handout_cmd,
        log_cmd,
        plan_cmd,
        records_cmd,
        server_cmd,
        today_cmd,
        users_cmd,
        verify_cmd,
    )

    parser = _Parser(
        prog="taperdesk",
        description="TaperDesk: plan, adjust and print benzodiazepine tapers (headless commands).",
    )
    parser.add_argument("--version", action="version", version=f"taperdesk {__version__}")
    sub: argparse._SubParsersAction[argparse.ArgumentParser] = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    plan_cmd.register(sub)
    handout_cmd.register(sub)
    records_cmd.register(sub)
    verify_cmd.register(sub)
    server_cmd.register(sub)
    today_cmd.register(sub)
    log_cmd.register(sub)
    users_cmd.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        return int(args.run(args) or 0)
    except UsageError as exc:
        print(f"taperdesk: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `taperdesk plan ... | head`): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
