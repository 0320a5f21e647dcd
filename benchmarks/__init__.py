"""The budget measurements of SPEC.md ("Budgets"), run by ``make bench``.

``python -m benchmarks`` prints one line per budget:
``<what>: <figure> (budget <budget>) OK|OVER``, after the floors (bare Qt
import, an empty reportlab document) measured in the same run. Speed is only
ever measured here, never asserted in tests.
"""
