"""Errors the model raises; each message is meant to be shown to a clinician as it is."""

from __future__ import annotations


class PlanError(ValueError):
    """A plan or an edit that cannot be applied; the message names the problem."""
