"""Entry point of the bundled window program (TaperDesk / TaperDesk.exe / TaperDesk.app)."""

from __future__ import annotations

import sys

from taperdesk.platform import ensure_std_streams

if __name__ == "__main__":
    ensure_std_streams()
    from taperdesk.app import main

    sys.exit(main())
