"""The labeling workflow as one service (issue #4), composed of focused parts:

* templates      – ``label_templates.TemplateActions``: versions, QA approval, retirement
* requests       – ``label_requests.RequestActions``: print requests, reprints, cancels
* printing       – ``label_print_run.PrintRunActions``: two-transaction print, crash recovery
* recovery       – ``label_recovery.RecoveryActions``: unconfirmed output confirmed by scans
* double-check   – ``label_checks.CheckActions``: second-person scan + field-by-field check
* label life     – ``label_life.LifeActions``: apply, void, witnessed destruction, resume
* reconciliation – ``models.labeling.reconciliation``: per-batch report and the release gate
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from models.entities.labeling import LabelTemplate, PrintedLabel, PrintJob, PrintJobStatus
from models.identity.signatures import SignatureService
from models.kernel.rows import get_or_404
from models.kernel.unit_of_work import UowFactory
from models.labeling.build import symbol_data
from models.labeling.check_items import CheckPlan, check_plan
from models.labeling.checks import CheckActions, VerificationResult
from models.labeling.fields import label_fields
from models.labeling.layout import human_readable_fields
from models.labeling.life import LifeActions
from models.labeling.print_run import PrintOutcome, PrintRunActions
from models.labeling.reconciliation import (
    OPEN_JOBS,
    LabelReconciliation,
    reconciliation,
    require_labels_reconciled,
)
from models.labeling.records import label_flags, template_layout
from models.labeling.recovery import RecoveryActions, RecoveryOutcome
from models.labeling.requests import RequestActions
from models.labeling.templates import TemplateActions

__all__ = [
    "CheckSheet",
    "LabelReconciliation",
    "LabelingService",
    "PrintOutcome",
    "RecoveryOutcome",
    "VerificationResult",
    "reconciliation",
    "require_labels_reconciled",
]


@dataclass(frozen=True)
class CheckSheet:
    """What the verifier compares a printed label with: each human-readable field's record
    value, in label order.  ``record_scan`` is the Data Matrix text the record implies, for
    demo data and simulations only; a real check submits what the scanner read."""

    label_id: int
    fields: tuple[tuple[str, str], ...]
    record_scan: str
    plan: CheckPlan  # which fields the scan confirms and what the verifier checks by eye

    def record_values(self) -> dict[str, str]:
        return dict(self.fields)


class LabelingService(
    TemplateActions, RequestActions, PrintRunActions, RecoveryActions, CheckActions, LifeActions
):
    def __init__(self, uow_factory: UowFactory, signatures: SignatureService) -> None:
        self._uow = uow_factory
        self._signatures = signatures

    def reconciliation(self, batch_id: int) -> LabelReconciliation:
        with self._uow() as uow:
            return reconciliation(uow.session, batch_id)

    def companion_jobs(self, job_id: int) -> list[int]:
        """Open information-sheet jobs that go with a partial label job (print them too)."""
        with self._uow() as uow:
            return list(
                uow.session.scalars(
                    select(PrintJob.id).where(
                        PrintJob.companion_of_id == job_id,
                        PrintJob.status.in_(OPEN_JOBS),
                        # awaits a person's scan (label recover), not another print
                        PrintJob.status != PrintJobStatus.UNCONFIRMED,
                    )
                )
            )

    def check_sheet(self, label_id: int) -> CheckSheet:
        with self._uow() as uow:
            label = get_or_404(uow.session, PrintedLabel, label_id, "printed label")
            job = get_or_404(uow.session, PrintJob, label.print_job_id, "print job")
            template = get_or_404(uow.session, LabelTemplate, job.template_id, "label template")
            flags = label_flags(template, label.is_reprint)
            fields = label_fields(uow.session, label.unit_id or 0, flags)
            layout = template_layout(template)
            return CheckSheet(
                label_id,
                tuple((name, fields.text(name)) for name in human_readable_fields(layout)),
                "]d1" + symbol_data(fields)["datamatrix"],
                check_plan(layout, fields),
            )
