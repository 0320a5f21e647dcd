"""Who may do what: the roles of SPEC.md "A clinic on several PCs" as data, in one place.

SPEC.md: prescriber (plans, holds, acknowledgements of plan warnings), nurse
(patients, assessments, appointments, red-flag acknowledgements), pharmacist
(reads, prints), admin (users, settings). Where the roles overlap
(docs/RECORDS.md "Users and roles"):

- every role reads and prints;
- a prescriber may also do what a nurse does (a prescriber sees patients too:
  adds them, scores assessments, acknowledges red flags); a nurse may not change
  plans;
- an admin manages accounts and clinic settings only, and changes no clinical
  record; the first account of a records file is its admin whatever its role,
  so it holds both (``User.admin``).
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from taperdesk.model.record import record


class Role(StrEnum):
    PRESCRIBER = "prescriber"
    NURSE = "nurse"
    PHARMACIST = "pharmacist"
    ADMIN = "admin"


class Permission(StrEnum):
    """One right; its value says it in words for refusals ('X (nurse) may not change plans')."""

    READ = "read the records"
    PRINT = "print handouts"
    PATIENTS = "change patients"
    ASSESSMENTS = "record assessments"
    APPOINTMENTS = "change appointments"
    RED_FLAGS = "acknowledge red flags"
    PLANS = "change plans"
    HOLDS = "decide on suggested holds"
    PLAN_WARNINGS = "acknowledge plan warnings"
    USERS = "manage user accounts"
    SETTINGS = "change the clinic settings"


_EVERYONE = frozenset({Permission.READ, Permission.PRINT})
_NURSE = _EVERYONE | {Permission.PATIENTS, Permission.ASSESSMENTS, Permission.APPOINTMENTS,
                      Permission.RED_FLAGS}
_ADMIN = _EVERYONE | {Permission.USERS, Permission.SETTINGS}

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.PRESCRIBER: _NURSE | {Permission.PLANS, Permission.HOLDS, Permission.PLAN_WARNINGS},
    Role.NURSE: _NURSE,
    Role.PHARMACIST: _EVERYONE,
    Role.ADMIN: _ADMIN,
}
"""What each role may do; the one table the store, the commands and the window ask."""


def parse_role(text: object) -> Role:
    try:
        return Role(str(text).strip().lower())
    except ValueError:
        names = ", ".join(r.value for r in Role)
        raise ValueError(f"the role {text!r} is not one of {names}") from None


@record
class User:
    """One account of the records file (never an OS account)."""

    id: int
    name: str
    role: Role
    admin: bool
    """Holds the admin's rights too (the admin role, or the records file's first account)."""
    disabled: bool
    created: datetime

    @property
    def permissions(self) -> frozenset[Permission]:
        extra = ROLE_PERMISSIONS[Role.ADMIN] if self.admin else frozenset()
        return ROLE_PERMISSIONS[self.role] | extra

    def may(self, permission: Permission) -> bool:
        return permission in self.permissions

    @property
    def label(self) -> str:
        """'Dr Ada Lee (prescriber, admin)'."""
        roles = self.role.value + (", admin" if self.admin and self.role != Role.ADMIN else "")
        return f"{self.name} ({roles})"

    def refusal(self, permission: Permission) -> str:
        return f"{self.name} ({self.role.value}) may not {permission.value}."
