"""Every audit entry carries the station's configured name, not the host name (issue 14)."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from gui.app import AppController
from gui.context import AppContext
from gui.events import AppEvents
from gui.operations import database_pool
from gui.station import StationConfig
from models.core import Core
from models.entities.audit import AuditEntry
from tests.gui.gui_helpers import sign_in

STATION = "QA-Desk-3"


@pytest.fixture
def ctx(demo_core: Core, tmp_path: Path) -> AppContext:
    demo_core.set_workstation(None)  # as a core opened before the station settings were read
    station = StationConfig(name=STATION, role="qa", lock_minutes=5)
    return AppContext(demo_core, AppEvents(), station, station_path=tmp_path / "station.json")


def _last(core: Core, action: str, actor: str) -> str:
    """The workstation of ``actor``'s newest ``action`` entry."""
    with core.uow().reading() as uow:
        entry = uow.session.scalars(
            select(AuditEntry.workstation)
            .where(AuditEntry.action == action, AuditEntry.actor == actor)
            .order_by(AuditEntry.seq.desc())
        ).first()
        assert entry is not None
        return entry


def test_the_login_entry_names_the_configured_station(
    qtbot: QtBot, controller: AppController
) -> None:
    sign_in(qtbot, controller, "chen")
    assert _last(controller.ctx.core, "login", "chen") == STATION
    assert socket.gethostname() != STATION


def test_a_station_renamed_in_the_settings_names_the_entries_after(
    qtbot: QtBot, controller: AppController
) -> None:
    sign_in(qtbot, controller, "chen")
    controller.ctx.station = controller.ctx.station.with_changes(name="QA-Desk-4")
    controller.window.sign_out()
    database_pool().waitForDone()  # the sign-out is recorded in the background
    assert _last(controller.ctx.core, "logout", "chen") == "QA-Desk-4"
