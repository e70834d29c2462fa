"""OQ: the recall trace reaches every unit and its patient; the audit trail verifies; a record
forged outside the application (a plain SQL UPDATE) is named by `audit verify`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import text

from models.validation import oq_context as oq
from models.validation.oq_context import OqContext
from models.validation.steps import Observation, judged

if TYPE_CHECKING:
    from models.kernel.audit import ChainReport
    from models.kernel.record_check import RecordReport

FORGED_STATUS = "released"  # what someone with a database browser might "correct" it to


def recall_trace(ctx: OqContext) -> Observation:
    """QA recalls the whole batch: every unit is listed where it is now, the given one with
    its patient; the trace from the patient reaches back to the donor."""
    report = ctx.core.chain.recalls.initiate(
        actor="chen", password=ctx.password, identifier=ctx.batch_number, reason="OQ: recall"
    )
    where = {item.unit: item.location for item in report.units}
    trace = ctx.core.chain.trace.trace(oq.PATIENT)
    donors = {donor.code for donor in trace.donors}
    ok = (
        set(where) == set(ctx.units)
        and oq.PATIENT in where[ctx.given]
        and all(oq.HOSPITAL in where[u] for u in ctx.units if u != ctx.given)
        and oq.DONOR in donors
    )
    return judged(
        ok,
        "validate.observed.recall",
        recall=report.code,
        units=len(where),
        given=where.get(ctx.given, "—"),
        donors=", ".join(sorted(donors)) or "—",
    )


def trail_intact(ctx: OqContext) -> Observation:
    """Before any forgery: the hash chain is intact and every record is what it recorded."""
    chain, records = _verify(ctx)
    return judged(
        chain.intact and records.intact,
        "validate.observed.trail",
        entries=chain.entries_checked,
        rows=records.rows_checked,
        mismatches=len(records.mismatches),
    )


def forgery_caught(ctx: OqContext) -> Observation:
    """A unit's quality status changed with plain SQL, as a database browser would: the
    record check names that unit and field."""
    din = ctx.recalled.split("/")[0]
    with ctx.core.engine.begin() as conn:
        conn.execute(
            text("UPDATE product_unit SET quality_status = :s WHERE din = :d"),
            {"s": FORGED_STATUS, "d": din},
        )
    chain, records = _verify(ctx)
    named = [m for m in records.mismatches if m.table == "product_unit"]
    fields = {f.field for m in named for f in m.fields}
    return judged(
        chain.intact and len(named) == 1 and "quality_status" in fields,
        "validate.observed.forged",
        table="product_unit",
        record=named[0].record_id if named else "—",
        fields=", ".join(sorted(fields)) or "—",
    )


def _verify(ctx: OqContext) -> tuple[ChainReport, RecordReport]:
    """What `celltrail audit verify` checks, on the scratch database."""
    from sqlalchemy.orm import Session

    from models.kernel.audit_parallel import verify_chain_parallel
    from models.kernel.db import read_only
    from models.kernel.record_check import check_records

    url = ctx.core.engine.url.render_as_string(hide_password=False)
    chain = verify_chain_parallel(url)
    with Session(read_only(ctx.core.engine)) as session:
        records = check_records(session)
    return chain, records
