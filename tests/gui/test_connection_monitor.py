"""Issue 7: the window says when the database is offline – from the periodic probe and from
any operation that fails with DatabaseUnavailableError – and says so again when it returns."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from gui.app import AppController
from gui.connection_monitor import database_probe
from gui.i18n import LANGUAGE
from gui.operations import run_op
from models.core import Core
from models.kernel.db import make_engine
from models.kernel.errors import DatabaseUnavailableError
from tests.gui.gui_helpers import sign_in

OFFLINE = "⚠ Database offline — nothing is saved until the connection returns"


class SwitchableProbe:
    """An injected probe: raises like the real one while ``down`` is set."""

    def __init__(self) -> None:
        self.down = False
        self.calls = 0

    def __call__(self) -> None:
        self.calls += 1
        if self.down:
            raise DatabaseUnavailableError(detail="connection refused")


def test_real_probe_reads_the_database(demo_core: Core, tmp_path: Path) -> None:
    database_probe(demo_core)()  # SELECT 1 answers
    missing = make_engine(f"sqlite:///{tmp_path / 'gone' / 'nowhere.db'}")
    try:
        with pytest.raises(DatabaseUnavailableError):
            database_probe(SimpleNamespace(engine=missing))()  # type: ignore[arg-type]
    finally:
        missing.dispose()


def test_probe_failure_shows_offline_and_recovers(qtbot: QtBot, controller: AppController) -> None:
    window = controller.window
    monitor = window.connection
    probe = SwitchableProbe()
    monitor.probe = probe  # injected before sign-in: every check uses it
    sign_in(qtbot, controller, "wang")
    assert monitor.timer.isActive() and monitor.timer.interval() == 10_000
    qtbot.waitUntil(lambda: window.connection_status.text() == "● Online", timeout=5000)
    assert window.connection_status.property("ok") is True

    probe.down = True
    with qtbot.waitSignal(monitor.checked, check_params_cb=lambda ok: not ok, timeout=5000):
        qtbot.waitUntil(lambda: monitor.check() is not None, timeout=5000)  # one at a time
    assert not monitor.online
    assert window.connection_status.text() == OFFLINE
    assert window.connection_status.property("ok") is False
    assert window.findChild(QMessageBox, "errorBox") is None  # a probe never pops up a box

    LANGUAGE.switch("zh")
    qtbot.waitUntil(lambda: "数据库" in window.connection_status.text(), timeout=5000)
    assert window.connection_status.text().startswith("⚠")
    LANGUAGE.switch("en")

    probe.down = False  # the timer finds it back by itself (set short for the test)
    monitor.set_interval(50)
    qtbot.waitUntil(lambda: window.connection_status.text() == "● Online", timeout=5000)
    assert monitor.online and probe.calls >= 2


def test_any_operation_losing_the_database_switches_to_offline(
    qtbot: QtBot, controller: AppController
) -> None:
    window = controller.window
    probe = SwitchableProbe()
    window.connection.probe = probe
    sign_in(qtbot, controller, "wang")
    window.connection.stop()  # only the failing operation may flip the status here
    qtbot.waitUntil(lambda: not window.connection.busy, timeout=5000)  # sign-in's check done
    assert window.connection.online

    def lost(_p: object) -> None:
        raise DatabaseUnavailableError(detail="server closed the connection unexpectedly")

    failures: list[BaseException] = []
    op = run_op(parent=window, op=lost, on_failure=failures.append)  # the caller's own handler
    assert op is not None
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert window.connection_status.text() == OFFLINE
    with qtbot.waitSignal(window.connection.checked, check_params_cb=bool, timeout=5000):
        qtbot.waitUntil(lambda: window.connection.check() is not None, timeout=5000)
    assert window.connection_status.text() == "● Online"
