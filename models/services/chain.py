"""The chain-of-identity services as one bundle, so the core composes them in one line."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine

from models.services.batches import BatchService
from models.services.collections import CollectionService
from models.services.disposal import DisposalService
from models.services.donors import DonorService
from models.services.genealogy import GenealogyService
from models.services.hospital import HospitalService
from models.services.identifiers import BatchNumberFormat, Identifiers
from models.services.line_clearance import LineClearanceService
from models.services.recall import RecallService
from models.services.shipments import ShipmentService
from models.services.signatures import SignatureService
from models.services.storage import StorageService
from models.services.trace import TraceService
from models.unit_of_work import UowFactory


@dataclass(frozen=True)
class ChainServices:
    identifiers: Identifiers
    donors: DonorService
    collections: CollectionService
    batches: BatchService
    storage: StorageService
    shipments: ShipmentService
    hospital: HospitalService
    genealogy: GenealogyService
    trace: TraceService
    recalls: RecallService
    disposal: DisposalService
    line_clearance: LineClearanceService


def build_chain_services(
    uow: UowFactory,
    engine: Engine,
    signatures: SignatureService,
    batch_format: BatchNumberFormat | None = None,
) -> ChainServices:
    ids = Identifiers(batch_format)
    return ChainServices(
        identifiers=ids,
        donors=DonorService(uow),
        collections=CollectionService(uow, ids),
        batches=BatchService(uow, ids),
        storage=StorageService(uow),
        shipments=ShipmentService(uow),
        hospital=HospitalService(uow, signatures),
        genealogy=GenealogyService(uow, ids, signatures),
        trace=TraceService(engine),
        recalls=RecallService(uow, signatures),
        disposal=DisposalService(uow, signatures),
        line_clearance=LineClearanceService(uow, signatures),
    )
