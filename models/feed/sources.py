"""Where a station hears of changes: LISTEN on PostgreSQL, the chain head on SQLite.

Both sources follow the audit sequence: ``last_seq`` is the newest entry the station has
accounted for. ``open`` (re)connects and returns what was missed since ``last_seq``; ``wait``
blocks until something arrives or ``timeout`` passes. A set that does not follow ``last_seq``
(a notification lost while the connection was down) is replaced by a catch-up read from the
trail, so a station never skips a change.
"""

from __future__ import annotations

import threading
from typing import Any, Protocol

from sqlalchemy import Engine

from models.feed.trail import chain_head, changes_after
from models.kernel.change_set import CHANNEL, ChangeSet, decode
from models.kernel.db import read_only

# A dead network (cable, a sleeping laptop, a firewall dropping idle connections) shows as a
# silent socket: TCP keepalives find it within about a minute without a single query.
KEEPALIVES: dict[str, Any] = {
    "keepalives": 1,
    "keepalives_idle": 30,
    "keepalives_interval": 10,
    "keepalives_count": 3,
}
POLL_INTERVAL_S = 0.5


class FeedSource(Protocol):
    last_seq: int | None

    def open(self) -> ChangeSet | None: ...

    def wait(self, timeout: float) -> list[ChangeSet]: ...

    def close(self) -> None: ...


class _Sequence:
    """Follows the audit sequence and reads the trail when a set does not follow on."""

    def __init__(self, engine: Engine, last_seq: int | None) -> None:
        self._engine = read_only(engine)
        self.last_seq = last_seq

    def catch_up(self) -> ChangeSet | None:
        with self._engine.connect() as conn:
            if self.last_seq is None:  # a fresh station starts from now, not from history
                self.last_seq = chain_head(conn)
                return None
            found = changes_after(conn, self.last_seq)
        if found is not None:
            self.last_seq = found.last_seq
        return found

    def follow(self, found: ChangeSet) -> ChangeSet | None:
        if self.last_seq is None or found.first_seq > self.last_seq + 1:
            return self.catch_up()  # something was missed: the trail has it
        if found.last_seq <= self.last_seq:
            return None  # already accounted for (read during a catch-up)
        fresh = tuple(c for c in found.changes if c.seq > self.last_seq)
        first = max(found.first_seq, self.last_seq + 1)
        self.last_seq = found.last_seq
        return ChangeSet(first, found.last_seq, fresh, found.complete)


class ListenSource(_Sequence):
    """PostgreSQL: one dedicated connection, LISTENing; idle means no query at all."""

    def __init__(self, engine: Engine, last_seq: int | None = None) -> None:
        super().__init__(engine, last_seq)
        self._url_engine = engine
        self._conn: Any = None  # psycopg.Connection (imported only on PostgreSQL)

    def open(self) -> ChangeSet | None:
        import psycopg

        cargs, cparams = self._url_engine.dialect.create_connect_args(self._url_engine.url)
        params: dict[str, Any] = {"connect_timeout": 10, **KEEPALIVES, **cparams}
        self._conn = psycopg.connect(*cargs, **params, autocommit=True)
        self._conn.execute(f"LISTEN {CHANNEL}")
        # LISTEN first, then read the trail: a commit in between is in both, never in neither.
        return self.catch_up()

    def wait(self, timeout: float) -> list[ChangeSet]:
        found = []
        # Blocks in select() on the socket; returns at the first notification together with
        # any others already received, or after ``timeout`` with none.
        for notify in self._conn.notifies(timeout=timeout, stop_after=1):
            decoded = decode(notify.payload)
            followed = self.follow(decoded) if decoded is not None else None
            if followed is not None:
                found.append(followed)
        return found

    @property
    def backend_pid(self) -> int | None:
        """The server process of the listening connection (tests end it to cut the line)."""
        return None if self._conn is None else int(self._conn.info.backend_pid)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


class HeadSource(_Sequence):
    """SQLite: no server, so nothing can notify; reading the one-row chain head from the local
    file every half second costs microseconds, takes no lock in WAL mode and is how several
    processes on one machine see each other's commits. (Never used on PostgreSQL, where it
    would be a query per station per half second.)"""

    def __init__(self, engine: Engine, last_seq: int | None = None) -> None:
        super().__init__(engine, last_seq)
        self._closed = threading.Event()

    def open(self) -> ChangeSet | None:
        self._closed.clear()
        return self.catch_up()

    def wait(self, timeout: float) -> list[ChangeSet]:
        if self._closed.wait(min(timeout, POLL_INTERVAL_S)):
            return []
        found = self.catch_up()
        return [found] if found is not None else []

    def close(self) -> None:
        self._closed.set()


def source_for(engine: Engine, last_seq: int | None = None) -> FeedSource:
    if engine.dialect.name == "postgresql":
        return ListenSource(engine, last_seq)
    return HeadSource(engine, last_seq)
