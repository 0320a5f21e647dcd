"""Errors of the records layer; each message is shown to the user as it is."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from taperdesk.store.records import PlanRecord


class StoreError(Exception):
    """Any failure of the records file; the message says what and what to do."""


class OlderRecords(StoreError):
    """A records file of an older version opened read-only: it cannot be upgraded in
    place (``version`` is the file's records version)."""

    def __init__(self, message: str, version: int) -> None:
        super().__init__(message)
        self.version = version


class StoreLocked(StoreError):
    """Another program holds the records file (or is saving to it right now)."""


class ConflictError(StoreError):
    """A plan was saved elsewhere since it was opened; ``current`` is the newer version."""

    def __init__(self, message: str, current: PlanRecord) -> None:
        super().__init__(message)
        self.current = current
