"""OQ: shipment, hospital receipt, thaw, the bedside hard stops and a correct administration.

Four units travel: A is given to its patient, B is scanned against the wrong patient, C is
recalled before it reaches the bedside, D is scanned at a bedside station whose clock reads
a day after the unit's expiry (a second core on the same database, its clock moved on: the
bedside decides by its own clock, as the rule requires).
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from models.chain.bedside import BedsideProblem
from models.chain.errors import BedsideStopError
from models.core import open_core
from models.entities.production import Disposition, ProductUnit
from models.validation import oq_context as oq
from models.validation.oq_chain import ago
from models.validation.oq_context import OqContext
from models.validation.steps import Observation, judged, refusal

PATIENTS = {"given": oq.PATIENT, "other": oq.OTHER_PATIENT}


def scan(unit: str) -> str:
    """What a scanner sends for a unit's DIN bar code (flags 00)."""
    return f"={unit.split('/', maxsplit=1)[0]}00"


def shipped_and_received(ctx: OqContext) -> Observation:
    """Shipped in a dry shipper with its data logger; received at the hospital with every
    unit scanned in."""
    chain = ctx.core.chain
    for code, initials in ((oq.PATIENT, "OQA"), (oq.OTHER_PATIENT, "OQB")):
        chain.donors.register_recipient(
            actor="liu", code=code, initials=initials, hospital_code=oq.HOSPITAL
        )
    chain.shipments.create(
        actor="wang",
        code=oq.SHIPMENT,
        destination=oq.HOSPITAL,
        units=ctx.units,
        container="dry shipper",
        logger_id="OQ-LOG-1",
    )
    chain.shipments.dispatch(actor="wang", code=oq.SHIPMENT, at=ago(hours=6), temperature_c=-180)
    held = chain.hospital.receive_shipment(
        actor="liu",
        code=oq.SHIPMENT,
        at=ago(hours=1),
        temperature_c=-172,
        scanned=[scan(u) for u in ctx.units],
    )
    with ctx.core.uow().reading() as uow:
        places = set(
            uow.session.scalars(
                select(ProductUnit.disposition).where(ProductUnit.batch_id == ctx.batch_id)
            )
        )
    return judged(
        not held and places == {Disposition.AT_HOSPITAL},
        "validate.observed.received",
        shipment=oq.SHIPMENT,
        units=len(ctx.units),
        held=", ".join(held) or "—",
    )


def dispensed_and_thawed(ctx: OqContext) -> Observation:
    """Each unit dispensed for the patient; A thawed, its use-by counted from the thaw."""
    hospital = ctx.core.chain.hospital
    for unit in ctx.units:
        hospital.dispense(actor="liu", unit_code=unit, recipient=oq.PATIENT)
    ended = ago(hours=0.1)
    use_by = hospital.thaw(
        actor="liu", unit_code=ctx.given, started_at=ago(hours=0.2), ended_at=ended
    )
    ctx.use_by = use_by.isoformat(timespec="minutes")
    return judged(
        use_by == ended + timedelta(minutes=60), "validate.observed.thawed", use_by=ctx.use_by
    )


def _stopped(ctx: OqContext, unit: str, patient: str, problem: BedsideProblem) -> Observation:
    refused = refusal(
        lambda: ctx.core.chain.hospital.administer(
            actor="liu",
            product_scan=scan(unit),
            recipient_scan=patient,
            verifier="zhao",
            verifier_password=ctx.password,
        )
    )
    return _verdict(refused, problem)


def _verdict(refused: object, problem: BedsideProblem) -> Observation:
    from models.i18n import render

    stopped = isinstance(refused, BedsideStopError) and render(
        f"bedside.{problem.value}", "en"
    ) in str(refused.params.get("problems", ""))
    return judged(stopped, "validate.observed.stopped", reason=refused or "—")


def wrong_patient(ctx: OqContext) -> Observation:
    return _stopped(ctx, ctx.wrong_patient, oq.OTHER_PATIENT, BedsideProblem.WRONG_RECIPIENT)


def recalled_unit(ctx: OqContext) -> Observation:
    """QA recalls unit C; at the bedside it is a hard stop."""
    ctx.core.chain.recalls.initiate(
        actor="chen", password=ctx.password, identifier=ctx.recalled, reason="OQ: recall drill"
    )
    return _stopped(ctx, ctx.recalled, oq.PATIENT, BedsideProblem.RECALLED)


def expired_unit(ctx: OqContext) -> Observation:
    """Unit D at a bedside station whose clock reads a day past the unit's expiry."""
    with ctx.core.uow().reading() as uow:
        expires = uow.session.scalar(
            select(ProductUnit.expires_at).where(ProductUnit.din == ctx.expired.split("/")[0])
        )
    if expires is None:
        return judged(False, "validate.observed.stopped", reason="—")
    later = expires + timedelta(days=1)
    url = ctx.core.engine.url.render_as_string(hide_password=False)
    bedside = open_core(
        url,
        migrate=False,
        clock=lambda: later,
        workstation="OQ-BEDSIDE",
        passwords=oq.run_passwords(),
    )
    try:
        for person in ("liu", "zhao"):
            bedside.accounts.authenticate(person, ctx.password, purpose="validation bedside")
        refused = refusal(
            lambda: bedside.chain.hospital.administer(
                actor="liu",
                product_scan=scan(ctx.expired),
                recipient_scan=oq.PATIENT,
                verifier="zhao",
                verifier_password=ctx.password,
            )
        )
    finally:
        bedside.close()
    return _verdict(refused, BedsideProblem.EXPIRED)


def administered(ctx: OqContext) -> Observation:
    """Unit A, thawed, scanned with its own patient and checked by a second person: given."""
    record = ctx.core.chain.hospital.administer(
        actor="liu",
        product_scan=scan(ctx.given),
        recipient_scan=oq.PATIENT,
        verifier="zhao",
        verifier_password=ctx.password,
        dose_note="OQ",
    )
    return judged(record > 0, "validate.observed.administered", unit=ctx.given, patient=oq.PATIENT)


def same_person_at_bedside(ctx: OqContext) -> Observation:
    """The nurse cannot be their own second checker at the bedside."""
    refused = refusal(
        lambda: ctx.core.chain.hospital.administer(
            actor="liu",
            product_scan=scan(ctx.given),
            recipient_scan=oq.PATIENT,
            verifier="liu",
            verifier_password=ctx.password,
        )
    )
    return judged(refused is not None, "validate.observed.refused_as", reason=refused or "—")
