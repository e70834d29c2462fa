"""A small site for chain-of-identity tests: sites, product types, storage, and helpers that
walk a donor through the services to released units. Times are relative to now because
signatures are checked against the wall clock."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

import pytest

from models.chain.collections import ReceiptResult
from models.chain.consent_records import ConsentInput
from models.chain.consent_scope import ConsentScope, SignerKind
from models.chain.prep_requests import RequestInput
from models.core import Core
from models.demo.chain import product_type
from models.entities.base import utcnow
from models.entities.parties import DonorType, Eligibility, ScreeningOutcome, Site, SiteKind
from models.entities.production import ProductCategory
from models.kernel.errors import DomainError
from models.quality.chain_release import release_batch
from tests.conftest import NURSE_AT, PASSWORD

FIN = "A9990"


def ago(days: float = 0, hours: float = 0) -> datetime:
    return utcnow() - timedelta(days=days, hours=hours)


def add_site_config(core: Core) -> None:
    """Configuration data (sites, catalogue) has no service of its own yet."""
    with core.uow() as uow:
        # TJ-CTF, HOSP-B and HOSP-C come with the accounts (tests/conftest.py SITES)
        uow.session.add(Site(code="HOSP-A", name="HOSP-A", kind=SiteKind.COLLECTION_SITE))
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


def give_consent(core: Core, donor: str, scopes: Iterable[ConsentScope] = ConsentScope) -> None:
    """The donor's consent to every use, unless one is on record (R-DON-11)."""
    if core.chain.consents.show(donor).versions:
        return
    data = ConsentInput(donor, "ICF-1.0", ago(200), SignerKind.DONOR, "Donor", scopes)
    core.chain.consents.record(actor="wang", password=PASSWORD, data=data)


