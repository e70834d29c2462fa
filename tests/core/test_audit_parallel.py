"""Parallel verification gives the sequential verdict, breaks at range boundaries included;
read-only transactions never block one another."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from models.core import Core
from models.kernel.audit import verify_chain
from models.kernel.audit_parallel import verify_chain_parallel
from models.kernel.db import read_only
from tests.conftest import PASSWORD
from tests.core.test_audit import _bypass_triggers, _count


def _url(core: Core) -> str:
    return core.engine.url.render_as_string(hide_password=False)


def _both(core: Core) -> tuple[int | None, int | None]:
    with Session(core.engine) as session:
        sequential = verify_chain(session)
    parallel = verify_chain_parallel(_url(core), workers=3, threshold=0)
    assert parallel.intact == sequential.intact
    assert parallel.entries_checked == sequential.entries_checked
    return (sequential.first_break.seq if sequential.first_break else None,
            parallel.first_break.seq if parallel.first_break else None)


def test_intact_chain_is_intact_in_parallel(core: Core) -> None:
    report = verify_chain_parallel(_url(core), workers=3, threshold=0)
    assert report.intact and report.entries_checked == _count(core, states=True)


@pytest.mark.parametrize("victim", [1, 3, 4, 5, 7])
@pytest.mark.req("R-CSV-02")
def test_altered_row_found_at_the_same_entry(core: Core, victim: int) -> None:
    _bypass_triggers(core, f"UPDATE audit_entry SET actor = 'x' WHERE seq = {victim}")
    assert _both(core) == (victim, victim)


@pytest.mark.parametrize("victim", [1, 3, 4, 5])
def test_removed_row_found_in_parallel_too(core: Core, victim: int) -> None:
    _bypass_triggers(core, f"DELETE FROM audit_entry WHERE seq = {victim}")
    assert _both(core) == (victim, victim)


def test_removed_newest_row_found_in_parallel(core: Core) -> None:
    last = _count(core, states=True)
    _bypass_triggers(core, f"DELETE FROM audit_entry WHERE seq = {last}")
    assert _both(core) == (last, last)


def test_readers_do_not_block_each_other_or_a_writer(core: Core) -> None:
    with read_only(core.engine).connect() as first, read_only(core.engine).connect() as second:
        assert first.execute(text("select count(*) from audit_entry")).scalar()
        assert second.execute(text("select count(*) from audit_entry")).scalar()
        core.accounts.authenticate("wang", PASSWORD)  # writes an audit entry meanwhile


def test_a_reading_unit_of_work_does_not_block_a_writer_and_cannot_commit(core: Core) -> None:
    with core.uow().reading() as reader:
        assert reader.session.execute(text("select count(*) from audit_entry")).scalar()
        core.accounts.authenticate("wang", PASSWORD)  # a write completes meanwhile
        with pytest.raises(RuntimeError, match="cannot commit"):
            reader.commit()


def _append_entries(core: Core, stop: threading.Event, written: list[int]) -> None:
    while not stop.is_set():
        core.accounts.authenticate("wang", PASSWORD)  # one "login" entry each time
        written.append(1)
        time.sleep(0.01)


def test_verification_while_workstations_keep_writing_is_not_a_false_alarm(
    any_core: Core,
) -> None:
    """A live site keeps appending while QA verifies. Each verifier must judge one snapshot
    of the chain: entries appended meanwhile are neither a break nor 'removed entries'."""
    stop, written = threading.Event(), list[int]()
    writer = threading.Thread(target=_append_entries, args=(any_core, stop, written))
    writer.start()
    try:
        pages: list[int] = []
        with any_core.uow().reading() as uow:
            sequential = verify_chain(uow.session, batch=2, progress=lambda d, _t: (
                pages.append(d), time.sleep(0.02)))
        parallel = verify_chain_parallel(_url(any_core), workers=2, threshold=0)
    finally:
        stop.set()
        writer.join()
    assert len(written) > 5, "the writer must really have written during the checks"
    assert sequential.intact, sequential.first_break
    assert parallel.intact, parallel.first_break
    with any_core.uow().reading() as uow:
        assert verify_chain(uow.session).entries_checked == _count(any_core, states=True)
