"""A station's end of the change feed in tests: what it was handed, and a wait for more."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from models.core import Core
from models.feed.feed import ChangeFeed
from models.kernel.change_set import ChangeSet

WAIT_S = 10.0


class Inbox:
    """Collects the ChangeSets a feed delivers (on its thread) for the test to wait on."""

    def __init__(self) -> None:
        self.sets: list[ChangeSet] = []
        self._changed = threading.Condition()

    def deliver(self, found: ChangeSet) -> None:
        with self._changed:
            self.sets.append(found)
            self._changed.notify_all()

    def wait_for(self, wanted: Callable[[ChangeSet], bool], timeout: float = WAIT_S) -> ChangeSet:
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                found = next((s for s in self.sets if wanted(s)), None)
                left = deadline - time.monotonic()
                if found is not None or left <= 0:
                    assert found is not None, f"not delivered within {timeout} s: {self.sets}"
                    return found
                self._changed.wait(left)


def listening(core: Core, inbox: Inbox, last_seq: int | None = None) -> ChangeFeed:
    """A started feed for ``core``'s database, connected (its starting point read)."""
    feed = ChangeFeed.for_engine(core.engine, inbox.deliver, last_seq)
    feed.start()
    assert feed.connected.wait(WAIT_S), "the feed did not connect"
    return feed
