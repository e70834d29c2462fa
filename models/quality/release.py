"""QA release, emergency release and rejection of batches (R-REL-04/06/07/11).

No unit leaves QUARANTINE without a QA e-signature bound to the release package: the
results, the specification version, the gates' outcome and, for an emergency, the
physician's request. Rejected units can never be released.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.chain.prep_requests import batch_requests
from models.chain.storage import place_unit
from models.entities.accounts import Role, SignatureMeaning
from models.entities.logistics import StorageLocation
from models.entities.production import (
    Batch,
    BatchStatus,
    ProcessStep,
    ProductUnit,
    QualityStatus,
)
from models.entities.quality import MethodKind, QcResult, ReleaseKind, ReleaseRecord
from models.i18n import Message
from models.identity.accounts import require_actor
from models.identity.signatures import SignatureService, Signer
from models.kernel.audit import AuditAction
from models.kernel.canonical import canonical_json
from models.kernel.errors import DomainError, ValidationError
from models.kernel.record_version import claim, version_of
from models.kernel.rows import get_or_404
from models.kernel.unit_of_work import UnitOfWork, UowFactory
from models.quality import gates
from models.quality.blockers import Blocker, sentences
from models.quality.chain_release import release_batch as chain_release
from models.quality.common import QA_ROLES, require_text
from models.quality.package import (
    PackageAttestation,
    PackageItem,
    check_attestation,
    package_items,
)
from models.quality.specs import approved_spec


class ReleaseBlockedError(DomainError):
    code = "release_blocked"

    @classmethod
    def because(cls, batch: str, action: str, blockers: list[Blocker]) -> ReleaseBlockedError:
        """``action``: released, emergency-released or rejected (``release_action.*``)."""
        return cls(
            batch=batch,
            action=Message(f"release_action.{action}"),
            reasons=sentences(blockers),
            blockers=[b.code for b in blockers],
        )


@dataclass(frozen=True)
class PhysicianRequest:
    physician_name: str
    requested_at: datetime
    justification: str  # urgent medical need: risk of death or serious illness (R-REL-07)


@dataclass(frozen=True)
class Readiness:
    """What QA sees before signing: every blocker, and whether an emergency release is open."""

    batch_number: str
    kind: ReleaseKind | None  # STANDARD/RAPID when releasable
    blockers: list[Blocker]
    failed: list[str]
    pending: list[str]
    emergency_possible: bool
    package: dict[str, Any]
    package_items: list[PackageItem] = field(default_factory=list)  # R-REL-04's six elements
    version: int = 0  # the batch's version as assessed: a decision refuses if it moved since


def _claim_batch(uow: UnitOfWork, batch_id: int, expected: int | None) -> None:
    """First in a decision: wait for any other writer, then refuse if the batch moved past
    the version QA assessed (named by its number: a column read, no ORM object cached)."""
    number = uow.session.scalar(select(Batch.number).where(Batch.id == batch_id))
    claim(uow, "batch", batch_id, expected, ident=number)


def _units(session: Session, batch_id: int) -> list[ProductUnit]:
    return list(
        session.scalars(
            select(ProductUnit)
            .where(ProductUnit.batch_id == batch_id, ProductUnit.voided_reason.is_(None))
            .order_by(ProductUnit.id)
        )
    )


def _unit_blockers(units: list[ProductUnit]) -> list[Blocker]:
    if not units:
        return [Blocker.of("no_units")]
    bad = [u.din for u in units if u.quality_status is not QualityStatus.QUARANTINE or u.recalled]
    return [Blocker.of("units_not_quarantined", units=", ".join(bad))] if bad else []


def _step_counts(session: Session, batch_id: int) -> tuple[int, int]:
    """(recorded, awaiting verification) process steps of the batch, voided ones aside."""
    live = (ProcessStep.batch_id == batch_id, ProcessStep.voided_reason.is_(None))
    steps = session.scalar(select(func.count()).where(*live)) or 0
    unverified = session.scalar(
        select(func.count()).where(*live, ProcessStep.verified_by.is_(None))
    )
    return steps, unverified or 0


def _only_cell_count_deviations(session: Session, batch: Batch, cell_tests: frozenset[str]) -> bool:
    """An emergency release tolerates the open OOS deviation of the cell count itself only."""
    for dev in gates.open_deviations(session, batch.id):
        result = session.get(QcResult, dev.qc_result_id) if dev.qc_result_id else None
        if result is None or result.test not in cell_tests:
            return False
    return True


def _with_checklist(ready: Readiness, attestation: PackageAttestation) -> dict[str, Any]:
    """The package QA signs, with the six-element checklist and QA's attestation in it."""
    checklist = check_attestation(ready.batch_number, ready.package_items, attestation)
    return ready.package | {"checklist": checklist}


