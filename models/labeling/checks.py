"""The double-check after printing and the rest of a label's life (R-LBL-05, R-LBL-06, S3).

A second person, signing with their own credentials, scans every printed label.  The scan is
parsed as ISBT 128 and compared with a fresh read of the record the moment it is read
(``compare_scan``): the fields the symbols carry are confirmed by it, any mismatch rejects
the label, stops the line and opens a deviation.  The verifier then confirms, item by item,
what only eyes can check (``check_items``) and signs; ``verify_label`` compares the scan
again and decides.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy.orm import Session

from models.entities.accounts import Role, SignatureMeaning
from models.entities.labeling import LabelState, LabelTemplate, PrintedLabel, PrintJob
from models.entities.production import ProductUnit
from models.entities.quality import Deviation
from models.identity.accounts import require_actor
from models.identity.signatures import SignatureService, require_different_person
from models.isbt128 import Isbt128Error, parse_concatenated, parse_scan
from models.isbt128.structures import ParsedScan
from models.kernel.audit import AuditAction
from models.kernel.errors import InvalidTransitionError, ValidationError
from models.kernel.record_check import require_intact
from models.kernel.record_version import claim
from models.kernel.rows import get_or_404
from models.kernel.unit_of_work import UnitOfWork, UowFactory
from models.labeling.build import expected_scans, scan_value
from models.labeling.check_items import CheckPlan, check_plan, matched_by_scan
from models.labeling.errors import (
    FieldsNotConfirmedError,
    FieldsNotScannedError,
    LineStoppedError,
    ScanRefusedError,
)
from models.labeling.fields import label_fields
from models.labeling.mismatch import (
    Mismatch,
    field_not_confirmed,
    scan_lacks_din,
    scan_not_on_record,
)
from models.labeling.records import label_flags, template_layout

VERIFIER_ROLES = (Role.VERIFIER, Role.QA)
HANDLER_ROLES = (Role.OPERATOR, Role.VERIFIER, Role.QA)


@dataclass(frozen=True)
class VerificationResult:
    label_id: int
    accepted: bool
    mismatches: tuple[Mismatch, ...] = ()
    deviation_id: int | None = None


def _parse(text: str) -> tuple[ParsedScan, ...]:
    """A scan is mandatory: a typed DIN is refused; concatenated reads and the 2-D symbol's
    compound message (DS023, count checked) are split into their structures."""
    body = text.strip()
    if body.startswith("]") or body[:1] in ("=", "&"):
        return parse_concatenated(text)
    return (parse_scan(text, allow_keyboard=False),)


def label_and_job(uow: UnitOfWork, label_id: int) -> tuple[PrintedLabel, PrintJob]:
    label = get_or_404(uow.session, PrintedLabel, label_id, "printed label")
    return label, get_or_404(uow.session, PrintJob, label.print_job_id, "print job")


def require_state(label: PrintedLabel, allowed: Iterable[LabelState], target: str) -> None:
    if label.state not in tuple(allowed):
        raise InvalidTransitionError(
            kind="label", ident=label.id, current=label.state.value, target=target
        )


def require_line_running(job: PrintJob) -> None:
    if job.line_stopped:
        raise LineStoppedError(job=job.id, deviation=job.deviation_id)


def _require_second_person(session: Session, job: PrintJob, verifier: str) -> None:
    require_different_person(job.requested_by, verifier, session)
    if job.printed_by:
        require_different_person(job.printed_by, verifier, session)


@dataclass(frozen=True)
class ScanComparison:
    """A scan compared with the record the moment it is read.  ``rejected`` is set when it
    did not match: the label is rejected, the line stopped and a deviation open already."""

    label_id: int
    matched: tuple[str, ...]  # fields the scan confirmed against the record
    unscanned: tuple[str, ...]  # fields a symbol carries that this scan did not (scan the 2-D)
    by_eye: tuple[str, ...]  # text only a person can check
    physical: tuple[str, ...]  # print quality, the right container
    rejected: VerificationResult | None = None


class CheckActions:
    _uow: UowFactory
    _signatures: SignatureService

    def compare_scan(
        self,
        *,
        label_id: int,
        scanned_text: str,
        actor: str,
        expected_version: int | None = None,
    ) -> ScanComparison:
        """Compare a scanned label with the record at once, before anyone signs: a mismatch
        stops the line now (R-LBL-06), whoever at the station scanned it.
        ``expected_version``: the label's version the screen read (record_version.claim)."""
        with self._uow() as uow:
            claim(uow, "printed_label", label_id, expected_version)
            require_actor(uow.session, actor, HANDLER_ROLES, "check labels")
            label, job, template = _checkable(uow, label_id)
            plan = _plan(uow, label, template)
            scans = self._parse_or_refuse(uow, label, actor, scanned_text)
            mismatches, matched = _compare_scan(uow, label, template, scans)
            rejected = self._reject(uow, label, job, actor, mismatches) if mismatches else None
            return ScanComparison(
                label.id,
                tuple(f for f in plan.by_scan if f in matched),
                tuple(f for f in plan.by_scan if f not in matched),
                plan.by_eye,
                plan.physical,
                rejected,
            )

    def verify_label(
        self,
        *,
        label_id: int,
        username: str,
        password: str,
        scanned_text: str,
        confirmed_fields: Mapping[str, bool],
        expected_version: int | None = None,
    ) -> VerificationResult:
        """``confirmed_fields``: what the verifier checked by eye → True (matches) / False
        (does not).  Every eye-only item of the template's ``check_plan`` must be there; the
        fields a symbol carries are confirmed by ``scanned_text`` alone, compared here again
        (a True for them counts for nothing; a False is a mismatch like any other).
        ``expected_version``: the label's version the dialog read; if another station changed
        the label since, the check is refused by name and nothing is written."""
        with self._uow() as uow:  # refuse the wrong person before asking for a password
            claim(uow, "printed_label", label_id, expected_version)
            label, job = label_and_job(uow, label_id)
            _require_second_person(uow.session, job, username)
        signer = self._signatures.reauthenticate(username, password, SignatureMeaning.VERIFIED)
        with self._uow() as uow:
            # First, under the chain head's lock: of two stations signing the same label at
            # once, the second waits here and then sees the first one's verification.
            claim(uow, "printed_label", label_id, expected_version)
            require_actor(uow.session, username, VERIFIER_ROLES, "verify labels")
            label, job, template = _checkable(uow, label_id)
            _require_second_person(uow.session, job, username)
            plan = _plan(uow, label, template)
            scans = self._parse_or_refuse(uow, label, username, scanned_text)
            mismatches, matched = _compare_scan(uow, label, template, scans)
            mismatches += [
                field_not_confirmed(name)
                for name in (*plan.by_scan, *plan.by_person)
                if confirmed_fields.get(name) is False
            ]
            if mismatches:  # whatever else is missing: a wrong label stops the line
                return self._reject(uow, label, job, username, mismatches)
            skipped = [name for name in plan.by_person if name not in confirmed_fields]
            if skipped:
                raise FieldsNotConfirmedError(fields=", ".join(skipped))
            unscanned = [name for name in plan.by_scan if name not in matched]
            if unscanned:
                raise FieldsNotScannedError(fields=", ".join(unscanned))
            signature = self._signatures.sign(
                uow,
                signer=signer,
                meaning=SignatureMeaning.VERIFIED,
                subject_type="printed_label",
                subject_id=label.id,
                content={
                    "label_id": label.id,
                    "unit_id": label.unit_id,
                    "payload_sha256": label.payload_sha256,
                    "scanned": scanned_text.strip(),
                    "matched_by_scan": sorted(plan.by_scan),
                    "confirmed_by_verifier": sorted(plan.by_person),
                },
                allowed_roles=VERIFIER_ROLES,
            )
            label.state, label.verified_by = LabelState.VERIFIED, username
            label.verified_at, label.verification_signature_id = signature.signed_at, signature.id
            uow.audit.record(
                AuditAction.VERIFY,
                actor=username,
                subject_type="printed_label",
                subject_id=label.id,
                old={"state": "printed"},
                new={
                    "state": "verified",
                    "matched_by_scan": sorted(plan.by_scan),
                    "confirmed_by_verifier": sorted(plan.by_person),
                },
            )
            uow.commit()
            return VerificationResult(label.id, True)

    @staticmethod
    def _parse_or_refuse(
        uow: UnitOfWork, label: PrintedLabel, actor: str, text: str
    ) -> tuple[ParsedScan, ...]:
        try:
            return _parse(text)
        except Isbt128Error as exc:
            uow.audit.record(
                AuditAction.SCAN_REJECTED,
                actor=actor,
                subject_type="printed_label",
                subject_id=label.id,
                new={"scanned": text[:200]},
                reason=exc.message("en"),
            )
            uow.commit()  # the refused scan stays in the audit trail
            raise ScanRefusedError(reason=exc.message("en")) from exc

    @staticmethod
    def _reject(
        uow: UnitOfWork,
        label: PrintedLabel,
        job: PrintJob,
        actor: str,
        mismatches: list[Mismatch],
    ) -> VerificationResult:
        unit = get_or_404(uow.session, ProductUnit, label.unit_id or 0, "product unit")
        deviation = Deviation(
            code=f"DEV-LBL-{label.id}",
            title=f"Label mismatch at double-check, unit {unit.din}",
            description="Second-person check found: " + "; ".join(map(str, mismatches)),
            batch_id=job.batch_id,
            unit_id=unit.id,
            opened_at=uow.clock(),
            opened_by=actor,
        )
        uow.session.add(deviation)
        uow.session.flush()
        label.state = LabelState.REJECTED
        job.line_stopped, job.deviation_id = True, deviation.id
        uow.audit.record(
            AuditAction.CREATE,
            actor=actor,
            subject_type="deviation",
            subject_id=deviation.code,
            new={"mismatches": [str(m) for m in mismatches]},
        )
        uow.audit.record(
            AuditAction.TRANSITION,
            actor=actor,
            subject_type="printed_label",
            subject_id=label.id,
            old={"state": "printed"},
            new={"state": "rejected", "line_stopped": True},
            reason="; ".join(map(str, mismatches)),
        )
        uow.commit()
        return VerificationResult(label.id, False, tuple(mismatches), deviation.id)


