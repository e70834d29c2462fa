"""E-signatures and the four-eyes rule, tried the wrong way."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from models.cleanroom.steps import step_content
from models.core import Core
from models.entities.accounts import Signature, SignatureMeaning
from models.entities.production import ProcessStep
from models.identity.signatures import signature_matches
from models.kernel.errors import AuthenticationError, PermissionDeniedError, SamePersonError
from tests.conftest import PASSWORD
from tests.core.factories import make_batch


def _step(core: Core) -> int:
    return core.steps.record_step(
        batch_id=make_batch(core),
        name="P0 isolation",
        data={"explant_pieces": 40},
        username="wang",
        password=PASSWORD,
    )


@pytest.mark.req("R-CSV-05")
def test_step_is_signed_with_printed_name_time_and_meaning(core: Core) -> None:
    step_id = _step(core)
    core.steps.verify_step(step_id=step_id, username="zhao", password=PASSWORD)
    with core.uow() as uow:
        sigs = uow.session.scalars(select(Signature).order_by(Signature.id)).all()
        assert [(s.printed_name, s.meaning) for s in sigs] == [
            ("Wang Operator", SignatureMeaning.PERFORMED),
            ("Zhao Verifier", SignatureMeaning.VERIFIED),
        ]
        assert all(s.signed_at.tzinfo is not None for s in sigs)


@pytest.mark.req("R-CSV-14")
def test_same_person_cannot_verify_own_step(core: Core) -> None:
    step_id = _step(core)
    with pytest.raises(SamePersonError):
        core.steps.verify_step(step_id=step_id, username="wang", password=PASSWORD)
    with pytest.raises(SamePersonError):
        core.steps.verify_step(step_id=step_id, username="WANG ", password=PASSWORD)


@pytest.mark.req("R-CSV-07")
def test_verifier_must_reauthenticate_with_own_password(core: Core) -> None:
    step_id = _step(core)
    with pytest.raises(AuthenticationError):
        core.steps.verify_step(step_id=step_id, username="zhao", password="wang's-password-1")
    with core.uow() as uow:
        assert uow.session.get(ProcessStep, step_id).verified_by is None  # type: ignore[union-attr]


@pytest.mark.req("R-CSV-11")
def test_verifier_needs_the_verifier_role(core: Core) -> None:
    step_id = _step(core)
    with pytest.raises(PermissionDeniedError):
        core.steps.verify_step(step_id=step_id, username="liu", password=PASSWORD)


@pytest.mark.req("R-CSV-11")
def test_auditor_cannot_perform_a_step(core: Core) -> None:
    with pytest.raises(PermissionDeniedError):
        core.steps.record_step(
            batch_id=make_batch(core), name="x", data={}, username="sun", password=PASSWORD
        )


@pytest.mark.req("R-CSV-06")
def test_signature_detects_a_later_edit_of_the_signed_content(core: Core) -> None:
    step_id = _step(core)
    core.steps.verify_step(step_id=step_id, username="zhao", password=PASSWORD)
    with core.uow() as uow:
        uow.session.execute(
            text("UPDATE process_step SET data = :d"), {"d": '{"explant_pieces":4}'}
        )
        uow.commit()
    with core.uow() as uow:
        step = uow.session.get(ProcessStep, step_id)
        assert step is not None
        sig = uow.session.get(Signature, step.verified_signature_id)
        assert sig is not None and not signature_matches(sig, step_content(step))


@pytest.mark.req("R-CSV-06")
def test_signatures_cannot_be_altered_in_the_database(core: Core) -> None:
    _step(core)
    with core.uow() as uow, pytest.raises(Exception, match="append-only"):
        uow.session.execute(text("UPDATE signature SET printed_name = 'Someone Else'"))
