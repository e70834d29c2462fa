"""Schema lifecycle: the database is created and upgraded only through Alembic migrations.

The app migrates on start and refuses a database stamped with a revision it does not
know, which means the database was written by a newer CellTrail (downgrading it
silently could lose fields that a newer release relied on).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import OperationalError

from models.kernel.errors import DatabaseUnavailableError, SchemaError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).parent.parent / "migrations"  # models/migrations
# Migration files are named NNNN_words.py and declare revision "NNNN", one after another
# (tests/core/test_schema.py holds Alembic to that).  Knowing the revisions from the file
# names lets a workstation start on an up-to-date database without importing Alembic,
# which costs a quarter of a second of the start-up budget.
_REVISION_FILE = re.compile(r"^(\d{4})_\w+\.py$")


def _config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


@cache  # the shipped files do not change while the app runs: list the folder once
def known_revisions() -> tuple[str, ...]:
    """Every revision this release ships, oldest first (from the migration file names)."""
    names = (p.name for p in (MIGRATIONS_DIR / "versions").iterdir())
    return tuple(sorted(m.group(1) for m in map(_REVISION_FILE.match, names) if m))


def head_revision() -> str:
    return known_revisions()[-1]


def current_revision(engine: Engine) -> str | None:
    """The revision stamped in the database, None for a new (empty) database."""
    try:
        with engine.connect() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return None
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except OperationalError as exc:
        raise DatabaseUnavailableError(detail=str(exc.orig)) from exc


def check_not_newer(engine: Engine) -> None:
    """Raise SchemaError if the database carries a revision this release does not know."""
    _check_known(current_revision(engine))


def _check_known(revision: str | None) -> None:
    if revision is None:
        return
    if revision not in known_revisions():
        raise SchemaError(
            detail=f"the database is at schema revision {revision}, newer than this CellTrail "
            f"(which knows up to {head_revision()}); install the newer release instead"
        )


def upgrade(engine: Engine, purpose: str | None = None) -> str:
    """Bring the schema to head in one transaction; returns the revision now in force.

    ``purpose`` (production, training, validation) is what a database created now is for
    (migration 0009 records it once); an existing database keeps the purpose it has."""
    revision = current_revision(engine)
    _check_known(revision)
    if revision == head_revision():
        return revision  # the everyday start: nothing to do, Alembic never imported
    from alembic import command

    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        if revision is None and purpose is not None:
            cfg.attributes["purpose"] = purpose
        command.upgrade(cfg, "head")
    return head_revision()


def is_current(engine: Engine) -> bool:
    return current_revision(engine) == head_revision()
