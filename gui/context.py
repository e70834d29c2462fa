"""What every screen needs, passed in explicitly (no global main-window singleton)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gui.events import AppEvents
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

    @property
    def username(self) -> str:
        return self.user.username if self.user else ""
