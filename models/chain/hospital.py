"""At the hospital: receipt of shipments, thaw with a use-by time, bedside administration."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import select

from models.chain import lookup
from models.chain.bag import BagFacts, bag_facts, thaw_blockers
from models.chain.bedside import BedsideVerdict, UnitFacts, bedside_verdict
from models.chain.errors import BedsideStopError, ScanMismatchError, UnitNotUsableError
from models.chain.genealogy_sql import donors_of_unit, void_problem, voided_lineage
from models.chain.shipments import require_shipment_intact, shipment_units
from models.chain.thaw_correction import correct_thaw
from models.entities.accounts import Role, SignatureMeaning
from models.entities.logistics import (
    Administration,
    CustodyEvent,
    CustodyEventKind,
    ShipmentStatus,
    Thaw,
)
from models.entities.parties import DonorType, Recipient, Site
from models.entities.production import Disposition, ProductUnit
from models.identity.accounts import require_actor
from models.identity.signatures import SignatureService, require_different_person
from models.isbt128 import MAX_SCAN_CHARACTERS, DinScan, Isbt128Error, parse_scan
from models.kernel.audit import AuditAction
from models.kernel.errors import NotFoundError, ValidationError
from models.kernel.record_check import require_intact
from models.kernel.unit_of_work import UnitOfWork, UowFactory

NURSES = (Role.CLINICAL,)
_SUBJECT_ID_LENGTH = 64  # AuditEntry.subject_id is String(64)
CHECKERS = (Role.CLINICAL, Role.VERIFIER, Role.QA)


class HospitalService:
    def __init__(self, uow_factory: UowFactory, signatures: SignatureService) -> None:
        self._uow = uow_factory
        self._signatures = signatures

    def receive_shipment(
        self, *, actor: str, code: str, at: datetime, temperature_c: float, scanned: Sequence[str]
    ) -> list[str]:
        """Every unit must be scanned in (R-ID-02); held units stay held (quarantine at site)."""
        with self._uow() as uow:
            require_actor(uow.session, actor, NURSES, "receive shipments")
            shipment = lookup.shipment(uow.session, code)
            if shipment.status is not ShipmentStatus.DISPATCHED:
                raise ValidationError(field="shipment", reason=f"{code} is {shipment.status.value}")
            expected = {lookup.unit_code(u): u for u in shipment_units(uow, shipment)}
            require_shipment_intact(uow, shipment, list(expected.values()))
            seen = {lookup.unit_code(_scanned_unit(uow, s)) for s in scanned}
            if seen != set(expected):
                raise ScanMismatchError(
                    shipment=code,
                    missing=sorted(set(expected) - seen) or "-",
                    extra=sorted(seen - set(expected)) or "-",
                )
            for unit_code, unit in expected.items():
                problem = "recalled" if unit.recalled else void_problem(uow.session, unit)
                if problem:  # the recall coordinator arranges return or destruction
                    raise UnitNotUsableError(
                        unit=unit_code, action="hospital receipt", problem=problem
                    )
            for unit in expected.values():
                unit.disposition, unit.site_id = (
                    Disposition.AT_HOSPITAL,
                    shipment.destination_site_id,
                )
            shipment.status = ShipmentStatus.RECEIVED
            uow.session.add(
                CustodyEvent(
                    kind=CustodyEventKind.RECEIPT,
                    shipment_id=shipment.id,
                    occurred_at=at,
                    recorded_by=actor,
                    temperature_c=temperature_c,
                )
            )
            held = sorted(c for c, u in expected.items() if u.hold_reason)
            uow.audit.record(
                AuditAction.TRANSITION,
                actor=actor,
                subject_type="shipment",
                subject_id=code,
                old={"status": "dispatched"},
                new={"status": "received", "at": at, "temperature_c": temperature_c, "held": held},
            )
            uow.commit()
            return held

    def dispense(self, *, actor: str, unit_code: str, recipient: str) -> None:
        """Match a received unit to the order of one recipient (S1 step 8)."""
        with self._uow() as uow:
            require_actor(uow.session, actor, NURSES, "dispense units")
            unit = lookup.unit(uow.session, unit_code)
            patient = lookup.recipient(uow.session, recipient)
            facts = unit_facts(uow, unit)
            if facts.autologous_recipients and patient.code not in facts.autologous_recipients:
                raise UnitNotUsableError(
                    unit=unit_code,
                    action="dispensing",
                    problem="autologous product of another patient",
                )
            problem = (
                "recalled"
                if facts.recalled
                else "voided"
                if facts.voided
                else unit.disposition.value
                if unit.disposition is not Disposition.AT_HOSPITAL
                else None
            )
            if problem is None and patient.hospital_id != unit.site_id:
                problem = f"recipient {patient.code} is registered at another hospital"
            if problem:
                raise UnitNotUsableError(unit=unit_code, action="dispensing", problem=problem)
            old = unit.intended_recipient_id
            unit.intended_recipient_id = patient.id
            uow.audit.record(
                AuditAction.CHANGE,
                actor=actor,
                subject_type="product_unit",
                subject_id=unit_code,
                old={"recipient_id": old},
                new={"recipient": patient.code},
            )
            uow.commit()

    def thaw(
        self,
        *,
        actor: str,
        unit_code: str,
        started_at: datetime,
        ended_at: datetime,
        viability_pct: float | None = None,
    ) -> datetime:
        """Record the thaw; returns the use-by time that starts counting at its end (R-HOS-04)."""
        with self._uow() as uow:
            require_actor(uow.session, actor, NURSES, "thaw units")
            unit = lookup.unit(uow.session, unit_code)
            minutes = unit.batch.product_type.post_thaw_minutes
            blockers = thaw_blockers(unit_facts(uow, unit), minutes, ended_at)
            if minutes is None or blockers:
                raise UnitNotUsableError(unit=unit_code, action="thaw", problem=", ".join(blockers))
            if not started_at <= ended_at <= uow.clock() + timedelta(minutes=1):
                raise ValidationError(field="thaw times", reason="start ≤ end ≤ now")
            use_by = ended_at + timedelta(minutes=minutes)
            uow.session.add(
                Thaw(
                    unit_id=unit.id,
                    started_at=started_at,
                    ended_at=ended_at,
                    use_by=use_by,
                    performed_by=actor,
                    viability_pct=viability_pct,
                )
            )
            unit.disposition = Disposition.THAWED
            uow.audit.record(
                AuditAction.TRANSITION,
                actor=actor,
                subject_type="product_unit",
                subject_id=unit_code,
                old={"disposition": "at_hospital"},
                new={"disposition": "thawed", "use_by": use_by},
            )
            uow.commit()
            return use_by

    def correct_thaw(
        self,
        *,
        actor: str,
        unit_code: str,
        started_at: datetime,
        ended_at: datetime,
        reason: str,
    ) -> datetime:
        """Correct a recorded thaw's times with a reason (models/chain/thaw_correction.py);
        returns the use-by counted from the corrected end."""
        with self._uow() as uow:
            return correct_thaw(
                uow,
                actor=actor,
                unit_code=unit_code,
                started_at=started_at,
                ended_at=ended_at,
                reason=reason,
            )

    def now(self) -> datetime:
        """The core's clock: a use-by countdown counts against the time the core decides by."""
        return self._uow().clock()

    def bag(self, *, product_scan: str, product_code_scan: str | None = None) -> BagFacts:
        """The scanned bag's facts and whether it may be thawed now (read-only)."""
        with self._uow().reading() as uow:
            unit = _scanned_bag(uow, product_scan, product_code_scan)
            thaw = uow.session.scalar(select(Thaw).where(Thaw.unit_id == unit.id))
            return bag_facts(unit, unit_facts(uow, unit), thaw, uow.clock())

    def check_bedside(
        self, *, product_scan: str, recipient_scan: str, product_code_scan: str | None = None
    ) -> BedsideVerdict:
        """The verdict the screen shows before anyone confirms (read-only)."""
        with self._uow().reading() as uow:
            return _verdict(uow, product_scan, product_code_scan, recipient_scan)[0]

    def administer(
        self,
        *,
        actor: str,
        product_scan: str,
        recipient_scan: str,
        verifier: str,
        verifier_password: str,
        product_code_scan: str | None = None,
        dose_note: str | None = None,
    ) -> int:
        """Record an administration, only on a clean bedside verdict and a second person's
        signature; every refused attempt is itself audited."""
        require_different_person(actor, verifier)
        signer = self._signatures.reauthenticate(
            verifier, verifier_password, SignatureMeaning.VERIFIED
        )
        with self._uow() as uow:
            require_actor(uow.session, actor, NURSES, "administer products")
            try:
                verdict, unit, patient = _verdict(
                    uow, product_scan, product_code_scan, recipient_scan
                )
            except Isbt128Error as exc:
                why = exc.message("en")
                _refuse(uow, actor, product_scan, recipient_scan, why, scanned=product_scan)
                raise
            if not verdict.ok or unit is None or patient is None:
                _refuse(uow, actor, verdict.unit, verdict.recipient, verdict.describe())
                raise BedsideStopError(
                    unit=verdict.unit, recipient=verdict.recipient, problems=verdict.describe()
                )
            now = uow.clock()
            record = Administration(
                unit_id=unit.id,
                recipient_id=patient.id,
                started_at=now,
                administered_by=actor,
                verified_by=verifier,
                dose_note=dose_note,
            )
            uow.session.add(record)
            uow.session.flush()
            content = {
                "unit": verdict.unit,
                "recipient": patient.code,
                "at": now,
                "batch": unit.batch.number,
            }
            self._signatures.sign(
                uow,
                signer=signer,
                meaning=SignatureMeaning.VERIFIED,
                subject_type="administration",
                subject_id=record.id,
                content=content,
                allowed_roles=CHECKERS,
            )
            unit.disposition = Disposition.ADMINISTERED
            # R-ID-15/16: the product and its batch number go into the recipient's record.
            uow.audit.record(
                AuditAction.CREATE,
                actor=actor,
                subject_type="administration",
                subject_id=record.id,
                new={**content, "verified_by": verifier},
            )
            uow.commit()
            return record.id


