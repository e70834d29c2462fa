"""Labeling fixtures: a small batch of units inserted directly, approved default templates,
and the decode oracles (zxing-cpp for images, zplkit to rasterise ZPL offline)."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TypeVar

import pytest
import zplkit
import zxingcpp
from PIL import Image

from models.core import Core
from models.demo.chain import LN2_STORAGE, product_type
from models.demo.labels import add_templates
from models.entities.labeling import LabelTemplate
from models.entities.parties import DonorType, Recipient, Site, SiteKind
from models.entities.production import Batch, ProductCategory, ProductType, ProductUnit
from models.isbt128 import make_din
from tests.conftest import PASSWORD
from tests.core.factories import donor_collection
from tests.fakes.printers import RecordingPrinter

HARVEST = datetime(2025, 3, 24, 7, 20, tzinfo=UTC)  # 15:20 in Tianjin


def decode(image: Image.Image) -> list[tuple[str, str]]:
    """(AIM identifier, raw text) of every symbol found, sorted."""
    found = zxingcpp.read_barcodes(image.convert("L"), text_mode=zxingcpp.TextMode.Plain)
    return sorted((r.symbology_identifier, r.text) for r in found)


def zpl_to_image(zpl: bytes, dpi: int, width_mm: float, height_mm: float) -> Image.Image:
    width, height = round(width_mm * dpi / 25.4), round(height_mm * dpi / 25.4)
    options = zplkit.Options(dpi=dpi, width=width, height=height)
    document = zplkit.render(re.sub(rb"\^PQ[^\n^]*", b"", zpl), options)
    return Image.open(io.BytesIO(document.labels[0].png()))


@dataclass(frozen=True)
class Lot:
    batch_id: int
    unit_ids: list[int]


def make_lot(
    core: Core,
    number: str = "B-LBL-0001",
    *,
    count: int = 2,
    container: str = "cryobag",
    infectious: bool = False,
    autologous: bool = False,
    first_sequence: int = 1,
    harvest: datetime = HARVEST,
    coi: str | None = None,
) -> Lot:
    """A batch with ``count`` units (DIN facility A9990); not a service shortcut for any rule
    under test here, which all go through the labeling service."""
    with core.uow() as uow:
        s = uow.session
        if s.query(Site).filter_by(kind=SiteKind.MANUFACTURER).first() is None:
            s.add(
                Site(
                    code="TJ",
                    name="Tianjin",
                    kind=SiteKind.MANUFACTURER,
                    isbt_facility_code="A9990",
                    timezone="Asia/Shanghai",
                )
            )
        product = s.query(ProductType).filter_by(code="S1389").first() or product_type(
            "S1389",
            ProductCategory.MSC,
            name_en="Human umbilical cord MSC injection",
            name_zh="人脐带间充质干细胞注射液",
            storage=LN2_STORAGE,
        )
        collection = donor_collection(
            number,
            material="cord",
            collected_at=harvest - timedelta(days=21),
            donor_type=DonorType.AUTOLOGOUS if autologous else DonorType.ALLOGENEIC,
            infectious=infectious,
        )
        donor = collection.donor
        batch = Batch(
            number=number,
            product_type=product,
            collection=collection,
            created_by="wang",
            harvest_at=harvest,
            coi_id=coi,
        )
        s.add_all([product, donor, collection, batch])
        s.flush()
        if autologous:
            s.add(
                Recipient(
                    code=f"P-{number}",
                    initials="ZWJ",
                    enrolment_no=f"E-{number}",
                    donor_id=donor.id,
                )
            )
        units = [
            ProductUnit(
                din=make_din("A9990", 25, first_sequence + i).number,
                product_code="S1389V00",
                batch_id=batch.id,
                container_type=container,
                cell_count=1.0e8,
                volume_ml=20.0,
                created_by="wang",
                expires_at=harvest + timedelta(hours=8760),
            )
            for i in range(count)
        ]
        s.add_all(units)
        uow.commit()
        return Lot(batch.id, [u.id for u in units])


def approve_defaults(core: Core) -> dict[str, int]:
    """Every default template authored by wang and approved by chen: code → template id."""
    return add_templates(core, PASSWORD)


@pytest.fixture
def templates(core: Core) -> dict[str, int]:
    return approve_defaults(core)


@pytest.fixture
def lot(core: Core) -> Lot:
    return make_lot(core)


R = TypeVar("R")


def detached(core: Core, model: type[R], ident: int) -> R:
    """The row ``ident`` of ``model``, detached to be read after its unit of work."""
    with core.uow() as uow:
        row = uow.session.get(model, ident)
        assert row is not None
        uow.session.expunge(row)
        return row


def template_row(core: Core, template_id: int) -> LabelTemplate:
    return detached(core, LabelTemplate, template_id)


def bag_labels_requested(
    core: Core, batch_number: str, count: int = 2, station: str = "L-104"
) -> tuple[int, int]:
    """Approved templates, a lot of ``count`` units and its LT-BAG labels requested by wang
    at ``station`` (not printed): (job id, batch id)."""
    templates = approve_defaults(core)
    lot = make_lot(core, batch_number, count=count)
    job_id = core.labeling.request_labels(
        batch_id=lot.batch_id,
        template_id=templates["LT-BAG"],
        unit_ids=lot.unit_ids,
        printer_address="memory://x",
        station=station,
        actor="wang",
    )
    return job_id, lot.batch_id


def bag_labels_printed(core: Core, batch_number: str, count: int = 2) -> tuple[int, int]:
    """``bag_labels_requested`` at L-104, then printed (confirmed by a recording printer)."""
    job_id, batch_id = bag_labels_requested(core, batch_number, count)
    core.labeling.print_job(job_id=job_id, printer=RecordingPrinter(), actor="wang")
    return job_id, batch_id


def label_jobs(core: Core, count: int, batch_number: str) -> list[int]:
    """Approved templates and ``count`` two-unit lots, each with an LT-BAG print job requested
    (not printed) at station LS-<n>; ``batch_number`` is a format of ``n``."""
    templates = approve_defaults(core)
    jobs = []
    for n in range(count):
        lot = make_lot(core, batch_number.format(n=n), count=2, first_sequence=1 + 10 * n)
        jobs.append(
            core.labeling.request_labels(
                batch_id=lot.batch_id,
                template_id=templates["LT-BAG"],
                unit_ids=lot.unit_ids,
                printer_address="tcp://zebra",
                station=f"LS-{n}",
                actor="wang",
            )
        )
    return jobs
