"""OQ: donor → collection → batch → process record → filled units in quarantine."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select

from models.chain.consent_records import ConsentInput
from models.chain.consent_scope import ConsentScope, SignerKind
from models.chain.prep_requests import RequestInput
from models.entities.base import utcnow
from models.entities.parties import DonorType, ScreeningOutcome
from models.entities.production import Batch, ProductUnit, QualityStatus
from models.i18n import term
from models.validation import oq_context as oq
from models.validation.oq_context import OqContext
from models.validation.steps import Observation, judged, refusal

PROCESS_STEPS = ("Line clearance", "Expansion", "Harvest", "Fill")
CONSENT_FORM = "ICF-OQ-01"


def ago(days: float = 0, hours: float = 0) -> datetime:
    return utcnow() - timedelta(days=days, hours=hours)


def donor_eligibility(ctx: OqContext) -> Observation:
    """Screened at donation, not eligible until the retest at least 90 days later."""
    donors = ctx.core.chain.donors
    donors.register_donor(actor="wang", code=oq.DONOR, donor_type=DonorType.ALLOGENEIC)
    first = donors.record_screening(
        actor="wang",
        donor_code=oq.DONOR,
        test="HIV-1/2 Ab/Ag",
        outcome=ScreeningOutcome.NEGATIVE,
        sampled_at=ago(130),
    )
    after = donors.record_screening(
        actor="wang",
        donor_code=oq.DONOR,
        test="HIV-1/2 Ab/Ag",
        outcome=ScreeningOutcome.NEGATIVE,
        sampled_at=ago(30),
    )
    return judged(
        first.value == "pending_retest" and after.value == "eligible",
        "validate.observed.eligibility",
        first=term("status", first.value),
        after=term("status", after.value),
    )


def collection_receipt(ctx: OqContext) -> Observation:
    """Registered at the collection site, received intact within the window: accepted, and
    everything from it shares one chain-of-identity id."""
    coi = _collect(ctx, oq.COLLECTION, oq.DONOR)
    return judged(bool(coi), "validate.observed.collection", collection=oq.COLLECTION, coi=coi)


def _collect(ctx: OqContext, code: str, donor: str) -> str:
    """The donor consents and the collection arrives with its preparation request, as receipt
    requires (R-DON-11, R-RCV-01)."""
    consent = ConsentInput(
        donor, CONSENT_FORM, ago(30), SignerKind.DONOR, f"{donor} (OQ)", list(ConsentScope), "OQ"
    )
    ctx.core.chain.consents.record(actor="wang", password=ctx.password, data=consent)
    collections = ctx.core.chain.collections
    coi = collections.register_collection(
        actor="wang",
        code=code,
        donor_code=donor,
        site_code=oq.COLLECTION_SITE,
        material="umbilical cord",
        collected_at=ago(29, 6),
    )
    request = RequestInput(
        code=f"PR-{code}",
        collection_code=code,
        donor_basics=f"{donor} (OQ)",
        clinical_information="validation run",
        screening_reference=f"screening of {donor}",
        treatment_plan="none: validation run",
    )
    ctx.core.chain.requests.add(actor="wang", data=request)
    receipt = collections.receive(
        actor="wang",
        collection_code=code,
        received_at=ago(29, 2),
        transport_temp_c=5.0,
        packaging_intact=True,
        label_complete=True,
    )
    return coi if receipt.accepted else ""


def one_donor_batch(ctx: OqContext) -> Observation:
    """A batch from two donors' collections is refused; from one, it is numbered by rule."""
    donors = ctx.core.chain.donors
    donors.register_donor(actor="wang", code=oq.OTHER_DONOR, donor_type=DonorType.AUTOLOGOUS)
    _collect(ctx, oq.OTHER_COLLECTION, oq.OTHER_DONOR)
    batches = ctx.core.chain.batches
    mixed = refusal(
        lambda: batches.create_batch(
            actor="wang", collections=[oq.COLLECTION, oq.OTHER_COLLECTION], product_code=oq.PRODUCT
        )
    )
    ctx.batch_number = batches.create_batch(
        actor="wang", collections=oq.COLLECTION, product_code=oq.PRODUCT
    )
    with ctx.core.uow().reading() as uow:
        batch_id = uow.session.scalar(select(Batch.id).where(Batch.number == ctx.batch_number))
    ctx.batch_id = batch_id or 0
    return judged(
        mixed is not None and bool(ctx.batch_id),
        "validate.observed.batch",
        refused=mixed or "—",
        batch=ctx.batch_number,
    )


def process_record(ctx: OqContext) -> Observation:
    """Each step signed by the operator and verified by another person; the operator
    verifying their own step is refused."""
    steps = ctx.core.steps
    ids = [
        steps.record_step(
            batch_id=ctx.batch_id, name=name, data={}, username="wang", password=ctx.password
        )
        for name in PROCESS_STEPS
    ]
    own = refusal(lambda: steps.verify_step(step_id=ids[0], username="wang", password=ctx.password))
    for ident in ids:
        steps.verify_step(step_id=ident, username="zhao", password=ctx.password)
    return judged(own is not None, "validate.observed.steps", count=len(ids), refused=own or "—")


def fill_in_quarantine(ctx: OqContext) -> Observation:
    """Harvest date and time recorded; the units filled carry DINs of the test facility and
    stay in quarantine."""
    batches = ctx.core.chain.batches
    batches.record_harvest(actor="wang", batch_number=ctx.batch_number, harvest_at=ago(3))
    ctx.units = batches.fill(
        actor="wang",
        batch_number=ctx.batch_number,
        count=oq.UNITS,
        container_type="cryobag",
        cell_count=1.0e8,
        volume_ml=20.0,
        location_code=oq.TANK,
    )
    with ctx.core.uow().reading() as uow:
        states = set(
            uow.session.scalars(
                select(ProductUnit.quality_status).where(ProductUnit.batch_id == ctx.batch_id)
            )
        )
    ok = states == {QualityStatus.QUARANTINE} and all(u.startswith(oq.FACILITY) for u in ctx.units)
    return judged(ok, "validate.observed.filled", units=", ".join(ctx.units))
