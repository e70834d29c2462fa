"""Shared fixtures: a fresh, migrated database per test (real SQLite file, or real PostgreSQL)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from models.core import Core, open_core
from models.demo.build import add_sites, add_staff
from models.entities.accounts import Role
from models.entities.base import utcnow
from models.entities.database import Purpose
from models.entities.parties import SiteKind
from models.identity.passwords import fast_passwords_for_tests
from models.kernel.unit_of_work import Clock
from models.quality.package import PackageAttestation

PG_ADMIN_URL = os.environ.get(
    "CELLTRAIL_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1/postgres"
)
PASSWORD = "Correct-horse-42"
# QA's attestation of the release package elements the records cannot prove (R-REL-04).
# The request form is not attested: the preparation request on record proves it (R-RCV-01).
ATTESTED = PackageAttestation(packaging_checked=True, batch_record_ref="BR-TEST-001")

STAFF = {
    "admin": ("Ada Admin", [Role.ADMIN]),
    "wang": ("Wang Operator", [Role.OPERATOR]),
    "zhao": ("Zhao Verifier", [Role.VERIFIER]),
    "chen": ("Chen QA", [Role.QA]),
    "li": ("Li QA Head", [Role.QA, Role.QA_HEAD]),
    "liu": ("Liu Nurse", [Role.CLINICAL]),
    "ma": ("Ma Nurse", [Role.CLINICAL]),
    "hu": ("Hu Hospital Checker", [Role.VERIFIER]),
    "sun": ("Sun Auditor", [Role.AUDITOR]),
}
# Every account belongs to a site (models/identity/sites.py): the manufacturer TJ-CTF (ICCBBA
# test facility A9990) unless named here; each hospital has its own nurse.
SITES = [
    ("TJ-CTF", "Tianjin Cell Therapy Facility", SiteKind.MANUFACTURER, "A9990"),
    ("HOSP-B", "Hospital B", SiteKind.HOSPITAL, None),
    ("HOSP-C", "Hospital C", SiteKind.HOSPITAL, None),
]
STAFF_SITES = {"liu": "HOSP-B", "ma": "HOSP-C", "hu": "HOSP-B"}
NURSE_AT = {"HOSP-B": "liu", "HOSP-C": "ma"}


def _postgres_available() -> bool:
    try:
        with create_engine(PG_ADMIN_URL).connect() as conn:
            conn.execute(text("select 1"))
        return True
    except Exception:  # noqa: BLE001 - any failure means "not available here"
        return False


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'celltrail.db'}"


@pytest.fixture
def postgres_url() -> Iterator[str]:
    if not _postgres_available():
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL must be reachable in CI")
        pytest.skip("PostgreSQL not reachable")
    name = f"ct_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest) -> str:
    fixture = "sqlite_url" if request.param == "sqlite" else "postgres_url"
    return str(request.getfixturevalue(fixture))


def sign_in(core: Core, *usernames: str, password: str = PASSWORD) -> Core:
    """People authenticate at ``core``'s station (another workstation on the same database):
    services act only for them. A password check, not a session: nothing enters the trail."""
    for username in usernames or tuple(STAFF):
        core.accounts.authenticate(username, password, purpose="test station")
    return core


def make_core(
    url: str,
    clock: Clock = utcnow,
    workstation: str | None = "test-station",
    purpose: Purpose = Purpose.TRAINING,
) -> Core:
    """The STAFF accounts on a migrated database; ``clock`` pins the services' "now",
    ``workstation=None`` records the host name. A new database is a training database (the
    tests' sites use the ICCBBA test facility code A9990) unless ``purpose`` says otherwise."""
    passwords = fast_passwords_for_tests()
    core = open_core(
        url, passwords=passwords, workstation=workstation, clock=clock, purpose=purpose
    )
    # A production database (asked for, or one that was created so) refuses the test facility
    # code: there the manufacturing site is registered without one (a test that needs a real
    # code gives its own site one).
    test = core.purpose.is_test
    add_sites(core, SITES if test else [(c, n, k, None) for c, n, k, _ in SITES])
    add_staff(core, STAFF, PASSWORD, STAFF_SITES)
    return core


@pytest.fixture
def core(sqlite_url: str) -> Iterator[Core]:
    """The everyday fixture: SQLite file, migrated, with the STAFF accounts."""
    c = make_core(sqlite_url)
    yield c
    c.close()


@pytest.fixture
def any_core(db_url: str) -> Iterator[Core]:
    """The same, once on SQLite and once on PostgreSQL."""
    c = make_core(db_url)
    yield c
    c.close()


def forge(core: Core, *statements: str) -> None:
    """Change the database the way a user with a DB browser would: plain SQL, committed,
    nothing of CellTrail in the way (no session, no audit entry)."""
    with core.engine.begin() as conn:
        for statement in statements:
            conn.execute(text(statement))
