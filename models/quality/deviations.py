"""Deviations: open (by hand or automatically on OOS), investigate, CAPA, close with QA signature.

A batch with an open deviation cannot be released, so closure is a signed QA decision
that requires a classification, an investigation and a CAPA on record (R-DEV, §2.26).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from models.entities.accounts import SignatureMeaning
from models.entities.quality import Deviation, DeviationClass, DeviationStatus
from models.identity.accounts import require_actor
from models.identity.signatures import SignatureService
from models.kernel.audit import AuditAction
from models.kernel.errors import InvalidTransitionError, ValidationError
from models.kernel.rows import get_or_404
from models.kernel.site_time import site_local
from models.kernel.unit_of_work import UnitOfWork, UowFactory
from models.quality.common import QA_ROLES, STAFF_ROLES, next_code, require_text


@dataclass(frozen=True)
class DeviationInput:
    title: str
    description: str
    classification: DeviationClass | None = None
    batch_id: int | None = None
    unit_id: int | None = None
    material_lot_id: int | None = None
    qc_result_id: int | None = None
    urgent: bool = False


def deviation_content(dev: Deviation) -> dict[str, Any]:
    """What the closure signature is bound to."""
    return {
        "deviation_id": dev.id,
        "code": dev.code,
        "title": dev.title,
        "description": dev.description,
        "classification": dev.classification,
        "batch_id": dev.batch_id,
        "unit_id": dev.unit_id,
        "material_lot_id": dev.material_lot_id,
        "qc_result_id": dev.qc_result_id,
        "investigation": dev.investigation,
        "capa": dev.capa,
    }


def open_deviation_in(uow: UnitOfWork, actor: str, data: DeviationInput) -> Deviation:
    """Open a deviation inside the caller's unit of work (used for automatic OOS deviations)."""
    now = uow.clock()
    dev = Deviation(
        code=next_code(uow.session, "deviation", "DEV", site_local(uow.session, now).year),
        title=require_text(data.title, "title"),
        description=require_text(data.description, "description"),
        classification=data.classification.value if data.classification else None,
        batch_id=data.batch_id,
        unit_id=data.unit_id,
        material_lot_id=data.material_lot_id,
        qc_result_id=data.qc_result_id,
        urgent=data.urgent,
        opened_at=now,
        opened_by=actor,
    )
    uow.session.add(dev)
    uow.session.flush()
    uow.audit.record(
        AuditAction.CREATE,
        actor=actor,
        subject_type="deviation",
        subject_id=dev.code,
        new=deviation_content(dev) | {"urgent": dev.urgent},
    )
    return dev


class DeviationService:
    def __init__(self, uow_factory: UowFactory, signatures: SignatureService) -> None:
        self._uow = uow_factory
        self._signatures = signatures

    def open(self, *, actor: str, data: DeviationInput) -> int:
        with self._uow() as uow:
            require_actor(uow.session, actor, STAFF_ROLES, "open deviations")
            dev = open_deviation_in(uow, actor, data)
            uow.commit()
            return dev.id

    def record_investigation(
        self, *, deviation_id: int, actor: str, investigation: str, classification: DeviationClass
    ) -> None:
        self._advance(
            deviation_id,
            actor,
            DeviationStatus.INVESTIGATION,
            investigation=require_text(investigation, "investigation"),
            investigated_by=actor,
            classification=classification.value,
        )

    def record_capa(self, *, deviation_id: int, actor: str, capa: str) -> None:
        self._advance(deviation_id, actor, DeviationStatus.CAPA, capa=require_text(capa, "CAPA"))

    def _advance(
        self, deviation_id: int, actor: str, target: DeviationStatus, **fields: Any
    ) -> None:
        with self._uow() as uow:
            require_actor(uow.session, actor, QA_ROLES, f"record deviation {target.value}")
            dev = get_or_404(uow.session, Deviation, deviation_id, "deviation")
            allowed = _PREVIOUS[target]
            if dev.status not in allowed:
                raise InvalidTransitionError(
                    kind="deviation", ident=dev.code, current=dev.status.value, target=target.value
                )
            old = {name: getattr(dev, name) for name in fields} | {"status": dev.status.value}
            for name, value in fields.items():
                setattr(dev, name, value)
            if target is DeviationStatus.CAPA:
                dev.capa_by = actor
            dev.status = target
            uow.audit.record(
                AuditAction.TRANSITION,
                actor=actor,
                subject_type="deviation",
                subject_id=dev.code,
                old=old,
                new=fields | {"status": target.value},
            )
            uow.commit()

    def close(self, *, deviation_id: int, username: str, password: str) -> None:
        signer = self._signatures.reauthenticate(username, password, SignatureMeaning.APPROVED)
        with self._uow() as uow:
            dev = get_or_404(uow.session, Deviation, deviation_id, "deviation")
            if dev.status is not DeviationStatus.CAPA or not dev.investigation or not dev.capa:
                raise InvalidTransitionError(
                    kind="deviation", ident=dev.code, current=dev.status.value, target="closed"
                )
            if not dev.classification:
                raise ValidationError(field="classification", reason="classify before closing")
            signature = self._signatures.sign(
                uow,
                signer=signer,
                meaning=SignatureMeaning.APPROVED,
                subject_type="deviation",
                subject_id=dev.id,
                content=deviation_content(dev),
                allowed_roles=QA_ROLES,
                reason="deviation closure",
            )
            dev.status, dev.closed_at, dev.closed_by = (
                DeviationStatus.CLOSED,
                signature.signed_at,
                username,
            )
            dev.closure_signature_id = signature.id
            uow.audit.record(
                AuditAction.TRANSITION,
                actor=username,
                subject_type="deviation",
                subject_id=dev.code,
                old={"status": DeviationStatus.CAPA.value},
                new={"status": DeviationStatus.CLOSED.value},
            )
            uow.commit()


_PREVIOUS = {
    DeviationStatus.INVESTIGATION: {DeviationStatus.OPEN, DeviationStatus.INVESTIGATION},
    DeviationStatus.CAPA: {DeviationStatus.INVESTIGATION, DeviationStatus.CAPA},
}
