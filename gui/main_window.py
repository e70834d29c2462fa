"""The main window: top bar, big navigation buttons, one page per task, scan feedback.

Pages are chosen by the workstation role (PAGES): the label station prints and checks
labels, the cleanroom records the batch's work, the QA desk releases and audits, the
hospital checks and records administrations at the bedside.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gui.connection_monitor import ConnectionMonitor, database_probe
from gui.context import AppContext
from gui.dialogs.station import StationDialog
from gui.field_labels import kind_label
from gui.i18n import LANGUAGE, QT_TRANSLATE_NOOP
from gui.live_feed import LiveFeed, engine_feed
from gui.lock import InactivityLock
from gui.operations import run_op
from gui.pages.audit.page import AuditPageWidget
from gui.pages.bedside.page import BedsidePage
from gui.pages.cleanroom.page import CleanroomPage
from gui.pages.home.page import HomePage
from gui.pages.label_station.page import LabelStationPage
from gui.pages.release.page import ReleasePage
from gui.pages.trace.page import TracePage
from gui.scan_router import BadgeScan, ScanRouter
from gui.session import SessionUser
from gui.status_style import set_ok
from gui.widgets.elided_label import ElidedLabel
from gui.widgets.scan_line_edit import visible
from models.chain.trace_tree import NodeRef
from models.identity.sessions import LockTrigger, SignOutTrigger
from models.kernel.db_purpose import banner

PageFactory = Callable[[AppContext], QWidget]
PAGE_TITLES = {
    "home": QT_TRANSLATE_NOOP("MainWindow", "Home"),
    "trace": QT_TRANSLATE_NOOP("MainWindow", "Trace"),
    "audit": QT_TRANSLATE_NOOP("MainWindow", "Audit trail"),
    "labels": QT_TRANSLATE_NOOP("MainWindow", "Labels"),
    "cleanroom": QT_TRANSLATE_NOOP("MainWindow", "Cleanroom"),
    "release": QT_TRANSLATE_NOOP("MainWindow", "QA release"),
    "bedside": QT_TRANSLATE_NOOP("MainWindow", "Bedside"),
}
PAGE_FACTORIES: dict[str, PageFactory] = {
    "home": HomePage,
    "trace": TracePage,
    "audit": AuditPageWidget,
    "labels": LabelStationPage,
    "cleanroom": CleanroomPage,
    "release": ReleasePage,
    "bedside": BedsidePage,
}
PAGES = {
    "qa": ("home", "release", "trace", "audit"),
    "cleanroom": ("home", "cleanroom", "trace"),
    "label": ("home", "labels", "trace"),
    "hospital": ("home", "bedside", "trace"),
}

log = logging.getLogger(__name__)
MINIMUM_SIZE = (1024, 640)


class _PageHolder(QWidget):
    """Holds a page in its frame and tells the frame the height the page *needs* at a width.

    A QScrollArea asks a widget with word-wrapped labels for its height for the viewport's
    width, and Qt answers with the layout's preferred height: pages scrolled on a 1920×1080
    screen although everything fitted.  The minimum height for that width is what matters."""

    def __init__(self, page: QWidget) -> None:
        super().__init__()
        self.page = page
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(page)

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        layout = self.layout()
        return layout.totalMinimumHeightForWidth(width) if layout else -1


def page_frame(page: QWidget) -> QScrollArea:
    """The page fills the frame when there is room and scrolls when there is not: a long page
    never makes the window taller or wider than the screen (the stack takes the largest minimum
    size of all its pages)."""
    frame = QScrollArea(objectName="pageFrame")
    frame.setWidgetResizable(True)
    frame.setFrameShape(QScrollArea.Shape.NoFrame)
    frame.setWidget(_PageHolder(page))
    return frame


class MainWindow(QMainWindow):
    signed_out = Signal()

    def __init__(self, ctx: AppContext, router: ScanRouter) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.ctx = ctx
        self.title = QLabel("CellTrail", objectName="appTitle")
        self.station_label, self.user_label = (
            ElidedLabel(objectName="stationLabel"),
            ElidedLabel(objectName="userLabel"),
        )
        # A training or validation database says so on every screen, as its labels and
        # reports do (issue 16): nobody takes the demo for the production site.
        self.purpose = ctx.core.purpose
        self.test_banner = QLabel(objectName="testBanner", wordWrap=True)
        self.test_banner.setVisible(self.purpose.is_test)
        # as wide as the navigation's buttons, never widening the column (it wraps instead)
        self.test_banner.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.language_button, self.settings_button = (
            QPushButton(objectName="languageButton"),
            QPushButton(),
        )
        self.lock_button, self.sign_out_button = QPushButton(), QPushButton()
        self.scan_status = QLabel(objectName="scanStatus", wordWrap=True)
        self.connection_status = QLabel(objectName="connectionStatus", wordWrap=True)
        self.connection = ConnectionMonitor(database_probe(ctx.core), self)
        self.connection.online_changed.connect(lambda _online: self.show_connection())
        # Every other station's committed work refreshes this station's screens (issue 17).
        self.live = LiveFeed(ctx.events, ctx.feed or engine_feed(ctx.core.engine), self)
        self.connection.online_changed.connect(self.live.database_online)
        self.nav, self.nav_group, self.stack = QVBoxLayout(), QButtonGroup(self), QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        self.page_frames: dict[str, QScrollArea] = {}  # each page scrolls inside its own frame
        self.nav_buttons: dict[str, QPushButton] = {}
        self.screens = QStackedWidget(objectName="windowScreens")  # the work, or the lock
        self._build_layout()
        self.lock = InactivityLock(ctx, self, self.screens)
        QApplication.instance().installEventFilter(self.lock)  # type: ignore[union-attr]
        self.lock.sign_out_requested.connect(lambda: self.sign_out(SignOutTrigger.SWITCH_USER))
        self.router = router
        router.record_scanned.connect(self.on_record_scanned)
        router.badge_scanned.connect(self.on_badge_scanned)
        router.rejected.connect(lambda text: self.show_scan_status(text, ok=False))
        ctx.events.subscribe(self, ctx.events.done, lambda text: self.show_scan_status(text, True))
        self.language_button.clicked.connect(
            lambda: LANGUAGE.switch("en" if LANGUAGE.code == "zh" else "zh")
        )
        self.settings_button.clicked.connect(self.open_station_settings)
        self.lock_button.clicked.connect(lambda: self.lock.lock(LockTrigger.MANUAL))
        # Leaving the bench with gloves on: one chord locks, no aiming at a button. (On the
        # window, not the button: a button's setText resets its shortcut to the mnemonic.)
        QShortcut(QKeySequence("Ctrl+L"), self, lambda: self.lock.lock(LockTrigger.MANUAL))
        # Ctrl+1…Ctrl+9 open the navigation's pages in their order: a page without the mouse.
        for number in range(1, 10):
            QShortcut(QKeySequence(f"Ctrl+{number}"), self, partial(self._show_nth, number - 1))
        self.sign_out_button.clicked.connect(lambda: self.sign_out(SignOutTrigger.MANUAL))
        self.build_pages()
        # The smallest screen we support (1366×768 less a title bar); pages scroll inside.
        self.setMinimumSize(MINIMUM_SIZE[0], MINIMUM_SIZE[1])
        self.resize(1366, 860)

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        for label in (self.title, self.station_label):
            top.addWidget(label)
        top.addStretch(1)
        for widget in (
            self.user_label,
            self.language_button,
            self.settings_button,
            self.lock_button,
            self.sign_out_button,
        ):
            top.addWidget(widget)
        # Above the navigation, not a row of its own: every page keeps that height, and the
        # left column is on every screen (the lock covers it all, as it covers the data).
        self.nav.addWidget(self.test_banner)  # wrapped in the column: the top row is full
        self.nav.addWidget(self.connection_status)
        self.nav.addStretch(1)
        body = QHBoxLayout()
        nav_box = QWidget(objectName="navPanel")
        nav_box.setLayout(self.nav)
        body.addWidget(nav_box)
        body.addWidget(self.stack, 1)
        root = QVBoxLayout()
        root.addLayout(top)
        root.addLayout(body, 1)
        root.addWidget(self.scan_status)
        content = QWidget(objectName="windowContent")
        content.setLayout(root)
        self.screens.addWidget(content)
        self.setCentralWidget(self.screens)

    def build_pages(self) -> None:
        for name in list(self.pages):
            button = self.nav_buttons.pop(name)
            self.nav_group.removeButton(button)
            self.nav.removeWidget(button)
            button.hide()  # gone at once, not only when the event loop deletes it
            button.deleteLater()
            page = self.pages.pop(name)
            self.ctx.events.release(page)  # no signal reaches a page that is going away
            if isinstance(page, LabelStationPage):
                page.shutdown()
            frame = self.page_frames.pop(name)
            self.stack.removeWidget(frame)
            frame.deleteLater()  # and the page with it
        for name in PAGES[self.ctx.station.role]:
            page = PAGE_FACTORIES[name](self.ctx)
            self.pages[name] = page
            self.page_frames[name] = page_frame(page)
            self.stack.addWidget(self.page_frames[name])
            button = QPushButton(objectName="navButton", checkable=True)
            self.nav_group.addButton(button)
            self.nav.insertWidget(self.nav.count() - 1, button)
            self.nav_buttons[name] = button
            button.clicked.connect(lambda _=False, n=name: self.show_page(n))
        home = self.pages.get("home")
        if isinstance(home, HomePage):
            home.open_identifier.connect(self.open_identifier)
            home.open_target.connect(self.open_target)
        self.retranslate()

    def retranslate(self) -> None:
        user = self.ctx.user
        self.setWindowTitle(self.tr("CellTrail – {0}").format(self.ctx.station.role_text))
        self.station_label.setText(f"{self.ctx.station.role_text} · {self.ctx.station.name}")
        self.test_banner.setText(banner(self.purpose, LANGUAGE.code) or "")
        self.user_label.setText(self.tr("Signed in: {0}").format(user.full_name) if user else "")
        self.language_button.setText("English" if LANGUAGE.code == "zh" else "中文")
        self.settings_button.setText(self.tr("Workstation…"))
        self.lock_button.setText(self.tr("Lock"))
        if not self.scan_status.text() or self.scan_status.property("ok") is None:
            self.scan_status.setText(
                self.tr("Ready: scan a DIN, batch number or badge at any time.")
            )
        self.sign_out_button.setText(self.tr("Sign out"))
        self.show_connection()
        for name, button in self.nav_buttons.items():
            button.setText(QCoreApplication.translate("MainWindow", PAGE_TITLES[name]))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- session ---------------------------------------------------------------------------

    def start_session(self, user: SessionUser) -> None:
        self.ctx.user = user
        self.settings_button.setVisible(user.is_admin)
        self.ctx.events.user_changed.emit(user)
        self.scan_status.setProperty("ok", None)
        self.scan_status.setStyleSheet("")  # re-polish after the property change
        self.retranslate()
        self.show_page("home")
        self.lock.set_minutes(self.ctx.station.lock_minutes)
        self.connection.start()
        self.connection.check()
        self.live.start()

    def sign_out(self, trigger: SignOutTrigger = SignOutTrigger.MANUAL) -> None:
        if self.ctx.user is not None:
            username = self.ctx.username
            run_op(
                parent=self,
                op=lambda _p: self.ctx.core.sessions.sign_out(username, trigger=trigger),
                on_failure=lambda exc: log.warning("sign-out not recorded: %s", type(exc).__name__),
            )
        self.lock.stop()
        self.connection.stop()
        self.live.stop()
        self.ctx.user = None
        self.ctx.events.user_changed.emit(None)
        self.hide()
        self.signed_out.emit()

    def open_station_settings(self) -> StationDialog:
        dialog = StationDialog(self.ctx, self)
        dialog.accepted.connect(self._on_station_saved)
        dialog.open()
        return dialog

    def _on_station_saved(self) -> None:
        self.build_pages()
        self.lock.set_minutes(self.ctx.station.lock_minutes)
        self.show_page("home")

    # -- navigation and scans --------------------------------------------------------------

    def show_page(self, name: str) -> QWidget:
        page = self.pages[name]
        self.stack.setCurrentWidget(self.page_frames[name])
        self.nav_buttons[name].setChecked(True)
        if isinstance(page, HomePage):
            page.refresh()
        return page

    def _show_nth(self, index: int) -> None:
        names = list(self.pages)
        if self.ctx.user is not None and not self.lock.is_locked and index < len(names):
            self.show_page(names[index])

    def current_page(self) -> QWidget | None:
        frame = self.stack.currentWidget()
        holder = frame.widget() if isinstance(frame, QScrollArea) else None
        return holder.page if isinstance(holder, _PageHolder) else None

    def _accepts_scans(self) -> bool:
        return self.ctx.user is not None and not self.lock.is_locked and self.isVisible()

    def open_identifier(self, text: str) -> None:
        page = self.show_page("trace")
        assert isinstance(page, TracePage)
        page.search_for(text)

    def open_target(self, page_name: str, identifier: str) -> None:
        """A work-queue row: a batch awaiting release opens on the release page (where QA
        decides it), anything else in the trace; the trace if this station has no such page."""
        if page_name == "release" and "release" in self.pages:
            page = self.show_page("release")
            assert isinstance(page, ReleasePage)
            page.open_batch(identifier)
        else:
            self.open_identifier(identifier)

    def on_record_scanned(self, ref: NodeRef) -> None:
        if not self._accepts_scans():
            return
        station = self.current_page()
        if QApplication.activeModalWidget() is not None:
            # a dialog is open: a scan landing in one of its ordinary fields must not open a
            # check or a trace on top of (or behind) what the person is doing
            self.show_scan_status(self.tr("Finish or close the open dialog first."), ok=False)
            return
        if ref.kind == "unit" and isinstance(station, LabelStationPage):
            # at the label station a bag's scan means "check its label" (issue 14), not "trace"
            station.scan_check.open_for_unit(ref.id)
            return
        cleanroom = station if isinstance(station, CleanroomPage) else None
        if ref.kind == "batch" and cleanroom is not None and cleanroom.open_batch(ref.id):
            # in the cleanroom a batch's scan means "work on this batch" (its traveller)
            self.show_scan_status(
                self.tr("Scan accepted: opening {0}.").format(kind_label(ref.kind)), ok=True
            )
            return
        page = self.show_page("trace")
        assert isinstance(page, TracePage)
        page.open_ref(ref)
        accepted = self.tr("Scan accepted: opening {0}.").format(kind_label(ref.kind))
        if self.router.also_read:  # what else the bag's code holds, named, not dropped
            accepted += " " + self.tr("Also read: {0}.").format(self.router.also_read)
        self.show_scan_status(accepted, ok=True)

    def on_badge_scanned(self, scan: BadgeScan) -> None:
        if self.ctx.user is None or not self.isVisible():
            return
        badge = scan.holder
        if self.lock.is_locked:
            return  # the lock screen reads its own badge scans; capture never sees it
        if badge.username == self.ctx.username:
            self.show_scan_status(
                self.tr("Badge: {0} is signed in.").format(badge.full_name), ok=True
            )
        else:
            self.show_scan_status(
                self.tr("Badge of {0}: sign out first to switch user.").format(badge.full_name),
                ok=False,
            )

    def show_connection(self) -> None:
        """Glyph + words, not colour alone; above the navigation so no page can hide it."""
        online = self.connection.online
        if online:
            self.connection_status.setText(self.tr("● Online"))
        else:
            self.connection_status.setText(
                self.tr("⚠ Database offline — nothing is saved until the connection returns")
            )
        self.connection_status.setAccessibleName(self.connection_status.text())
        set_ok(self.connection_status, online)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.ctx.user is not None:
            # On the GUI thread: the process may end before a background call would run.
            try:
                self.ctx.core.sessions.sign_out(
                    self.ctx.username, trigger=SignOutTrigger.APP_CLOSED
                )
            except Exception as exc:  # noqa: BLE001 - closing must never be blocked
                log.warning("sign-out on close not recorded: %s", type(exc).__name__)
        self.connection.stop()
        self.live.stop()
        super().closeEvent(event)

    def show_scan_status(self, text: str, ok: bool) -> None:
        self.scan_status.setProperty("ok", ok)
        self.scan_status.setText(("✔ " if ok else "✖ ") + visible(text))
        self.scan_status.style().unpolish(self.scan_status)
        self.scan_status.style().polish(self.scan_status)
