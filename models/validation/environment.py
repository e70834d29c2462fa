"""Where and when a qualification ran: the report's header."""

from __future__ import annotations

import getpass
import platform
import socket
from dataclasses import dataclass
from datetime import datetime
from importlib import metadata

from sqlalchemy import Engine, text

from models.entities.base import utcnow


@dataclass(frozen=True)
class Environment:
    started_at: datetime  # UTC
    operating_system: str
    python: str
    celltrail: str
    backend: str
    database: str  # the scratch database, without any password
    host: str
    station: str
    account: str  # the operating-system account that ran it

    def rows(self) -> list[tuple[str, str]]:
        """(catalogue code of the label, value), in the report's order."""
        return [
            ("validate.env.date", f"{self.started_at:%Y-%m-%d %H:%M:%S} UTC"),
            ("validate.env.celltrail", self.celltrail),
            ("validate.env.os", self.operating_system),
            ("validate.env.python", self.python),
            ("validate.env.backend", self.backend),
            ("validate.env.database", self.database),
            ("validate.env.host", self.host),
            ("validate.env.station", self.station),
            ("validate.env.account", self.account),
        ]


def describe_environment(engine: Engine, station: str) -> Environment:
    return Environment(
        started_at=utcnow(),
        operating_system=platform.platform(),
        python=f"{platform.python_implementation()} {platform.python_version()}",
        celltrail=_version(),
        backend=backend_version(engine),
        database=engine.url.render_as_string(hide_password=True),
        host=socket.gethostname(),
        station=station,
        account=_account(),
    )


def backend_version(engine: Engine) -> str:
    with engine.connect() as conn:
        if engine.dialect.name == "postgresql":
            version = conn.execute(text("SHOW server_version")).scalar()
            return f"PostgreSQL {version}"
        return f"SQLite {conn.execute(text('SELECT sqlite_version()')).scalar()}"


def _version() -> str:
    try:
        return metadata.version("celltrail")
    except metadata.PackageNotFoundError:
        return "?"


def _account() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (a container)
        return "?"
