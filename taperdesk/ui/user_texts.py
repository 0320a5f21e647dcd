"""The window's words for accounts: a user's label ('Nia (nurse)') and why their role may
not do something ('Nia (nurse) may not change plans.'), in the window's language.

The records say both in English (store/roles.py: the command line and the change log use
them); the window words them here from the same role and right, marked for Qt Linguist
(tests/ui/test_window_language.py checks every role and right has an entry).
"""

from __future__ import annotations

from taperdesk.store import Permission, Role, User
from taperdesk.ui.translation import QT_TRANSLATE_NOOP, translate

ROLES = {
    Role.PRESCRIBER.value: QT_TRANSLATE_NOOP("Rights", "prescriber"),
    Role.NURSE.value: QT_TRANSLATE_NOOP("Rights", "nurse"),
    Role.PHARMACIST.value: QT_TRANSLATE_NOOP("Rights", "pharmacist"),
    Role.ADMIN.value: QT_TRANSLATE_NOOP("Rights", "admin"),
}
RIGHTS = {
    Permission.READ.value: QT_TRANSLATE_NOOP("Rights", "read the records"),
    Permission.PRINT.value: QT_TRANSLATE_NOOP("Rights", "print handouts"),
    Permission.PATIENTS.value: QT_TRANSLATE_NOOP("Rights", "change patients"),
    Permission.ASSESSMENTS.value: QT_TRANSLATE_NOOP("Rights", "record assessments"),
    Permission.APPOINTMENTS.value: QT_TRANSLATE_NOOP("Rights", "change appointments"),
    Permission.RED_FLAGS.value: QT_TRANSLATE_NOOP("Rights", "acknowledge red flags"),
    Permission.PLANS.value: QT_TRANSLATE_NOOP("Rights", "change plans"),
    Permission.HOLDS.value: QT_TRANSLATE_NOOP("Rights", "decide on suggested holds"),
    Permission.PLAN_WARNINGS.value: QT_TRANSLATE_NOOP("Rights", "acknowledge plan warnings"),
    Permission.USERS.value: QT_TRANSLATE_NOOP("Rights", "manage user accounts"),
    Permission.SETTINGS.value: QT_TRANSLATE_NOOP("Rights", "change the clinic settings"),
}


def role_label(role: Role) -> str:
    return translate("Rights", ROLES.get(role.value, role.value))


def user_label(user: User) -> str:
    """'Dr Ada Lee (prescriber, admin)', as ``User.label`` in the window's language."""
    roles = role_label(user.role)
    if user.admin and user.role != Role.ADMIN:
        roles = translate("Rights", "{0}, {1}").format(roles, role_label(Role.ADMIN))
    return f"{user.name} ({roles})"


def refusal(user: User, permission: Permission) -> str:
    """'Nia (nurse) may not change plans.', as ``User.refusal`` in the window's language."""
    right = translate("Rights", RIGHTS.get(permission.value, permission.value))
    return translate("Rights", "{0} ({1}) may not {2}.").format(
        user.name, role_label(user.role), right)
