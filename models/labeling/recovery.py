"""Recovering a print job whose output nobody confirmed (issue 13, item 4).

A job is left PRINTING by a crash, UNCONFIRMED by a printer that cannot confirm, or FAILED
with an unconfirmed label by a printer that broke off mid-job.  The person at the station
scans every label of the job that came out: those become PRINTED (audited PRINT, as if the
printer had confirmed them); every other label awaiting confirmation becomes UNSENT, so its
unit is printed again by the next run of the job.  Nothing is voided that never existed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from models.entities.labeling import LabelState, PrintedLabel, PrintJob, PrintJobStatus
from models.i18n import Message
from models.identity.accounts import require_actor
from models.kernel.audit import AuditAction
from models.kernel.errors import InvalidTransitionError
from models.kernel.rows import get_or_404
from models.kernel.unit_of_work import UnitOfWork, UowFactory
from models.labeling.job_failure import failure_record
from models.labeling.print_run import PRINT_ROLES, mark_printed
from models.labeling.recovery_match import AWAITING, RecoveryLabel, RecoveryMatcher

RECOVERABLE = (PrintJobStatus.PRINTING, PrintJobStatus.UNCONFIRMED, PrintJobStatus.FAILED)


@dataclass(frozen=True)
class RecoveryOutcome:
    job_id: int
    status: PrintJobStatus
    printed_label_ids: tuple[int, ...]  # confirmed by the scans
    unsent_label_ids: tuple[int, ...]  # did not come out: their units print again


class RecoveryActions:
    _uow: UowFactory

    def recovery_labels(self, job_id: int) -> list[RecoveryLabel]:
        """The job's labels awaiting a person's word on whether they came out (read only)."""
        with self._uow().reading() as uow:
            job = get_or_404(uow.session, PrintJob, job_id, "print job")
            return RecoveryMatcher(uow.session, job).awaiting()

    def match_recovery_scan(self, job_id: int, scanned: str) -> RecoveryLabel:
        """The label of ``job_id`` that ``scanned`` names, as recover_job will match it (read
        only: the station shows each scan's unit at once and refuses a foreign one)."""
        with self._uow().reading() as uow:
            job = get_or_404(uow.session, PrintJob, job_id, "print job")
            return RecoveryMatcher(uow.session, job).match(scanned)

    def recover_job(self, *, job_id: int, scanned: Sequence[str], actor: str) -> RecoveryOutcome:
        """Record what came out of ``job_id``: ``scanned`` holds one scan per label that
        exists.  A scan that is no label of the job refuses the whole recovery."""
        with self._uow() as uow:
            require_actor(uow.session, actor, PRINT_ROLES, "recover print jobs")
            job = get_or_404(uow.session, PrintJob, job_id, "print job")
            awaiting = _job_labels(uow, job_id, AWAITING)
            if job.status not in RECOVERABLE or not awaiting:
                raise InvalidTransitionError(
                    kind="print job", ident=job_id, current=job.status.value, target="recovered"
                )
            matcher = RecoveryMatcher(uow.session, job)
            came_out = {matcher.match(text).id for text in scanned}
            now, old_status = uow.clock(), job.status.value
            printed, unsent = [], []
            for label in awaiting:
                old = label.state.value
                if label.id in came_out:
                    mark_printed(uow, label, actor, now)
                    printed.append(label.id)
                else:
                    label.state, label.printed_at = LabelState.UNSENT, None
                    unsent.append(label.id)
                uow.audit.record(
                    AuditAction.TRANSITION,
                    actor=actor,
                    subject_type="printed_label",
                    subject_id=label.id,
                    old={"state": old},
                    new={"state": label.state.value, "recovered_by_scan": True},
                )
            job.status = PrintJobStatus.FAILED if unsent else PrintJobStatus.PRINTED
            unsent_note = Message.of("label.recovered_unsent", count=len(unsent))
            job.failure = failure_record(unsent_note) if unsent else None
            uow.audit.record(
                AuditAction.TRANSITION,
                actor=actor,
                subject_type="print_job",
                subject_id=job.id,
                old={"status": old_status},
                new={
                    "status": job.status.value,
                    "recovered": True,
                    "printed": printed,
                    "unsent": unsent,
                    "scanned": [text.strip()[:200] for text in scanned],
                },
                reason=unsent_note.message("en") if unsent else None,
            )
            uow.commit()
            return RecoveryOutcome(job_id, job.status, tuple(printed), tuple(unsent))


def _job_labels(uow: UnitOfWork, job_id: int, states: Sequence[LabelState]) -> list[PrintedLabel]:
    return list(
        uow.session.scalars(
            select(PrintedLabel)
            .where(PrintedLabel.print_job_id == job_id, PrintedLabel.state.in_(states))
            .order_by(PrintedLabel.id)
        )
    )
