"""What every screen needs, passed in explicitly (no global main-window singleton)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gui.events import AppEvents
from gui.live_feed import FeedFactory
from gui.session import SessionUser
from gui.station import StationConfig
from models.core import Core


@dataclass
class AppContext:
    core: Core
    events: AppEvents
    station: StationConfig
    station_path: Path | None = None
    user: SessionUser | None = None
    # How the window follows the other stations' work; None: the database's own change feed
    # (tests pass a fake, gui/live_feed.py).
    feed: FeedFactory | None = None

    def __setattr__(self, name: str, value: object) -> None:
        # The station's configured name goes on every audit entry: whoever sets the station
        # (start-up, the administrator's settings dialog) renames the core's workstation too.
        super().__setattr__(name, value)
        if name == "station" and isinstance(value, StationConfig):
            self.core.set_workstation(value.name)

    @property
    def username(self) -> str:
        return self.user.username if self.user else ""
