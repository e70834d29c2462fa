"""Identifiers named after a day or a year take it from the site's wall clock, not UTC's.

A Tianjin batch started at 00:30 on 1 January (16:30 UTC on 31 December) is a batch of the
new day and the new year: its number, its DINs and its COI id say so. The clock is pinned
through ``open_core(clock=...)``, so these tests mean the same on any day they are run.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from models.chain.identifiers import Identifiers
from models.core import Core, open_core
from models.entities.database import Purpose
from models.entities.parties import Site, SiteKind
from models.identity.passwords import fast_passwords_for_tests
from models.quality.deviations import DeviationInput, open_deviation_in

NEW_YEAR_IN_TIANJIN = datetime(2026, 12, 31, 16, 30, tzinfo=UTC)  # 2027-01-01 00:30 +08:00


def _core(tmp_path: Path, at: datetime, zone: str) -> Core:
    core = open_core(
        f"sqlite:///{tmp_path / 'calendar.db'}",
        passwords=fast_passwords_for_tests(),
        clock=lambda: at,
        workstation="test-station",
        purpose=Purpose.TRAINING,
    )
    with core.uow() as uow:
        site = Site(code="TJ", name="TJ", kind=SiteKind.MANUFACTURER, isbt_facility_code="A9990")
        site.timezone = zone
        uow.session.add(site)
        uow.commit()
    return core


@pytest.fixture
def tianjin(tmp_path: Path) -> Iterator[Core]:
    core = _core(tmp_path, NEW_YEAR_IN_TIANJIN, "Asia/Shanghai")
    yield core
    core.close()


@pytest.mark.req("R-ID-18")
def test_batch_number_din_and_coi_carry_the_sites_date_and_year(tianjin: Core) -> None:
    ids = Identifiers()
    with tianjin.uow() as uow:
        assert ids.batch_number(uow, "msc") == "B-UCMSC-270101-001"
        assert ids.din(uow).year == "27"
        assert ids.coi(uow).year == "27"


def test_deviation_codes_count_in_the_sites_year(tianjin: Core) -> None:
    with tianjin.uow() as uow:
        dev = open_deviation_in(uow, "chen", DeviationInput(title="t", description="d"))
        assert dev.code == "DEV-2027-00001"


def test_a_site_west_of_utc_is_still_in_the_old_year(tmp_path: Path) -> None:
    """The same instant is 31 December in the afternoon in Chicago: the old day and year."""
    core = _core(tmp_path, NEW_YEAR_IN_TIANJIN, "America/Chicago")
    try:
        with core.uow() as uow:
            assert Identifiers().batch_number(uow, "msc") == "B-UCMSC-261231-001"
            assert Identifiers().din(uow).year == "26"
    finally:
        core.close()
