"""The station's live view of the other stations' work: the change feed, turned into the
``records_changed`` event every screen already refreshes on.

The feed (models/feed) runs on its own thread and hands over ChangeSets; ``arrived`` carries
them to the GUI thread (a queued signal). A burst of commits (a print run, a release that
moves every unit) is merged for ``COALESCE_MS`` and refreshes each screen once. A refusal
because another station changed the record (RecordChangedError) refreshes the screens too,
whatever the feed has seen: the message promises that the screen has been refreshed.

The feed also brings back this station's own commits. A set made only of entries this station
committed (the engine's ``own`` record, models/kernel/change_notify.py) is dropped when the
screens were told of this station's work after that commit already (a local
``records_changed`` emitted since): every screen refreshed then. A set with a single entry of
another station's, a catch-up that is not all ours, or our own work that no screen announced
(a commit nobody emitted for) refreshes as before, so no other station's change is ever lost.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from sqlalchemy import Engine

from gui.events import AppEvents
from gui.operations import operation_events
from models.feed.feed import ChangeFeed, Deliver
from models.kernel.change_notify import OwnCommits
from models.kernel.change_set import ChangeSet, merge

COALESCE_MS = 50


class Feed(Protocol):
    """What the window needs of a feed (models.feed.feed.ChangeFeed; tests pass a fake)."""

    def start(self) -> None: ...

    def stop(self, timeout: float = ...) -> None: ...

    def resync(self) -> None: ...


FeedFactory = Callable[[Deliver], Feed]


def engine_feed(engine: Engine) -> FeedFactory:
    """The real feed on ``engine``'s database (LISTEN on PostgreSQL, the head on SQLite)."""

    def build(deliver: Deliver) -> Feed:
        return ChangeFeed.for_engine(engine, deliver)

    return build


class LiveFeed(QObject):
    arrived = Signal(object)  # a ChangeSet, emitted on the feed's thread
    refreshed = Signal(object)  # the merged ChangeSet just announced to the screens (tests)

    def __init__(self, events: AppEvents, factory: FeedFactory, parent: QObject) -> None:
        super().__init__(parent)
        self._events = events
        self._pending: list[ChangeSet] = []
        self._timer = QTimer(self, singleShot=True, interval=COALESCE_MS)
        self._timer.timeout.connect(self._announce)
        self.arrived.connect(self._on_arrived)  # queued: the receiver lives on the GUI thread
        self.feed = factory(self.arrived.emit)
        own = getattr(self.feed, "own", None)
        self._own: OwnCommits | None = own if isinstance(own, OwnCommits) else None
        self._told_at = -math.inf  # when this station's screens were last told of its work
        self.echoes = 0  # own commits not announced twice (tests)
        events.subscribe(self, events.records_changed, self._on_told)
        operation_events().record_changed.connect(self._on_refused)

    def start(self) -> None:
        self.feed.start()

    def stop(self) -> None:
        self.feed.stop()

    @Slot(bool)
    def database_online(self, online: bool) -> None:
        """The database is reachable again: reconnect and catch up now, not after back-off."""
        if online:
            self.feed.resync()

    @Slot(object)
    def _on_arrived(self, found: ChangeSet) -> None:
        if found:
            self._pending.append(found)
            if not self._timer.isActive():
                self._timer.start()
        elif found.last_seq >= found.first_seq > 0:  # entries, but no record changed
            self._events.trail_grew.emit(found.last_seq)

    def _on_told(self, what: object) -> None:
        if not isinstance(what, ChangeSet):  # a screen's own news of this station's work
            self._told_at = time.monotonic()

    def _echo(self, found: ChangeSet) -> bool:
        """Only this station's commits, all of which the screens were told of already."""
        if self._own is None:
            return False
        at = self._own.committed_at(found.first_seq, found.last_seq)
        return at is not None and at <= self._told_at

    def _announce(self) -> None:
        pending, self._pending = self._pending, []
        heard = len(pending)
        pending = [found for found in pending if not self._echo(found)]
        self.echoes += heard - len(pending)
        if pending:
            merged = merge(pending)
            self._events.records_changed.emit(merged)
            self.refreshed.emit(merged)

    @Slot(object)
    def _on_refused(self, _exc: object) -> None:
        self._on_arrived(ChangeSet(0, 0, (), complete=False))
