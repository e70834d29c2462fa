"""Personal data (donor and recipient names) stays in the identity tables: it never reaches
logs — not even with SQL logging at DEBUG or in a database error — nor labels, the audit
trail or the trace.  Tried with a whole donor-to-bedside flow and a deliberate failure."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from models.entities.audit import AuditEntry
from models.entities.parties import Donor, DonorIdentity, DonorType
from models.entities.production import ProductUnit
from models.labeling.fields import label_fields
from tests.chain.conftest import Flow

DONOR_NAME = "隐私供者甲 PRIVATE-DONOR-NAME"
RECIPIENT_NAME = "隐私患者乙 PRIVATE-PATIENT-NAME"
SECRETS = ("PRIVATE-DONOR-NAME", "PRIVATE-PATIENT-NAME", "隐私供者甲", "隐私患者乙")


def _leaks(text_: str) -> list[str]:
    return [secret for secret in SECRETS if secret in text_]


@pytest.mark.req("R-PRV-01", "R-PRV-03", "R-PRV-05", "R-PRV-06")
def test_names_never_reach_logs_labels_trace_or_audit(
    flow: Flow, caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]
) -> None:
    caplog.set_level(logging.DEBUG)  # everything, SQL statements included
    caplog.set_level(logging.DEBUG, logger="sqlalchemy.engine")
    c = flow.c
    c.donors.register_donor(
        actor="wang", code="DN-PRV-1", donor_type=DonorType.AUTOLOGOUS, full_name=DONOR_NAME
    )
    c.donors.register_recipient(
        actor="liu",
        code="P-PRV-1",
        initials="YH",
        hospital_code="HOSP-B",
        autologous_donor="DN-PRV-1",
        full_name=RECIPIENT_NAME,
    )
    flow.accepted_collection("DN-PRV-1", "CL-PRV-1")
    batch, units = flow.filled_batch("CL-PRV-1", 2)
    flow.release(batch)
    flow.ship_and_receive("SH-PRV-1", units, "P-PRV-1")
    flow.give(units[0], "P-PRV-1")
    trace = c.trace.trace("P-PRV-1")
    assert caplog.records, "SQL logging was on: the test must have seen statements"

    with flow.core.uow() as uow:  # a database error whose statement carried the name
        donor_id = uow.session.scalar(select(Donor.id).where(Donor.code == "DN-PRV-1"))
        uow.session.add(DonorIdentity(donor_id=donor_id, full_name=DONOR_NAME))
        with pytest.raises(IntegrityError) as failure:
            uow.session.flush()
    assert _leaks(str(failure.value)) == []

    with flow.core.uow().reading() as uow:
        unit_ids = uow.session.scalars(select(ProductUnit.id)).all()
        printed = [" ".join(label_fields(uow.session, uid).texts.values()) for uid in unit_ids]
        audit = uow.session.execute(
            text("SELECT actor, subject_id, old_value, new_value, reason FROM audit_entry")
        ).all()
    assert printed and all(_leaks(label) == [] for label in printed)
    assert _leaks(" ".join(str(v) for row in audit for v in row)) == []
    assert _leaks(repr(trace)) == []
    logged = "\n".join(r.getMessage() for r in caplog.records)
    out, err = capfd.readouterr()
    assert _leaks(logged + out + err) == []
    assert AuditEntry.__tablename__  # the audit query above read the real table
