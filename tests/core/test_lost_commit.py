"""The worst moment to lose the server: during COMMIT.  The client cannot know from the error
alone whether the server committed, so the unit of work finds out (is its last audit entry
there?) before it tells the user anything.  A real PostgreSQL behind a loopback proxy that
cuts the line before the COMMIT arrives, or after the server has committed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import func, make_url, select

from models.core import Core
from models.entities.audit import AuditEntry
from models.entities.production import ProcessStep
from models.kernel.audit import verify_chain
from models.kernel.errors import CommitOutcomeUnknownError, DatabaseUnavailableError
from tests.conftest import PASSWORD, make_core
from tests.core.factories import make_batch
from tests.fakes.network import Cut, FaultyProxy

pytestmark = pytest.mark.postgres


@pytest.fixture
def proxy(postgres_url: str) -> Iterator[FaultyProxy]:
    url = make_url(postgres_url)
    with FaultyProxy((url.host or "127.0.0.1", url.port or 5432)) as p:
        yield p


@pytest.fixture
def proxied_core(postgres_url: str, proxy: FaultyProxy) -> Iterator[Core]:
    url = make_url(postgres_url).set(host="127.0.0.1", port=proxy.port)
    core = make_core(url.render_as_string(hide_password=False))
    yield core
    core.close()


def _record(core: Core, batch: int, name: str) -> None:
    core.steps.record_step(batch_id=batch, name=name, data={}, username="wang", password=PASSWORD)


def _steps(core: Core) -> list[str]:
    with core.uow().reading() as uow:
        return list(uow.session.scalars(select(ProcessStep.name).order_by(ProcessStep.id)))


def _chain_intact(core: Core) -> bool:
    with core.uow().reading() as uow:
        return verify_chain(uow.session).intact


def test_reply_lost_after_the_server_committed_counts_as_saved(
    proxied_core: Core, proxy: FaultyProxy
) -> None:
    batch = make_batch(proxied_core)
    proxy.arm(Cut.AFTER_COMMIT)
    _record(proxied_core, batch, "P1")  # no error: the record is there, so it was saved
    assert proxy.cuts_done == 1
    assert _steps(proxied_core) == ["P1"]  # once, and the user is not asked to repeat it
    assert _chain_intact(proxied_core)


@pytest.mark.req("R-CSV-21")
def test_commit_that_never_reached_the_server_is_not_saved_and_says_so(
    proxied_core: Core, proxy: FaultyProxy
) -> None:
    batch = make_batch(proxied_core)
    proxy.arm(Cut.BEFORE_COMMIT)
    with pytest.raises(DatabaseUnavailableError) as lost:
        _record(proxied_core, batch, "P1")
    assert not isinstance(lost.value, CommitOutcomeUnknownError)
    assert "Nothing was saved" in lost.value.message("en")
    assert proxy.cuts_done == 1 and _steps(proxied_core) == []
    _record(proxied_core, batch, "P1")  # repeating it is safe: it was not there
    assert _steps(proxied_core) == ["P1"] and _chain_intact(proxied_core)


@pytest.mark.req("R-CSV-21")
def test_unreachable_after_a_lost_commit_reports_an_unknown_outcome(
    proxied_core: Core, proxy: FaultyProxy
) -> None:
    batch = make_batch(proxied_core)
    proxy.arm(Cut.AFTER_COMMIT)
    proxy.refusing = True  # ...and the server stays out of reach while we try to find out
    try:
        with pytest.raises(CommitOutcomeUnknownError) as unknown:
            _record(proxied_core, batch, "P1")
    finally:
        proxy.refusing = False
    message = unknown.value.message("en")
    assert "could not find out whether the record was saved" in message
    assert "审计记录" in unknown.value.message("zh")
    # Back online: the entry the message names is there, so the user must not repeat it.
    seq = int(message.split("audit entry ")[1].split(" ")[0])
    with proxied_core.uow().reading() as uow:
        subject = uow.session.scalar(select(AuditEntry.subject_type).where(AuditEntry.seq == seq))
        newest = uow.session.scalar(select(func.max(AuditEntry.seq)))
    # the newest entry of the transaction: the state of a record it changed (record_state.py)
    assert subject is not None and seq == newest
    assert _steps(proxied_core) == ["P1"]
