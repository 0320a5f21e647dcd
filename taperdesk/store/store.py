"""``Store``: the TaperDesk records file, as the window and the commands use it."""

from __future__ import annotations

from taperdesk.store.appointments import AppointmentsMixin
from taperdesk.store.assessments import AssessmentsMixin
from taperdesk.store.today import TodayMixin
from taperdesk.store.transfer import TransferMixin


class Store(TransferMixin, AssessmentsMixin, AppointmentsMixin, TodayMixin):
    """Patients, plans with every revision, assessments, acknowledgements, appointments,
    change log.

    Open with ``Store.open(path)``; every method that writes is one transaction
    and appends to the change log; every failure is a StoreError whose message
    can be shown to the user as it is.
    """
