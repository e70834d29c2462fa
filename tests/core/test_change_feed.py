"""The live change feed between stations on one database: a commit at one station reaches the
others without anyone asking, a station that lost its line catches up from the audit trail,
and an idle feed costs the server nothing (SQLite and real PostgreSQL)."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, select, text

from models.core import Core, open_core
from models.entities.parties import Donor, DonorIdentity
from models.feed.feed import ChangeFeed
from models.feed.sources import ListenSource
from models.identity.passwords import fast_passwords_for_tests
from models.kernel.change_set import ChangeSet, decode, encode
from tests.conftest import PG_ADMIN_URL, make_core, sign_in
from tests.core.factories import make_batch
from tests.core.feed_inbox import Inbox, listening


@pytest.fixture
def stations(db_url: str) -> Iterator[tuple[Core, Core]]:
    """Two workstations on one database, each with its own engine and connections."""
    first = make_core(db_url, workstation="C-201")
    second = sign_in(open_core(db_url, passwords=fast_passwords_for_tests(), workstation="L-105"))
    yield first, second
    first.close()
    second.close()


def _batch_in(found: ChangeSet) -> bool:
    return "batch" in found.tables


def test_a_commit_at_one_station_reaches_the_other_without_a_request(
    stations: tuple[Core, Core],
) -> None:
    here, there = stations
    inbox = Inbox()
    feed = listening(there, inbox)
    try:
        batch_id = make_batch(here, "B-FEED-0001")
        found = inbox.wait_for(_batch_in)
    finally:
        feed.stop()
    assert found.touches("batch", batch_id)
    newest = found.newest("batch", batch_id)
    assert newest is not None and newest <= found.last_seq


def test_a_station_that_missed_changes_catches_up_from_the_trail(
    stations: tuple[Core, Core],
) -> None:
    here, there = stations
    inbox = Inbox()
    feed = listening(there, inbox)
    seen = feed.last_seq
    feed.stop()  # asleep: nothing is listening
    batch_id = make_batch(here, "B-FEED-0002")
    inbox = Inbox()
    feed = listening(there, inbox, last_seq=seen)
    try:
        found = inbox.wait_for(_batch_in)
    finally:
        feed.stop()
    assert found.touches("batch", batch_id) and found.first_seq == (seen or 0) + 1


def test_a_notification_is_table_id_and_sequence_only() -> None:
    """Nothing of the record travels; a commit too large to list says so and no more."""
    found = decode(encode(7, 9, [("donor_identity", "3", 9)]))
    assert found == ChangeSet(7, 9, tuple(found.changes)) and found.complete
    assert found.changes[0].table == "donor_identity" and found.changes[0].record_id == "3"
    huge = decode(encode(1, 90_000, [("batch", str(i), i) for i in range(1, 2000)]))
    assert huge is not None and not huge.complete and huge.touches("anything", 1)
    assert decode("not ours") is None and decode('{"a": 1}') is None


# --- PostgreSQL only: the notification, the killed listener, the idle server --------------


@pytest.fixture
def pg_stations(postgres_url: str) -> Iterator[tuple[Core, Core]]:
    first = make_core(postgres_url, workstation="C-201")
    second = sign_in(
        open_core(postgres_url, passwords=fast_passwords_for_tests(), workstation="L-105")
    )
    yield first, second
    first.close()
    second.close()


def _admin(sql: str, **params: object) -> list[tuple[object, ...]]:
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            return [tuple(row) for row in conn.execute(text(sql), params)]
    finally:
        admin.dispose()


@pytest.mark.postgres
def test_personal_data_changes_announce_only_the_row_id(pg_stations: tuple[Core, Core]) -> None:
    here, there = pg_stations
    inbox = Inbox()
    feed = listening(there, inbox)
    try:
        make_batch(here, "B-FEED-0003")
        with here.uow() as uow:
            donor_id = uow.session.scalar(select(Donor.id))
            uow.session.add(
                DonorIdentity(donor_id=donor_id, full_name="张三 Zhang San", national_id="X123")
            )
            uow.commit()
        found = inbox.wait_for(lambda s: "donor_identity" in s.tables)
    finally:
        feed.stop()
    assert found.touches("donor_identity", donor_id)
    assert "Zhang" not in repr(found) and "X123" not in repr(found)


@pytest.mark.postgres
def test_a_killed_listener_reconnects_and_catches_up(pg_stations: tuple[Core, Core]) -> None:
    here, there = pg_stations
    inbox = Inbox()
    feed = ChangeFeed.for_engine(there.engine, inbox.deliver)
    feed._delays = (60.0,)  # stays down until told: the commit below is surely missed
    feed.start()
    assert feed.connected.wait(10)
    source = feed.source
    assert isinstance(source, ListenSource)
    pid = source.backend_pid
    try:
        _admin("SELECT pg_terminate_backend(:pid)", pid=pid)
        deadline = time.monotonic() + 10
        while feed.connected.is_set() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not feed.connected.is_set(), "the feed did not notice the lost connection"
        batch_id = make_batch(here, "B-FEED-0004")  # committed while nobody listens
        feed.resync()  # what the window does when its connection monitor sees the server
        found = inbox.wait_for(_batch_in)
        assert found.touches("batch", batch_id)
        assert source.backend_pid not in (None, pid)  # a new connection
    finally:
        feed.stop()


@pytest.mark.postgres
def test_an_idle_feed_sends_the_server_no_query(pg_stations: tuple[Core, Core]) -> None:
    """The listening connection's last statement stays LISTEN: no polling while idle."""
    _here, there = pg_stations
    inbox = Inbox()
    feed = listening(there, inbox)
    source = feed.source
    assert isinstance(source, ListenSource)
    try:
        time.sleep(2.5)  # more than two of the thread's wake-ups
        [(state, query)] = _admin(
            "SELECT state, query FROM pg_stat_activity WHERE pid = :pid", pid=source.backend_pid
        )
    finally:
        feed.stop()
    assert state == "idle" and str(query).startswith("LISTEN")
    assert inbox.sets == []
