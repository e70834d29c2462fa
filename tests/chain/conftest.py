"""A small site for chain-of-identity tests: sites, product types, storage, and helpers that
walk a donor through the services to released units. Times are relative to now because
signatures are checked against the wall clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import pytest

from models.core import Core
from models.demo.chain import product_type
from models.entities.base import utcnow
from models.entities.parties import DonorType, ScreeningOutcome, Site, SiteKind
from models.entities.production import ProductCategory
from models.quality.chain_release import release_batch
from tests.conftest import PASSWORD

FIN = "A9990"


def ago(days: float = 0, hours: float = 0) -> datetime:
    return utcnow() - timedelta(days=days, hours=hours)


def add_site_config(core: Core) -> None:
    """Configuration data (sites, catalogue) has no service of its own yet."""
    with core.uow() as uow:
        for code, kind, fin in [
            ("TJ-CTF", SiteKind.MANUFACTURER, FIN),
            ("HOSP-A", SiteKind.COLLECTION_SITE, None),
            ("HOSP-B", SiteKind.HOSPITAL, None),
            ("HOSP-C", SiteKind.HOSPITAL, None),
        ]:
            uow.session.add(Site(code=code, name=code, kind=kind, isbt_facility_code=fin))
        for code, category, thaw in [
            ("S1389", ProductCategory.MSC, 60),
            ("S2210", ProductCategory.CAR_T, 90),
        ]:
            uow.session.add(product_type(code, category, thaw=thaw))
        uow.commit()
    storage = core.chain.storage
    storage.add_location(actor="wang", code="T-03", name="LN2 T-03", site_code="TJ-CTF")
    storage.add_location(
        actor="wang",
        code="T-INF-01",
        name="LN2 infectious",
        site_code="TJ-CTF",
        infectious_only=True,
    )


@dataclass
class Flow:
    core: Core

    @property
    def c(self):  # noqa: ANN201 - shorthand for the bundle
        return self.core.chain

    def eligible_donor(
        self,
        code: str,
        donor_type: DonorType = DonorType.ALLOGENEIC,
        outcome: ScreeningOutcome = ScreeningOutcome.NEGATIVE,
    ) -> None:
        self.c.donors.register_donor(actor="wang", code=code, donor_type=donor_type)
        self.c.donors.record_screening(
            actor="wang", donor_code=code, test="HBsAg", outcome=outcome, sampled_at=ago(200)
        )
        if donor_type is DonorType.ALLOGENEIC and outcome is ScreeningOutcome.NEGATIVE:
            self.c.donors.record_screening(
                actor="wang", donor_code=code, test="HBsAg", outcome=outcome, sampled_at=ago(100)
            )

    def accepted_collection(
        self, donor: str, code: str, material: str = "umbilical cord", coi: str | None = None
    ) -> str:
        coi_id = self.c.collections.register_collection(
            actor="wang",
            code=code,
            donor_code=donor,
            site_code="HOSP-A",
            material=material,
            collected_at=ago(199, 6),
            coi_id=coi,
        )
        result = self.c.collections.receive(
            actor="wang",
            collection_code=code,
            received_at=ago(199, 2),
            transport_temp_c=5.0,
            packaging_intact=True,
            label_complete=True,
        )
        assert result.accepted, result.problems
        return coi_id

    def filled_batch(
        self, collection: str, count: int, product: str = "S1389", location: str | None = "T-03"
    ) -> tuple[str, list[str]]:
        number = self.c.batches.create_batch(
            actor="wang", collections=collection, product_code=product
        )
        self.c.batches.record_harvest(actor="wang", batch_number=number, harvest_at=ago(150))
        units = self.c.batches.fill(
            actor="wang",
            batch_number=number,
            count=count,
            container_type="cryobag",
            cell_count=1e8,
            volume_ml=20,
            location_code=location,
        )
        return number, units

    def release(self, batch: str) -> None:
        with self.core.uow() as uow:
            release_batch(uow, batch, actor="chen")
            uow.commit()

    def released_batch(self, donor: str, count: int, **kw: object) -> tuple[str, list[str]]:
        self.eligible_donor(donor, **kw)  # type: ignore[arg-type]
        self.accepted_collection(donor, f"CL-{donor}")
        batch, units = self.filled_batch(f"CL-{donor}", count)
        self.release(batch)
        return batch, units

    def ship_and_receive(
        self, code: str, units: list[str], recipient: str | None, hospital: str = "HOSP-B"
    ) -> None:
        s = self.c.shipments
        s.create(actor="wang", code=code, destination=hospital, units=units, recipient=recipient)
        s.dispatch(actor="wang", code=code, at=ago(hours=6), temperature_c=-182)
        self.c.hospital.receive_shipment(
            actor="liu", code=code, at=ago(hours=1), temperature_c=-171, scanned=units
        )

    def patient(self, code: str, hospital: str = "HOSP-B", donor: str | None = None) -> None:
        self.c.donors.register_recipient(
            actor="liu", code=code, initials="ZXM", hospital_code=hospital, autologous_donor=donor
        )

    def give(self, unit: str, recipient: str) -> int:
        self.c.hospital.thaw(
            actor="liu", unit_code=unit, started_at=ago(hours=0.2), ended_at=ago(hours=0.15)
        )
        return self.c.hospital.administer(
            actor="liu",
            product_scan=scan(unit),
            recipient_scan=recipient,
            verifier="zhao",
            verifier_password=PASSWORD,
        )


def scan(unit_code: str) -> str:
    """What the scanner sends for a unit's DIN bar code."""
    return f"={unit_code.split('/', maxsplit=1)[0]}00"


@pytest.fixture
def flow(core: Core) -> Flow:
    add_site_config(core)
    return Flow(core)
