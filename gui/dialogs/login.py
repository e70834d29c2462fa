"""Sign-in: user name (or badge scan) and password; failures are explained, not hidden.

Typed with real keys at any speed (a person, a password manager, a badge scanner): the
user-name completer completes inline, so no popup takes the keys; Enter or Tab in the user
name moves to the password.  The dialog asks for credentials, so the application-wide scan
capture never sees it: a badge scanned into the user-name field is recognised here.
"""

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
from gui.scan_router import CREDENTIALS
from gui.session import SessionUser
from models.demo.marker import DEMO_PASSWORD, demo_accounts
from models.identity.people import UserSummary


class LoginDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.setProperty(CREDENTIALS, True)
        self._ctx = ctx
        self.user: SessionUser | None = None
        self.title = QLabel(
            "CellTrail", objectName="appTitle", alignment=Qt.AlignmentFlag.AlignCenter
        )
        self.station = QLabel(objectName="stationLabel", alignment=Qt.AlignmentFlag.AlignCenter)
        self.hint = QLabel(wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.demo = QLabel(objectName="demoAccounts", wordWrap=True)
        self.demo_accounts = demo_accounts(ctx.core)
        self.demo.setVisible(bool(self.demo_accounts))
        self.username = QLineEdit(objectName="username")
        self.password = QLineEdit(objectName="password", echoMode=QLineEdit.EchoMode.Password)
        # Not the dialog's default button: Enter in the user name moves on to the password,
        # it must not also try to sign in with an empty one (a failure that counts).
        self.sign_in = QPushButton(objectName="primaryButton", autoDefault=False)
        self.language = QPushButton(objectName="languageButton", autoDefault=False)
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
        layout.addWidget(self.demo)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.username.setCompleter(user_name_completer(ctx, self))
        self.username.returnPressed.connect(self.on_username_entered)
        self.sign_in.clicked.connect(self.on_sign_in_clicked)
        self.password.returnPressed.connect(self.on_sign_in_clicked)
        self.language.clicked.connect(self.on_language_clicked)
        self.retranslate()
        self.username.setFocus()
        self.resize(640, 520 if self.demo_accounts else 460)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("CellTrail – sign in"))
        self.station.setText(f"{self._ctx.station.role_text} · {self._ctx.station.name}")
        self.hint.setText(self.tr("Scan your badge or enter your user name and password."))
        self.user_label.setText(self.tr("User name"))
        self.password_label.setText(self.tr("Password"))
        self.sign_in.setText(self.tr("Sign in"))
        self.language.setText("English" if LANGUAGE.code == "zh" else "中文")
        self.demo.setText(
            self.tr(
                "Demo database. Accounts: {0}. Password: the one given to 'celltrail demo' "
                "(by default {1})."
            ).format(", ".join(self.demo_accounts), DEMO_PASSWORD)
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def on_language_clicked(self) -> None:
        LANGUAGE.switch("en" if LANGUAGE.code == "zh" else "zh")

    def on_username_entered(self) -> None:
        """Enter after the user name: a badge code (scanners end with Enter) names its
        holder; anything else is taken as the user name. Either way the password is next."""
        badge = self._ctx.core.people_reads.by_badge(self.username.text().strip())
        if badge is not None:
            self.on_badge(badge)
        else:
            self.password.setFocus()

    def on_badge(self, badge: UserSummary) -> None:
        """A badge identifies; the password still authenticates (two components, Part 11)."""
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


def user_name_completer(ctx: AppContext, parent: QWidget) -> QCompleter:
    """Inline completion from the sorted names: no popup window to take the keys, and a
    name typed in full is never completed into a longer one ("li" stays "li", not "liu")."""
    names = sorted(u.username for u in ctx.core.people_reads.users(active_only=True))
    completer = QCompleter(names, parent)
    completer.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)
    completer.setModelSorting(QCompleter.ModelSorting.CaseSensitivelySortedModel)
    return completer
