"""Inactivity auto-lock: after N idle minutes the screen locks until the same user returns.

Unlock takes that user's password or badge.  Anyone else must sign the user out and sign
in themselves, so every record stays attributable to whoever was really at the keyboard.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from gui.context import AppContext
from gui.operations import error_text, run_op
from gui.scan_router import BadgeScan
from models.identity.sessions import LockTrigger

log = logging.getLogger(__name__)

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class InactivityLock(QObject):
    """Application event filter that restarts a timer on every input event."""

    locked = Signal()
    unlocked = Signal()
    sign_out_requested = Signal()

    def __init__(self, ctx: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self._ctx, self._window = ctx, window
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(lambda: self.lock(LockTrigger.IDLE))
        self.dialog: LockDialog | None = None
        self.set_minutes(ctx.station.lock_minutes)

    @property
    def is_locked(self) -> bool:
        return self.dialog is not None

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
        self.dialog = LockDialog(self._ctx, self._window)
        self.dialog.unlocked.connect(self._on_unlocked)
        self.dialog.sign_out_requested.connect(self._on_sign_out)
        self.dialog.show()
        self.locked.emit()
        # The screen locks first and whatever happens; the audit entry follows. If the
        # database is offline the header already says so, and the lock must not wait for it.
        username = self._ctx.username
        run_op(
            parent=self._window,
            op=lambda _p: self._ctx.core.sessions.lock(username, trigger=trigger),
            on_failure=lambda exc: log.warning("screen lock not recorded: %s", type(exc).__name__),
        )

    def try_badge(self, scan: BadgeScan) -> None:
        if self.dialog is not None:
            self.dialog.on_badge(scan)

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.release()
            self.dialog = None

    def _on_unlocked(self) -> None:
        self._close_dialog()
        self._timer.start()
        self.unlocked.emit()

    def _on_sign_out(self) -> None:
        self._close_dialog()
        self.sign_out_requested.emit()


class LockDialog(QDialog):
    """Modal cover over the main window; Esc and the close button do nothing."""

    unlocked = Signal()
    sign_out_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("lockDialog")
        self.setModal(True)
        self._ctx, self._may_close = ctx, False
        self.title = QLabel(objectName="lockTitle", alignment=Qt.AlignmentFlag.AlignCenter)
        self.info = QLabel(wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password, objectName="lockPassword")
        self.unlock_button = QPushButton(objectName="primaryButton", default=True)
        self.sign_out_button = QPushButton()
        self.error = QLabel(objectName="errorLabel", wordWrap=True)
        self.error.hide()
        layout = QVBoxLayout(self)
        for widget in (
            self.title,
            self.info,
            self.password,
            self.unlock_button,
            self.error,
            self.sign_out_button,
        ):
            layout.addWidget(widget)
        self.unlock_button.clicked.connect(self.on_unlock_clicked)
        self.password.returnPressed.connect(self.on_unlock_clicked)
        self.sign_out_button.clicked.connect(self.sign_out_requested)
        self.retranslate()
        self.resize(520, 360)

    def retranslate(self) -> None:
        user = self._ctx.user
        self.setWindowTitle(self.tr("Workstation locked"))
        self.title.setText(self.tr("Locked"))
        self.info.setText(
            self.tr("Signed in: {0}. Scan your badge or enter your password to continue.").format(
                user.full_name if user else ""
            )
        )
        self.password.setPlaceholderText(self.tr("Password"))
        self.unlock_button.setText(self.tr("Unlock"))
        self.sign_out_button.setText(self.tr("Another user? Sign out"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def on_unlock_clicked(self) -> None:
        username, password = self._ctx.username, self.password.text()
        self.password.clear()
        self.unlock_button.setEnabled(False)
        run_op(
            parent=self,
            op=lambda _p: self._ctx.core.sessions.unlock_with_password(username, password),
            on_success=lambda _name: self.unlocked.emit(),
            on_failure=self._show_error,
        )

    def on_badge(self, scan: BadgeScan) -> None:
        """The core decides: only the locked user's own badge opens the session again."""
        username = self._ctx.username
        run_op(
            parent=self,
            op=lambda _p: self._ctx.core.sessions.unlock_with_badge(username, scan.code),
            on_success=lambda _name: self.unlocked.emit(),
            on_failure=self._show_error,
        )

    def _show_error(self, exc: BaseException) -> None:
        self._show_message(error_text(exc))

    def _show_message(self, text: str) -> None:
        self.unlock_button.setEnabled(True)
        self.error.setText(f"✖ {text}")
        self.error.show()

    def release(self) -> None:
        self._may_close = True
        self.close()
        self.deleteLater()

    def reject(self) -> None:
        if self._may_close:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self._may_close:
            event.accept()
        else:
            event.ignore()
