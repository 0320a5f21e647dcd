"""``python -m benchmarks``: measure every SPEC.md budget and print the figures."""

from __future__ import annotations

import sys

from benchmarks.suite import main

sys.exit(main())