def _scanned_unit(uow: UnitOfWork, text: str) -> ProductUnit:
    return lookup.unit(uow.session, text)


def _din_scan(product_scan: str) -> DinScan:
    # The product must be scanned, never typed: a typed DIN defeats the point of the check.
    scan = parse_scan(product_scan, allow_keyboard=False)
    if not isinstance(scan, DinScan):
        raise ValidationError(field="product scan", reason="scan the DIN bar code of the bag")
    return scan


def _scanned_bag(uow: UnitOfWork, product_scan: str, product_code: str | None) -> ProductUnit:
    return lookup.unit(uow.session, _din_scan(product_scan).din.data_content(), product_code)


def _verdict(
    uow: UnitOfWork, product_scan: str, product_code: str | None, recipient_scan: str
) -> tuple[BedsideVerdict, ProductUnit | None, Recipient | None]:
    scan = _din_scan(product_scan)
    try:
        unit: ProductUnit | None = lookup.unit(uow.session, scan.din.data_content(), product_code)
    except NotFoundError:
        unit = None
    try:
        patient: Recipient | None = lookup.recipient(uow.session, recipient_scan)
    except NotFoundError:
        patient = None
    require_intact(uow.session, patient)
    facts = unit_facts(uow, unit) if unit else None
    hospital = (
        uow.session.scalar(select(Site.code).where(Site.id == patient.hospital_id))
        if patient is not None and patient.hospital_id
        else None
    )
    verdict = bedside_verdict(
        facts,
        patient.code if patient else None,
        uow.clock(),
        scanned=scan.din.number,
        recipient_hospital=hospital,
    )
    return verdict, unit, patient


