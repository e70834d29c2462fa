"""Start the desktop client: arguments → database → sign-in → main window.

Start-up failures end in a clear bilingual message box, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy.exc import SQLAlchemyError

from gui.context import AppContext
from gui.dialogs.login import LoginDialog
from gui.events import AppEvents
from gui.i18n import LANGUAGE
from gui.resources_access import style_sheet
from gui.scan_router import ScanCapture, ScanRouter
from gui.station import StationConfig, load_station
from models.core import Core, open_core
from models.entities.database import Purpose
from models.kernel.db import resolve_database_url
from models.kernel.errors import DatabaseUnavailableError, DomainError, ValidationError

if TYPE_CHECKING:
    from gui.main_window import MainWindow

# The main window is built this long after the sign-in window is shown: late enough for the
# dialog to be painted first, early enough to be done before a user has typed a password.
PREPARE_WINDOW_AFTER_MS = 300

# Linux: fonts-noto-cjk (Noto Sans CJK SC); Windows: Microsoft YaHei ships with the OS.
FONT_FAMILIES = [
    "Noto Sans",
    "DejaVu Sans",
    "Noto Sans CJK SC",
    "Microsoft YaHei",
    "PingFang SC",
    "sans-serif",
]


def parse_args(args: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="celltrail", description="CellTrail desktop client")
    parser.add_argument(
        "--db", help="database URL or SQLite file (default: CELLTRAIL_DB or per-user file)"
    )
    parser.add_argument(
        "--demo", action="store_true", help="create the demo site if the database has no users"
    )
    parser.add_argument("--lang", choices=["zh", "en"], help="user-interface language")
    parser.add_argument("--station-config", type=Path, help="workstation settings JSON file")
    return parser.parse_args(args)


def make_application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([sys.argv[0] if sys.argv else "celltrail"])
    app.setApplicationName("CellTrail")
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSize(12)
    app.setFont(font)
    app.setStyleSheet(style_sheet())
    return app


def open_database(url: str | None, demo: bool, workstation: str | None = None) -> Core:
    """``workstation``: the configured station name the audit trail records (the demo site
    built here is recorded under it too)."""
    try:
        # a database the demo is about to be built in is created as a training database
        purpose = Purpose.TRAINING if demo else None
        core = open_core(resolve_database_url(url), workstation=workstation, purpose=purpose)
        if demo and not core.accounts.has_users():
            from models.demo.build import build_demo_site

            build_demo_site(core)
    except SQLAlchemyError as exc:
        raise DatabaseUnavailableError(detail=str(getattr(exc, "orig", exc))) from exc
    if not core.accounts.has_users():
        core.close()
        raise ValidationError(
            field="database",
            reason="it has no users yet; run 'celltrail init' and 'celltrail user add', "
            "or start with --demo",
        )
    return core


def bilingual(exc: DomainError) -> str:
    return f"{exc.message('zh')}\n\n{exc.message('en')}"


class AppController(QObject):
    """Owns the scan capture, the router and the window; cycles sign-in ↔ main window.

    The main window is not built before the sign-in window appears: importing and building
    every station page would delay it by about a third of a second (issue 11,
    bench/cli_start_bench.py). It is built shortly after, while the user types, or at the
    latest on first use (the first sign-in); once built it is kept and shown again after every
    later sign-in (sign-out, switch user).
    """

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        scanner = ctx.station.scanner
        self.capture = ScanCapture(scanner.burst_gap_ms, scanner.min_length, parent=self)
        self.router = ScanRouter(ctx.core, self)
        self.capture.scanned.connect(self.router.route)
        QApplication.instance().installEventFilter(self.capture)  # type: ignore[union-attr]
        self._window: MainWindow | None = None
        self.login: LoginDialog | None = None

    @property
    def window(self) -> MainWindow:
        """The main window, built (pages, auto-lock, connection monitor) on first access."""
        if self._window is None:
            from gui.main_window import MainWindow

            self._window = MainWindow(self.ctx, self.router)
            self._window.signed_out.connect(self.show_login)
        return self._window

    @property
    def built_window(self) -> MainWindow | None:
        """The main window if it exists yet; never builds it (for teardown and checks)."""
        return self._window

    def show_login(self) -> LoginDialog:
        self.login = LoginDialog(self.ctx)
        self.login.accepted.connect(self._on_signed_in)
        self.login.rejected.connect(QApplication.quit)
        self.login.show()
        if self._window is None:
            QTimer.singleShot(PREPARE_WINDOW_AFTER_MS, self, self._prepare_window)
        return self.login

    def _prepare_window(self) -> None:
        """Build the main window while the sign-in window waits for the user to type, so
        neither the sign-in window nor the first sign-in waits for the pages."""
        login = self.login
        if self._window is None and login is not None and login.isVisible():
            self.window  # noqa: B018 - built on first access

    def _on_signed_in(self) -> None:
        assert self.login is not None and self.login.user is not None
        self.window.start_session(self.login.user)
        self.login.deleteLater()
        self.login = None
        self.window.show()


def run_gui(args: list[str]) -> int:
    options = parse_args(args)
    app = make_application()
    LANGUAGE.switch(options.lang or ("zh" if _system_is_chinese() else "en"))
    try:
        station = load_station(options.station_config)
    except ValueError as exc:
        QMessageBox.warning(
            None,
            "CellTrail",
            f"工作站配置无效，使用默认值。\nInvalid workstation settings; using defaults.\n\n{exc}",
        )
        station = StationConfig()
    try:
        core = open_database(options.db, options.demo, workstation=station.name)
    except DomainError as exc:
        QMessageBox.critical(None, "CellTrail", bilingual(exc))
        return 2
    ctx = AppContext(
        core=core, events=AppEvents(), station=station, station_path=options.station_config
    )
    controller = AppController(ctx)
    controller.show_login()
    try:
        return app.exec()
    finally:
        core.close()


def _system_is_chinese() -> bool:
    from PySide6.QtCore import QLocale

    return QLocale.system().language() == QLocale.Language.Chinese
