"""Label print requests: first prints, controlled reprints (reason + QA approval), cancels."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.entities.accounts import Role, SignatureMeaning
from models.entities.labeling import (
    LabelState,
    LabelTemplate,
    PrintedLabel,
    PrintJob,
    PrintJobStatus,
)
from models.entities.production import Batch, ProductUnit
from models.identity.accounts import require_actor
from models.identity.signatures import SignatureService, require_different_person
from models.kernel.audit import AuditAction
from models.kernel.canonical import canonical_json
from models.kernel.errors import InvalidTransitionError, ValidationError
from models.kernel.record_version import claim
from models.kernel.rows import get_or_404
from models.kernel.unit_of_work import UnitOfWork, UowFactory
from models.labeling.containers import require_template_fits
from models.labeling.errors import AlreadyLabelledError
from models.labeling.reconciliation import OPEN_JOBS, require_station_free
from models.labeling.records import current_template, job_unit_ids
from models.labeling.templates import usable_template
from models.labeling.workspace_lock import require_workspace_free

REQUEST_ROLES = (Role.OPERATOR, Role.QA)
REPRINT_APPROVER_ROLES = (Role.QA, Role.QA_HEAD)


def reprint_content(job: PrintJob) -> dict[str, object]:
    return {
        "job_id": job.id,
        "batch_id": job.batch_id,
        "template_id": job.template_id,
        "unit_ids": job_unit_ids(job),
        "reason": job.reprint_reason,
        "requested_by": job.requested_by,
    }


def _check_units(session: Session, batch: Batch, template: LabelTemplate, ids: list[int]) -> None:
    if not ids:
        raise ValidationError(field="units", reason="choose at least one unit to label")
    for unit_id in ids:
        unit = get_or_404(session, ProductUnit, unit_id, "product unit")
        if unit.batch_id != batch.id or unit.voided_reason is not None:
            raise ValidationError(
                field="units", reason=f"{unit.din} is not a unit of {batch.number}"
            )
        require_template_fits(template, unit)
        _refuse_second_label(session, unit, template.code)


def _refuse_second_label(session: Session, unit: ProductUnit, code: str) -> None:
    """A unit gets one label per template; any further one is a controlled reprint."""
    jobs = session.scalars(
        select(PrintJob)
        .join(LabelTemplate, PrintJob.template_id == LabelTemplate.id)
        .where(PrintJob.batch_id == unit.batch_id, LabelTemplate.code == code)
    ).all()
    for job in jobs:
        if unit.id not in job_unit_ids(job):
            continue
        printed = session.scalar(
            select(PrintedLabel.id).where(
                PrintedLabel.print_job_id == job.id,
                PrintedLabel.unit_id == unit.id,
                PrintedLabel.state != LabelState.UNSENT,
            )
        )
        if printed is not None or job.status in OPEN_JOBS:
            raise AlreadyLabelledError(din=unit.din, template=code)


def _new_job(
    uow: UnitOfWork,
    template: LabelTemplate,
    batch_id: int,
    unit_ids: list[int],
    printer_address: str,
    station: str,
    actor: str,
    workspace_id: int | None = None,
) -> PrintJob:
    job = PrintJob(
        batch_id=batch_id,
        template_id=template.id,
        printer_address=printer_address,
        requested_by=actor,
        requested_at=uow.clock(),
        station=station,
        workspace_id=workspace_id,
        unit_ids=canonical_json(unit_ids),
    )
    uow.session.add(job)
    uow.session.flush()
    return job


class RequestActions:
    _uow: UowFactory
    _signatures: SignatureService

    def request_labels(
        self,
        *,
        batch_id: int,
        template_id: int,
        unit_ids: list[int],
        printer_address: str,
        station: str,
        actor: str,
        workspace: str | None = None,
    ) -> int:
        """Queue labels for ``unit_ids``; a partial template also queues its information
        sheets as a companion job (R-LBL-10).  Returns the label job's id. ``workspace``: the
        operating space the label station stands in (R-LBL-11)."""
        with self._uow() as uow:
            require_actor(uow.session, actor, REQUEST_ROLES, "request labels")
            batch = get_or_404(uow.session, Batch, batch_id, "batch")
            template, layout = usable_template(uow.session, template_id)
            require_station_free(uow.session, station, batch_id)
            space = require_workspace_free(uow.session, workspace, batch)
            space_id = space.id if space is not None else None
            _check_units(uow.session, batch, template, unit_ids)
            job = _new_job(
                uow, template, batch_id, unit_ids, printer_address, station, actor, space_id
            )
            jobs = [job]
            if template.partial and layout.info_sheet:
                sheet = current_template(uow.session, layout.info_sheet)
                usable_template(uow.session, sheet.id)
                _check_units(uow.session, batch, sheet, unit_ids)
                companion = _new_job(
                    uow, sheet, batch_id, unit_ids, printer_address, station, actor, space_id
                )
                companion.companion_of_id = job.id
                jobs.append(companion)
            for each in jobs:
                uow.audit.record(
                    AuditAction.CREATE,
                    actor=actor,
                    subject_type="print_job",
                    subject_id=each.id,
                    new={
                        "batch": batch.number,
                        "template_id": each.template_id,
                        "units": unit_ids,
                        "station": station,
                        "workspace": workspace if space_id is not None else None,
                    },
                )
            uow.commit()
            return job.id

    def request_reprint(
        self,
        *,
        label_id: int,
        reason: str,
        printer_address: str,
        station: str,
        actor: str,
        workspace: str | None = None,
    ) -> int:
        """A new job for one voided/destroyed label's unit; it prints only after QA approval
        and carries the ISBT 128 repeat-label flag 05."""
        if not reason.strip():
            raise ValidationError(field="reason", reason="a reprint needs a reason")
        with self._uow() as uow:
            require_actor(uow.session, actor, REQUEST_ROLES, "request reprints")
            original = get_or_404(uow.session, PrintedLabel, label_id, "printed label")
            if original.state not in (LabelState.VOIDED, LabelState.DESTROYED):
                raise InvalidTransitionError(
                    kind="label",
                    ident=label_id,
                    current=original.state.value,
                    target="reprinted (void it first)",
                )
            old_job = get_or_404(uow.session, PrintJob, original.print_job_id, "print job")
            old_template = get_or_404(
                uow.session, LabelTemplate, old_job.template_id, "label template"
            )
            template = current_template(uow.session, old_template.code)
            require_station_free(uow.session, station, old_job.batch_id)
            batch = get_or_404(uow.session, Batch, old_job.batch_id, "batch")
            space = require_workspace_free(uow.session, workspace, batch)
            assert original.unit_id is not None
            job = _new_job(
                uow,
                template,
                old_job.batch_id,
                [original.unit_id],
                printer_address,
                station,
                actor,
                space.id if space is not None else None,
            )
            job.reprint_reason = reason.strip()
            uow.audit.record(
                AuditAction.CREATE,
                actor=actor,
                subject_type="print_job",
                subject_id=job.id,
                new={"reprint_of_label": label_id, "units": [original.unit_id]},
                reason=reason,
            )
            uow.commit()
            return job.id

    def approve_reprint(
        self, *, job_id: int, username: str, password: str, expected_version: int | None = None
    ) -> None:
        """``expected_version``: the job's version the screen showed; a reprint approved or
        cancelled at another station since is refused by name (record_version.claim)."""
        with self._uow() as uow:
            require_different_person(
                get_or_404(uow.session, PrintJob, job_id, "print job").requested_by,
                username,
                uow.session,
            )
        signer = self._signatures.reauthenticate(username, password, SignatureMeaning.APPROVED)
        with self._uow() as uow:
            claim(uow, "print_job", job_id, expected_version)
            job = get_or_404(uow.session, PrintJob, job_id, "print job")
            if not job.reprint_reason or job.reprint_approval_signature_id is not None:
                raise InvalidTransitionError(
                    kind="print job",
                    ident=job_id,
                    current="not awaiting reprint approval",
                    target="approved",
                )
            require_different_person(job.requested_by, username, uow.session)
            signature = self._signatures.sign(
                uow,
                signer=signer,
                meaning=SignatureMeaning.APPROVED,
                subject_type="print_job",
                subject_id=job.id,
                content=reprint_content(job),
                allowed_roles=REPRINT_APPROVER_ROLES,
                reason=job.reprint_reason,
            )
            job.reprint_approval_signature_id = signature.id
            uow.commit()

    def cancel_job(
        self, *, job_id: int, actor: str, reason: str, expected_version: int | None = None
    ) -> None:
        """Abandon a requested or failed job (its printed labels stay to be reconciled)."""
        if not reason.strip():
            raise ValidationError(field="reason", reason="cancelling a print job needs a reason")
        with self._uow() as uow:
            claim(uow, "print_job", job_id, expected_version)
            require_actor(uow.session, actor, REQUEST_ROLES, "cancel print jobs")
            job = get_or_404(uow.session, PrintJob, job_id, "print job")
            if job.status not in (PrintJobStatus.REQUESTED, PrintJobStatus.FAILED):
                raise InvalidTransitionError(
                    kind="print job", ident=job_id, current=job.status.value, target="cancelled"
                )
            old = job.status.value
            job.status = PrintJobStatus.CANCELLED
            uow.audit.record(
                AuditAction.TRANSITION,
                actor=actor,
                subject_type="print_job",
                subject_id=job.id,
                old={"status": old},
                new={"status": "cancelled"},
                reason=reason,
            )
            uow.commit()
