"""Engine and session set-up: where the database lives and how SQLite is made GMP-safe."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker

import models.kernel.change_notify  # noqa: F401  (every commit announces itself)
import models.kernel.record_state  # noqa: F401  (every session seals the rows it commits)
from models.kernel.errors import ValidationError

ENV_VAR = "CELLTRAIL_DB"
SUPPORTED_BACKENDS = ("sqlite", "postgresql")
READ_ONLY_OPTION = "celltrail_read_only"


def default_database_url() -> str:
    """The per-user embedded database, used when neither --db nor CELLTRAIL_DB is given."""
    folder = Path(user_data_dir("CellTrail", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'celltrail.db'}"


def resolve_database_url(cli_value: str | None = None) -> str:
    """--db wins over CELLTRAIL_DB, which wins over the default; a bare path means SQLite."""
    value = cli_value or os.environ.get(ENV_VAR) or default_database_url()
    if "://" not in value:
        value = f"sqlite:///{Path(value).expanduser().resolve()}"
    return value


def make_engine(url: str, **kwargs: Any) -> Engine:
    """Create an engine for ``url`` or raise ValidationError saying what is wrong with it."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise ValidationError(field="database URL", reason=f"{url!r} is not a URL ({exc})") from exc
    if parsed.get_backend_name() not in SUPPORTED_BACKENDS:
        raise ValidationError(
            field="database URL",
            reason=f"backend {parsed.get_backend_name()!r} is not supported; "
            "use sqlite or postgresql",
        )
    if parsed.get_backend_name() == "postgresql":
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        # A server restart or network drop must cost one failed action at most: test each
        # pooled connection before use so the next action reconnects by itself.
        kwargs.setdefault("pool_pre_ping", True)
        # A black-holed network must not freeze a workstation: give up connecting after 10 s
        # (the URL's own ?connect_timeout= wins).
        if "connect_timeout" not in parsed.query:
            kwargs.setdefault("connect_args", {}).setdefault("connect_timeout", 10)
    # Bound values can be names, ID numbers or record numbers: never let SQLAlchemy copy them
    # into exception messages or SQL logging, which end up in logs and bug reports (R-PRV).
    kwargs.setdefault("hide_parameters", True)
    try:
        engine = create_engine(parsed, **kwargs)
    except (NoSuchModuleError, ImportError) as exc:
        raise ValidationError(field="database URL", reason=f"driver not installed ({exc})") from exc
    if engine.dialect.name == "sqlite":
        _make_sqlite_gmp_safe(engine)
    return engine


def _make_sqlite_gmp_safe(engine: Engine) -> None:
    """WAL for concurrent readers, FULL sync so a committed record survives power loss,
    foreign keys on, and BEGIN IMMEDIATE so a writer waits at BEGIN instead of failing mid-way."""
    database = engine.url.database

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves (pysqlite recipe)
        cursor = dbapi_connection.cursor()
        if database and database != ":memory:":
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # Readers must not queue behind each other: only write transactions take the lock.
        if connection.get_execution_options().get(READ_ONLY_OPTION):
            connection.exec_driver_sql("BEGIN")
        else:
            connection.exec_driver_sql("BEGIN IMMEDIATE")


def read_only(engine: Engine) -> Engine:
    """The same engine for reporting work (trace, verification, backup, lists): every
    statement of one transaction sees the same snapshot, and it never blocks a writer.

    SQLite: a plain deferred BEGIN (not the writers' BEGIN IMMEDIATE) holds one WAL snapshot.
    PostgreSQL: REPEATABLE READ, read only; under the default READ COMMITTED each statement
    sees a fresh snapshot, so a long check (audit verification reads the chain head, then
    pages of entries) would see entries appended meanwhile and report a false break."""
    options: dict[str, Any] = {READ_ONLY_OPTION: True}
    if engine.dialect.name == "postgresql":
        options |= {"isolation_level": "REPEATABLE READ", "postgresql_readonly": True}
    return engine.execution_options(**options)


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False)
