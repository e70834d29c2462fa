"""The scratch database a qualification run works in, never one that holds real records.

Without ``--db`` it is a new SQLite file in a temporary folder, removed after the run. With
``--db`` (a PostgreSQL test database, or a SQLite file) the database must be empty, or one
created for validation (``celltrail init --purpose validation``) in which nobody has worked
yet: the run adds accounts, products and a recall to it, which no production database may
receive, and a production database refuses the test facility code the run uses anyway.
"""

from __future__ import annotations

from sqlalchemy import Engine, func, inspect, select

from models.entities.accounts import User
from models.entities.audit import AuditEntry
from models.entities.database import Purpose
from models.i18n import Message
from models.kernel import schema
from models.kernel.db import make_engine
from models.kernel.db_purpose import purpose_of
from models.kernel.errors import DomainError


class ScratchDatabaseRefusedError(DomainError):
    code = "validate.scratch_refused"


def require_scratch(url: str) -> None:
    """Refuse ``url`` unless it is empty, or an untouched validation database."""
    engine = make_engine(url)
    try:
        reason = _why_not(engine)
    finally:
        engine.dispose()
    if reason is not None:
        shown = engine.url.render_as_string(hide_password=True)
        raise ScratchDatabaseRefusedError(database=shown, reason=reason)


def _why_not(engine: Engine) -> Message | None:
    revision = schema.current_revision(engine)
    with engine.connect() as conn:
        tables = inspect(conn).get_table_names()
        if revision is None:
            return Message.of("validate.scratch.foreign", tables=len(tables)) if tables else None
        if not inspect(conn).has_table("database_purpose"):
            return Message.of("validate.scratch.undeclared", revision=revision)
        purpose = purpose_of(conn)
        if purpose is not Purpose.VALIDATION:
            return Message.of(
                "validate.scratch.purpose", purpose=Message(f"db_purpose.{purpose.value}")
            )
        users = conn.scalar(select(func.count()).select_from(User)) or 0
        entries = conn.scalar(select(func.count()).select_from(AuditEntry)) or 0
    if users or entries:
        return Message.of("validate.scratch.used", users=users, entries=entries)
    return None
