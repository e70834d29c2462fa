"""The cleanroom work list and the release desk's batch choice as a service: each call opens
its own read-only unit of work (the queries, which take a Session, stay in work.py)."""

from __future__ import annotations

from models.chain.records import StepRow
from models.cleanroom import work
from models.cleanroom.work import ReleaseChoice, WorkList
from models.kernel.unit_of_work import UowFactory


class CleanroomReads:
    def __init__(self, uow: UowFactory) -> None:
        self._uow = uow

    def work_list(self) -> WorkList:
        with self._uow().reading() as uow:
            return work.work_list(uow.session)

    def batch_steps(self, batch_id: int) -> tuple[StepRow, ...]:
        with self._uow().reading() as uow:
            return work.batch_steps(uow.session, batch_id)

    def release_batches(self) -> list[ReleaseChoice]:
        with self._uow().reading() as uow:
            return work.release_batches(uow.session)
