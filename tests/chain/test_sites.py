"""Sites: every account belongs to one, role sets per kind of site, and nobody acts on a
record held at another site (a unit at the manufacturer until shipped, at the hospital
after receipt). Written data: SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from models.chain.disposal import DestructionMethod, DestructionReason, DestructionRoleError
from models.core import Core
from models.entities.accounts import Role
from models.identity.sites import OtherSiteError, SiteRoleError
from models.kernel.errors import PermissionDeniedError
from tests.chain.conftest import Flow, add_site_config, ago
from tests.conftest import PASSWORD, sign_in


def _hospital_stock(core: Core, units: int = 2, hospital: str = "HOSP-B") -> list[str]:
    add_site_config(core)
    flow = Flow(core)
    _, codes = flow.released_batch("DN-SITE", units)
    flow.ship_and_receive("SH-SITE", codes, None, hospital=hospital)
    return codes


@pytest.mark.req("R-CSV-11")
def test_role_sets_follow_the_kind_of_site(any_core: Core) -> None:
    add = any_core.accounts.add_user
    with pytest.raises(SiteRoleError) as refused:
        add(
            actor="admin",
            username="nurse2",
            full_name="Nurse at the maker",
            password=PASSWORD,
            roles=[Role.CLINICAL],
        )  # no site named: the manufacturing site, which has no clinical role
    assert "TJ-CTF" in str(refused.value) and "clinical" in str(refused.value)
    assert "TJ-CTF" in refused.value.message("zh")
    with pytest.raises(SiteRoleError):
        add(
            actor="admin",
            username="op2",
            full_name="Operator at a hospital",
            password=PASSWORD,
            roles=[Role.OPERATOR],
            site="HOSP-B",
        )
    with pytest.raises(SiteRoleError):
        add(
            actor="admin",
            username="qa2",
            full_name="QA at a hospital",
            password=PASSWORD,
            roles=[Role.QA],
            site="HOSP-C",
        )
    add(
        actor="admin",
        username="nurse3",
        full_name="Nurse",
        password=PASSWORD,
        roles=[Role.CLINICAL, Role.VERIFIER],
        site="HOSP-B",
    )
    assert any_core.sites.site_of("nurse3") == "HOSP-B"
    assert any_core.sites.site_of("wang") == "TJ-CTF"


@pytest.mark.req("R-CSV-11")
def test_only_an_administrator_adds_sites_and_moves_accounts(core: Core) -> None:
    with pytest.raises(PermissionDeniedError):
        core.sites.add_site(actor=None, code="HOSP-X", name="X", kind="hospital")
    with pytest.raises(PermissionDeniedError):
        core.sites.add_site(actor="wang", code="HOSP-X", name="X", kind="hospital")
    core.sites.add_site(actor="admin", code="HOSP-X", name="X", kind="hospital")
    with pytest.raises(SiteRoleError):  # an operator cannot move to a hospital
        core.sites.move_account(actor="admin", username="wang", site="HOSP-X", reason="transfer")
    core.sites.move_account(actor="admin", username="liu", site="HOSP-X", reason="transfer")
    assert core.sites.site_of("liu") == "HOSP-X"
    assert {r.code: r.accounts for r in core.sites.sites()}["HOSP-X"] == 1


@pytest.mark.req("R-CSV-11")
def test_a_nurse_cannot_receive_another_hospitals_shipment(any_core: Core) -> None:
    add_site_config(any_core)
    flow = Flow(any_core)
    _, codes = flow.released_batch("DN-SITE2", 1)
    shipments = any_core.chain.shipments
    shipments.create(actor="wang", code="SH-C", destination="HOSP-C", units=codes)
    shipments.dispatch(actor="wang", code="SH-C", at=ago(hours=3), temperature_c=-180)
    with pytest.raises(OtherSiteError) as refused:
        any_core.chain.hospital.receive_shipment(
            actor="liu", code="SH-C", at=ago(hours=1), temperature_c=-171, scanned=codes
        )
    assert "HOSP-B" in str(refused.value) and "HOSP-C" in str(refused.value)
    assert "HOSP-C" in refused.value.message("zh")
    any_core.chain.hospital.receive_shipment(
        actor="ma", code="SH-C", at=ago(hours=1), temperature_c=-171, scanned=codes
    )


@pytest.mark.req("R-CSV-11")
def test_the_manufacturer_cannot_act_on_a_unit_held_at_a_hospital(core: Core) -> None:
    [unit, other] = _hospital_stock(core)
    with pytest.raises(OtherSiteError) as refused:
        Flow(core).split(unit, actor="wang")
    assert "TJ-CTF" in str(refused.value) and "HOSP-B" in str(refused.value)
    with pytest.raises(OtherSiteError):  # nor a nurse of another hospital
        core.chain.hospital.thaw(
            actor="ma", unit_code=other, started_at=ago(hours=0.2), ended_at=ago(hours=0.1)
        )
    core.chain.hospital.thaw(
        actor="liu", unit_code=other, started_at=ago(hours=0.2), ended_at=ago(hours=0.1)
    )


@pytest.mark.req("R-CSV-11")
def test_a_nurse_cannot_act_on_the_manufacturers_stock(core: Core) -> None:
    add_site_config(core)
    _, codes = Flow(core).released_batch("DN-SITE3", 1)
    with pytest.raises(OtherSiteError):
        core.chain.hospital.thaw(
            actor="liu", unit_code=codes[0], started_at=ago(hours=0.2), ended_at=ago(hours=0.1)
        )


def _add_hospital_checker(core: Core, username: str, site: str) -> None:
    core.accounts.add_user(
        actor="admin",
        username=username,
        full_name=username,
        password=PASSWORD,
        roles=[Role.VERIFIER],
        site=site,
    )
    sign_in(core, username)


@pytest.mark.req("R-CSV-11")
def test_a_hospital_destroys_its_damaged_unit_without_qa(any_core: Core) -> None:
    """The hospital's clinical staff, witnessed by a colleague there; nobody holds both QA and
    clinical roles (digest 2.2: staff perform only the duties of their own authorisation)."""
    [unit, _] = _hospital_stock(any_core)
    _add_hospital_checker(any_core, "xu", "HOSP-C")  # hu is HOSP-B's (tests/conftest.py)
    destroy = any_core.chain.disposal.destroy_unit
    common = {
        "password": PASSWORD,
        "unit_code": unit,
        "reason": DestructionReason.DAMAGED,
        "method": DestructionMethod.CLINICAL_WASTE,
        "witness_password": PASSWORD,
        "note": "bag cracked on thaw rack",
    }
    with pytest.raises(DestructionRoleError):  # the manufacturer's QA does not destroy it there
        destroy(actor="chen", witness="hu", **common)
    with pytest.raises(OtherSiteError):  # nor a witness from another hospital
        destroy(actor="liu", witness="xu", **common)
    with pytest.raises(OtherSiteError):  # another hospital's stale screen: the site, not who
        destroy(actor="ma", witness="xu", expected_version=0, **common)  # changed it last
    done = destroy(actor="liu", witness="hu", **common)
    assert done.reason == "damaged"


@pytest.mark.req("R-CSV-11")
def test_a_hospital_lists_only_the_units_it_holds(core: Core) -> None:
    from datetime import timedelta

    from models.entities.base import utcnow

    units = _hospital_stock(core)
    core.chain.recalls.initiate(actor="chen", password=PASSWORD, identifier=units[0], reason="x")
    later = utcnow() + timedelta(minutes=1)
    reads = core.disposal_reads
    assert {u.code for u in reads.awaiting_destruction(later, "liu")} == {units[0]}
    assert reads.awaiting_destruction(later, "ma") == ()  # HOSP-C holds none of them
    assert {u.code for u in reads.awaiting_destruction(later, "chen")} == {units[0]}
