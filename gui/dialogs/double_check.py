"""The second-person double-check of one printed label, built around the scan (R-LBL-06, S3).

1. The label's symbol is scanned: the core compares it with the record at once
   (``compare_scan``).  A mismatch rejects the label and stops the line there and then; the
   dialog shows STOP and nothing to tick.  Fields the scan confirmed are shown as matched.
2. The verifier confirms what only eyes can check - the printed text no symbol carries, the
   print quality and the right container - each item its own tick, or one press per group
   when every item in it matches.
3. The verifier scans their badge (identifies) and types their password (authenticates in
   the core's signature re-authentication); the station's user stays signed in.

``verify_label`` compares the scan again and decides; the GUI's guards are conveniences.
A matching label takes six actions: scan, two group confirmations, badge, password, sign.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from gui.context import AppContext
from gui.i18n import LANGUAGE
from gui.label_field_names import label_field_name
from gui.operations import Operation, Progress, error_text, run_op
from gui.stale_watch import StaleWatch
from gui.widgets.badge_signer import BadgeSigner
from gui.widgets.check_group import CheckGroup
from gui.widgets.label_preview import LabelPreview, printer_dpi
from gui.widgets.scan_line_edit import ScanLineEdit, visible
from models.identity.people import UserSummary
from models.kernel.record_version import RecordChange, RecordChangedError
from models.labeling.checks import ScanComparison, VerificationResult


class DoubleCheckDialog(QDialog):
    loaded = Signal()
    compared = Signal(object)  # ScanComparison of a matching scan
    verified = Signal(object)  # VerificationResult, accepted
    stopped = Signal(object)  # VerificationResult, mismatch: the line is stopped

    def __init__(self, ctx: AppContext, label_id: int, din: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("doubleCheckDialog")
        self._ctx, self.label_id, self._din = ctx, label_id, din
        self._people: tuple[str, ...] = ()
        self._values: dict[str, str] = {}
        self._scanned = ""  # the scan the core compared and found matching
        self._version: int | None = None  # the label's version as loaded (record_version)
        self._confirm_unticked = False
        self.setWindowTitle(self.tr("Label double-check"))
        self.summary = QLabel(wordWrap=True, objectName="formSummary")
        self.preview = LabelPreview(self)
        self.scan = ScanLineEdit(self)
        self.scan.setObjectName("labelScan")
        self.scan.setPlaceholderText(self.tr("Scan the Data Matrix of the printed label"))
        self.scan_echo = QLabel(objectName="scanEcho", wordWrap=True)
        self.matched = QLabel(objectName="matchedFields", wordWrap=True)
        self.text_group = CheckGroup(
            self.tr("2. Check by eye: the text no bar code carries"), "eye"
        )
        self.label_group = CheckGroup(self.tr("3. The label itself"), "physical")
        self.checks: dict[str, QCheckBox] = {}
        self.signer = BadgeSigner(ctx, self)
        self.password = self.signer.password
        self.message = QLabel(objectName="errorLabel", wordWrap=True)
        self.message.hide()
        self.stop_banner = QLabel(objectName="stopBanner", wordWrap=True)
        self.stop_banner.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.submit_button = self.buttons.addButton(
            self.tr("Sign double-check"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.submit_button.setObjectName("primaryButton")
        self.submit_button.setAutoDefault(False)  # Enter in the password field signs nothing
        self._build_layout()
        self._set_checking(False)
        # another station checking, voiding or rejecting this label meanwhile is said here
        self.watch = StaleWatch(ctx, "printed_label", label_id, self)
        self.watch.changed.connect(self._on_stale)
        self.buttons.rejected.connect(self.reject)
        self.submit_button.clicked.connect(self.submit)
        self.scan.scanned.connect(self._on_scanned)
        self.signer.identified.connect(self._on_verifier)
        for group in (self.text_group, self.label_group):
            group.changed.connect(self._on_ticked)
        # by keyboard: each group's button leads to the next step, the password to signing
        self.text_group.confirm_button.clicked.connect(self.label_group.confirm_button.setFocus)
        self.label_group.confirm_button.clicked.connect(self.signer.badge.setFocus)
        QWidget.setTabOrder(self.password, self.submit_button)
        self.resize(1180, 700)
        self._load()

    def _build_layout(self) -> None:
        left = QVBoxLayout()
        left.addWidget(self.preview, 1)
        left.addWidget(QLabel(self.tr("1. Scan the label"), objectName="sectionLabel"))
        left.addWidget(self.scan)  # shows what was read; scan_echo keeps it with GS made visible
        left.addWidget(self.matched)
        right = QVBoxLayout()
        right.addWidget(self.text_group)
        right.addWidget(self.label_group)
        right.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left, 5)
        body.addLayout(right, 6)
        # the signature shares the row of the buttons: the dialog fits a 768-pixel-high screen
        self.sign_label = QLabel(self.tr("4. Sign"), objectName="sectionLabel")
        sign = QHBoxLayout()
        sign.addWidget(self.sign_label, 0, Qt.AlignmentFlag.AlignTop)
        sign.addWidget(self.signer, 1)
        sign.addWidget(self.buttons, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.stop_banner)
        layout.addLayout(body, 1)
        layout.addLayout(sign)
        layout.addWidget(self.message)

    def _load(self) -> Operation:
        core, label_id = self._ctx.core, self.label_id

        def op(_p: Progress) -> tuple[Any, ...]:
            sheet = core.labeling.check_sheet(label_id)
            label = core.label_station_reads.label_to_check(label_id)
            people = (label.requested_by, label.printed_by)
            return sheet, label.content, label.printer, people, label.version

        return run_op(parent=self, op=op, on_success=self._on_loaded)

    def _on_loaded(self, loaded: tuple[Any, ...]) -> None:
        sheet, content, url, (requested_by, printed_by), version = loaded
        self._version = version
        self.watch.read_at(version)
        self._people = tuple(p for p in (requested_by, printed_by) if p)
        self._values = sheet.record_values()
        self.summary.setText(
            self.tr(
                "Label {0} for unit {1}, requested by {2} and printed by {3}. A second person "
                "checks it and signs with their own badge and password (meaning: verified)."
            ).format(self.label_id, self._din, requested_by, printed_by or "–")
        )
        self.preview.show_content(content, printer_dpi(url))
        for name in sheet.plan.by_eye:
            self._add(self.text_group, name, f"{label_field_name(name)}:  {self._values[name]}")
        for name in sheet.plan.physical:
            self._add(self.label_group, name, label_field_name(name))
        self.text_group.set_button_text(
            self.tr("All {0} match the label").format(len(sheet.plan.by_eye))
        )
        self.label_group.set_button_text(self.tr("Both are right"))
        self.matched.setText(
            self.tr("The scan will confirm: {0}").format(
                ", ".join(label_field_name(n) for n in sheet.plan.by_scan)
            )
        )
        self.scan.setFocus()
        self.loaded.emit()

    def _add(self, group: CheckGroup, name: str, text: str) -> None:
        self.checks[name] = group.add_item(name, text)

    def _set_checking(self, enabled: bool) -> None:
        """Ticks and signing wait for a scan the core found matching."""
        for widget in (self.text_group, self.label_group, self.signer, self.submit_button):
            widget.setEnabled(enabled)

    # -- 1. the scan -----------------------------------------------------------------------

    def _on_scanned(self, text: str) -> None:
        self.scan_echo.setText(self.tr("Scanned: {0}").format(visible(text.strip())))
        self._scanned = ""
        self._set_checking(False)
        labeling, label_id, actor = self._ctx.core.labeling, self.label_id, self._ctx.username
        core, version = self._ctx.core, self._version

        def op(_p: Progress) -> tuple[ScanComparison, str | None]:
            found = labeling.compare_scan(
                label_id=label_id, scanned_text=text, actor=actor, expected_version=version
            )
            deviation = found.rejected.deviation_id if found.rejected else None
            return found, core.label_station_reads.deviation_code(deviation)

        run_op(
            parent=self,
            op=op,
            on_success=lambda outcome: self._on_compared(text, *outcome),
            on_failure=self._on_scan_refused,
        )

    def _on_compared(self, text: str, found: ScanComparison, deviation: str | None) -> None:
        if found.rejected is not None:
            self._stop(found.rejected, deviation)
            return
        lines = [
            self.tr("✔ {0}: {1}").format(label_field_name(n), self._values.get(n, ""))
            for n in found.matched
        ] + [
            self.tr("✖ {0}: not in this scan – scan the label's 2-D symbol").format(
                label_field_name(n)
            )
            for n in found.unscanned
        ]
        self.matched.setText("\n".join([self.tr("Matched by the scan:"), *lines]))
        self.message.hide()
        if found.unscanned:
            return
        self._scanned = text
        self._set_checking(True)
        self.text_group.confirm_button.setFocus()
        self.compared.emit(found)

    # -- 2. ticks, 3. the verifier --------------------------------------------------------

    def _on_ticked(self) -> None:
        """The warning about unticked items follows the ticks as they change."""
        if not self._confirm_unticked:
            return
        if self.unticked():
            self._warn_unticked()
        else:
            self._confirm_unticked = False
            self.message.hide()
            self.submit_button.setText(self.tr("Sign double-check"))
            self.signer.badge.setFocus()

    def _on_verifier(self, holder: UserSummary | None) -> None:
        same = holder is not None and holder.username.lower() in {p.lower() for p in self._people}
        if same:
            assert holder is not None
            self._show(
                self.tr(
                    "{0} requested or printed this label; a second person must check it."
                ).format(holder.full_name)
            )
        else:
            self.message.hide()
        self.submit_button.setEnabled(bool(self._scanned) and not same)

    def unticked(self) -> list[str]:
        return [name for name, box in self.checks.items() if not box.isChecked()]

    def _warn_unticked(self) -> None:
        missing = self.unticked()
        self._show(
            self.tr(
                "{0} item(s) not ticked: {1}. They will be recorded as NOT matching, which "
                "stops the line. Press “Report mismatch” to confirm, or tick them."
            ).format(len(missing), ", ".join(label_field_name(n) for n in missing))
        )
        self.submit_button.setText(self.tr("Report mismatch"))

    def submit(self) -> None:
        if not self._scanned:
            self._show(self.tr("Scan the printed label first."))
            return
        if not self.signer.username:
            self._show(self.tr("Scan your badge, then type your password."))
            return
        if self.unticked() and not self._confirm_unticked:
            self._confirm_unticked = True
            self._warn_unticked()
            return
        labeling, label_id = self._ctx.core.labeling, self.label_id
        username, password, scanned = self.signer.username, self.password.text(), self._scanned
        confirmed = {name: box.isChecked() for name, box in self.checks.items()}
        self.password.clear()
        self.submit_button.setEnabled(False)
        core, version = self._ctx.core, self._version

        def op(_p: Progress) -> tuple[VerificationResult, str | None]:
            result = labeling.verify_label(
                label_id=label_id,
                username=username,
                password=password,
                scanned_text=scanned,
                confirmed_fields=confirmed,
                expected_version=version,
            )
            return result, core.label_station_reads.deviation_code(result.deviation_id)

        run_op(
            parent=self,
            op=op,
            on_success=lambda outcome: self._on_result(*outcome),
            on_failure=self._on_refused,
        )

    def _on_refused(self, exc: BaseException) -> None:
        """A wrong password, or the core's own refusal: say why; the verifier may try again
        - unless the label changed at another station, which ends this check."""
        self._show(error_text(exc))
        if isinstance(exc, RecordChangedError):
            self._outdated()
        else:
            self.submit_button.setEnabled(True)

    def _on_scan_refused(self, exc: BaseException) -> None:
        self._show(error_text(exc))
        if isinstance(exc, RecordChangedError):
            self._outdated()

    def _on_stale(self, change: RecordChange) -> None:
        """Another station changed this label while the window was open: say who, where and
        when, and let nobody sign (what was typed and ticked stays as it is)."""
        self._show(change.message(LANGUAGE.code))
        self._outdated()

    def _outdated(self) -> None:
        self.watch.stop()
        self._set_checking(False)
        self.scan.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))

    def _on_result(self, result: VerificationResult, deviation: str | None) -> None:
        self.watch.stop()
        if result.accepted:
            self._ctx.events.records_changed.emit("printed_label")
            self.verified.emit(result)
            self.accept()
            return
        self._stop(result, deviation)

    def _stop(self, result: VerificationResult, deviation: str | None) -> None:
        """The label is rejected and the line stopped already: say so, offer nothing else."""
        self.watch.stop()
        self._ctx.events.records_changed.emit("printed_label")
        self.stop_banner.setText(
            self.tr(
                "✖ STOP THE LINE. This label does not match the record: {0}. Deviation {1} "
                "is open and the print job is stopped until QA has reviewed it. Do not apply "
                "this label; keep it for voiding and witnessed destruction."
            ).format(
                "; ".join(m.message(LANGUAGE.code) for m in result.mismatches),
                deviation or result.deviation_id,
            )
        )
        self.stop_banner.show()
        self.message.hide()
        self._set_checking(False)
        self.scan.setEnabled(False)
        for group in (self.text_group, self.label_group):
            group.hide()  # nothing to tick on a stopped line
        self.submit_button.hide()
        self.sign_label.hide()
        self.signer.hide()  # nobody signs a stopped label
        self.matched.hide()  # the banner says what the scan found
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))
        self.stopped.emit(result)

    def _show(self, text: str) -> None:
        self.message.setText(f"✖ {text}")
        self.message.show()
