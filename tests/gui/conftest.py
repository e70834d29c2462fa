"""GUI fixtures: offscreen Qt, a fresh demo database per test and the app controller."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import sqlite3  # noqa: E402
import time  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from pytestqt.qtbot import QtBot  # noqa: E402
from xharness import XHarness, build_demo_database, checked_harness  # noqa: E402

from gui.app import AppController, make_application  # noqa: E402
from gui.context import AppContext  # noqa: E402
from gui.events import AppEvents  # noqa: E402
from gui.i18n import LANGUAGE  # noqa: E402
from gui.operations import database_pool  # noqa: E402
from gui.station import StationConfig  # noqa: E402
from models.core import Core, open_core  # noqa: E402
from models.demo.build import DEMO_PASSWORD, DEMO_STAFF, build_demo_site  # noqa: E402
from models.entities.database import Purpose
from models.identity.passwords import fast_passwords_for_tests  # noqa: E402
from tests.conftest import sign_in  # noqa: E402

DEMO_MAX_AGE_S = 15 * 60  # the demo is relative to "now": rebuild it before it grows stale


class DemoTemplate:
    """The demo is built through the services (slow: every step is signed and committed), so
    it is built once and copied for each test, and rebuilt once it is a quarter-hour old."""

    def __init__(self, folder: Path) -> None:
        # None = never built. (A 0.0 start compared with time.monotonic(), which counts from
        # boot, meant "fresh" on a machine up for less than a quarter-hour: never built.)
        self.folder, self.path = folder, folder / "demo-template.db"
        self.built_at: float | None = None

    def is_stale(self) -> bool:
        return self.built_at is None or time.monotonic() - self.built_at > DEMO_MAX_AGE_S

    def copy_to(self, target: Path) -> None:
        if self.is_stale():
            self.path.unlink(missing_ok=True)
            core = open_core(
                f"sqlite:///{self.path}",
                passwords=fast_passwords_for_tests(),
                workstation="QA-01",
                purpose=Purpose.TRAINING,
            )
            try:
                build_demo_site(core)
            finally:
                core.close()
            self.built_at = time.monotonic()
        if not self.path.is_file():
            # Copying a missing file would give every test an empty database and a misleading
            # "Wrong user name or password": fail here, where the cause is.
            raise RuntimeError(f"demo template {self.path} was not built")
        with sqlite3.connect(self.path) as source, sqlite3.connect(target) as copy:
            source.backup(copy)
        source.close()
        copy.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> DemoTemplate:
    return DemoTemplate(tmp_path_factory.mktemp("demo"))


@pytest.fixture
def demo_core(tmp_path: Path, demo_template: DemoTemplate) -> Iterator[Core]:
    demo_template.copy_to(tmp_path / "demo.db")
    core = open_core(
        f"sqlite:///{tmp_path / 'demo.db'}",
        passwords=fast_passwords_for_tests(),
        workstation="QA-01",
    )
    # Tests set the scene through the services as the demo's people, who enter their
    # passwords at this station first (the window itself signs in through its dialog).
    sign_in(core, *DEMO_STAFF, password=DEMO_PASSWORD)
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
    ctrl = AppController(ctx)  # the main window is built on first use (ctrl.window)
    yield ctrl
    database_pool().waitForDone()
    app.removeEventFilter(ctrl.capture)
    window = ctrl.built_window  # teardown never builds a window the test did not need
    if window is not None:
        app.removeEventFilter(window.lock)
    if ctrl.login is not None:
        ctrl.login.close()
    if window is not None:
        window.close()
        window.deleteLater()  # what qtbot.addWidget did at the end of the test


# -- the real app in a real X server (tests/gui/xharness.py) ---------------------------------


@pytest.fixture(scope="module")
def x_demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``main.py demo`` once per module of real-input tests; each test runs on a copy."""
    path = tmp_path_factory.mktemp("xdemo") / "demo.db"
    build_demo_database(path)
    return path


@pytest.fixture
def harness(tmp_path: Path) -> Iterator[XHarness]:
    yield from checked_harness(tmp_path)
