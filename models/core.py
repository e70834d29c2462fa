"""The core's composition: one object holding the engine and every service for a database."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine

from models.chain.disposal_reads import DisposalReads
from models.chain.suite import ChainServices, build_chain_services
from models.cleanroom.line_clearance import LineClearanceService, SegregationRules
from models.cleanroom.steps import StepService
from models.cleanroom.work_reads import CleanroomReads
from models.entities.base import utcnow
from models.identity.accounts import AccountService
from models.identity.export_log import ReportService
from models.identity.passwords import Passwords
from models.identity.people_reads import PeopleReads
from models.identity.sessions import SessionService
from models.identity.signatures import SignatureService
from models.kernel import schema
from models.kernel.audit_reads import AuditReads
from models.kernel.db import make_engine, make_session_factory
from models.kernel.unit_of_work import Clock, UnitOfWork, UowFactory
from models.kernel.workstation import workstation_name
from models.labeling.service import LabelingService
from models.labeling.station_reads import LabelStationReads
from models.overview.dashboard_reads import DashboardReads
from models.quality.suite import QualityServices, build_quality_services


@dataclass
class Core:
    engine: Engine
    uow: UowFactory
    accounts: AccountService
    sessions: SessionService
    signatures: SignatureService
    steps: StepService
    line_clearance: LineClearanceService
    quality: QualityServices
    chain: ChainServices
    labeling: LabelingService
    reports: ReportService
    # Session-free reads for screens: each call opens its own read-only unit of work.
    label_station_reads: LabelStationReads
    cleanroom_reads: CleanroomReads
    dashboard_reads: DashboardReads
    disposal_reads: DisposalReads
    audit_reads: AuditReads
    people_reads: PeopleReads

    def close(self) -> None:
        self.engine.dispose()


def open_core(
    url: str,
    *,
    migrate: bool = True,
    passwords: Passwords | None = None,
    clock: Clock = utcnow,
    workstation: str | None = None,
) -> Core:
    """Open (and by default migrate) the database at ``url`` and build the services on it."""
    engine = make_engine(url)
    if migrate:
        schema.upgrade(engine)
    else:
        schema.check_not_newer(engine)
    factory = make_session_factory(engine)
    station = workstation_name(workstation)

    def uow() -> UnitOfWork:
        return UnitOfWork(factory, clock=clock, workstation=station)

    accounts = AccountService(uow, passwords or Passwords())
    signatures = SignatureService(accounts)
    return Core(
        engine=engine,
        uow=uow,
        accounts=accounts,
        sessions=SessionService(uow, accounts),
        signatures=signatures,
        steps=StepService(uow, signatures),
        line_clearance=LineClearanceService(uow, signatures),
        quality=build_quality_services(uow, signatures),
        chain=build_chain_services(uow, engine, signatures, SegregationRules()),
        labeling=LabelingService(uow, signatures),
        reports=ReportService(uow),
        label_station_reads=LabelStationReads(uow),
        cleanroom_reads=CleanroomReads(uow),
        dashboard_reads=DashboardReads(uow),
        disposal_reads=DisposalReads(uow),
        audit_reads=AuditReads(uow),
        people_reads=PeopleReads(uow),
    )
