"""People, not strings (issue 12): services act for a principal issued when the person
authenticated at this station, never for a name passed as a string.

Tried the way the issue found it: an operator signed in as himself calls `request_labels` and
`print_job` naming a colleague who never signed in, and signs a check with a `Signer` he built
by hand. Each is refused, and nothing is written.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from models.core import Core, open_core
from models.entities.accounts import Role, SignatureMeaning
from models.entities.audit import AuditEntry
from models.entities.base import utcnow
from models.entities.labeling import PrintJob
from models.identity.passwords import fast_passwords_for_tests
from models.identity.principals import NotSignedInError
from models.identity.sessions import SignOutTrigger
from models.identity.signatures import SignatureNotAuthenticatedError, Signer
from models.kernel.errors import AccountLockedError
from tests.conftest import PASSWORD, make_core
from tests.fakes.printers import RecordingPrinter
from tests.labeling.conftest import approve_defaults, make_lot


def _entries(core: Core) -> int:
    with core.uow().reading() as uow:
        return int(uow.session.scalar(select(func.count()).select_from(AuditEntry)) or 0)


@pytest.fixture
def station(db_url: str) -> Iterator[tuple[Core, Core]]:
    """The site (staff created, everyone signed in there) and a second station on the same
    database where nobody has signed in yet."""
    site = make_core(db_url)
    other = open_core(db_url, passwords=fast_passwords_for_tests(), workstation="LS-2")
    yield site, other
    other.close()
    site.close()


@pytest.mark.req("R-CSV-07")
def test_a_name_alone_does_not_act(station: tuple[Core, Core]) -> None:
    site, other = station
    before = _entries(other)
    with pytest.raises(NotSignedInError) as refused:
        other.accounts.set_badge(actor="admin", username="wang", badge_code="B-1")
    assert refused.value.params["username"] == "admin"
    assert _entries(other) == before  # refused means nothing written

    other.accounts.authenticate("admin", PASSWORD)  # the administrator signs in here
    other.accounts.set_badge(actor="admin", username="wang", badge_code="B-1")

    other.sessions.sign_out("admin", trigger=SignOutTrigger.MANUAL)
    with pytest.raises(NotSignedInError):
        other.accounts.set_badge(actor="admin", username="wang", badge_code=None)


@pytest.mark.req("R-CSV-07")
def test_an_operator_cannot_request_or_print_labels_in_a_colleagues_name(
    station: tuple[Core, Core],
) -> None:
    site, other = station
    templates = approve_defaults(site)
    lot = make_lot(site)
    other.accounts.authenticate("wang", PASSWORD)  # wang at the label station
    request = {
        "batch_id": lot.batch_id,
        "template_id": templates["LT-BAG"],
        "unit_ids": lot.unit_ids,
        "printer_address": "tcp://zebra",
        "station": "LS-2",
    }
    with pytest.raises(NotSignedInError):
        other.labeling.request_labels(**request, actor="chen")  # chen never signed in here
    with other.uow().reading() as uow:
        assert uow.session.scalar(select(func.count()).select_from(PrintJob)) == 0

    job_id = other.labeling.request_labels(**request, actor="wang")
    printer = RecordingPrinter()
    with pytest.raises(NotSignedInError):
        other.labeling.print_job(job_id=job_id, printer=printer, actor="chen")
    assert printer.jobs == []


@pytest.mark.req("R-CSV-07")
def test_a_signer_built_by_hand_signs_nothing(any_core: Core) -> None:
    """zhao is signed in, but a signature needs the password entered for it, now."""
    forged = Signer(username="zhao", printed_name="Zhao Verifier", authenticated_at=utcnow())
    with any_core.uow() as uow, pytest.raises(SignatureNotAuthenticatedError):
        any_core.signatures.sign(
            uow,
            signer=forged,
            meaning=SignatureMeaning.VERIFIED,
            subject_type="batch",
            subject_id=1,
            content={"anything": 1},
            allowed_roles=[Role.VERIFIER],
        )
    real = any_core.signatures.reauthenticate("zhao", PASSWORD, SignatureMeaning.VERIFIED)
    with any_core.uow() as uow:
        signature = any_core.signatures.sign(
            uow,
            signer=real,
            meaning=SignatureMeaning.VERIFIED,
            subject_type="batch",
            subject_id=1,
            content={"anything": 1},
            allowed_roles=[Role.VERIFIER],
        )
        assert signature.printed_name == "Zhao Verifier"


def test_a_signed_in_account_locked_since_cannot_act(station: tuple[Core, Core]) -> None:
    site, other = station
    other.accounts.authenticate("admin", PASSWORD)
    for _ in range(site.accounts.policy.max_failed_attempts):  # someone guesses at another desk
        with pytest.raises(Exception):  # noqa: B017,PT011 - wrong password, then locked
            site.accounts.authenticate("admin", "not-the-password")
    with pytest.raises(AccountLockedError):
        other.accounts.set_badge(actor="admin", username="wang", badge_code="B-2")
