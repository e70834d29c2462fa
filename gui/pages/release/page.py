"""QA release desk: a batch's readiness (every blocker, failed and pending test) and the
decision: release with an e-signature, emergency release on a physician's request (only when
the core says it is possible), or reject with a reason.

The signer re-enters their own password (the session user is the signer); the core re-checks
every gate at signing time, so what this page shows is advice, the service decides.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.context import AppContext
from gui.dialogs.form import Field, FormDialog, Values, open_form
from gui.dialogs.qc_import import QcImportDialog
from gui.i18n import LANGUAGE, QT_TRANSLATE_NOOP, word
from gui.live_refresh import RefreshWhenShown
from gui.operations import Operation, Progress, error_text, run_op
from gui.status_style import set_ok, status_text
from gui.widgets.tables import wrapping_list
from models.cleanroom.work import ReleaseChoice
from models.quality.package import ItemState, PackageAttestation, PackageItem
from models.quality.release import PhysicianRequest, Readiness

DECIDED = ("released", "rejected", "recalled")
PACKAGE_ELEMENTS = {
    "request_form": QT_TRANSLATE_NOOP("Package", "Request form"),
    "preparation_record": QT_TRANSLATE_NOOP("Package", "Preparation record"),
    "qc_report": QT_TRANSLATE_NOOP("Package", "QC report"),
    "label": QT_TRANSLATE_NOOP("Package", "Label"),
    "packaging": QT_TRANSLATE_NOOP("Package", "Packaging"),
    "release_form": QT_TRANSLATE_NOOP("Package", "Release form"),
}
KINDS = {
    "standard": QT_TRANSLATE_NOOP("ReleasePage", "standard"),
    "rapid": QT_TRANSLATE_NOOP("ReleasePage", "rapid"),
}


class ReleasePage(QWidget):
    assessed = Signal(object)  # Readiness
    decided = Signal(str)  # "released" | "emergency" | "rejected"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("releasePage")
        self._ctx = ctx
        self.heading = QLabel(objectName="pageHeading")
        self.batch_combo = QComboBox(objectName="releaseBatchCombo")
        self.refresh_button = QPushButton()
        self.import_qc_button = QPushButton(objectName="importQcButton")
        self.banner = QLabel(objectName="readinessBanner", wordWrap=True)
        self.labels = [QLabel(objectName="sectionLabel") for _ in range(4)]
        self.blockers, self.failed, self.pending, self.checklist = (
            QListWidget(objectName=name)
            for name in ("blockerList", "failedList", "pendingList", "packageChecklist")
        )
        for listing in (self.blockers, self.failed, self.pending, self.checklist):
            wrapping_list(listing)  # every entry reads in full, never scrolled sideways
        self.package = QLabel(wordWrap=True, objectName="packageLabel")
        self.release_button = QPushButton(objectName="primaryButton")
        self.emergency_button, self.reject_button = QPushButton(), QPushButton()
        self.status = QLabel(objectName="pageStatus", wordWrap=True)
        self.status.hide()
        self.choices: list[ReleaseChoice] = []
        self._wanted: str | None = None  # the batch to select once the list is loaded
        self.readiness: Readiness | None = None
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addWidget(self.batch_combo, 1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.import_qc_button)
        lists = QHBoxLayout()
        for label, widget in zip(
            self.labels, (self.blockers, self.failed, self.pending, self.checklist), strict=True
        ):
            column = QVBoxLayout()
            column.addWidget(label)
            column.addWidget(widget)
            lists.addLayout(column, 2 if widget in (self.blockers, self.checklist) else 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.reject_button, self.emergency_button, self.release_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addLayout(lists, 1)
        layout.addWidget(self.package)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.batch_combo.currentIndexChanged.connect(lambda _i: self.assess())
        self.refresh_button.clicked.connect(self.load_batches)
        self.import_qc_button.clicked.connect(self.import_qc)
        self.release_button.clicked.connect(self.release)
        self.emergency_button.clicked.connect(self.emergency_release)
        self.reject_button.clicked.connect(self.reject)
        ctx.events.subscribe(
            self, ctx.events.user_changed, lambda _u: self.isVisible() and self.assess()
        )
        # Another station's work (QC results, labels, a decision) changes what QA sees here. An
        # open signing form keeps its fields: it signs the version it was opened on, and the
        # core refuses a stale one by name.
        self.live = RefreshWhenShown(ctx.events, self, self.load_batches)
        self._update_buttons()
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("QA release – batch"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.import_qc_button.setText(self.tr("Import QC results…"))
        for label, text in zip(
            self.labels,
            (
                self.tr("Blockers"),
                self.tr("Failed tests"),
                self.tr("Pending tests"),
                self.tr("Release package (6 elements)"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.release_button.setText(self.tr("Release (e-signature)…"))
        self.emergency_button.setText(self.tr("Emergency release…"))
        self.reject_button.setText(self.tr("Reject…"))
        for index, choice in enumerate(self.choices):  # the status words in the chosen language
            if index < self.batch_combo.count():
                self.batch_combo.setItemText(index, _choice_text(choice))
        if self.readiness is not None:
            self._show(self.readiness)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        if not self.choices:
            self.load_batches()
        super().showEvent(event)

    def load_batches(self) -> Operation:
        core, current = self._ctx.core, self.batch_combo.currentData()

        def op(_p: Progress) -> list[ReleaseChoice]:
            return core.cleanroom_reads.release_batches()

        def done(choices: list[ReleaseChoice]) -> None:
            self.choices = choices
            self.batch_combo.blockSignals(True)
            self.batch_combo.clear()
            for c in choices:
                self.batch_combo.addItem(_choice_text(c), c.id)
            wanted = next((c.id for c in choices if c.number == self._wanted), current)
            self._wanted = None
            index = self.batch_combo.findData(wanted)
            self.batch_combo.setCurrentIndex(max(index, 0))
            self.batch_combo.blockSignals(False)
            self.assess()

        return run_op(parent=self, op=op, on_success=done)

    def open_batch(self, number: str) -> None:
        """Show batch ``number`` (a row of the home work queue), loading the list first if
        it is not in it yet."""
        if any(c.number == number for c in self.choices):
            self.select_batch(number)
        else:
            self._wanted = number
            self.load_batches()

    def select_batch(self, number: str) -> None:
        choice = next(c for c in self.choices if c.number == number)
        self.batch_combo.setCurrentIndex(self.batch_combo.findData(choice.id))

    def assess(self) -> Operation | None:
        batch_id = self.batch_combo.currentData()
        if batch_id is None:
            return None
        release, user = self._ctx.core.quality.release, self._ctx.username
        return run_op(
            parent=self,
            op=lambda _p: release.readiness(batch_id, user),
            on_success=self._show,
            on_failure=lambda exc: self.say(error_text(exc), False),
        )

    def _show(self, r: Readiness) -> None:
        self.readiness = r
        self.blockers.clear()
        self.blockers.addItems([f"✖ {b.message(LANGUAGE.code)}" for b in r.blockers])
        set_ok(self.blockers, not r.blockers)  # amber frame only while something blocks
        self.failed.clear()
        self.failed.addItems([f"✖ {word('qc_test', t)}" for t in r.failed])
        self.pending.clear()
        self.pending.addItems([f"… {word('qc_test', t)}" for t in r.pending])
        self.checklist.clear()
        self.checklist.addItems([self._package_line(item) for item in r.package_items])
        if r.kind is not None:
            text, ok = (
                self.tr(
                    "✔ Batch {0} can be released ({1} release). Pending tests "
                    "stay listed in the release record."
                ).format(r.batch_number, self.tr(KINDS.get(r.kind.value, r.kind.value))),
                True,
            )
        else:
            text, ok = (
                self.tr("✖ Batch {0} cannot be released: {1} blocker(s).").format(
                    r.batch_number, len(r.blockers)
                ),
                False,
            )
            if r.emergency_possible:
                text += " " + self.tr(
                    "An emergency release on a physician's request is possible (QA head)."
                )
        self.banner.setText(text)
        set_ok(self.banner, ok)
        spec = r.package.get("specification") or {}
        self.package.setText(
            self.tr("Specification {0} v{1} · {2} unit(s) in the package").format(
                spec.get("code", "–"), spec.get("version", "–"), len(r.package.get("units", ()))
            )
        )
        self._update_buttons()
        self.assessed.emit(r)

    def _package_line(self, item: PackageItem) -> str:
        """Glyph and words for one element: proved, to attest when signing, or blocked."""
        name = QCoreApplication.translate("Package", PACKAGE_ELEMENTS[item.element.value])
        state = {
            ItemState.PROVED: self.tr("✔ {0}: in the records"),
            ItemState.ATTEST: self.tr("☐ {0}: attest when signing"),
            ItemState.BLOCKED: self.tr("✖ {0}: not in order"),
        }[item.state].format(name)
        if item.steps:
            counts = self.tr("{0} step(s), {1} awaiting verification")
            return f"{state} ({counts.format(item.steps, item.unverified)})"
        return state

    def _attestation_fields(self) -> list[Field]:
        """What QA attests with the signature; the batch record number only when no step
        was recorded electronically. The request form is never attested: the preparation
        request on record proves it (R-RCV-01)."""
        fields = [Field("packaging", self.tr("Container and packaging checked"), "check")]
        r = self.readiness
        paper = r is not None and any(
            i.element.value == "preparation_record" and i.state is ItemState.ATTEST
            for i in r.package_items
        )
        if paper:
            fields.append(Field("batch_record", self.tr("Batch record number (paper)")))
        return fields

    @staticmethod
    def _attestation(v: Values) -> PackageAttestation:
        return PackageAttestation(
            packaging_checked=bool(v.get("packaging")),
            batch_record_ref=v.get("batch_record") or "",
        )

    def _update_buttons(self) -> None:
        r = self.readiness
        status = next(
            (c.status for c in self.choices if c.id == self.batch_combo.currentData()), ""
        )
        self.release_button.setEnabled(r is not None and r.kind is not None)
        self.emergency_button.setEnabled(r is not None and r.emergency_possible)
        self.reject_button.setEnabled(r is not None and status not in DECIDED)

    def import_qc(self) -> QcImportDialog:
        """Instrument/LIMS results file: preview, then sign; the readiness is re-assessed."""
        dialog = QcImportDialog(self._ctx, self)
        dialog.imported.connect(lambda _report: self.assess())
        dialog.open()
        return dialog

    # -- decisions -------------------------------------------------------------------------

    def release(self) -> FormDialog | None:
        r, batch_id = self.readiness, self.batch_combo.currentData()
        if r is None or batch_id is None:
            return None
        release, user = self._ctx.core.quality.release, self._ctx.username
        return self._sign(
            self.tr("Release batch {0}").format(r.batch_number),
            self.tr(
                "You ({0}) release batch {1}. Re-enter your password: it is your electronic "
                "signature (meaning: released) over the release package."
            ).format(user, r.batch_number),
            self._attestation_fields(),
            self.tr("Sign release"),
            lambda v: release.release_batch(
                batch_id=batch_id,
                attestation=self._attestation(v),
                username=user,
                password=v["password"],
                expected_version=r.version,
            ),
            "released",
        )

    def emergency_release(self) -> FormDialog | None:
        r, batch_id = self.readiness, self.batch_combo.currentData()
        if r is None or batch_id is None:
            return None
        release, user = self._ctx.core.quality.release, self._ctx.username

        def action(v: Values) -> int:
            request = PhysicianRequest(v["physician"], v["at"], v["justification"])
            return release.emergency_release(
                batch_id=batch_id,
                request=request,
                attestation=self._attestation(v),
                username=user,
                password=v["password"],
                expected_version=r.version,
            )

        return self._sign(
            self.tr("Emergency release of batch {0}").format(r.batch_number),
            self.tr(
                "Only on a physician's written request for a patient at risk of death or "
                "serious illness. Failed: {0}."
            ).format(", ".join(r.failed) or "–"),
            [
                Field("physician", self.tr("Requesting physician")),
                Field("at", self.tr("Requested at"), QT_TRANSLATE_NOOP("Blocker", "datetime")),
                Field("justification", self.tr("Medical justification"), "multiline"),
                *self._attestation_fields(),
            ],
            self.tr("Sign emergency release"),
            action,
            "emergency",
        )

    def reject(self) -> FormDialog | None:
        r, batch_id = self.readiness, self.batch_combo.currentData()
        if r is None or batch_id is None:
            return None
        release, user = self._ctx.core.quality.release, self._ctx.username
        return self._sign(
            self.tr("Reject batch {0}").format(r.batch_number),
            self.tr("Rejected units can never be released."),
            [Field("reason", self.tr("Reason"), "multiline")],
            self.tr("Sign rejection"),
            lambda v: release.reject_batch(
                batch_id=batch_id,
                reason=v["reason"],
                username=user,
                password=v["password"],
                expected_version=r.version,
            ),
            "rejected",
        )

    def _sign(
        self, title: str, summary: str, fields: list[Field], submit: str, action: Any, outcome: str
    ) -> FormDialog:
        fields = [
            *fields,
            Field(
                "password", self.tr("Your password ({0})").format(self._ctx.username), "password"
            ),
        ]
        dialog = open_form(
            self,
            title=title,
            summary=summary,
            fields=fields,
            submit=submit,
            action=action,
            on_success=lambda: self._decided(outcome),
            name="releaseDialog",
        )
        r, batch_id = self.readiness, self.batch_combo.currentData()
        if r is not None and isinstance(batch_id, int):
            # held, released or rejected at another station while QA reads the package
            dialog.watch_record(self._ctx, "batch", batch_id, r.version, r.batch_number)
        return dialog

    def _decided(self, outcome: str) -> None:
        texts = {
            "released": self.tr("Batch released."),
            "emergency": self.tr(
                "Batch emergency-released; the failed results stay on the record."
            ),
            "rejected": self.tr("Batch rejected."),
        }
        self.say(texts[outcome], True)
        self._ctx.events.records_changed.emit("release")
        self.load_batches()
        self.decided.emit(outcome)

    def say(self, text: str, ok: bool | None) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))
        set_ok(self.status, ok)


def _choice_text(choice: ReleaseChoice) -> str:
    return f"{choice.number}  ·  {status_text(choice.status)}"
