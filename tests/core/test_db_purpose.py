"""Training and validation databases (issue 16): the purpose is fixed when a database is
created; a test database accepts only the ICCBBA test facility codes A9990–A9999, a
production database refuses them, however the facility code gets in; backups keep it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from models.archive.backup import BackupPurposeError, create_backup, restore_backup
from models.core import Core, open_core
from models.demo.build import DemoNeedsTrainingError, build_demo_site
from models.entities.database import Purpose
from models.entities.parties import Site, SiteKind
from models.identity.passwords import fast_passwords_for_tests
from models.kernel import schema
from models.kernel.db import make_engine
from models.kernel.db_purpose import FacilityCodeRefusedError
from tests.chain.conftest import Flow, add_site_config
from tests.conftest import make_core
from tests.core.test_cli import celltrail

pytestmark = pytest.mark.req("R-CSV-33")


def _site(core: Core, fin: str, code: str = "OWN") -> None:
    with core.uow() as uow:
        uow.session.add(
            Site(code=code, name=code, kind=SiteKind.MANUFACTURER, isbt_facility_code=fin)
        )
        uow.commit()


@pytest.fixture
def production(db_url: str) -> Iterator[Core]:
    core = make_core(db_url, purpose=Purpose.PRODUCTION)
    yield core
    core.close()


def test_the_kernel_knows_the_same_test_codes_as_isbt128() -> None:
    from models.isbt128.din import TEST_FINS
    from models.kernel import db_purpose

    assert db_purpose.TEST_FINS == TEST_FINS


def test_a_new_database_is_production_unless_created_otherwise(tmp_path: Path) -> None:
    plain = open_core(f"sqlite:///{tmp_path / 'plain.db'}", passwords=fast_passwords_for_tests())
    assert plain.purpose is Purpose.PRODUCTION
    plain.close()
    # asking for another purpose later changes nothing: it is fixed at creation
    again = open_core(f"sqlite:///{tmp_path / 'plain.db'}", purpose=Purpose.TRAINING)
    assert again.purpose is Purpose.PRODUCTION
    again.close()


@pytest.mark.parametrize("fin", ["A9990", "A9999", "a9995"])
def test_production_refuses_a_test_facility_code(production: Core, fin: str) -> None:
    with pytest.raises(FacilityCodeRefusedError, match="production database"):
        _site(production, fin)


@pytest.mark.parametrize("fin", ["W0000", "A9989", "B9990"])
def test_a_training_database_refuses_a_real_facility_code(any_core: Core, fin: str) -> None:
    with pytest.raises(FacilityCodeRefusedError, match="only the ICCBBA test facility codes"):
        _site(any_core, fin)
    _site(any_core, "A9990")  # the test code is what it takes


def test_changing_a_sites_code_later_is_refused_too(any_core: Core) -> None:
    _site(any_core, "A9991")
    with any_core.uow() as uow, pytest.raises(FacilityCodeRefusedError):
        uow.session.query(Site).filter_by(code="OWN").one().isbt_facility_code = "W0000"
        uow.session.flush()


def test_a_test_code_forged_into_production_allocates_no_din(production: Core) -> None:
    """A site row written outside CellTrail still cannot number a product with a test code."""
    _site(production, "W0000")
    add_site_config_without_fin(production)
    flow = Flow(production)
    flow.eligible_donor("DN-P1")
    flow.accepted_collection("DN-P1", "CL-DN-P1")
    with production.engine.begin() as conn:
        conn.execute(text("UPDATE site SET isbt_facility_code = 'A9990' WHERE code = 'OWN'"))
    with pytest.raises(FacilityCodeRefusedError):
        flow.filled_batch("CL-DN-P1", 1)


def add_site_config_without_fin(core: Core) -> None:
    """The chain tests' sites and catalogue, with our own facility already set up (the
    hospitals come with the accounts: tests/conftest.py SITES)."""
    with core.uow() as uow:
        uow.session.add(Site(code="HOSP-A", name="HOSP-A", kind=SiteKind.COLLECTION_SITE))
        uow.commit()
    from models.demo.chain import product_type
    from models.entities.production import ProductCategory

    with core.uow() as uow:
        uow.session.add(product_type("S1389", ProductCategory.MSC, thaw=60))
        uow.commit()
    core.chain.storage.add_location(actor="wang", code="T-03", name="LN2", site_code="OWN")


def test_the_purpose_cannot_be_changed_or_removed(db_url: str) -> None:
    core = make_core(db_url)
    try:
        for statement in (
            "UPDATE database_purpose SET purpose = 'production'",
            "DELETE FROM database_purpose",
        ):
            with pytest.raises(DBAPIError), core.engine.begin() as conn:
                conn.execute(text(statement))
        assert core.purpose is Purpose.TRAINING
    finally:
        core.close()


def test_the_demo_is_built_only_in_a_training_database(tmp_path: Path) -> None:
    core = open_core(f"sqlite:///{tmp_path / 'p.db'}", passwords=fast_passwords_for_tests())
    try:
        with pytest.raises(DemoNeedsTrainingError):
            build_demo_site(core)
    finally:
        core.close()


def test_init_sets_the_purpose_once(tmp_path: Path) -> None:
    db = str(tmp_path / "site.db")
    made = celltrail("init", "--db", db, "--purpose", "training")
    assert made.returncode == 0 and "database purpose: training" in made.stdout
    changed = celltrail("init", "--db", db, "--purpose", "production")
    assert changed.returncode == 2 and "cannot become a production one" in changed.stderr


def test_an_existing_demo_database_is_taken_for_training_on_upgrade(tmp_path: Path) -> None:
    """A database made before purposes were declared: its own test facility code says so."""
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = make_engine(url)
    config = schema._config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0008")
        conn.execute(
            text(
                "INSERT INTO site (code, name, kind, isbt_facility_code, qualified, timezone) "
                "VALUES ('TJ', 'TJ', 'manufacturer', 'A9990', 1, 'Asia/Shanghai')"
            )
        )
    schema.upgrade(engine)
    engine.dispose()
    core = open_core(url, passwords=fast_passwords_for_tests())
    assert core.purpose is Purpose.TRAINING
    core.close()


def test_a_backup_restores_with_its_purpose_and_never_over_another(
    core: Core, tmp_path: Path
) -> None:
    add_site_config(core)
    archive = tmp_path / "training.zip"
    create_backup(core.engine, archive)
    url = f"sqlite:///{tmp_path / 'restored.db'}"
    restore_backup(archive, make_engine(url))
    restored = open_core(url, passwords=fast_passwords_for_tests())
    assert restored.purpose is Purpose.TRAINING
    restored.close()
    production = make_engine(f"sqlite:///{tmp_path / 'production.db'}")
    schema.upgrade(production)  # an empty production database
    with pytest.raises(BackupPurposeError, match="training database"):
        restore_backup(archive, production)