def add_request(core: Core, collection: str, car_t: bool = False) -> None:
    """The preparation request that must accompany a collection (R-RCV-01)."""
    core.chain.requests.add(
        actor="wang",
        data=RequestInput(
            f"REQ-{collection}",
            collection,
            "age 30, 60 kg",
            "diagnosis on file",
            "SCR-1",
            "one infusion",
            car_t,
            "ZS" if car_t else None,
            "ENR-1" if car_t else None,
        ),
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

    def register_collection(
        self,
        donor: str,
        code: str,
        collected_at: datetime,
        material: str = "umbilical cord",
        coi: str | None = None,
    ) -> str:
        """Collected at HOSP-A with the donor's consent and its preparation request (R-RCV-01);
        returns the COI id."""
        coi_id = self.c.collections.register_collection(
            actor="wang",
            code=code,
            donor_code=donor,
            site_code="HOSP-A",
            material=material,
            collected_at=collected_at,
            coi_id=coi,
        )
        give_consent(self.core, donor)
        add_request(self.core, code)
        return coi_id

    def receive(
        self,
        code: str,
        received_at: datetime,
        temp: float = 5.0,
        packaging_intact: bool = True,
        label_complete: bool = True,
    ) -> ReceiptResult:
        return self.c.collections.receive(
            actor="wang",
            collection_code=code,
            received_at=received_at,
            transport_temp_c=temp,
            packaging_intact=packaging_intact,
            label_complete=label_complete,
        )

    def accepted_collection(
        self, donor: str, code: str, material: str = "umbilical cord", coi: str | None = None
    ) -> str:
        coi_id = self.register_collection(donor, code, ago(199, 6), material, coi)
        result = self.receive(code, ago(199, 2))
        assert result.accepted, result.problems
        return coi_id

    def filled_batch(
        self,
        collection: str,
        count: int,
        product: str = "S1389",
        location: str | None = "T-03",
        harvest_at: datetime | None = None,
    ) -> tuple[str, list[str]]:
        """Created, harvested (150 days ago unless ``harvest_at``) and filled in quarantine."""
        number = self.c.batches.create_batch(
            actor="wang", collections=collection, product_code=product
        )
        harvest = harvest_at or ago(150)
        self.c.batches.record_harvest(actor="wang", batch_number=number, harvest_at=harvest)
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

    def pool(self, units: list[str], reason: str = "dose") -> str:
        """Pool units into a new unit, verified by zhao; returns its code."""
        return self.c.genealogy.pool_units(
            actor="wang",
            unit_codes=units,
            reason=reason,
            verifier="zhao",
            verifier_password=PASSWORD,
        )

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

    def released_autologous(
        self, donor: str, patient: str, count: int, hospital: str = "HOSP-B"
    ) -> tuple[str, list[str]]:
        """A CAR-T patient (their own donor) registered at ``hospital``, their apheresis
        made into a released batch of ``count`` units."""
        self.eligible_donor(donor, DonorType.AUTOLOGOUS)
        self.patient(patient, hospital, donor=donor)
        collection = donor.replace("DN-", "CL-", 1)
        self.accepted_collection(donor, collection, material="leukapheresis")
        batch, units = self.filled_batch(collection, count, product="S2210")
        self.release(batch)
        return batch, units

    def ship_and_receive(
        self, code: str, units: list[str], recipient: str | None, hospital: str = "HOSP-B"
    ) -> None:
        s = self.c.shipments
        s.create(actor="wang", code=code, destination=hospital, units=units, recipient=recipient)
        s.dispatch(actor="wang", code=code, at=ago(hours=6), temperature_c=-182)
        self.c.hospital.receive_shipment(
            actor=NURSE_AT[hospital], code=code, at=ago(hours=1), temperature_c=-171, scanned=units
        )

    def patient(self, code: str, hospital: str = "HOSP-B", donor: str | None = None) -> None:
        self.c.donors.register_recipient(
            actor="liu", code=code, initials="ZXM", hospital_code=hospital, autologous_donor=donor
        )

    def screen(
        self,
        donor: str,
        sampled_at: datetime,
        test: str = "HBsAg",
        outcome: ScreeningOutcome = ScreeningOutcome.NEGATIVE,
    ) -> Eligibility:
        """Record one screening result; returns the donor's eligibility after it."""
        return self.c.donors.record_screening(
            actor="wang", donor_code=donor, test=test, outcome=outcome, sampled_at=sampled_at
        )

    def split(
        self,
        unit: str,
        *,
        actor: str = "wang",
        reason: str = "two doses",
        container_type: str | None = None,
    ) -> list[str]:
        """Split a unit in two, verified by zhao."""
        return self.c.genealogy.split(
            actor=actor,
            unit_code=unit,
            parts=2,
            reason=reason,
            verifier="zhao",
            verifier_password=PASSWORD,
            container_type=container_type,
        )

    def nurse_of(self, unit: str) -> str:
        """The nurse of the hospital holding ``unit`` (liu at HOSP-B, ma at HOSP-C)."""
        from models.chain import lookup

        with self.core.uow() as uow:
            try:
                held = lookup.unit(uow.session, unit)
            except DomainError:
                return "liu"
            site = uow.session.get(Site, held.site_id) if held.site_id else None
            return NURSE_AT.get(site.code if site else "", "liu")

    def thaw(self, unit: str) -> None:
        self.c.hospital.thaw(
            actor=self.nurse_of(unit),
            unit_code=unit,
            started_at=ago(hours=0.2),
            ended_at=ago(hours=0.15),
        )

    def administer(self, unit_scan: str, recipient: str, verifier: str = "zhao") -> int:
        """Give at the bedside (the hospital's nurse) with a second person's check."""
        return self.c.hospital.administer(
            actor=self.nurse_of(unit_scan),
            product_scan=unit_scan,
            recipient_scan=recipient,
            verifier=verifier,
            verifier_password=PASSWORD,
        )

    def give(self, unit: str, recipient: str) -> int:
        self.thaw(unit)
        return self.administer(scan(unit), recipient)


def scan(unit_code: str) -> str:
    """What the scanner sends for a unit's DIN bar code."""
    return f"={unit_code.split('/', maxsplit=1)[0]}00"


@pytest.fixture
def flow(core: Core) -> Flow:
    add_site_config(core)
    return Flow(core)
