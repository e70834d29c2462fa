"""Label reconciliation per batch (R-LBL-05) and the station lock built on it (R-LBL-11).

Every label that reached a printer must end applied, or voided and then destroyed under a
witness: printed = applied + voided + destroyed, with nothing left awaiting destruction.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.entities.labeling import LabelState, PrintedLabel, PrintJob, PrintJobStatus
from models.entities.production import Batch, ProductUnit
from models.kernel.rows import get_or_404
from models.labeling.errors import LabelsNotReconciledError, StationBusyError

OPEN_JOBS = (
    PrintJobStatus.REQUESTED,
    PrintJobStatus.PRINTING,
    PrintJobStatus.UNCONFIRMED,
    PrintJobStatus.FAILED,
)
# Never counted as printed; an unconfirmed label is counted on its own until a person's scan
# makes it printed or unsent.
_NOT_PRINTED = (LabelState.SENDING, LabelState.UNSENT, LabelState.UNCONFIRMED)


@dataclass(frozen=True)
class LabelReconciliation:
    batch_id: int
    batch_number: str
    printed: int
    applied: int
    voided: int  # voided and still awaiting witnessed destruction
    destroyed: int
    awaiting_check: int  # printed or verified, not yet applied
    rejected: int  # failed the double-check, not yet voided
    open_jobs: int  # requested, printing or failed (retryable)
    stopped_jobs: int
    unlabelled_units: tuple[str, ...]  # DINs of the batch's units with no applied label
    unconfirmed: int = 0  # sent, not confirmed by the printer nor by a person's scan

    @property
    def balanced(self) -> bool:
        return self.printed == self.applied + self.voided + self.destroyed

    def problems(self) -> list[str]:
        found = []
        if not self.balanced:
            found.append(
                f"printed {self.printed} ≠ applied {self.applied} + voided {self.voided} "
                f"+ destroyed {self.destroyed}"
            )
        if self.unconfirmed:
            found.append(f"{self.unconfirmed} label(s) sent but not confirmed: scan what came out")
        if self.voided:
            found.append(f"{self.voided} voided label(s) await witnessed destruction")
        if self.open_jobs:
            found.append(f"{self.open_jobs} print job(s) not finished or cancelled")
        if self.stopped_jobs:
            found.append(f"{self.stopped_jobs} print job(s) stopped by a deviation")
        return found

    @property
    def reconciled(self) -> bool:
        return not self.problems()


def reconciliation(session: Session, batch_id: int) -> LabelReconciliation:
    batch = get_or_404(session, Batch, batch_id, "batch")
    jobs = session.scalars(select(PrintJob).where(PrintJob.batch_id == batch_id)).all()
    labels = session.scalars(
        select(PrintedLabel)
        .join(PrintJob, PrintedLabel.print_job_id == PrintJob.id)
        .where(PrintJob.batch_id == batch_id, PrintedLabel.state.not_in(_NOT_PRINTED))
    ).all()
    states = Counter(label.state for label in labels)
    unconfirmed = session.scalar(
        select(func.count())
        .select_from(PrintedLabel)
        .join(PrintJob, PrintedLabel.print_job_id == PrintJob.id)
        .where(PrintJob.batch_id == batch_id, PrintedLabel.state == LabelState.UNCONFIRMED)
    )
    applied_units = {label.unit_id for label in labels if label.state is LabelState.APPLIED}
    units = session.scalars(select(ProductUnit).where(ProductUnit.batch_id == batch_id)).all()
    return LabelReconciliation(
        batch_id=batch.id,
        batch_number=batch.number,
        printed=len(labels),
        applied=states[LabelState.APPLIED],
        voided=states[LabelState.VOIDED],
        destroyed=states[LabelState.DESTROYED],
        awaiting_check=states[LabelState.PRINTED] + states[LabelState.VERIFIED],
        rejected=states[LabelState.REJECTED],
        open_jobs=sum(job.status in OPEN_JOBS for job in jobs),
        stopped_jobs=sum(job.line_stopped for job in jobs),
        unlabelled_units=tuple(
            u.din for u in units if u.id not in applied_units and u.voided_reason is None
        ),
        unconfirmed=unconfirmed or 0,
    )


def require_labels_reconciled(session: Session, batch_id: int) -> LabelReconciliation:
    """Release gate: raises ``LabelsNotReconciledError`` unless the batch's labels balance."""
    report = reconciliation(session, batch_id)
    if not report.reconciled:
        raise LabelsNotReconciledError(
            batch=report.batch_number, reason="; ".join(report.problems())
        )
    return report


def require_station_free(session: Session, station: str, batch_id: int) -> None:
    """One batch at a time per labeling station: another batch's unreconciled labels block."""
    others = session.scalars(
        select(PrintJob.batch_id)
        .where(PrintJob.station == station, PrintJob.batch_id != batch_id)
        .distinct()
    ).all()
    for other in others:
        report = reconciliation(session, other)
        if not report.reconciled:
            batch = get_or_404(session, Batch, batch_id, "batch")
            raise StationBusyError(station=station, other=report.batch_number, batch=batch.number)