def unit_facts(uow: UnitOfWork, unit: ProductUnit) -> UnitFacts:
    session = uow.session
    thaw = session.scalar(select(Thaw).where(Thaw.unit_id == unit.id))
    intended = (
        session.get(Recipient, unit.intended_recipient_id) if unit.intended_recipient_id else None
    )
    auto_donors = [
        d.id for d in donors_of_unit(session, unit) if d.donor_type is DonorType.AUTOLOGOUS
    ]
    own = (
        set(session.scalars(select(Recipient.code).where(Recipient.donor_id.in_(auto_donors))))
        if auto_donors
        else set()
    )
    site = session.scalar(select(Site.code).where(Site.id == unit.site_id))
    # every fact below is read from these rows: none may differ from its audit trail
    require_intact(session, unit, unit.batch, unit.batch.product_type, intended, thaw)
    return UnitFacts(
        code=lookup.unit_code(unit),
        quality_status=unit.quality_status,
        disposition=unit.disposition,
        recalled=unit.recalled,
        on_hold=unit.hold_reason is not None,
        voided=unit.voided_reason is not None or bool(voided_lineage(session, unit)),
        expires_at=unit.expires_at,
        needs_thaw=unit.batch.product_type.post_thaw_minutes is not None,
        use_by=thaw.use_by if thaw else None,
        intended_recipient=intended.code if intended else None,
        autologous_recipients=frozenset(own),
        site=site,
    )


def _refuse(
    uow: UnitOfWork, actor: str, unit: str, recipient: str, why: str, scanned: str | None = None
) -> None:
    uow.session.rollback()  # nothing of the refused attempt may be saved except the refusal
    new = {"recipient": recipient}
    if scanned is not None:
        # The whole read is kept (a bag's 2-D code may hold far more than the subject column's
        # 64 characters); no symbol holds more than MAX_SCAN_CHARACTERS, a paste is cut there.
        new["scanned"] = scanned.strip()[:MAX_SCAN_CHARACTERS]
    uow.audit.record(
        AuditAction.SCAN_REJECTED,
        actor=actor,
        subject_type="administration",
        subject_id=unit.strip()[:_SUBJECT_ID_LENGTH],
        new=new,
        reason=why,
    )
    uow.commit()
