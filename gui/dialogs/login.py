"""Sign-in: user name (or badge scan) and password; failures are explained, not hidden."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.context import AppContext
from gui.i18n import LANGUAGE
from gui.operations import Progress, error_text, run_op
from gui.scan_router import BadgeScan, ScanRouter
from gui.session import SessionUser


class LoginDialog(QDialog):
    def __init__(self, ctx: AppContext, router: ScanRouter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self._ctx = ctx
        self.user: SessionUser | None = None
        self.title = QLabel(
            "CellTrail", objectName="appTitle", alignment=Qt.AlignmentFlag.AlignCenter
        )
        self.station = QLabel(objectName="stationLabel", alignment=Qt.AlignmentFlag.AlignCenter)
        self.hint = QLabel(wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.username = QLineEdit(objectName="username")
        self.password = QLineEdit(objectName="password", echoMode=QLineEdit.EchoMode.Password)
        self.sign_in = QPushButton(objectName="primaryButton", default=True)
        self.language = QPushButton(objectName="languageButton")
        self.error = QLabel(objectName="errorLabel", wordWrap=True)
        self.error.hide()
        self.form = QFormLayout()
        self.user_label, self.password_label = QLabel(), QLabel()
        self.form.addRow(self.user_label, self.username)
        self.form.addRow(self.password_label, self.password)
        buttons = QHBoxLayout()
        buttons.addWidget(self.language)
        buttons.addStretch(1)
        buttons.addWidget(self.sign_in)
        layout = QVBoxLayout(self)
        for widget in (self.title, self.station, self.hint):
            layout.addWidget(widget)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        names = [u.username for u in ctx.core.people_reads.users(active_only=True)]
        self.username.setCompleter(QCompleter(names, self))
        self.sign_in.clicked.connect(self.on_sign_in_clicked)
        self.password.returnPressed.connect(self.on_sign_in_clicked)
        self.language.clicked.connect(self.on_language_clicked)
        router.badge_scanned.connect(self.on_badge)
        self.retranslate()
        self.resize(640, 460)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("CellTrail – sign in"))
        self.station.setText(f"{self._ctx.station.role_text} · {self._ctx.station.name}")
        self.hint.setText(self.tr("Scan your badge or enter your user name and password."))
        self.user_label.setText(self.tr("User name"))
        self.password_label.setText(self.tr("Password"))
        self.sign_in.setText(self.tr("Sign in"))
        self.language.setText("English" if LANGUAGE.code == "zh" else "中文")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def on_language_clicked(self) -> None:
        LANGUAGE.switch("en" if LANGUAGE.code == "zh" else "zh")

    def on_badge(self, scan: BadgeScan) -> None:
        """A badge identifies; the password still authenticates (two components, Part 11)."""
        if not self.isVisible():
            return
        badge = scan.holder
        self.username.setText(badge.username)
        self.password.clear()
        self.password.setFocus()
        self._show(
            self.tr("Badge of {0}: enter the password.").format(badge.full_name), error=False
        )

    def on_sign_in_clicked(self) -> None:
        username, password = self.username.text().strip(), self.password.text()
        self.password.clear()
        if not username:
            self._show(self.tr("Enter your user name or scan your badge."))
            return
        self.sign_in.setEnabled(False)
        accounts = self._ctx.core.accounts

        def op(_progress: Progress) -> SessionUser:
            name = accounts.authenticate(username, password)
            return SessionUser(
                username, name, frozenset(r.value for r in accounts.roles_of(username))
            )

        run_op(parent=self, op=op, on_success=self._on_signed_in, on_failure=self._on_failed)

    def _on_signed_in(self, user: SessionUser) -> None:
        self.sign_in.setEnabled(True)
        self.user = user
        self.error.hide()
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.sign_in.setEnabled(True)
        self._show(error_text(exc))
        self.password.setFocus()

    def _show(self, text: str, error: bool = True) -> None:
        self.error.setProperty("info", not error)
        self.error.setText(("✖ " if error else "ℹ ") + text)
        self.error.style().unpolish(self.error)
        self.error.style().polish(self.error)
        self.error.show()