def _checkable(uow: UnitOfWork, label_id: int) -> tuple[PrintedLabel, PrintJob, LabelTemplate]:
    """A label that may be checked now, with the records it is compared with - intact."""
    label, job = label_and_job(uow, label_id)
    require_state(label, [LabelState.PRINTED], "verified")
    require_line_running(job)
    template = get_or_404(uow.session, LabelTemplate, job.template_id, "label template")
    unit = uow.session.get(ProductUnit, label.unit_id) if label.unit_id else None
    # the check compares the label with these records: they must be the real ones
    require_intact(uow.session, label, job, template, unit, unit.batch if unit else None)
    return label, job, template


def _plan(uow: UnitOfWork, label: PrintedLabel, template: LabelTemplate) -> CheckPlan:
    fields = label_fields(uow.session, label.unit_id or 0, label_flags(template, label.is_reprint))
    return check_plan(template_layout(template), fields)


def _compare_scan(
    uow: UnitOfWork, label: PrintedLabel, template: LabelTemplate, scans: tuple[ParsedScan, ...]
) -> tuple[list[Mismatch], frozenset[str]]:
    """Compare with the record as it is now, not with what was printed: what does not match,
    and which fields the matching values confirm."""
    flags = label_flags(template, label.is_reprint)
    expected = expected_scans(label_fields(uow.session, label.unit_id or 0, flags))
    found = [scan_value(scan) for scan in scans]
    problems = [scan_not_on_record(value) for value in found if value not in expected]
    if not any(
        value in expected and scan.kind == "din" for value, scan in zip(found, scans, strict=True)
    ):
        problems.append(scan_lacks_din())
    return problems, matched_by_scan(scans, frozenset(expected))


def require_reason(reason: str, action: str) -> str:
    if not reason.strip():
        raise ValidationError(field="reason", reason=f"{action} needs a reason")
    return reason.strip()
