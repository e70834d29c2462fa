"""The core's composition: one object holding the engine and every service for a database."""

from __future__ import annotations

import socket
from dataclasses import dataclass

from sqlalchemy import Engine

from models import schema
from models.base import utcnow
from models.db import make_engine, make_session_factory
from models.services.accounts import AccountService
from models.services.chain import ChainServices, build_chain_services
from models.services.labeling import LabelingService
from models.services.passwords import Passwords
from models.services.quality_suite import QualityServices, build_quality_services
from models.services.reports import ReportService
from models.services.sessions import SessionService
from models.services.signatures import SignatureService
from models.services.steps import StepService
from models.unit_of_work import Clock, UnitOfWork, UowFactory


@dataclass
class Core:
    engine: Engine
    uow: UowFactory
    accounts: AccountService
    sessions: SessionService
    signatures: SignatureService
    steps: StepService
    quality: QualityServices
    chain: ChainServices
    labeling: LabelingService
    reports: ReportService

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
    station = workstation or socket.gethostname()

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
        quality=build_quality_services(uow, signatures),
        chain=build_chain_services(uow, engine, signatures),
        labeling=LabelingService(uow, signatures),
        reports=ReportService(uow),
    )
