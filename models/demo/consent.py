"""The demo's consents and preparation requests: each donor consented before collection and each
collection arrives with its request (R-DON-11, R-RCV-01), so receipt works as on a real site."""

from __future__ import annotations

from datetime import datetime

from models.chain.consent_records import ConsentInput
from models.chain.consent_scope import ConsentScope, SignerKind
from models.chain.prep_requests import RequestInput
from models.core import Core

DEMO_FORM = "ICF-2026-01"


def consent_and_request(
    core: Core,
    password: str,
    *,
    donor: str,
    collection: str,
    signed_on: datetime,
    car_t: bool,
) -> None:
    signer = SignerKind.PATIENT if car_t else SignerKind.DONOR
    data = ConsentInput(
        donor, DEMO_FORM, signed_on, signer, f"{donor} (demo)", list(ConsentScope), "DEMO-P1"
    )
    core.chain.consents.record(actor="wang", password=password, data=data)
    request = RequestInput(
        code=f"PR-{collection}",
        collection_code=collection,
        donor_basics="see donor record (demo)",
        clinical_information="indication and history on the hospital's file (demo)",
        screening_reference=f"screening of {donor}",
        treatment_plan="one infusion per protocol DEMO-P1",
        car_t=car_t,
        patient_initials="ZWJ" if car_t else None,
        enrolment_no="CT19-012" if car_t else None,
    )
    core.chain.requests.add(actor="wang", data=request)
