"""``Store``: the TaperDesk records file, as the window and the commands use it."""

from __future__ import annotations

from taperdesk.store.appointments import AppointmentsMixin
from taperdesk.store.assessments import AssessmentsMixin
from taperdesk.store.today import TodayMixin
from taperdesk.store.transfer import TransferMixin
from taperdesk.store.users import UsersMixin
from taperdesk.store.verify import VerifyMixin


class Store(TransferMixin, AssessmentsMixin, AppointmentsMixin, TodayMixin, VerifyMixin,
            UsersMixin):
    """Patients, plans with every revision, assessments, acknowledgements, appointments,
    change log, user accounts.

    Open with ``Store.open(path)``; every method that writes is one transaction
    and appends to the change log; every failure is a StoreError whose message
    can be shown to the user as it is.
    """
