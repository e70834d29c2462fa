"""Schema lifecycle: migrations only, refuses newer databases and bad URLs, same on PostgreSQL."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

import models.entities  # noqa: F401
from models.core import open_core
from models.entities.base import Base
from models.kernel import schema
from models.kernel.db import make_engine, resolve_database_url
from models.kernel.errors import SchemaError, ValidationError


@pytest.mark.req("R-CSV-23")
def test_migrations_create_exactly_the_mapped_schema(db_url: str) -> None:
    engine = make_engine(db_url)
    schema.upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == [], "entities changed without a migration: " + repr(diff)
    assert schema.is_current(engine)
    engine.dispose()


def test_upgrade_is_idempotent_and_seeds_the_chain_head_once(sqlite_url: str) -> None:
    engine = make_engine(sqlite_url)
    schema.upgrade(engine)
    schema.upgrade(engine)
    with engine.connect() as conn:
        assert conn.execute(text("select count(*) from audit_chain_head")).scalar() == 1


@pytest.mark.req("R-CSV-21")
def test_sqlite_runs_in_wal_with_full_sync_and_foreign_keys(sqlite_url: str) -> None:
    engine = make_engine(sqlite_url)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


@pytest.mark.req("R-CSV-23", "R-SYS-02")
def test_database_from_a_newer_release_is_refused(sqlite_url: str) -> None:
    engine = make_engine(sqlite_url)
    schema.upgrade(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    with pytest.raises(SchemaError, match="newer than this CellTrail"):
        open_core(sqlite_url)
    with pytest.raises(SchemaError):
        open_core(sqlite_url, migrate=False)


@pytest.mark.req("R-CSV-23")
def test_newer_database_is_left_untouched(sqlite_url: str) -> None:
    engine = make_engine(sqlite_url)
    schema.upgrade(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    with pytest.raises(SchemaError):
        schema.upgrade(engine)
    assert schema.current_revision(engine) == "9999_future"
    assert "audit_entry" in inspect(engine).get_table_names()


@pytest.mark.parametrize("url", ["foo://bar", "mysql://root@localhost/x", "::not a url::"])
def test_bad_database_url_gives_a_clear_error(url: str) -> None:
    with pytest.raises(ValidationError) as err:
        open_core(url)
    assert "database URL" in err.value.message("en")
    assert "无效" in err.value.message("zh")


def test_bare_path_means_sqlite_and_env_var_is_honoured(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    assert resolve_database_url(str(tmp_path / "x.db")).startswith("sqlite:////")
    monkeypatch.setenv("CELLTRAIL_DB", "sqlite:///from-env.db")
    assert resolve_database_url(None) == "sqlite:///from-env.db"
    assert resolve_database_url("sqlite:///cli.db") == "sqlite:///cli.db"


@pytest.mark.req("R-CSV-22")
def test_naive_datetimes_are_refused(core) -> None:  # type: ignore[no-untyped-def]
    from datetime import datetime

    from models.kernel.audit import AuditAction

    with core.uow() as uow, pytest.raises(Exception, match="naive datetime"):
        uow.audit.record(
            AuditAction.CHANGE, actor="x", subject_type="x", subject_id=1, at=datetime(2025, 1, 1)
        )  # noqa: DTZ001
        uow.session.flush()


@pytest.mark.req("R-CSV-22")
def test_naive_datetimes_are_refused_on_entities(core) -> None:  # type: ignore[no-untyped-def]
    from datetime import datetime

    from models.entities import Consent

    with core.uow() as uow, pytest.raises(Exception, match="naive datetime"):
        uow.session.add(
            Consent(donor_id=1, form_version="v1", scope="all", signed_at=datetime(2025, 1, 1))
        )  # noqa: DTZ001
        uow.session.flush()


def test_revisions_from_file_names_are_exactly_alembics() -> None:
    """The fast start path reads revisions from the file names: hold Alembic to them."""
    from alembic.script import ScriptDirectory

    from models.kernel.schema import _config, head_revision, known_revisions

    script = ScriptDirectory.from_config(_config())
    walked = [s.revision for s in script.walk_revisions()]  # newest first
    assert walked[::-1] == list(known_revisions())
    assert script.get_current_head() == head_revision()
    for newer, older in zip(walked, walked[1:], strict=False):
        assert script.get_revision(newer).down_revision == older  # one straight line


def test_starting_on_a_current_database_does_not_load_alembic(sqlite_url: str) -> None:
    """Alembic costs a quarter of a second; a workstation's everyday start must skip it."""
    import subprocess
    import sys

    schema.upgrade(make_engine(sqlite_url))
    probe = (
        "import sys; from models.core import open_core; "
        f"open_core({sqlite_url!r}).close(); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
