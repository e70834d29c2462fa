"""The demo database ships approved, cited specifications and consistent quality data."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from models.core import Core, open_core
from models.demo.build import build_demo_site
from models.demo.site import demo_site
from models.entities.database import Purpose
from models.entities.logistics import Administration
from models.entities.materials import MaterialLot, MaterialUsage, RetainedSample
from models.entities.quality import (
    Deviation,
    QcResult,
    ReleaseKind,
    ReleaseRecord,
    Specification,
    SpecStatus,
)
from models.identity.passwords import fast_passwords_for_tests
from models.quality.stock import keep_until


@pytest.fixture
def demo(sqlite_url: str) -> Iterator[Core]:
    core = open_core(
        sqlite_url,
        passwords=fast_passwords_for_tests(),
        workstation="demo",
        purpose=Purpose.TRAINING,
    )
    build_demo_site(core)
    yield core
    core.close()


def test_demo_has_approved_cited_specs_and_passing_results(demo: Core) -> None:
    site = demo_site(demo)
    with demo.uow() as uow:
        s = uow.session
        specs = s.scalars(select(Specification)).all()
        assert len(specs) >= 5 and all(spec.status is SpecStatus.APPROVED for spec in specs)
        assert all(t.source.strip() for spec in specs for t in spec.tests)
        assert s.scalar(select(func.count()).select_from(QcResult)) >= 20
        assert s.scalar(select(func.count()).select_from(Deviation)) == 0  # nothing OOS
        assert s.scalar(select(func.count()).select_from(MaterialLot)) == 6
        assert s.scalar(select(func.count()).select_from(MaterialUsage)) == 6  # 2 batches × 3
        msc, car_t = (f"RS-{b.removeprefix('B-')}" for b in (site.msc_batch, site.car_t_batch))
        samples = {r.code: r.id for r in s.scalars(select(RetainedSample))}
        assert set(samples) >= {f"{msc}-A", f"{msc}-B", f"{car_t}-A", f"{car_t}-B"}
        given = s.scalars(select(Administration.started_at)).one()  # the S1 bedside infusion
        kinds = set(s.scalars(select(ReleaseRecord.kind)))
    assert kinds == {ReleaseKind.STANDARD, ReleaseKind.RAPID}  # S1 standard, S2 rapid
    # S15: kept three months after the last known treatment, here the S1 administration
    assert demo.quality.retained.keep_until(samples[f"{msc}-A"]) == keep_until([given])
    assert demo.quality.retained.keep_until(samples[f"{car_t}-A"]) is None  # not yet given
