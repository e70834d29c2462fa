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
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from gui.context import AppContext
from gui.i18n import word
from gui.operations import Operation, error_text, run_op
from gui.stale_watch import StaleWatch, WatchesRecord
from models.chain.records import StepRow
from models.kernel.record_version import RecordChangedError


class SecondPersonDialog(QDialog, WatchesRecord):
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
        self.watch: StaleWatch | None = None  # the record signed for, if it has a version
        self.resize(600, 340)

    def action_button(self) -> QAbstractButton:
        return self.sign_button

    def show_outdated(self, text: str) -> None:
        self._show(text)

    def allow_sign(self, allowed: bool) -> None:
        """Enable signing as the form allows, never on a record changed underneath."""
        self.sign_button.setEnabled(allowed and not self.outdated)

    def sign_op(self, username: str, password: str) -> Callable[[Any], int]:
        """The core call that signs; it runs on the database thread and returns an id."""
        raise NotImplementedError

    def on_sign_clicked(self) -> Operation:
        username, password = self.username.text().strip(), self.password.text()
        self.password.clear()
        self.sign_button.setEnabled(False)
        if self.watch is not None:
            self.watch.pause()  # this dialog's own commit is not another station's change
        return run_op(
            parent=self,
            op=self.sign_op(username, password),
            on_success=self._on_signed,
            on_failure=self._on_refused,
        )

    def _on_refused(self, exc: BaseException) -> None:
        if self.watch is not None:
            self.watch.resume()
        self._show(error_text(exc))
        if isinstance(exc, RecordChangedError):
            self.sign_button.setEnabled(False)  # the refusal says who; the watch confirms

    def _on_signed(self, record_id: int) -> None:
        if self.watch is not None:
            self.watch.stop()
        self.signed.emit(record_id)
        self.accept()

    def _show(self, text: str) -> None:
        self.allow_sign(True)
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
        self.watch_record(ctx, "process_step", step.id, step.version or None)

    def _on_username_changed(self, text: str) -> None:
        if self.outdated:
            return  # the record changed underneath: that warning stays
        same = text.strip().lower() == self._step.performed_by.lower()
        if same:
            self._show(
                self.tr("{0} performed this step; a second person must verify.").format(
                    text.strip()
                )
            )
        else:
            self.error.hide()
        self.allow_sign(not same)

    def sign_op(self, username: str, password: str) -> Callable[[Any], int]:
        steps, step_id, version = self._ctx.core.steps, self._step.id, self._step.version or None

        def verify(_progress: Any) -> int:
            steps.verify_step(
                step_id=step_id, username=username, password=password, expected_version=version
            )
            return step_id

        return verify

    def _on_signed(self, record_id: int) -> None:
        self._ctx.events.records_changed.emit("process_step")
        super()._on_signed(record_id)
