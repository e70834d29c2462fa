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
from typing import Any

from sqlalchemy import select

from models.entities.labeling import (
    LabelState,
    LabelTemplate,
    PrintedLabel,
    PrintJob,
    PrintJobStatus,
)
from models.i18n import render
from models.identity.accounts import require_actor
from models.isbt128 import Isbt128Error
from models.kernel.audit import AuditAction
from models.kernel.errors import InvalidTransitionError
from models.kernel.rows import get_or_404
from models.kernel.unit_of_work import UnitOfWork, UowFactory
from models.labeling.build import expected_scans, scan_value
from models.labeling.checks import _parse
from models.labeling.errors import (
    RecoveryScanAmbiguousError,
    RecoveryScanUnmatchedError,
    ScanRefusedError,
)
from models.labeling.fields import label_fields
from models.labeling.print_run import PRINT_ROLES, mark_printed
from models.labeling.records import label_flags

RECOVERABLE = (PrintJobStatus.PRINTING, PrintJobStatus.UNCONFIRMED, PrintJobStatus.FAILED)
AWAITING = (LabelState.SENDING, LabelState.UNCONFIRMED)


@dataclass(frozen=True)
class RecoveryOutcome:
    job_id: int
    status: PrintJobStatus
    printed_label_ids: tuple[int, ...]  # confirmed by the scans
    unsent_label_ids: tuple[int, ...]  # did not come out: their units print again


class RecoveryActions:
    _uow: UowFactory

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
            came_out = _matched(uow, job, scanned)
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
            job.failure = (
                render("label.recovered_unsent", "en", count=len(unsent)) if unsent else None
            )
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
                reason=job.failure,
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


def _matched(uow: UnitOfWork, job: PrintJob, scanned: Sequence[str]) -> set[int]:
    """Ids of the job's labels the scans name.  A label already recorded as printed may be
    scanned again (the person scans the whole pile); it is simply not changed."""
    template = get_or_404(uow.session, LabelTemplate, job.template_id, "label template")
    known = [
        label
        for label in _job_labels(uow, job.id, [s for s in LabelState if s is not LabelState.UNSENT])
        if label.unit_id is not None
    ]
    expected = {
        label.id: expected_scans(
            label_fields(uow.session, label.unit_id or 0, label_flags(template, label.is_reprint))
        )
        for label in known
    }
    found: set[int] = set()
    for text in scanned:
        values = _values(text)
        fits = [
            label.id
            for label in known
            if values["din"] & expected[label.id] and values["all"] <= expected[label.id]
        ]
        if not fits:
            raise RecoveryScanUnmatchedError(scan=text.strip()[:80], job=job.id)
        if len(fits) > 1:
            raise RecoveryScanAmbiguousError(scan=text.strip()[:80], job=job.id)
        found.add(fits[0])
    return found


def _values(text: str) -> dict[str, set[Any]]:
    try:
        scans = _parse(text)
    except Isbt128Error as exc:
        raise ScanRefusedError(reason=exc) from exc
    return {
        "din": {scan_value(scan) for scan in scans if scan.kind == "din"},
        "all": {scan_value(scan) for scan in scans},
    }
