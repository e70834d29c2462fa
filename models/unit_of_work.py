"""One unit of work per user action: it rolls back unless the caller commits."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from types import TracebackType
from typing import Self

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from models.audit import AuditLog
from models.base import utcnow
from models.db import read_only
from models.errors import DatabaseUnavailableError

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
    ) -> None:
        self._session_factory = session_factory
        self.clock = clock
        self._workstation = workstation
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
        if isinstance(exc, DBAPIError) and _is_connection_error(exc):
            # Whatever statement hit the dead connection, the user hears one clear sentence.
            raise DatabaseUnavailableError(detail=str(exc.orig).splitlines()[0]) from exc

    def commit(self) -> None:
        if self._read_only:
            raise RuntimeError("a reading unit of work cannot commit; open a normal one")
        try:
            self.session.commit()
        except DBAPIError as exc:
            if _is_connection_error(exc):
                raise DatabaseUnavailableError(detail=str(exc.orig)) from exc
            raise


def _is_connection_error(exc: DBAPIError) -> bool:
    if exc.connection_invalidated:
        return True
    name = type(exc.orig).__name__
    return name in {"OperationalError", "InterfaceError"} and "locked" not in str(exc.orig)


UowFactory = Callable[[], UnitOfWork]
