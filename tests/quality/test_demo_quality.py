"""The demo database ships approved, cited specifications and consistent quality data."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from models.core import Core, open_core
from models.demo import build_demo_site
from models.entities.materials import MaterialLot, RetainedSample
from models.entities.quality import Deviation, QcResult, Specification, SpecStatus
from models.services.passwords import fast_passwords_for_tests


@pytest.fixture
def demo(sqlite_url: str) -> Iterator[Core]:
    core = open_core(sqlite_url, passwords=fast_passwords_for_tests(), workstation="demo")
    build_demo_site(core)
    yield core
    core.close()


def test_demo_has_approved_cited_specs_and_passing_results(demo: Core) -> None:
    with demo.uow() as uow:
        s = uow.session
        specs = s.scalars(select(Specification)).all()
        assert len(specs) >= 5 and all(spec.status is SpecStatus.APPROVED for spec in specs)
        assert all(t.source.strip() for spec in specs for t in spec.tests)
        assert s.scalar(select(func.count()).select_from(QcResult)) >= 20
        assert s.scalar(select(func.count()).select_from(Deviation)) == 0  # nothing OOS
        assert s.scalar(select(func.count()).select_from(MaterialLot)) == 6
        samples = s.scalars(select(RetainedSample)).all()
        assert {r.code for r in samples} >= {"RS-250303-001-A", "RS-250408-012-B"}
        [car_t] = [x.id for x in samples if x.code == "RS-250408-012-A"]
    assert f"{demo.quality.retained.keep_until(car_t):%Y-%m-%d}" == "2025-08-01"  # S15
