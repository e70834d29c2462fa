"""Hospital bedside: scan the bag, thaw it, scan the wristband, see every hard stop, administer.

The verdict is the core's (HospitalService.check_bedside), shown in the user's language
with a glyph and words, never colour alone.  "Administer" is enabled only on a clean
verdict for exactly the scans shown; a second person signs with their own user name and
password.  The core checks everything again when it records the administration.

The scanned bag's facts, its thaw and the use-by countdown are the BagPanel's; a hard stop
covers the whole window in red (StopOverlay) until it is deliberately acknowledged.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.context import AppContext
from gui.dialogs.signoff import SecondPersonDialog
from gui.i18n import domain
from gui.live_refresh import RefreshWhenShown
from gui.operations import Operation, error_text, run_op
from gui.pages.bedside.bag_panel import BagPanel
from gui.pages.bedside.stop_overlay import StopOverlay
from gui.status_style import set_ok
from gui.widgets.scan_line_edit import ScanLineEdit, visible
from models.chain.bedside import BedsideProblem, BedsideVerdict
from models.kernel.record_check import RecordIntegrityError

# Stops about which bag goes to which patient (not about the bag's own state).
_IDENTITY_STOPS = frozenset(
    {
        BedsideProblem.WRONG_RECIPIENT,
        BedsideProblem.UNKNOWN_RECIPIENT,
        BedsideProblem.UNKNOWN_PRODUCT,
        BedsideProblem.NOT_DISPENSED,
        BedsideProblem.WRONG_HOSPITAL,
    }
)


class VerifierDialog(SecondPersonDialog):
    """The second person at the bedside signs with their own credentials (meaning: verified);
    emits the administration id."""

    def __init__(
        self,
        ctx: AppContext,
        product_scan: str,
        recipient_scan: str,
        verdict: BedsideVerdict,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            summary="",
            sign_label=QCoreApplication.translate("VerifierDialog", "Sign and administer"),
            title=QCoreApplication.translate(
                "VerifierDialog", "Second-person check at the bedside"
            ),
            parent=parent,
        )
        self.setObjectName("bedsideVerifierDialog")
        self._ctx, self._product, self._recipient = ctx, product_scan, recipient_scan
        self.summary.setText(
            self.tr(
                "Administer unit {0} to patient {1}, given by {2}. The second person checks "
                "bag and wristband; your password is your electronic signature "
                "(meaning: verified)."
            ).format(verdict.unit, verdict.recipient, ctx.username)
        )

    def sign_op(self, username: str, password: str) -> Callable[[Any], int]:
        actor, product, recipient = self._ctx.username, self._product, self._recipient
        hospital = self._ctx.core.chain.hospital
        return lambda _progress: hospital.administer(
            actor=actor,
            product_scan=product,
            recipient_scan=recipient,
            verifier=username,
            verifier_password=password,
        )


class BedsidePage(QWidget):
    checked = Signal(object)  # BedsideVerdict, or the exception of a refused scan
    administered = Signal(int)  # administration id

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bedsidePage")
        self.ctx = ctx
        self.heading = QLabel(objectName="pageHeading")
        self.hint = QLabel(wordWrap=True)
        self.product_label, self.recipient_label = (
            QLabel(objectName="sectionLabel") for _ in range(2)
        )
        self.product, self.recipient = ScanLineEdit(), ScanLineEdit()
        self.product.setObjectName("productScan")
        self.bag_panel = BagPanel(ctx)
        self.recipient.setObjectName("recipientScan")
        for field in (self.product, self.recipient):
            font = field.font()
            font.setPointSize(max(font.pointSize(), 10) * 2)
            field.setFont(font)
            field.setMinimumHeight(64)
        self.verdict_label = QLabel(objectName="bedsideVerdict", wordWrap=True)
        font = self.verdict_label.font()
        font.setPointSize(max(font.pointSize(), 10) + 6)
        font.setBold(True)
        self.verdict_label.setFont(font)
        self.verdict_label.setMinimumHeight(120)
        self.verdict_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.administer_button = QPushButton(objectName="administerButton")
        self.administer_button.setProperty("primary", True)
        self.administer_button.setMinimumHeight(56)
        self.status = QLabel(objectName="pageStatus", wordWrap=True)
        self.status.hide()  # until an administration is recorded
        self.verdict: BedsideVerdict | None = None
        self._refusal: BaseException | None = None
        self._scans: tuple[str, str] | None = None  # what the shown verdict is about
        self.dialog: VerifierDialog | None = None
        self._stop_overlay: StopOverlay | None = None
        self._build_layout()
        self.product.scanned.connect(self._on_product_scanned)
        self.recipient.scanned.connect(lambda _t: self.check())
        for field in (self.product, self.recipient):
            field.textEdited.connect(lambda _t: self._clear_verdict())
        self.product.textEdited.connect(lambda _t: self.bag_panel.clear())
        # A recorded thaw or a use-by that has just passed changes the core's verdict.
        self.bag_panel.thawed.connect(lambda _use_by: self._recheck())
        self.bag_panel.countdown.expired.connect(self._recheck)
        self.administer_button.clicked.connect(self.open_verifier)
        # a bag recalled, quarantined or given elsewhere while it is at the bedside: the check
        # shown is read again (while shown, else when next shown: gui/live_refresh.py)
        self.live = RefreshWhenShown(ctx.events, self, self.refresh)
        self.retranslate()

    def _build_layout(self) -> None:
        # The bag on the left, the patient and the verdict on the right: read left to right
        # as the check goes, and the verdict and "Administer" stay on a 1366×768 screen.
        bag = QVBoxLayout()
        bag.addWidget(self.product_label)
        bag.addWidget(self.product)
        bag.addWidget(self.bag_panel)
        bag.addStretch(1)
        patient = QVBoxLayout()
        patient.addWidget(self.recipient_label)
        patient.addWidget(self.recipient)
        patient.addWidget(self.verdict_label)
        patient.addWidget(self.administer_button)
        patient.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(bag, 1)
        columns.addSpacing(16)
        columns.addLayout(patient, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addLayout(columns, 1)
        layout.addWidget(self.status)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Bedside – check and administer"))
        self.hint.setText(
            self.tr(
                "Scan the bar code on the bag, then the patient's wristband. Every reason not "
                "to administer is listed; administer only on a clean check, with a second person."
            )
        )
        self.product_label.setText(self.tr("Scan the product"))
        self.recipient_label.setText(self.tr("Scan the patient's wristband"))
        self.product.setPlaceholderText(self.tr("DIN bar code of the bag"))
        self.recipient.setPlaceholderText(self.tr("Patient ID on the wristband"))
        self.administer_button.setText(self.tr("Administer (2nd person)…"))
        self._render()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        (self.recipient if self.product.text() else self.product).setFocus()
        super().showEvent(event)

    # -- checking --------------------------------------------------------------------------

    def _on_product_scanned(self, text: str) -> None:
        self.bag_panel.load(text)
        if self.recipient.text().strip():
            self.check()
        else:
            self._clear_verdict()
            self.recipient.setFocus()

    def _recheck(self) -> None:
        if self.product.text().strip() and self.recipient.text().strip():
            self.check()

    def check(self) -> Operation | None:
        product, recipient = self.product.text(), self.recipient.text().strip()
        self._clear_verdict()
        if not product.strip():
            self.product.setFocus()
            return None
        if not recipient:
            self.recipient.setFocus()
            return None
        hospital = self.ctx.core.chain.hospital
        scans = (product, recipient)
        return run_op(
            parent=self,
            op=lambda _p: hospital.check_bedside(product_scan=product, recipient_scan=recipient),
            on_success=lambda verdict: self._show_verdict(scans, verdict),
            on_failure=lambda exc: self._show_refusal(scans, exc),
        )

    def refresh(self) -> Operation | None:
        """Read the scanned bag and the shown check again. The verdict is replaced only if
        it changed (a STOP the person acknowledged is not shown again for nothing); what is
        being typed is left alone."""
        if self.bag_panel.scan and self.bag_panel.scan == self.product.text():
            self.bag_panel.reload()
        scans = self._scans
        if scans is None or scans != self._current_scans():
            return None
        product, recipient = scans
        hospital, shown = self.ctx.core.chain.hospital, self.verdict

        def changed(verdict: BedsideVerdict) -> None:
            if verdict != shown or self.verdict != shown:
                self._show_verdict(scans, verdict)

        return run_op(
            parent=self,
            op=lambda _p: hospital.check_bedside(product_scan=product, recipient_scan=recipient),
            on_success=changed,
            on_failure=lambda exc: self._show_refusal(scans, exc),
        )

    def _current_scans(self) -> tuple[str, str]:
        return self.product.text(), self.recipient.text().strip()

    def _show_verdict(self, scans: tuple[str, str], verdict: BedsideVerdict) -> None:
        if scans != self._current_scans():
            return  # the fields changed while checking: that verdict is about other scans
        self.verdict, self._refusal, self._scans = verdict, None, scans
        self._render()
        if not verdict.ok:
            self._show_stop()
        self.checked.emit(verdict)

    def _show_refusal(self, scans: tuple[str, str], exc: BaseException) -> None:
        if scans != self._current_scans():
            return
        self.verdict, self._refusal, self._scans = None, exc, None
        self._render()
        self.product.setFocus()
        self.product.selectAll()
        if isinstance(exc, RecordIntegrityError):
            self._show_stop()  # a record that differs from its trail is a hard stop too
        self.checked.emit(exc)

    def _clear_verdict(self) -> None:
        self.verdict, self._refusal, self._scans = None, None, None
        self._render()

    def _render(self) -> None:
        verdict = self.verdict
        if self._refusal is not None:
            text, ok = "✖ " + visible(error_text(self._refusal)), False
        elif verdict is None:
            text, ok = self.tr("Waiting for both scans."), None
        elif verdict.ok:
            text = "✔ " + self.tr("No hard stop: unit {0} may be given to patient {1}.").format(
                verdict.unit, verdict.recipient
            )
            ok = True
        else:
            text = "\n".join([self._stop_title(), *(f"✖ {r}" for r in self.stop_reasons())])
            ok = False
        self.verdict_label.setText(text)
        self.verdict_label.setAccessibleName(text)
        set_ok(self.verdict_label, ok)
        self.administer_button.setEnabled(self.clean())
        if self._stop_overlay is not None and self._stop_overlay.isVisible():
            self._show_stop()  # the same STOP in the language just chosen

    # -- the STOP ----------------------------------------------------------------------------

    def _stop_title(self) -> str:
        verdict = self.verdict
        if verdict is None:
            return self.tr("STOP – do not administer.")
        return self.tr("STOP – do not administer unit {0} to patient {1}:").format(
            verdict.unit, verdict.recipient
        )

    def stop_reasons(self) -> list[str]:
        """Every reason of the shown hard stop, in the user's language."""
        if self.verdict is not None:
            return [domain(f"bedside.{problem.value}") for problem in self.verdict.problems]
        return [visible(error_text(self._refusal))] if self._refusal is not None else []

    @property
    def stop_overlay(self) -> StopOverlay:
        """Built on first use, over the window the page is shown in (the main window)."""
        if self._stop_overlay is None or self._stop_overlay.parentWidget() is not self.window():
            self._stop_overlay = StopOverlay(self.window())
            self._stop_overlay.acknowledged.connect(self._on_stop_acknowledged)
            self.destroyed.connect(self._stop_overlay.deleteLater)  # it lives in the window
        return self._stop_overlay

    def _show_stop(self) -> None:
        self.stop_overlay.show_stop(self._stop_title(), self.stop_reasons())

    def _on_stop_acknowledged(self) -> None:
        # The stop stays on the page in red; the next scan of a bag replaces the shown one.
        # When bag and wristband do not belong together the check starts again from both
        # scans: a rescanned bag must not be checked against the wristband that stopped.
        verdict = self.verdict
        if verdict is not None and set(verdict.problems) & _IDENTITY_STOPS:
            self.recipient.clear()
        self.product.setFocus()
        self.product.selectAll()

    def clean(self) -> bool:
        return (
            self.verdict is not None
            and self.verdict.ok
            and self._scans is not None
            and self._scans == self._current_scans()
            and bool(self.ctx.username)
        )

    # -- administering ---------------------------------------------------------------------

    def open_verifier(self) -> VerifierDialog | None:
        if not self.clean() or self.verdict is None or self._scans is None:
            return None
        product, recipient = self._scans
        self.dialog = VerifierDialog(self.ctx, product, recipient, self.verdict, self)
        self.dialog.signed.connect(self._on_administered)
        self.dialog.open()
        self.dialog.username.setFocus()
        return self.dialog

    def _on_administered(self, record_id: int) -> None:
        verdict = self.verdict
        self.ctx.events.records_changed.emit("administration")
        self.product.clear()
        self.recipient.clear()
        self.bag_panel.clear()
        self._clear_verdict()
        self.status.setText(
            "✔ "
            + self.tr("Administration recorded: unit {0} to patient {1}.").format(
                verdict.unit if verdict else "", verdict.recipient if verdict else ""
            )
        )
        set_ok(self.status, True)
        self.status.show()
        self.product.setFocus()
        self.administered.emit(record_id)
