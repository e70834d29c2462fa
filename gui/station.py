"""Workstation configuration: what this PC is for, and its printers and scanners.

Stored as JSON in the user's config folder (platformdirs) or at ``--station-config``.
Only an administrator edits it (StationDialog); the core still checks every action.
Printers are plain addresses (``printers``) or profiles (``printer_profiles``: language,
resolution, media, darkness, status; printing.profile), each used through its address.
"""

from __future__ import annotations

import json
import socket
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from platformdirs import user_config_dir
from PySide6.QtCore import QCoreApplication

from gui.i18n import LANGUAGE, QT_TRANSLATE_NOOP
from models.i18n import describe
from printing.errors import PrinterError
from printing.profile import PrinterProfile

ROLES = {
    "cleanroom": QT_TRANSLATE_NOOP("Station", "Cleanroom workstation"),
    "label": QT_TRANSLATE_NOOP("Station", "Label station"),
    "qa": QT_TRANSLATE_NOOP("Station", "QA / audit desk"),
    "hospital": QT_TRANSLATE_NOOP("Station", "Hospital bedside"),
}


@dataclass(frozen=True)
class ScannerSettings:
    burst_gap_ms: int = 50  # max gap between keystrokes of one scan
    min_length: int = 4  # shorter bursts are treated as typing


@dataclass(frozen=True)
class StationConfig:
    name: str = field(default_factory=socket.gethostname)
    role: str = "qa"
    lock_minutes: int = 5
    printers: tuple[str, ...] = ()
    scanner: ScannerSettings = ScannerSettings()
    printer_profiles: tuple[PrinterProfile, ...] = ()
    # The operating space (workspace code) a label station stands in: its label jobs are
    # refused while that space holds another batch (R-LBL-11). Empty: not set.
    workspace: str = ""

    @property
    def printer_urls(self) -> tuple[str, ...]:
        """Every printer of this station, as the address a print job records and uses."""
        urls = (*self.printers, *(profile.url() for profile in self.printer_profiles))
        return tuple(dict.fromkeys(urls))

    @property
    def role_text(self) -> str:
        return QCoreApplication.translate("Station", ROLES.get(self.role, self.role))

    def with_changes(self, **changes: Any) -> StationConfig:
        return replace(self, **changes)


def default_path() -> Path:
    return Path(user_config_dir("CellTrail", appauthor=False)) / "station.json"


def load_station(path: Path | None = None) -> StationConfig:
    """Missing file → defaults (a QA desk); a broken file raises ValueError with the reason."""
    path = path or default_path()
    if not path.exists():
        return StationConfig()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        scanner = ScannerSettings(**data.pop("scanner", {}))
        profiles = tuple(PrinterProfile.from_dict(p) for p in data.pop("printer_profiles", ()))
        config = StationConfig(
            **{**data, "printers": tuple(data.get("printers", ())), "scanner": scanner},
            printer_profiles=profiles,
        )
    except (json.JSONDecodeError, TypeError) as exc:
        raise ValueError(f"{path}: {exc}") from exc
    except PrinterError as exc:  # a profile that cannot be used, in the user's language
        raise ValueError(f"{path}: {describe(exc, LANGUAGE.code)}") from exc
    if config.role not in ROLES:
        raise ValueError(f"{path}: unknown role {config.role!r}")
    return config


def save_station(config: StationConfig, path: Path | None = None) -> Path:
    path = path or default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = asdict(config)
    data["printers"] = list(config.printers)
    data["printer_profiles"] = [profile.to_dict() for profile in config.printer_profiles]
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    return path
