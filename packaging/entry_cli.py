"""Entry point of the bundled headless commands (taperdesk-cli / taperdesk-cli.exe)."""

from __future__ import annotations

import sys

if __name__ == "__main__":
    from taperdesk.cli import main

    sys.exit(main())
