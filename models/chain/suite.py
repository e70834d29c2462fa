"""The chain-of-identity services as one bundle, so the core composes them in one line."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine

from models.chain.batches import BatchService, WorkspaceRules
from models.chain.collections import CollectionService
from models.chain.consent_records import ConsentService
from models.chain.disposal import DisposalService
from models.chain.donors import DonorService
from models.chain.genealogy import GenealogyService
from models.chain.hospital import HospitalService
from models.chain.identifiers import BatchNumberFormat, Identifiers
from models.chain.prep_requests import PreparationRequestService
from models.chain.recall import RecallService
from models.chain.shipments import ShipmentService
from models.chain.storage import StorageService
from models.chain.trace import TraceService
from models.identity.signatures import SignatureService
from models.kernel.unit_of_work import UowFactory


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
    consents: ConsentService
    requests: PreparationRequestService


def build_chain_services(
    uow: UowFactory,
    engine: Engine,
    signatures: SignatureService,
    workspaces: WorkspaceRules,
    batch_format: BatchNumberFormat | None = None,
) -> ChainServices:
    ids = Identifiers(batch_format)
    return ChainServices(
        identifiers=ids,
        donors=DonorService(uow),
        collections=CollectionService(uow, ids),
        batches=BatchService(uow, ids, workspaces),
        storage=StorageService(uow),
        shipments=ShipmentService(uow),
        hospital=HospitalService(uow, signatures),
        genealogy=GenealogyService(uow, ids, signatures),
        trace=TraceService(engine),
        recalls=RecallService(uow, signatures),
        disposal=DisposalService(uow, signatures),
        consents=ConsentService(uow, signatures),
        requests=PreparationRequestService(uow),
    )
