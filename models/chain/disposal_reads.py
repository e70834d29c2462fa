"""Units awaiting destruction as a service: one read-only unit of work per call (the query,
which takes a Session, stays in disposal_queue.py)."""

from __future__ import annotations

from datetime import datetime

from models.chain.disposal_queue import AwaitingUnit, units_awaiting_destruction
from models.identity.accounts import find_user
from models.identity.sites import hospital_of, units_held_by
from models.kernel.unit_of_work import UowFactory


class DisposalReads:
    def __init__(self, uow: UowFactory) -> None:
        self._uow = uow

    def awaiting_destruction(
        self, now: datetime, username: str | None = None
    ) -> tuple[AwaitingUnit, ...]:
        """Every unit awaiting destruction; for ``username`` at a hospital, only the units
        held there (hospital staff see and act on the units shipped to them)."""
        with self._uow().reading() as uow:
            found = units_awaiting_destruction(uow.session, now)
            user = find_user(uow.session, username) if username else None
            hospital = hospital_of(uow.session, user) if user is not None else None
            if hospital is None:
                return found
            held = units_held_by(uow.session, hospital)
            return tuple(u for u in found if u.unit_id in held)
