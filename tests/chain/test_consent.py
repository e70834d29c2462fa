"""Consent governs what is received, made, stored and shared; requests accompany samples
(R-DON-11, R-DON-12, R-PRV-04, R-RCV-01). Each test tries to get past a rule."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from models.chain.consent_errors import (
    ConsentHoldError,
    ConsentMissingError,
    ConsentNotCoveredError,
    ConsentWithdrawnError,
    RequestIncompleteError,
    RequestMissingError,
)
from models.chain.consent_records import ConsentInput
from models.chain.consent_scope import ConsentScope, SignerKind, Trigger
from models.chain.prep_requests import RequestInput
from models.core import Core
from models.entities.parties import Donor, DonorIdentity
from models.entities.production import ProductUnit
from models.kernel.errors import AuthenticationError, ValidationError
from models.quality.retained import SampleInput
from models.quality.retained_use import SampleUse
from tests.chain.conftest import Flow, add_request, add_site_config, ago, give_consent
from tests.conftest import PASSWORD

ALL_BUT = frozenset(ConsentScope)


def _collect(flow: Flow, donor: str, code: str) -> None:
    flow.c.collections.register_collection(
        actor="wang",
        code=code,
        donor_code=donor,
        site_code="HOSP-A",
        material="umbilical cord",
        collected_at=ago(1),
    )


@pytest.mark.req("R-RCV-01")
@pytest.mark.req("R-DON-11")
def test_receipt_needs_a_request_and_the_request_needs_consent(flow: Flow) -> None:
    flow.eligible_donor("DN-C1")
    _collect(flow, "DN-C1", "CL-C1")
    with pytest.raises(RequestMissingError):
        flow.receive("CL-C1", ago(0.5))
    with pytest.raises(ConsentMissingError) as refused:
        add_request(flow.core, "CL-C1")
    assert "DN-C1" in refused.value.message("zh") and "同意" in refused.value.message("zh")
    give_consent(flow.core, "DN-C1", ALL_BUT - {ConsentScope.DONATION})
    with pytest.raises(ConsentNotCoveredError):
        add_request(flow.core, "CL-C1")


@pytest.mark.req("R-RCV-01")
def test_a_car_t_request_names_the_patient_and_enrolment(flow: Flow) -> None:
    flow.eligible_donor("DN-C2")
    _collect(flow, "DN-C2", "CL-C2")
    give_consent(flow.core, "DN-C2")
    data = RequestInput("REQ-C2", "CL-C2", "basics", "clinical", "SCR", "plan", car_t=True)
    with pytest.raises(RequestIncompleteError) as refused:
        flow.c.requests.add(actor="wang", data=data)
    assert refused.value.params["field"] == "patient_initials"
    add_request(flow.core, "CL-C2", car_t=True)
    assert flow.c.requests.show("REQ-CL-C2")["enrolment_no"] == "ENR-1"
    assert flow.receive("CL-C2", ago(0.5)).accepted


@pytest.mark.req("R-DON-11")
def test_consent_is_signed_with_a_password_and_versions_supersede(flow: Flow) -> None:
    flow.eligible_donor("DN-C3")
    data = ConsentInput("DN-C3", "ICF-1", ago(3), SignerKind.DONOR, "D3", [ConsentScope.DONATION])
    with pytest.raises(AuthenticationError):
        flow.c.consents.record(actor="wang", password="wrong", data=data)
    first = flow.c.consents.record(actor="wang", password=PASSWORD, data=data)
    again = ConsentInput("DN-C3", "ICF-2", ago(1), SignerKind.DONOR, "D3", ALL_BUT)
    second = flow.c.consents.record(actor="wang", password=PASSWORD, data=again)
    versions = flow.c.consents.show("DN-C3").versions
    assert [v.id for v in versions] == [first, second]
    assert versions[1].supersedes_id == first


@pytest.mark.req("R-DON-12")
def test_a_reconsent_trigger_holds_material_until_the_donor_signs_again(flow: Flow) -> None:
    flow.eligible_donor("DN-C4")
    flow.accepted_collection("DN-C4", "CL-C4")
    flow.c.consents.require_reconsent(
        actor="chen", donor_code="DN-C4", trigger=Trigger.PROTOCOL_CHANGE, detail="protocol v2"
    )
    with pytest.raises(ConsentHoldError) as refused:
        flow.c.batches.create_batch(actor="wang", collections="CL-C4", product_code="S1389")
    assert refused.value.params["trigger"] == "protocol_change"
    assert flow.c.consents.show("DN-C4").holds == ("protocol_change",)
    data = ConsentInput("DN-C4", "ICF-2", ago(0.1), SignerKind.DONOR, "D4", ALL_BUT, "v2")
    flow.c.consents.record(actor="wang", password=PASSWORD, data=data)
    assert flow.c.consents.show("DN-C4").holds == ()
    flow.c.batches.create_batch(actor="wang", collections="CL-C4", product_code="S1389")


def _born(core: Core, donor: str, born: date) -> None:
    with core.uow() as uow:
        donor_id = uow.session.query(Donor.id).filter(Donor.code == donor).scalar()
        uow.session.add(DonorIdentity(donor_id=donor_id, full_name="Minor", birth_date=born))
        uow.commit()


@pytest.mark.req("R-DON-12")
def test_a_minor_reaching_legal_capacity_must_consent_themselves(flow: Flow) -> None:
    flow.eligible_donor("DN-C5")
    _born(flow.core, "DN-C5", date.today() - timedelta(days=18 * 366))
    scopes = ALL_BUT
    adult = ConsentInput("DN-C5", "ICF-1", ago(0.1), SignerKind.LEGAL_GUARDIAN, "Parent", scopes)
    with pytest.raises(ValidationError):  # an adult is not signed for
        flow.c.consents.record(actor="wang", password=PASSWORD, data=adult)
    as_minor = ConsentInput("DN-C5", "ICF-1", ago(400), SignerKind.LEGAL_GUARDIAN, "P", scopes)
    flow.c.consents.record(actor="wang", password=PASSWORD, data=as_minor)
    _collect(flow, "DN-C5", "CL-C5")
    with pytest.raises(ConsentHoldError) as refused:
        add_request(flow.core, "CL-C5")
    assert refused.value.params["trigger"] == "legal_capacity"
    own = ConsentInput("DN-C5", "ICF-1", ago(0.1), SignerKind.DONOR, "Self", scopes)
    flow.c.consents.record(actor="wang", password=PASSWORD, data=own)
    add_request(flow.core, "CL-C5")


@pytest.mark.req("R-DON-11")
def test_withdrawal_holds_and_lists_what_is_not_yet_given(flow: Flow) -> None:
    flow.eligible_donor("DN-C6")
    flow.accepted_collection("DN-C6", "CL-C6")
    batch, units = flow.filled_batch("CL-C6", 2)
    with flow.core.uow() as uow:
        batch_id = uow.session.query(ProductUnit.batch_id).limit(1).scalar()
    sample = SampleInput(batch_id or 0, "RS-C6", "cells", 1, "T-03")
    flow.core.quality.retained.register(actor="wang", data=sample)
    items = flow.c.consents.withdraw(
        actor="wang",
        password=PASSWORD,
        donor_code="DN-C6",
        reason="donor asked",
        kept_by_law={units[0]: "investigation open"},
    )
    fates = {i.code: (i.kind, i.fate) for i in items}
    assert fates[units[0]] == ("unit", "kept_by_law")
    assert fates[units[1]] == ("unit", "destroy")
    assert fates["RS-C6"] == ("retained_sample", "kept_by_law")
    assert all("T-03" in i.location for i in items)
    with flow.core.uow() as uow:
        held = uow.session.query(ProductUnit).filter(ProductUnit.hold_reason.is_not(None)).count()
    assert held == 2
    with pytest.raises(ConsentWithdrawnError):
        flow.core.quality.retained.register(actor="wang", data=SampleInput(*vars(sample).values()))
    assert batch


@pytest.mark.req("R-DON-11")
def test_a_retained_sample_needs_storage_consent(flow: Flow) -> None:
    flow.eligible_donor("DN-C7")
    give_consent(flow.core, "DN-C7", ALL_BUT - {ConsentScope.BIOSAMPLE_STORAGE})
    flow.accepted_collection("DN-C7", "CL-C7")
    flow.filled_batch("CL-C7", 1)
    with flow.core.uow() as uow:
        batch_id = uow.session.query(ProductUnit.batch_id).limit(1).scalar()
    with pytest.raises(ConsentNotCoveredError) as refused:
        sample = SampleInput(batch_id or 0, "RS-C7", "cells", 1, "T-03")
        flow.core.quality.retained.register(actor="wang", data=sample)
    assert refused.value.params["scope"] == "biosample_storage"


@pytest.mark.req("R-DON-11")
def test_consent_and_withdrawal_on_both_databases(any_core: Core) -> None:
    add_site_config(any_core)
    flow = Flow(any_core)
    flow.eligible_donor("DN-C8")
    flow.accepted_collection("DN-C8", "CL-C8")
    _, units = flow.filled_batch("CL-C8", 1)
    items = flow.c.consents.withdraw(
        actor="wang", password=PASSWORD, donor_code="DN-C8", reason="asked"
    )
    assert [i.code for i in items] == units
    with pytest.raises(ConsentWithdrawnError):
        flow.c.batches.create_batch(actor="wang", collections="CL-C8", product_code="S1389")


@pytest.mark.req("R-DON-12")
def test_development_use_beyond_consent_holds_the_donor_until_re_consent(flow: Flow) -> None:
    flow.eligible_donor("DN-C9")
    give_consent(flow.core, "DN-C9", ALL_BUT - {ConsentScope.DEVELOPMENT_USE})
    flow.accepted_collection("DN-C9", "CL-C9")
    flow.filled_batch("CL-C9", 1)
    with flow.core.uow() as uow:
        batch_id = uow.session.query(ProductUnit.batch_id).limit(1).scalar()
    sample = SampleInput(batch_id or 0, "RS-C9", "cells", 3, "T-03")
    sample_id = flow.core.quality.retained.register(actor="wang", data=sample)
    use = flow.core.quality.sample_use
    with pytest.raises(ConsentNotCoveredError):
        use.use(
            actor="chen",
            sample_id=sample_id,
            quantity=1,
            purpose=SampleUse.DEVELOPMENT,
            note="assay development",
        )
    assert flow.c.consents.show("DN-C9").holds == ("use_beyond_scope",)
    # an investigation uses the sample for the reason the law keeps it: no consent asked
    left = use.use(
        actor="chen",
        sample_id=sample_id,
        quantity=1,
        purpose=SampleUse.INVESTIGATION,
        note="OOS sterility",
    )
    assert left == 2
    data = ConsentInput("DN-C9", "ICF-2", ago(0.1), SignerKind.DONOR, "D9", ALL_BUT)
    flow.c.consents.record(actor="wang", password=PASSWORD, data=data)
    assert (
        use.use(
            actor="chen",
            sample_id=sample_id,
            quantity=1,
            purpose=SampleUse.DEVELOPMENT,
            note="assay development",
        )
        == 1
    )
