"""Server mode: a connection lost mid-action leaves nothing half-written, says so clearly,
and the next attempt reconnects on its own."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, func, select, text

from models.core import Core
from models.entities.production import ProcessStep
from models.kernel.errors import DatabaseUnavailableError
from models.kernel.unit_of_work import UnitOfWork
from tests.conftest import PASSWORD, PG_ADMIN_URL
from tests.core.factories import make_batch

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_core(postgres_url: str) -> Core:
    from tests.conftest import make_core

    return make_core(postgres_url)


def _kill_connections(database: str) -> None:
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(
            text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                 "WHERE datname = :db AND pid <> pg_backend_pid()"),
            {"db": database},
        )
    admin.dispose()


def _half_step(uow: UnitOfWork, batch: int) -> None:
    """A process step added inside the open transaction (never committed by the tests)."""
    uow.session.add(
        ProcessStep(batch_id=batch, name="half", performed_by="wang", performed_at=uow.clock())
    )


def _record_p0(core: Core, batch: int) -> None:
    core.steps.record_step(batch_id=batch, name="P0", data={}, username="wang", password=PASSWORD)


def _steps(core: Core) -> int:
    with core.uow() as uow:
        return uow.session.scalar(select(func.count()).select_from(ProcessStep)) or 0


@pytest.mark.req("R-CSV-21")
def test_lost_connection_mid_action_saves_nothing_and_says_so(pg_core: Core) -> None:
    batch = make_batch(pg_core)
    database = pg_core.engine.url.database or ""
    with pytest.raises(DatabaseUnavailableError) as err, pg_core.uow() as uow:
        _half_step(uow, batch)
        uow.session.flush()  # written inside the open transaction…
        _kill_connections(database)  # …when the server connection drops
        uow.commit()
    assert "数据库" in err.value.message("zh")
    assert _steps(pg_core) == 0  # nothing half-written
    # the very next action reconnects by itself and succeeds
    _record_p0(pg_core, batch)
    assert _steps(pg_core) == 1
    pg_core.close()


def test_server_restart_between_actions_is_invisible(pg_core: Core) -> None:
    batch = make_batch(pg_core)
    _kill_connections(pg_core.engine.url.database or "")
    _record_p0(pg_core, batch)
    assert _steps(pg_core) == 1
    pg_core.close()


def test_connection_lost_before_a_statement_is_reported_the_same_way(pg_core: Core) -> None:
    batch = make_batch(pg_core)
    with pytest.raises(DatabaseUnavailableError), pg_core.uow() as uow:
        uow.session.execute(select(1))  # the transaction is open on a live connection
        _kill_connections(pg_core.engine.url.database or "")
        _half_step(uow, batch)
        uow.session.flush()
    assert _steps(pg_core) == 0
    pg_core.close()
