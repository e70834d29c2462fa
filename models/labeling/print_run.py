"""Printing a job: two short transactions with the device I/O between them (style S3).

txn 1 claims the job, renders every label and archives the exact bytes (state SENDING);
the bytes then go to the printer with no database transaction open; txn 2 records what
happened.  Only a label the printer confirmed (``Outcome.CONFIRMED``) becomes PRINTED; one it
was sent but could not vouch for (``Outcome.SENT``, or a ``PrinterOutputUnknownError``) is
UNCONFIRMED until a person scans what came out (``models.labeling.recovery``).  A failure
leaves the job FAILED and retryable; a crash in between leaves it PRINTING, for the same
recovery by scanning (or ``reconcile_interrupted_jobs``, which voids).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from models.entities.accounts import Role, Signature
from models.entities.labeling import (
    LabelState,
    LabelTemplate,
    PrintedLabel,
    PrintJob,
    PrintJobStatus,
)
from models.i18n import Message, describe
from models.identity.accounts import require_actor
from models.identity.signatures import signature_matches
from models.kernel.audit import AuditAction
from models.kernel.errors import InvalidTransitionError
from models.kernel.record_version import claim
from models.kernel.rows import get_or_404
from models.kernel.unit_of_work import UnitOfWork, UowFactory
from models.labeling.build import build_label
from models.labeling.errors import ReprintNotApprovedError
from models.labeling.fields import label_fields
from models.labeling.job_failure import failure_record
from models.labeling.layout import Layout
from models.labeling.life import mark_voided
from models.labeling.records import content_json, job_unit_ids, label_flags
from models.labeling.requests import reprint_content
from models.labeling.templates import usable_template
from printing import port
from printing.resolution import at_device_resolution

PRINT_ROLES = (Role.OPERATOR, Role.QA)
# Those who may print or cancel a job, and the administrator who restarts a crashed station;
# never the auditor (read-only) or anyone who cannot handle labels.
RECONCILE_ROLES = (Role.OPERATOR, Role.QA, Role.ADMIN)
INTERRUPTED = "printing was interrupted; any label that came out must be destroyed"


@dataclass(frozen=True)
class PrintOutcome:
    job_id: int
    status: PrintJobStatus
    printed_label_ids: tuple[int, ...]  # confirmed by the printer
    failure: port.PrinterError | None = None
    unconfirmed_label_ids: tuple[int, ...] = ()  # a person must say whether they came out


@dataclass(frozen=True)
class _Sent:
    confirmed: list[int]
    unconfirmed: list[int]


class PrintRunActions:
    _uow: UowFactory

    def print_job(
        self,
        *,
        job_id: int,
        printer: port.LabelPrinter,
        actor: str,
        expected_version: int | None = None,
    ) -> PrintOutcome:
        """Print every label of the job not yet printed; never raises ``PrinterError``.
        ``expected_version``: the job's version the queue showed; a job printed, cancelled or
        changed at another station since is refused by name before anything is rendered."""
        try:
            claimed = self._claim(job_id, printer, actor, expected_version)
        except port.PrinterError as exc:  # refused before any label was claimed
            return self._refused(job_id, exc, actor)
        sent = _Sent([], [])
        failure: port.PrinterError | None = None
        for label_id, device_job in claimed:  # device I/O: no database transaction is open
            try:
                result = printer.send(device_job)
            except port.PrinterOutputUnknownError as exc:  # bytes may be on paper
                sent.unconfirmed.append(label_id)
                failure = exc
                break
            except port.PrinterError as exc:  # nothing of this label reached the printer
                failure = exc
                break
            confirmed = result.outcome is port.Outcome.CONFIRMED
            (sent.confirmed if confirmed else sent.unconfirmed).append(label_id)
        return self._finish(job_id, sent, failure, actor)

    def _claim(
        self, job_id: int, printer: port.LabelPrinter, actor: str, expected: int | None
    ) -> list[tuple[int, port.PrintJob]]:
        # Asked before the transaction (device I/O): labels are rendered at the print head's
        # resolution, and a printer of another resolution than its address fixes is refused
        # here, as a label too large for the station's media is while rendering (rolled back).
        printer = at_device_resolution(printer)
        with self._uow() as uow:
            # First, under the chain head's lock: two stations pressing Print on one job at
            # once render its labels once; the second sees it printing (or is refused by name).
            claim(uow, "print_job", job_id, expected)
            require_actor(uow.session, actor, PRINT_ROLES, "print labels")
            job = get_or_404(uow.session, PrintJob, job_id, "print job")
            _require_printable(uow, job)
            template, layout = usable_template(uow.session, job.template_id)
            flags = label_flags(template, bool(job.reprint_reason))
            claimed = [
                _render(uow, job, layout, unit_id, flags, printer)
                for unit_id in _pending_units(uow, job)
            ]
            job.status, job.printed_by = PrintJobStatus.PRINTING, actor
            job.printer_address, job.failure = printer.address, None
            uow.audit.record(
                AuditAction.TRANSITION,
                actor=actor,
                subject_type="print_job",
                subject_id=job.id,
                new={"status": "printing", "printer": printer.address, "labels": len(claimed)},
            )
            uow.commit()
            return claimed

    def _refused(self, job_id: int, failure: port.PrinterError, actor: str) -> PrintOutcome:
        """Refused before any label was claimed (printer unreachable, another resolution,
        media too small): no label exists, and the job is FAILED (retryable) with the reason,
        as a failed print run leaves it.  Refusals the claim would give come first."""
        with self._uow() as uow:
            claim(uow, "print_job", job_id, None)  # as in _claim: see another station's print
            require_actor(uow.session, actor, PRINT_ROLES, "print labels")
            job = get_or_404(uow.session, PrintJob, job_id, "print job")
            _require_printable(uow, job)
            old, job.status = job.status, PrintJobStatus.FAILED
            job.failure = describe(failure, "en")[:500]
            uow.audit.record(
                AuditAction.TRANSITION,
                actor=actor,
                subject_type="print_job",
                subject_id=job.id,
                old={"status": old.value},
                new={"status": job.status.value, "sent": 0},
                reason=job.failure,
            )
            uow.commit()
            return PrintOutcome(job_id, job.status, (), failure)

    def _finish(
        self, job_id: int, sent: _Sent, failure: port.PrinterError | None, actor: str
    ) -> PrintOutcome:
        with self._uow() as uow:
            job = get_or_404(uow.session, PrintJob, job_id, "print job")
            now = uow.clock()
            for label in _labels(uow, job_id, LabelState.SENDING):
                if label.id in sent.confirmed:
                    mark_printed(uow, label, actor, now)
                elif label.id in sent.unconfirmed:
                    label.state = LabelState.UNCONFIRMED
                    uow.audit.record(
                        AuditAction.TRANSITION,
                        actor=actor,
                        subject_type="printed_label",
                        subject_id=label.id,
                        old={"state": "sending"},
                        new={"state": "unconfirmed", "sha256": label.payload_sha256},
                    )
                else:
                    label.state = LabelState.UNSENT
            job.status = _finished_status(uow, job_id, failure)
            job.printed_at = now
            # as data, so the station shows it in its reader's language
            job.failure = failure_record(failure) if failure else None
            uow.audit.record(
                AuditAction.TRANSITION,
                actor=actor,
                subject_type="print_job",
                subject_id=job.id,
                old={"status": "printing"},
                new={
                    "status": job.status.value,
                    "sent": len(sent.confirmed) + len(sent.unconfirmed),
                    "unconfirmed": len(sent.unconfirmed),
                },
                reason=describe(failure, "en")[:500] if failure else None,
            )
            uow.commit()
            return PrintOutcome(
                job_id,
                job.status,
                tuple(sent.confirmed),
                failure,
                tuple(sent.unconfirmed),
            )

    def reconcile_interrupted_jobs(self, *, actor: str) -> list[int]:
        """At start-up: jobs left PRINTING by a crash become FAILED; their in-flight labels
        may exist on paper, so they are voided and must be destroyed (then reprinted)."""
        with self._uow() as uow:
            require_actor(uow.session, actor, RECONCILE_ROLES, "reconcile interrupted print jobs")
            jobs = uow.session.scalars(
                select(PrintJob).where(PrintJob.status == PrintJobStatus.PRINTING)
            ).all()
            for job in jobs:
                for label in _labels(uow, job.id, LabelState.SENDING):
                    mark_voided(uow, label, actor, INTERRUPTED)
                job.status = PrintJobStatus.FAILED
                job.failure = failure_record(Message.of("label.interrupted"))
                uow.audit.record(
                    AuditAction.TRANSITION,
                    actor=actor,
                    subject_type="print_job",
                    subject_id=job.id,
                    old={"status": "printing"},
                    new={"status": "failed"},
                    reason=INTERRUPTED,
                )
            uow.commit()
            return [job.id for job in jobs]


def mark_printed(uow: UnitOfWork, label: PrintedLabel, actor: str, now: datetime) -> None:
    """The label exists on paper (the printer or a person's scan said so): audited PRINT."""
    label.state, label.printed_at = LabelState.PRINTED, now
    uow.audit.record(
        AuditAction.PRINT,
        actor=actor,
        subject_type="printed_label",
        subject_id=label.id,
        new={
            "unit_id": label.unit_id,
            "sha256": label.payload_sha256,
            "reprint": label.is_reprint,
        },
    )


def _finished_status(
    uow: UnitOfWork, job_id: int, failure: port.PrinterError | None
) -> PrintJobStatus:
    """FAILED (retryable) on a failure; UNCONFIRMED while any label awaits a person's scan."""
    if failure:
        return PrintJobStatus.FAILED
    if _labels(uow, job_id, LabelState.UNCONFIRMED):
        return PrintJobStatus.UNCONFIRMED
    return PrintJobStatus.PRINTED


def _require_printable(uow: UnitOfWork, job: PrintJob) -> None:
    if job.status not in (PrintJobStatus.REQUESTED, PrintJobStatus.FAILED):
        raise InvalidTransitionError(
            kind="print job", ident=job.id, current=job.status.value, target="printing"
        )
    _require_reprint_approval(uow, job)


def _require_reprint_approval(uow: UnitOfWork, job: PrintJob) -> None:
    if not job.reprint_reason:
        return
    signature = (
        uow.session.get(Signature, job.reprint_approval_signature_id)
        if job.reprint_approval_signature_id
        else None
    )
    if signature is None or not signature_matches(signature, reprint_content(job)):
        raise ReprintNotApprovedError(job=job.id)


def _labels(uow: UnitOfWork, job_id: int, *states: LabelState) -> list[PrintedLabel]:
    return list(
        uow.session.scalars(
            select(PrintedLabel)
            .where(PrintedLabel.print_job_id == job_id, PrintedLabel.state.in_(states))
            .order_by(PrintedLabel.id)
        )
    )


def _pending_units(uow: UnitOfWork, job: PrintJob) -> list[int]:
    """Units with no label from this job yet; UNSENT attempts do not count."""
    done = set(
        uow.session.scalars(
            select(PrintedLabel.unit_id).where(
                PrintedLabel.print_job_id == job.id, PrintedLabel.state != LabelState.UNSENT
            )
        )
    )
    return [unit_id for unit_id in job_unit_ids(job) if unit_id not in done]


def _render(
    uow: UnitOfWork,
    job: PrintJob,
    layout: Layout,
    unit_id: int,
    flags: str,
    printer: port.LabelPrinter,
) -> tuple[int, port.PrintJob]:
    content = build_label(layout, label_fields(uow.session, unit_id, flags))
    label = PrintedLabel(
        print_job_id=job.id,
        unit_id=unit_id,
        is_reprint=bool(job.reprint_reason),
        state=LabelState.SENDING,
        content_json=content_json(content),
        payload=b"",
        payload_sha256="",
        reprint_of_id=_original(uow, job, unit_id),
    )
    uow.session.add(label)
    uow.session.flush()  # the label id names the device job (and the file of a file printer)
    # Imported here: the renderers pull in Pillow and the bar-code libraries, which every
    # start of the app and of the CLI would otherwise pay for before any label is printed.
    from printing.payload import make_job

    device_job = make_job(f"celltrail-label-{label.id}", content, printer)
    label.payload = device_job.payload
    label.payload_sha256 = hashlib.sha256(device_job.payload).hexdigest()
    return label.id, device_job


def _original(uow: UnitOfWork, job: PrintJob, unit_id: int) -> int | None:
    """For a reprint: the unit's latest earlier label of the same template code."""
    if not job.reprint_reason:
        return None
    template = get_or_404(uow.session, LabelTemplate, job.template_id, "label template")
    return uow.session.scalar(
        select(PrintedLabel.id)
        .join(PrintJob, PrintedLabel.print_job_id == PrintJob.id)
        .join(LabelTemplate, PrintJob.template_id == LabelTemplate.id)
        .where(
            PrintedLabel.unit_id == unit_id,
            LabelTemplate.code == template.code,
            PrintedLabel.state != LabelState.UNSENT,
            PrintJob.id != job.id,
        )
        .order_by(PrintedLabel.id.desc())
        .limit(1)
    )
