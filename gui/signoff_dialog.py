"""Second-person sign-off: a *different* user verifies with their own credentials.

The operator's session is not used: the verifier types (or badge-scans) their own user
name and enters their password, which is an e-signature (meaning "verified").  The GUI
warns early when the verifier is the performer; the rule that counts is in the core.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
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
from gui.operations import error_text, run_op
from models.queries.records import StepRow


class SignOffDialog(QDialog):
    signed = Signal(int)  # step id

    def __init__(
        self, ctx: AppContext, step: StepRow, batch: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signOffDialog")
        self._ctx, self._step = ctx, step
        self.setWindowTitle(self.tr("Second-person verification"))
        self.summary = QLabel(wordWrap=True, objectName="signOffSummary")
        self.summary.setText(
            self.tr(
                "Verify step “{0}” of batch {1}, performed by {2}. "
                "Your password is your electronic signature (meaning: verified)."
            ).format(step.name, batch, step.performed_by)
        )
        self.username = QLineEdit(objectName="verifierUsername")
        self.password = QLineEdit(
            objectName="verifierPassword", echoMode=QLineEdit.EchoMode.Password
        )
        self.error = QLabel(objectName="errorLabel", wordWrap=True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.sign_button = self.buttons.addButton(
            self.tr("Sign as verifier"), QDialogButtonBox.ButtonRole.AcceptRole
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
        self.username.textChanged.connect(self._on_username_changed)
        self.resize(600, 340)

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

    def on_sign_clicked(self) -> None:
        username, password, step_id = (
            self.username.text().strip(),
            self.password.text(),
            self._step.id,
        )
        self.password.clear()
        self.sign_button.setEnabled(False)
        steps = self._ctx.core.steps
        run_op(
            parent=self,
            op=lambda _p: steps.verify_step(step_id=step_id, username=username, password=password),
            on_success=self._on_signed,
            on_failure=lambda exc: self._show(error_text(exc)),
        )

    def _on_signed(self, _result: object) -> None:
        self._ctx.events.records_changed.emit("process_step")
        self.signed.emit(self._step.id)
        self.accept()

    def _show(self, text: str) -> None:
        self.sign_button.setEnabled(True)
        self.error.setText(f"✖ {text}")
        self.error.show()
