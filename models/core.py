"""The core's composition: one object holding the engine and every service for a database.

Signing in needs only the accounts, sessions and people reads; every other service is built,
and its modules imported, the first time it is read (``core.chain``, ``core.quality``, ...),
so that the desktop's sign-in window and a one-off CLI command do not pay for the whole
domain (issue 11: importing the chain, quality, labeling and cleanroom services cost
135-215 ms before the sign-in window). The attribute names and types are those of the eager
core they replace; callers do not see the difference.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Generic, Self, TypeVar, overload

from sqlalchemy import Engine

from models.entities.base import utcnow
from models.entities.database import Purpose
from models.identity.accounts import AccountService
from models.identity.export_log import ReportService
from models.identity.passwords import Passwords
from models.identity.people_reads import PeopleReads
from models.identity.principals import PRINCIPALS, Principals
from models.identity.sessions import SessionService
from models.identity.signatures import SignatureService
from models.kernel import db_purpose, schema
from models.kernel.audit_reads import AuditReads
from models.kernel.db import make_engine, make_session_factory
from models.kernel.record_check import RecordIntegrityError
from models.kernel.unit_of_work import Clock, UnitOfWork, UowFactory
from models.kernel.workstation import Workstation

if TYPE_CHECKING:
    # Only for the annotations: the modules are imported by the builders below, on first use.
    from models.chain.disposal_reads import DisposalReads
    from models.chain.suite import ChainServices
    from models.cleanroom.line_clearance import LineClearanceService
    from models.cleanroom.steps import StepService
    from models.cleanroom.work_reads import CleanroomReads
    from models.identity.site_service import SiteService
    from models.labeling.service import LabelingService
    from models.labeling.station_reads import LabelStationReads
    from models.overview.dashboard_reads import DashboardReads
    from models.quality.blockers import Blocker
    from models.quality.suite import QualityServices

T = TypeVar("T")


class _OnFirstUse(Generic[T]):
    """A service of ``Core`` built by ``build`` the first time it is read, once per core.

    The GUI reads services on its own thread and on the database worker thread
    (gui/operations.py), so two threads can ask for the same service at once: the build runs
    under the core's lock and re-checks, so each core gets exactly one instance of each
    service (they hold no state of their own, but tests and screens may compare or patch
    them). Once built, the value sits in the instance's ``__dict__``, which Python consults
    before this non-data descriptor: later reads take no lock and cost a plain attribute.
    """

    def __init__(self, build: Callable[[Core], T]) -> None:
        self._build = build
        self._name = build.__name__

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    @overload
    def __get__(self, core: None, owner: type | None = None) -> Self: ...

    @overload
    def __get__(self, core: Core, owner: type | None = None) -> T: ...

    def __get__(self, core: Core | None, owner: type | None = None) -> Self | T:
        if core is None:
            return self
        with core._build_lock:
            if self._name not in core.__dict__:
                core.__dict__[self._name] = self._build(core)
            built: T = core.__dict__[self._name]
        return built


@dataclass
class Core:
    engine: Engine
    uow: UowFactory
    accounts: AccountService
    sessions: SessionService
    signatures: SignatureService
    reports: ReportService
    # Session-free reads for screens: each call opens its own read-only unit of work.
    audit_reads: AuditReads
    people_reads: PeopleReads
    # The station name on every audit entry from now on (set_workstation renames it).
    workstation: Workstation
    # Re-entrant: a builder may read another service of the same core.
    _build_lock: threading.RLock = field(
        default_factory=threading.RLock, init=False, repr=False, compare=False
    )

    @_OnFirstUse
    def steps(self) -> StepService:
        from models.cleanroom.steps import StepService

        return StepService(self.uow, self.signatures)

    @_OnFirstUse
    def sites(self) -> SiteService:
        from models.identity.site_service import SiteService

        return SiteService(self.uow)

    @_OnFirstUse
    def line_clearance(self) -> LineClearanceService:
        from models.cleanroom.line_clearance import LineClearanceService

        return LineClearanceService(self.uow, self.signatures)

    @_OnFirstUse
    def quality(self) -> QualityServices:
        from models.quality.suite import build_quality_services

        return build_quality_services(self.uow, self.signatures)

    @_OnFirstUse
    def chain(self) -> ChainServices:
        from models.chain.suite import build_chain_services
        from models.cleanroom.line_clearance import SegregationRules

        return build_chain_services(self.uow, self.engine, self.signatures, SegregationRules())

    @_OnFirstUse
    def labeling(self) -> LabelingService:
        from models.labeling.service import LabelingService

        return LabelingService(self.uow, self.signatures)

    @_OnFirstUse
    def label_station_reads(self) -> LabelStationReads:
        from models.labeling.station_reads import LabelStationReads

        return LabelStationReads(self.uow)

    @_OnFirstUse
    def cleanroom_reads(self) -> CleanroomReads:
        from models.cleanroom.work_reads import CleanroomReads

        return CleanroomReads(self.uow)

    @_OnFirstUse
    def dashboard_reads(self) -> DashboardReads:
        from models.overview.dashboard_reads import DashboardReads

        def release_blockers(batch_id: int, username: str) -> list[Blocker]:
            return self.quality.release.readiness(batch_id, username).blockers

        return DashboardReads(self.uow, release_blockers)

    @_OnFirstUse
    def disposal_reads(self) -> DisposalReads:
        from models.chain.disposal_reads import DisposalReads

        return DisposalReads(self.uow)

    @_OnFirstUse
    def purpose(self) -> Purpose:
        """What the database was created for (fixed at creation: read once per core)."""
        with self.uow().reading() as uow:
            return db_purpose.purpose_of(uow.session)

    def set_workstation(self, name: str | None) -> None:
        """Stamp ``name`` (a configured station name; None: the host name) on every audit
        entry written from now on."""
        self.workstation.rename(name)

    def close(self) -> None:
        self.engine.dispose()


def open_core(
    url: str,
    *,
    migrate: bool = True,
    passwords: Passwords | None = None,
    clock: Clock = utcnow,
    workstation: str | None = None,
    purpose: Purpose | None = None,
) -> Core:
    """Open (and by default migrate) the database at ``url``; the services used to sign in
    are built now, the others on first use. A database created now is made for ``purpose``
    (production when None); an existing one keeps the purpose it was created with."""
    engine = make_engine(url)
    if migrate:
        schema.upgrade(engine, purpose.value if purpose else None)
    else:
        schema.check_not_newer(engine)
    factory = make_session_factory(engine)
    station = Workstation(workstation)

    principals = Principals(clock)  # who authenticated at this station: every service sees it
    context = {PRINCIPALS: principals}

    def plain_uow() -> UnitOfWork:
        return UnitOfWork(factory, clock=clock, workstation=station.name, context=context)

    def breach(error: RecordIntegrityError) -> None:
        from models.quality.integrity import open_integrity_deviation

        open_integrity_deviation(plain_uow, error)

    def uow() -> UnitOfWork:
        return UnitOfWork(
            factory,
            clock=clock,
            workstation=station.name,
            on_breach=breach,
            context=context,
        )

    accounts = AccountService(uow, passwords or Passwords(), principals)
    return Core(
        engine=engine,
        uow=uow,
        accounts=accounts,
        sessions=SessionService(uow, accounts),
        signatures=SignatureService(accounts),
        reports=ReportService(uow),
        audit_reads=AuditReads(uow),
        people_reads=PeopleReads(uow),
        workstation=station,
    )
