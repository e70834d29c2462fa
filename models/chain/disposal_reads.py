"""Units awaiting destruction as a service: one read-only unit of work per call (the query,
which takes a Session, stays in disposal_queue.py)."""

from __future__ import annotations

from datetime import datetime

from models.chain.disposal_queue import AwaitingUnit, units_awaiting_destruction
from models.kernel.unit_of_work import UowFactory


class DisposalReads:
    def __init__(self, uow: UowFactory) -> None:
        self._uow = uow

    def awaiting_destruction(self, now: datetime) -> tuple[AwaitingUnit, ...]:
        with self._uow().reading() as uow:
            return units_awaiting_destruction(uow.session, now)
