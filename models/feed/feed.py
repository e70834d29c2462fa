"""One thread per station follows the feed and hands every ChangeSet to the caller.

A thread rather than watching the socket from the GUI's event loop: connecting (up to the
10 s connect timeout when the server is unreachable), reconnecting with back-off and the
catch-up read after a gap must never freeze a screen. The thread spends its life blocked in
select() on the listening socket (or, on SQLite, in a half-second sleep), so it costs no CPU
and no server work while nothing changes. ``deliver`` is called on this thread: the desktop
passes a Qt signal's ``emit``, which queues the call to the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from sqlalchemy import Engine

from models.feed.sources import FeedSource, source_for
from models.kernel.change_notify import OwnCommits, own_commits
from models.kernel.change_set import ChangeSet

log = logging.getLogger(__name__)

Deliver = Callable[[ChangeSet], None]
WAIT_S = 1.0  # how often the thread looks up from the socket to see whether it must stop
RETRY_DELAYS_S = (0.5, 1.0, 2.0, 5.0, 10.0)  # reconnect back-off; the last one repeats


class ChangeFeed:
    """Start once; ``stop`` ends the thread; ``resync`` reconnects and catches up at once (the
    station saw the database come back). ``connected`` says whether the source is open."""

    def __init__(
        self,
        source: FeedSource,
        deliver: Deliver,
        retry_delays: tuple[float, ...] = RETRY_DELAYS_S,
    ) -> None:
        self.source = source
        self._deliver = deliver
        self._delays = retry_delays
        self._stop = threading.Event()
        self._resync = threading.Event()
        self._wake = threading.Event()  # ends a back-off wait early (stop, resync)
        self._thread: threading.Thread | None = None
        self.connected = threading.Event()
        # what this station committed itself through the engine followed (its echo)
        self.own: OwnCommits | None = None

    @classmethod
    def for_engine(
        cls, engine: Engine, deliver: Deliver, last_seq: int | None = None
    ) -> ChangeFeed:
        feed = cls(source_for(engine, last_seq), deliver)
        feed.own = own_commits(engine)
        return feed

    @property
    def last_seq(self) -> int | None:
        return self.source.last_seq

    def start(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self._stop.clear()
        self._wake.clear()
        self._thread = threading.Thread(target=self._run, name="celltrail-feed", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = WAIT_S * 2) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def resync(self) -> None:
        self._resync.set()
        self._wake.set()

    def _run(self) -> None:
        failures = 0
        while not self._stop.is_set():
            try:
                self._follow()
                failures = 0
            except Exception as exc:  # noqa: BLE001 - the thread must outlive any failure
                log.warning("change feed interrupted (%s); reconnecting", type(exc).__name__)
                failures += 1
            finally:
                self.connected.clear()
                self.source.close()
            if failures:  # back off, unless told to stop or that the server is back
                self._wake.wait(self._delays[min(failures, len(self._delays)) - 1])
                self._wake.clear()

    def _follow(self) -> None:
        self._resync.clear()
        caught = self.source.open()
        self.connected.set()
        if caught:
            self._deliver(caught)
        while not self._stop.is_set() and not self._resync.is_set():
            for found in self.source.wait(WAIT_S):
                self._deliver(found)
