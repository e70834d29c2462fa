"""One unit of work per user action: it rolls back unless the caller commits."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from datetime import datetime
from types import TracebackType
from typing import Self

from sqlalchemy import Engine, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from models.entities.audit import AuditEntry
from models.entities.base import utcnow
from models.kernel.audit import AuditLog
from models.kernel.db import read_only
from models.kernel.errors import CommitOutcomeUnknownError, DatabaseUnavailableError
from models.kernel.record_check import BreachHandler, RecordIntegrityError

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]


class UnitOfWork:
    """Owns a Session and an AuditLog for the span of one user action.

    Contract: nothing is written unless ``commit()`` is called; any exception,
    including a lost connection, leaves no half-written record behind.
    """

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        clock: Clock = utcnow,
        workstation: str | None = None,
        on_breach: BreachHandler | None = None,
        context: Mapping[str, object] | None = None,
    ) -> None:
        self._session_factory = session_factory
        # What the station puts at every service's disposal through ``session.info`` (the
        # registry of who has authenticated here): services read it, never import it.
        self._context = dict(context or {})
        self.clock = clock
        self._workstation = workstation
        # Called after the rollback when a decision found a record that differs from its
        # audit trail: the site wires it to open a deviation in its own transaction.
        self._on_breach = on_breach
        self._read_only = False

    def reading(self) -> Self:
        """Use this unit of work for lookups only (scans, traces, screens): on SQLite its
        snapshot never takes the write lock, so readers never queue behind each other or
        block a workstation that is saving. ``commit()`` is refused."""
        self._read_only = True
        return self

    def __enter__(self) -> Self:
        if self._read_only:
            bind = read_only(self._session_factory.kw["bind"])
            self.session = self._session_factory(bind=bind)
        else:
            self.session = self._session_factory()
        self.session.info.update(self._context)  # survives commits: info is the session's
        self.audit = AuditLog(self.session, self._workstation)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            self.session.rollback()  # a no-op after commit()
        except DBAPIError:
            pass  # the connection is gone; the server discards the open transaction itself
        finally:
            self.session.close()
        if isinstance(exc, RecordIntegrityError) and self._on_breach is not None:
            try:
                self._on_breach(exc)
            except Exception:  # the refusal itself must reach the user whatever happens here
                log.exception("could not open a deviation for %s", exc.params)
        if isinstance(exc, DBAPIError) and _is_connection_error(exc):
            # Whatever statement hit the dead connection, the user hears one clear sentence.
            raise DatabaseUnavailableError(detail=str(exc.orig).splitlines()[0]) from exc

    def commit(self) -> None:
        if self._read_only:
            raise RuntimeError("a reading unit of work cannot commit; open a normal one")
        try:
            self.session.commit()
        except DBAPIError as exc:
            if not _is_connection_error(exc):
                raise
            written = self.audit.last_written
            detail = str(exc.orig).splitlines()[0] if str(exc.orig) else type(exc.orig).__name__
            if written is None:
                raise DatabaseUnavailableError(detail=detail) from exc
            # The server may have committed before the connection dropped: find out, so
            # the user is never told "not saved" about a saved record (and repeats it).
            outcome = confirm_commit(self._session_factory.kw["bind"], *written)
            if outcome is True:
                log.warning("commit confirmed after a lost connection (audit entry %d)", written[0])
                return
            if outcome is False:
                raise DatabaseUnavailableError(detail=detail) from exc
            raise CommitOutcomeUnknownError(detail=detail, seq=written[0]) from exc


_SQLITE_UNREACHABLE = ("unable to open database file", "disk i/o error")


def _is_connection_error(exc: DBAPIError) -> bool:
    """True only when the database could not be reached, not for every OperationalError:
    a missing column or a deadlock must not be reported as "the database is offline"."""
    if exc.connection_invalidated:
        return True
    orig = exc.orig
    if type(orig).__name__ not in {"OperationalError", "InterfaceError"}:
        return False
    if type(orig).__module__.startswith("sqlite3"):
        return any(phrase in str(orig).lower() for phrase in _SQLITE_UNREACHABLE)
    # psycopg: no SQLSTATE means the client lost the socket; class 08 is a connection
    # exception and 57P an administrator or crash shutdown of the server.
    sqlstate = getattr(orig, "sqlstate", None)
    return sqlstate is None or sqlstate.startswith(("08", "57P"))


CONFIRM_DELAYS_S = (0.2, 0.5, 1.0, 2.0)  # reconnect attempts after a lost COMMIT


def confirm_commit(
    engine: Engine, seq: int, entry_hash: str, delays: tuple[float, ...] = CONFIRM_DELAYS_S
) -> bool | None:
    """Whether audit entry ``seq`` with ``entry_hash`` is in the database: True (committed),
    False (not committed: absent, or another writer's entry took the number), None (the
    database stayed unreachable).  Uses fresh connections; the old one is dead."""
    for delay in delays:
        time.sleep(delay)
        try:
            with read_only(engine).connect() as conn:
                found = conn.execute(
                    select(AuditEntry.entry_hash).where(AuditEntry.seq == seq)
                ).scalar_one_or_none()
        except DBAPIError as exc:
            if _is_connection_error(exc):
                continue
            raise
        return found == entry_hash
    return None


UowFactory = Callable[[], UnitOfWork]
