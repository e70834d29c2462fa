"""Is the database reachable?  One trivial read, for the desktop client's connection light."""

from __future__ import annotations

from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError

from models.kernel.db import read_only
from models.kernel.errors import DatabaseUnavailableError


def ping(engine: Engine) -> None:
    """``SELECT 1`` on a pooled read-only connection (pool_pre_ping reconnects on PostgreSQL);
    returns when the database answers, raises DatabaseUnavailableError when it does not."""
    try:
        with read_only(engine).connect() as connection:
            connection.execute(text("SELECT 1"))
    except SQLAlchemyError as exc:
        detail = str(getattr(exc, "orig", exc)).splitlines()[0]
        raise DatabaseUnavailableError(detail=detail) from exc
