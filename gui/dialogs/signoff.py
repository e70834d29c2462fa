"""Second-person sign-off: a *different* user verifies with their own credentials.

The operator's session is not used: the verifier types (or badge-scans) their own user
name and enters their password, which is an e-signature (meaning "verified").  The GUI
warns early when the verifier is the performer; the rule that counts is in the core.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from gui.context import AppContext
from gui.i18n import LANGUAGE, word
from gui.operations import Operation, error_text, run_op
from gui.stale_watch import StaleWatch
from models.chain.records import StepRow
from models.kernel.record_version import RecordChange


class SecondPersonDialog(QDialog):
    """The shared form: a summary, the verifier's own user name and password, one sign button.

    Subclasses say what signing does (``sign_op``); refusals from the core stay in the dialog.
    """

    signed = Signal(int)

    def __init__(
        self, summary: str, sign_label: str, title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.summary = QLabel(summary, wordWrap=True, objectName="signOffSummary")
        self.username = QLineEdit(objectName="verifierUsername")
        self.password = QLineEdit(
            objectName="verifierPassword", echoMode=QLineEdit.EchoMode.Password
        )
        self.error = QLabel(objectName="errorLabel", wordWrap=True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.sign_button = self.buttons.addButton(
            sign_label, QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.sign_button.setObjectName("primaryButton")
        form = QFormLayout()
        form.addRow(self.tr("Verifier user name"), self.username)
        form.addRow(self.tr("Verifier password"), self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons, alignment=Qt.AlignmentFlag.AlignRight)
        self.buttons.rejected.connect(self.reject)
        self.sign_button.clicked.connect(self.on_sign_clicked)
        self.resize(600, 340)

    def sign_op(self, username: str, password: str) -> Callable[[Any], int]:
        """The core call that signs; it runs on the database thread and returns an id."""
        raise NotImplementedError

    def on_sign_clicked(self) -> Operation:
        username, password = self.username.text().strip(), self.password.text()
        self.password.clear()
        self.sign_button.setEnabled(False)
        return run_op(
            parent=self,
            op=self.sign_op(username, password),
            on_success=self._on_signed,
            on_failure=lambda exc: self._show(error_text(exc)),
        )

    def _on_signed(self, record_id: int) -> None:
        self.signed.emit(record_id)
        self.accept()

    def _show(self, text: str) -> None:
        self.sign_button.setEnabled(True)
        self.error.setText(f"✖ {text}")
        self.error.show()


class SignOffDialog(SecondPersonDialog):
    """Verify a process step (meaning: verified); emits the step id."""

    def __init__(
        self, ctx: AppContext, step: StepRow, batch: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            summary="",
            sign_label=QCoreApplication.translate("SignOffDialog", "Sign as verifier"),
            title=QCoreApplication.translate("SignOffDialog", "Second-person verification"),
            parent=parent,
        )
        self.setObjectName("signOffDialog")
        self._ctx, self._step = ctx, step
        self.summary.setText(
            self.tr(
                "Verify step “{0}” of batch {1}, performed by {2}. "
                "Your password is your electronic signature (meaning: verified)."
            ).format(word("process_step", step.name), batch, step.performed_by)
        )
        self.username.textChanged.connect(self._on_username_changed)
        # verified or voided at another station while this window is open: said before signing
        self.watch = StaleWatch(ctx, "process_step", step.id, self)
        if step.version:
            self.watch.read_at(step.version)
        self.watch.changed.connect(self._on_stale)

    def _on_stale(self, change: RecordChange) -> None:
        self._show(change.message(LANGUAGE.code))
        self.sign_button.setEnabled(False)

    def _on_username_changed(self, text: str) -> None:
        same = text.strip().lower() == self._step.performed_by.lower()
        if same:
            self._show(
                self.tr("{0} performed this step; a second person must verify.").format(
                    text.strip()
                )
            )
        else:
            self.error.hide()
        self.sign_button.setEnabled(not same)

    def sign_op(self, username: str, password: str) -> Callable[[Any], int]:
        steps, step_id, version = self._ctx.core.steps, self._step.id, self._step.version or None

        def verify(_progress: Any) -> int:
            steps.verify_step(
                step_id=step_id, username=username, password=password, expected_version=version
            )
            return step_id

        return verify

    def _on_signed(self, record_id: int) -> None:
        self.watch.stop()
        self._ctx.events.records_changed.emit("process_step")
        super()._on_signed(record_id)
