"""Witnessed destruction of one product unit: reason, method, note, two signatures.

The signed-in user performs (re-entering their own password, meaning: performed); a
*different* person witnesses with their own user name and password (meaning: verified).
The form proposes the reasons the unit's records make true and the biohazard route for an
infectious donor's unit; every rule that counts is the core's (DisposalService), and a
refusal stays in the dialog so the user can correct and retry.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from gui.context import AppContext
from gui.dialogs.signoff import SecondPersonDialog
from gui.i18n import LANGUAGE, capitalised, format_datetime
from gui.operations import Operation, error_text, run_op
from gui.status_style import status_text
from models.chain.disposal import QA_REASONS, Assessment, DestructionMethod, DestructionReason
from models.i18n import render, term


def reason_text(code: str) -> str:
    """A destruction reason code in the user's language (the home page lists them too): the
    domain catalogue's words, the same the core's refusals use."""
    return capitalised(term("destruction_reason", code).message(LANGUAGE.code))


def _reason_choice(reason: DestructionReason) -> str:
    text = reason_text(reason.value)
    if reason in QA_REASONS:
        text += render("destruction.qa_with_note", LANGUAGE.code)
    return text


class DestroyUnitDialog(SecondPersonDialog):
    """Emits the custody event id of the destruction."""

    def __init__(self, ctx: AppContext, unit: int | str, parent: QWidget | None = None) -> None:
        super().__init__(
            summary="",
            sign_label=QCoreApplication.translate("DestroyUnitDialog", "Sign and destroy"),
            title=QCoreApplication.translate("DestroyUnitDialog", "Witnessed destruction"),
            parent=parent,
        )
        self.setObjectName("destroyUnitDialog")
        self._ctx = ctx
        self.assessment: Assessment | None = None
        self.reason = QComboBox(objectName="destroyReason")
        for reason_code in DestructionReason:
            self.reason.addItem(_reason_choice(reason_code), reason_code.value)
        self.method = QComboBox(objectName="destroyMethod")
        for method_code in DestructionMethod:
            words = term("destruction_method", method_code).message(LANGUAGE.code)
            self.method.addItem(capitalised(words), method_code.value)
        self.note = QPlainTextEdit(objectName="destroyNote")
        self.note.setFixedHeight(80)
        self.own_password = QLineEdit(
            objectName="performerPassword", echoMode=QLineEdit.EchoMode.Password
        )
        form = self.findChild(QFormLayout)  # the base dialog's verifier form
        assert isinstance(form, QFormLayout)
        for row, (label, widget) in enumerate(
            [
                (self.tr("Reason"), self.reason),
                (self.tr("Method"), self.method),
                (self.tr("Note"), self.note),
                (self.tr("Your password ({0})").format(ctx.username), self.own_password),
            ]
        ):
            form.insertRow(row, label, widget)
        for field, text in (
            (self.username, self.tr("Witness user name")),
            (self.password, self.tr("Witness password")),
        ):
            field_label = form.labelForField(field)
            if field_label is not None:
                field_label.setProperty("text", text)
        self.summary.setText(self.tr("Loading unit…"))
        self.sign_button.setEnabled(False)
        self.username.textChanged.connect(self._on_username_changed)
        self.resize(680, 520)
        disposal = ctx.core.chain.disposal
        self.loading: Operation = run_op(
            parent=self,
            op=lambda _p: disposal.assess(unit),
            on_success=self._on_assessed,
            on_failure=lambda exc: self._show(error_text(exc), allow=False),
        )

    def _on_assessed(self, found: Assessment) -> None:
        self.assessment = found
        lines = [
            self.tr("Unit {0} of batch {1}: {2}, {3}{4}, at {5}.").format(
                found.unit,
                found.batch,
                status_text(found.quality_status),
                status_text(found.disposition),
                self.tr(", recalled") if found.recalled else "",
                found.where,
            ),
            self.tr("Expires {0}.").format(format_datetime(found.expires_at))
            if found.expires_at
            else "",
            self.tr("Thawed; use by {0}.").format(format_datetime(found.use_by))
            if found.use_by
            else "",
            self.tr("Infectious donor: biohazard route.") if found.infectious else "",
            self.tr(
                "You ({0}) destroy it and sign (meaning: performed); a second person "
                "witnesses and signs with their own password (meaning: verified)."
            ).format(self._ctx.username),
        ]
        self.summary.setText(" ".join(line for line in lines if line))
        if found.true_reasons:
            self.reason.setCurrentIndex(self.reason.findData(found.true_reasons[0]))
        else:
            self.reason.setCurrentIndex(self.reason.findData(DestructionReason.DAMAGED.value))
        if found.infectious:
            self.method.setCurrentIndex(self.method.findData(DestructionMethod.BIOHAZARD.value))
        if found.blocked:
            blocked = found.blocked.message(LANGUAGE.code)
            self._show(self.tr("This unit cannot be destroyed: {0}.").format(blocked), allow=False)
        else:
            self.allow_sign(not self._same_person(self.username.text()))
            # recalled, moved or destroyed at another station while the form is open
            self.watch_record(self._ctx, "product_unit", found.unit_id, found.version, found.unit)

    def _same_person(self, text: str) -> bool:
        return text.strip().lower() == self._ctx.username.lower()

    def _on_username_changed(self, text: str) -> None:
        if self.assessment is None or self.assessment.blocked or self.outdated:
            return
        same = self._same_person(text)
        if same:
            self._show(
                self.tr("{0} destroys this unit; a second person must witness.").format(
                    text.strip()
                ),
                allow=False,
            )
        else:
            self.error.hide()
        self.allow_sign(not same)

    def _show(self, text: str, allow: bool = True) -> None:
        super()._show(text)
        self.allow_sign(allow and self.assessment is not None)

    def sign_op(self, username: str, password: str) -> Callable[[Any], int]:
        assert self.assessment is not None
        disposal, actor, unit = self._ctx.core.chain.disposal, self._ctx.username, self.assessment
        own = self.own_password.text()
        self.own_password.clear()  # a signature is typed afresh for every attempt
        reason, method = str(self.reason.currentData()), str(self.method.currentData())
        note = self.note.toPlainText().strip()

        def destroy(_progress: Any) -> int:
            return disposal.destroy_unit(
                actor=actor,
                password=own,
                unit_code=unit.unit,
                reason=reason,
                method=method,
                witness=username,
                witness_password=password,
                note=note or None,
                expected_version=unit.version,
            ).event_id

        return destroy

    def _on_signed(self, record_id: int) -> None:
        self._ctx.events.records_changed.emit("product_unit")
        super()._on_signed(record_id)
