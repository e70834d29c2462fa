"""Schema lifecycle: the database is created and upgraded only through Alembic migrations.

The app migrates on start and refuses a database stamped with a revision it does not
know, which means the database was written by a newer CellTrail (downgrading it
silently could lose fields that a newer release relied on).
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from models.errors import DatabaseUnavailableError, SchemaError

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    except OperationalError as exc:
        raise DatabaseUnavailableError(detail=str(exc.orig)) from exc


def check_not_newer(engine: Engine) -> None:
    """Raise SchemaError if the database carries a revision this release does not know."""
    revision = current_revision(engine)
    if revision is None:
        return
    known = {s.revision for s in ScriptDirectory.from_config(_config()).walk_revisions()}
    if revision not in known:
        raise SchemaError(
            detail=f"the database is at schema revision {revision}, newer than this CellTrail "
            f"(which knows up to {head_revision()}); install the newer release instead"
        )


def upgrade(engine: Engine) -> str:
    """Bring the schema to head in one transaction; returns the revision now in force."""
    check_not_newer(engine)
    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return head_revision()


def is_current(engine: Engine) -> bool:
    return current_revision(engine) == head_revision()
