"""OQ: QC with an out-of-specification result and its deviation; release refused, then given.

The cell count comes back low (0.5 × 10⁸ against 0.8–1.2 × 10⁸): the result fails its
specification and a deviation opens by itself. QA's release is refused while the result
stands, and so is a release by anyone who is not QA. Once the deviation is investigated and
closed, the one release the rules leave for a batch whose only failure is its cell count is
the QA head's emergency release on a physician's request (R-REL-07): that is given.
"""

from __future__ import annotations

from sqlalchemy import select

from models.demo.quality import S1_RESULTS
from models.entities.production import ProductUnit, QualityStatus
from models.entities.quality import DeviationClass, QcVerdict
from models.i18n import terms
from models.quality.package import PackageAttestation
from models.quality.qc import QcInput
from models.quality.release import PhysicianRequest, ReleaseBlockedError
from models.validation.oq_chain import ago
from models.validation.oq_context import OqContext
from models.validation.steps import Observation, failed, judged, refusal

LOW_CELL_COUNT = 0.5e8
# The request form is proved by the preparation requests OQ-05 entered (R-RCV-01).
ATTESTATION = PackageAttestation(packaging_checked=True)


def qc_with_oos(ctx: OqContext) -> Observation:
    """The panel imported and signed by the operator, verified result by result by another
    person; the low cell count fails and opens a deviation in the same transaction."""
    quality = ctx.core.quality
    units = {
        str(t["test"]): t["unit"] for t in quality.specifications.current(_type_id(ctx))["tests"]
    }
    rows = [
        QcInput(
            batch_id=ctx.batch_id,
            test=test,
            resulted_at=ago(1),
            method="per SOP QC",
            unit=str(units[test]) if units.get(test) else None,
            value_text=value if isinstance(value, str) else f"{value:g}",
            value_num=None if isinstance(value, str) else value,
        )
        for test, value in _results().items()
        if test in units
    ]
    outcomes = quality.qc.import_results(rows, username="wang", password=ctx.password)
    for outcome in outcomes:
        quality.qc.verify_result(
            result_id=outcome.result_id, username="zhao", password=ctx.password
        )
    failing = [o for o in outcomes if o.verdict is QcVerdict.FAIL]
    ctx.deviation_id = failing[0].deviation_id if len(failing) == 1 else None
    return judged(
        ctx.deviation_id is not None,
        "validate.observed.oos",
        results=len(outcomes),
        failing=len(failing),
        deviation=ctx.deviation_id or "—",
    )


def _results() -> dict[str, str | float]:
    """The demo's passing S1 panel, with the cell count low."""
    values: dict[str, str | float] = {}
    for test, value in S1_RESULTS.items():
        values[test] = value if isinstance(value, str) else float(str(value))
    return values | {"cell_count": LOW_CELL_COUNT}


def _type_id(ctx: OqContext) -> int:
    from models.entities.production import Batch

    with ctx.core.uow().reading() as uow:
        batch = uow.session.get(Batch, ctx.batch_id)
        return batch.product_type_id if batch else 0


def release_refused(ctx: OqContext) -> Observation:
    """QA's release is refused while the OOS result and its deviation stand."""
    refused = refusal(
        lambda: ctx.core.quality.release.release_batch(
            batch_id=ctx.batch_id, attestation=ATTESTATION, username="chen", password=ctx.password
        )
    )
    if not isinstance(refused, ReleaseBlockedError):
        return failed("validate.observed.not_refused", outcome=refused or "—")
    blockers = set(refused.params.get("blockers", ()))
    return judged(
        {"test_not_passed", "open_deviation"} <= blockers,
        "validate.observed.release_refused",
        reason=refused,
    )


def release_needs_qa(ctx: OqContext) -> Observation:
    """Whoever made the batch, or anyone who is not QA, cannot release it."""
    refused = refusal(
        lambda: ctx.core.quality.release.release_batch(
            batch_id=ctx.batch_id, attestation=ATTESTATION, username="wang", password=ctx.password
        )
    )
    return judged(refused is not None, "validate.observed.refused_as", reason=refused or "—")


def deviation_closed(ctx: OqContext) -> Observation:
    """Investigated and given a CAPA by QA, closed with the QA head's signature."""
    deviations = ctx.core.quality.deviations
    ident = ctx.deviation_id or 0
    deviations.record_investigation(
        deviation_id=ident,
        actor="chen",
        investigation="Seeding density below SOP at passage 3; count confirmed by recount.",
        classification=DeviationClass.MAJOR,
    )
    deviations.record_capa(deviation_id=ident, actor="chen", capa="Seeding density re-trained.")
    deviations.close(deviation_id=ident, username="li", password=ctx.password)
    return judged(True, "validate.observed.deviation_closed", deviation=ident)


def emergency_release(ctx: OqContext) -> Observation:
    """The QA head releases on the physician's written request; every unit is released as
    an emergency, the signature bound to the release package."""
    request = PhysicianRequest(
        physician_name="Dr OQ (validation)",
        requested_at=ago(hours=2),
        justification="Patient at risk of death without treatment; lower dose accepted.",
    )
    ctx.core.quality.release.emergency_release(
        batch_id=ctx.batch_id,
        request=request,
        attestation=ATTESTATION,
        username="li",
        password=ctx.password,
    )
    with ctx.core.uow().reading() as uow:
        states = set(
            uow.session.scalars(
                select(ProductUnit.quality_status).where(ProductUnit.batch_id == ctx.batch_id)
            )
        )
    return judged(
        states == {QualityStatus.EMERGENCY_RELEASED},
        "validate.observed.released",
        status=terms("status", sorted(s.value for s in states)),
    )
