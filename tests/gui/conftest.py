"""GUI fixtures: offscreen Qt, a fresh demo database per test and the app controller."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from pytestqt.qtbot import QtBot  # noqa: E402

from gui.app import AppController, make_application  # noqa: E402
from gui.context import AppContext  # noqa: E402
from gui.events import AppEvents  # noqa: E402
from gui.i18n import LANGUAGE  # noqa: E402
from gui.operations import database_pool  # noqa: E402
from gui.station import StationConfig  # noqa: E402
from models.core import Core, open_core  # noqa: E402
from models.demo import build_demo_site  # noqa: E402
from models.services.passwords import fast_passwords_for_tests  # noqa: E402


@pytest.fixture
def demo_core(tmp_path: Path) -> Iterator[Core]:
    core = open_core(
        f"sqlite:///{tmp_path / 'demo.db'}",
        passwords=fast_passwords_for_tests(),
        workstation="QA-01",
    )
    build_demo_site(core)
    yield core
    database_pool().waitForDone()
    core.close()


@pytest.fixture(autouse=True)
def english(qapp: QApplication) -> Iterator[None]:
    make_application()  # stylesheet and fonts, as in production
    LANGUAGE.switch("en")
    yield
    LANGUAGE.switch("en")


@pytest.fixture
def ctx(demo_core: Core, tmp_path: Path) -> AppContext:
    station = StationConfig(name="QA-01", role="qa", lock_minutes=5)
    return AppContext(demo_core, AppEvents(), station, station_path=tmp_path / "station.json")


@pytest.fixture
def controller(qtbot: QtBot, ctx: AppContext) -> Iterator[AppController]:
    app = QApplication.instance()
    assert app is not None
    ctrl = AppController(ctx)
    qtbot.addWidget(ctrl.window)
    yield ctrl
    database_pool().waitForDone()
    app.removeEventFilter(ctrl.capture)
    app.removeEventFilter(ctrl.window.lock)
    if ctrl.window.lock.dialog is not None:
        ctrl.window.lock.dialog.release()
    if ctrl.login is not None:
        ctrl.login.close()
    ctrl.window.close()
