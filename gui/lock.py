"""Inactivity auto-lock: after N idle minutes the screen locks until the same user returns.

The lock replaces the whole window's content (a page of the window's top-level stack), so
nothing of the data stays readable, and hides the window's open dialogs until unlock.
Unlock takes that user's password or badge, both typed or scanned into the one field.
Anyone else must sign the user out and sign in themselves, so every record stays
attributable to whoever was really at the keyboard.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gui.context import AppContext
from gui.operations import error_text, run_op
from gui.scan_router import CREDENTIALS
from models.identity.sessions import LockTrigger

log = logging.getLogger(__name__)
PANEL_WIDTH = 680

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class InactivityLock(QObject):
    """Application event filter that restarts a timer on every input event.

    ``host`` is the window's top-level stack: its current page is the work, and the lock
    screen is put on top of it while locked."""

    locked = Signal()
    unlocked = Signal()
    sign_out_requested = Signal()

    def __init__(self, ctx: AppContext, window: QWidget, host: QStackedWidget) -> None:
        super().__init__(window)
        self._ctx, self._window, self._host = ctx, window, host
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(lambda: self.lock(LockTrigger.IDLE))
        self.screen: LockScreen | None = None
        self._hidden: list[QWidget] = []
        self.set_minutes(ctx.station.lock_minutes)

    @property
    def is_locked(self) -> bool:
        return self.screen is not None

    def set_minutes(self, minutes: float) -> None:
        self.set_timeout_ms(int(minutes * 60_000))

    def set_timeout_ms(self, ms: int) -> None:
        self._timer.setInterval(max(ms, 1))
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in _ACTIVITY and not self.is_locked and self._ctx.user:
            self._timer.start()
        return False

    def lock(self, trigger: LockTrigger = LockTrigger.MANUAL) -> None:
        if self.is_locked or self._ctx.user is None:
            return
        self.screen = LockScreen(self._ctx)
        self.screen.unlocked.connect(self._on_unlocked)
        self.screen.sign_out_requested.connect(self._on_sign_out)
        self._hide_dialogs()
        self._host.addWidget(self.screen)
        self._host.setCurrentWidget(self.screen)
        self.screen.password.setFocus()
        self.locked.emit()
        # The screen locks first and whatever happens; the audit entry follows. If the
        # database is offline the header already says so, and the lock must not wait for it.
        username = self._ctx.username
        run_op(
            parent=self._window,
            op=lambda _p: self._ctx.core.sessions.lock(username, trigger=trigger),
            on_failure=lambda exc: log.warning("screen lock not recorded: %s", type(exc).__name__),
        )

    def _hide_dialogs(self) -> None:
        """Open dialogs of this window (a sign-off half done, a message) show data too: they
        are hidden while locked and come back, as they were, after unlock."""
        self._hidden = [
            widget
            for widget in QApplication.topLevelWidgets()
            if widget is not self._window
            and widget.isVisible()
            and _belongs_to(widget, self._window)
        ]
        for widget in self._hidden:
            widget.hide()

    def _close_screen(self) -> None:
        screen, self.screen = self.screen, None
        if screen is not None:
            self._host.setCurrentIndex(0)
            self._host.removeWidget(screen)
            screen.deleteLater()

    def _on_unlocked(self) -> None:
        self._close_screen()
        hidden, self._hidden = self._hidden, []
        for widget in hidden:
            widget.show()
        self._timer.start()
        self.unlocked.emit()

    def _on_sign_out(self) -> None:
        self._close_screen()
        hidden, self._hidden = self._hidden, []
        for widget in hidden:
            widget.close()  # the next user must not find the previous user's dialogs
        self.sign_out_requested.emit()


def _belongs_to(widget: QWidget, window: QWidget) -> bool:
    """``isAncestorOf`` stops at window borders; a dialog's parent chain does not."""
    parent = widget.parentWidget()
    while parent is not None:
        if parent is window:
            return True
        parent = parent.parentWidget()
    return False


class LockScreen(QWidget):
    """Opaque, full-window; one field takes the password or the badge (a scanner types the
    badge code and Enter). It asks for credentials, so scan capture never sees it."""

    unlocked = Signal()
    sign_out_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.setProperty(CREDENTIALS, True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)  # opaque, from the QSS
        self._ctx = ctx
        self.title = QLabel(objectName="lockTitle", alignment=Qt.AlignmentFlag.AlignCenter)
        self.info = QLabel(wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password, objectName="lockPassword")
        self.unlock_button = QPushButton(objectName="primaryButton", default=True)
        self.sign_out_button = QPushButton()
        self.error = QLabel(objectName="errorLabel", wordWrap=True)
        self.error.hide()
        panel = QFrame(objectName="lockPanel")
        # A fixed width lets the layout wrap a long refusal ("Only … can unlock …; sign …
        # out first") to its full height instead of cutting it off.
        panel.setFixedWidth(PANEL_WIDTH)
        inner = QVBoxLayout(panel)
        for widget in (
            self.title,
            self.info,
            self.password,
            self.unlock_button,
            self.error,
            self.sign_out_button,
        ):
            inner.addWidget(widget)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(panel)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.unlock_button.clicked.connect(self.on_unlock_clicked)
        self.password.returnPressed.connect(self.on_unlock_clicked)
        self.sign_out_button.clicked.connect(self.sign_out_requested)
        self.setFocusProxy(self.password)
        self.retranslate()

    def retranslate(self) -> None:
        user = self._ctx.user
        self.title.setText(self.tr("Locked"))
        self.info.setText(
            self.tr("Signed in: {0}. Scan your badge or enter your password to continue.").format(
                user.full_name if user else ""
            )
        )
        self.password.setPlaceholderText(self.tr("Password or badge"))
        self.unlock_button.setText(self.tr("Unlock"))
        self.sign_out_button.setText(self.tr("Another user? Sign out"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def on_unlock_clicked(self) -> None:
        """A badge code unlocks by badge (the core refuses anyone else's); anything else is
        the password. The entry is only compared, never shown or recorded."""
        username, entry = self._ctx.username, self.password.text()
        self.password.clear()
        if not entry:
            return
        self.unlock_button.setEnabled(False)
        core = self._ctx.core

        def op(_progress: object) -> str:
            if core.people_reads.by_badge(entry.strip()) is not None:
                return core.sessions.unlock_with_badge(username, entry.strip())
            return core.sessions.unlock_with_password(username, entry)

        run_op(
            parent=self,
            op=op,
            on_success=lambda _name: self.unlocked.emit(),
            on_failure=self._show_error,
        )

    def _show_error(self, exc: BaseException) -> None:
        self.unlock_button.setEnabled(True)
        self.error.setText(f"✖ {error_text(exc)}")
        self.error.show()
        self.password.setFocus()
