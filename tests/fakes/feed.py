"""A change feed the test drives by hand (the window's port: start, stop, resync)."""

from __future__ import annotations

from models.feed.feed import Deliver
from models.kernel.change_set import ChangeSet


class FakeFeed:
    def __init__(self) -> None:
        self.deliver: Deliver | None = None
        self.started = self.stopped = False
        self.resyncs = 0

    def __call__(self, deliver: Deliver) -> FakeFeed:
        """Used as the window's feed factory: remembers where changes go."""
        self.deliver = deliver
        return self

    def start(self) -> None:
        self.started, self.stopped = True, False

    def stop(self, timeout: float = 0.0) -> None:  # noqa: ARG002 - the port's signature
        self.stopped = True

    def resync(self) -> None:
        self.resyncs += 1

    def push(self, found: ChangeSet) -> None:
        """What another station's commit would deliver."""
        assert self.deliver is not None, "the window has not built its feed"
        self.deliver(found)