class ReleaseService:
    def __init__(
        self, uow_factory: UowFactory, signatures: SignatureService, labels: gates.LabelGate
    ) -> None:
        self._uow = uow_factory
        self._signatures = signatures
        self._labels = labels

    def readiness(self, batch_id: int, username: str) -> Readiness:
        with self._uow() as uow:
            return self._assess(uow, batch_id, username)

    def _assess(self, uow: UnitOfWork, batch_id: int, username: str) -> Readiness:
        session = uow.session
        batch = get_or_404(session, Batch, batch_id, "batch")
        units = _units(session, batch_id)
        gates.require_batch_records_intact(session, batch, units)
        spec = approved_spec(session, batch.product_type_id)
        if spec is None:
            no_spec = [Blocker.of("no_specification")]
            return Readiness(batch.number, None, no_spec, [], [], False, {})
        panel, rows = gates.panel(session, batch_id, spec)
        label_blockers = gates.label_blockers(session, batch_id, self._labels)
        steps, unverified = _step_counts(session, batch_id)
        common = (
            gates.chain_blockers(uow, batch)
            + _unit_blockers(units)
            + label_blockers
            + gates.independence_blockers(session, batch, username)
        )
        if unverified:  # the preparation record is not complete until every step is verified
            common.append(Blocker.of("steps_unverified", count=unverified, batch=batch.number))
        requests = batch_requests(session, batch)
        if not requests:  # R-RCV-01: the request form is the preparation request on record
            common.append(Blocker.of("no_preparation_request", batch=batch.number))
        items = package_items(
            steps=steps,
            unverified=unverified,
            qc_passed=panel.all_pass,
            labels_reconciled=not label_blockers,
            requests=requests,
        )
        deviations = [d.code for d in gates.open_deviations(session, batch_id)]
        blockers = common + [Blocker.of("test_not_passed", test=t) for t in panel.blockers]
        blockers += [Blocker.of("open_deviation", deviation=code) for code in deviations]
        emergency = (
            not common
            and panel.cell_count_only
            and _only_cell_count_deviations(session, batch, panel.cell_count_tests)
        )
        package = {
            "batch_id": batch.id,
            "batch_number": batch.number,
            "specification": {"id": spec.id, "code": spec.code, "version": spec.version},
            "results": [asdict(r) for r in rows],
            "units": [u.din + u.product_code + u.division for u in units],
            "failed": sorted(panel.failed),
            "pending": sorted(panel.pending),
        }
        # a rapid release is one resting on a rapid method; its pending tests stay listed
        rapid = any(t.method_kind is MethodKind.RAPID for t in spec.tests)
        kind = None if blockers else (ReleaseKind.RAPID if rapid else ReleaseKind.STANDARD)
        return Readiness(
            batch.number,
            kind,
            blockers,
            panel.failed,
            panel.pending,
            emergency,
            package,
            items,
            version_of(uow.session, "batch", batch.id),
        )

    def release_batch(
        self,
        *,
        batch_id: int,
        attestation: PackageAttestation,
        username: str,
        password: str,
        expected_version: int | None = None,
    ) -> int:
        """``expected_version``: the batch's version QA assessed (Readiness.version); if
        another station decided or changed the batch since, refused by name."""
        signer = self._signatures.reauthenticate(username, password, SignatureMeaning.RELEASED)
        with self._uow() as uow:
            _claim_batch(uow, batch_id, expected_version)
            require_actor(uow.session, username, QA_ROLES, "release batches", quality_decision=True)
            ready = self._assess(uow, batch_id, username)
            if ready.kind is None:
                raise ReleaseBlockedError.because(ready.batch_number, "released", ready.blockers)
            package = _with_checklist(ready, attestation)
            record = self._decide(uow, signer, batch_id, ready.kind, package, QA_ROLES)
            record.pending_tests = canonical_json(ready.pending)
            # the chain-of-identity hook moves batch and units QUARANTINE → RELEASED
            chain_release(uow, ready.batch_number, actor=username)
            uow.commit()
            return record.id

    def emergency_release(
        self,
        *,
        batch_id: int,
        request: PhysicianRequest,
        attestation: PackageAttestation,
        username: str,
        password: str,
        expected_version: int | None = None,
    ) -> int:
        for name in ("physician_name", "justification"):
            require_text(getattr(request, name), f"physician request {name}")
        signer = self._signatures.reauthenticate(username, password, SignatureMeaning.RELEASED)
        with self._uow() as uow:
            _claim_batch(uow, batch_id, expected_version)
            require_actor(
                uow.session,
                username,
                (Role.QA_HEAD,),
                "emergency-release batches",
                quality_decision=True,
            )
            ready = self._assess(uow, batch_id, username)
            if not ready.emergency_possible:
                blockers = ready.blockers or [Blocker.of("use_normal_release")]
                raise ReleaseBlockedError.because(
                    ready.batch_number, "emergency-released", blockers
                )
            package = _with_checklist(ready, attestation) | {"physician_request": asdict(request)}
            record = self._decide(
                uow, signer, batch_id, ReleaseKind.EMERGENCY, package, (Role.QA_HEAD,)
            )
            record.failed_criteria = canonical_json(ready.failed)
            record.physician_name = request.physician_name
            record.physician_requested_at = request.requested_at
            record.physician_justification = request.justification
            self._set_units(
                uow, batch_id, QualityStatus.EMERGENCY_RELEASED, BatchStatus.RELEASED, username
            )
            uow.commit()
            return record.id

    def reject_batch(
        self,
        *,
        batch_id: int,
        reason: str,
        username: str,
        password: str,
        non_conforming_location_id: int | None = None,
        expected_version: int | None = None,
    ) -> int:
        require_text(reason, "rejection reason")
        signer = self._signatures.reauthenticate(username, password, SignatureMeaning.APPROVED)
        with self._uow() as uow:
            _claim_batch(uow, batch_id, expected_version)
            require_actor(uow.session, username, QA_ROLES, "reject batches", quality_decision=True)
            batch = get_or_404(uow.session, Batch, batch_id, "batch")
            if batch.status in (BatchStatus.REJECTED, BatchStatus.RELEASED, BatchStatus.RECALLED):
                raise ReleaseBlockedError.because(
                    batch.number, "rejected", [Blocker.of("batch_decided", status=batch.status)]
                )
            location = self._non_conforming(uow, non_conforming_location_id)
            package = {"batch_id": batch.id, "batch_number": batch.number, "reason": reason}
            record = self._decide(
                uow, signer, batch_id, ReleaseKind.REJECTED, package, QA_ROLES, reason
            )
            for unit in self._set_units(
                uow, batch_id, QualityStatus.REJECTED, BatchStatus.REJECTED, username
            ):
                if location is not None:  # custody event + infectious segregation, as any move
                    place_unit(uow, unit, location, username)
            uow.commit()
            return record.id

    def _non_conforming(self, uow: UnitOfWork, location_id: int | None) -> StorageLocation | None:
        if location_id is None:
            return None
        location = get_or_404(uow.session, StorageLocation, location_id, "storage location")
        if not location.non_conforming:
            raise ValidationError(field="location", reason=f"{location.code} is not non-conforming")
        return location

    def _decide(
        self,
        uow: UnitOfWork,
        signer: Signer,
        batch_id: int,
        kind: ReleaseKind,
        package: dict[str, Any],
        roles: tuple[Role, ...],
        reason: str | None = None,
    ) -> ReleaseRecord:
        meaning = (
            SignatureMeaning.APPROVED if kind is ReleaseKind.REJECTED else SignatureMeaning.RELEASED
        )
        content = package | {"kind": kind.value}
        signature = self._signatures.sign(
            uow,
            signer=signer,
            meaning=meaning,
            subject_type="batch",
            subject_id=batch_id,
            content=content,
            allowed_roles=roles,
            reason=reason or f"{kind.value} release",
        )
        spec = package.get("specification")
        record = ReleaseRecord(
            batch_id=batch_id,
            kind=kind,
            specification_id=spec["id"] if spec else None,
            decided_by=signer.username,
            decided_at=signature.signed_at,
            signature_id=signature.id,
            reason=reason,
            package=canonical_json(content),
        )
        uow.session.add(record)
        uow.session.flush()
        return record

    def _set_units(
        self,
        uow: UnitOfWork,
        batch_id: int,
        unit_status: QualityStatus,
        batch_status: BatchStatus,
        actor: str,
    ) -> list[ProductUnit]:
        batch = get_or_404(uow.session, Batch, batch_id, "batch")
        old = batch.status
        batch.status = batch_status
        units = _units(uow.session, batch_id)
        for unit in units:
            unit.quality_status = unit_status
        uow.audit.record(
            AuditAction.TRANSITION,
            actor=actor,
            subject_type="batch",
            subject_id=batch.number,
            old={"status": old.value, "units": QualityStatus.QUARANTINE.value},
            new={"status": batch_status.value, "units": unit_status.value, "count": len(units)},
        )
        return units
