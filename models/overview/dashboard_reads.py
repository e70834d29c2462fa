"""The home screen's dashboard as a service: one read-only unit of work per call (the query,
which takes a Session, stays in dashboard.py)."""

from __future__ import annotations

from models.kernel.unit_of_work import UowFactory
from models.overview.dashboard import Dashboard, load_dashboard


class DashboardReads:
    def __init__(self, uow: UowFactory) -> None:
        self._uow = uow

    def dashboard(self) -> Dashboard:
        with self._uow().reading() as uow:
            return load_dashboard(uow.session)
