"""The home screen's reads as a service: one read-only unit of work per call (the queries,
which take a Session, stay in dashboard.py and work_queue.py)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from models.i18n import Message
from models.kernel.errors import DomainError
from models.kernel.unit_of_work import UowFactory
from models.overview.dashboard import Dashboard, load_dashboard
from models.overview.work_queue import WorkQueue, load_work_queue

# (batch id, user) → the reasons that batch cannot be released by that user yet (none: ready)
ReleaseBlockers = Callable[[int, str], Sequence[Message]]


class DashboardReads:
    def __init__(self, uow: UowFactory, release_blockers: ReleaseBlockers | None = None) -> None:
        self._uow = uow
        self._release_blockers = release_blockers

    def dashboard(self) -> Dashboard:
        with self._uow().reading() as uow:
            return load_dashboard(uow.session)

    def work_queue(self, username: str) -> WorkQueue:
        """What waits for QA; each quarantined batch with its release readiness for
        ``username`` (the release page's own assessment, so the two never disagree)."""
        with self._uow().reading() as uow:
            queue = load_work_queue(uow.session)
        if self._release_blockers is None:
            return queue
        assessed = tuple(
            replace(batch, blockers=self._assess(batch.batch_id, username))
            for batch in queue.awaiting_release
        )
        return replace(queue, awaiting_release=assessed)

    def _assess(self, batch_id: int, username: str) -> tuple[Message, ...]:
        assert self._release_blockers is not None
        try:
            return tuple(self._release_blockers(batch_id, username))
        except DomainError as error:  # e.g. records differ from their trail: say so, go on
            return (Message.about(error),)
