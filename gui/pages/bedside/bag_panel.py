"""The scanned bag: its facts, the thaw (start, finish → recorded by the core) and the use-by.

The nurse presses "Start thaw" when the bag goes into the thawing device and "Thaw finished"
when it comes out: both times are taken from the core's clock as they happen, never typed,
and the core records the thaw (HospitalService.thaw: only a clinical user signed in here;
it refuses a bag that is not released, on hold, recalled, expired … or already thawed).
The use-by the core returns is then counted down.  A thaw recorded with wrong times is
corrected with a reason ("Correct thaw times…", HospitalService.correct_thaw) while the unit
is still thawed; the countdown then follows the corrected end.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from gui.context import AppContext
from gui.dialogs.form import FormDialog
from gui.i18n import LANGUAGE, domain, format_datetime
from gui.operations import Operation, error_text, run_op
from gui.pages.bedside.countdown import UseByCountdown
from gui.pages.bedside.thaw_correction import open_thaw_correction
from gui.status_style import set_ok, status_text
from gui.widgets.scan_line_edit import visible
from models.chain.bag import BagFacts
from models.entities.production import Disposition
from models.i18n import has


class BagPanel(QWidget):
    loaded = Signal(object)  # BagFacts, or the exception of a refused scan
    thawed = Signal(object)  # the use-by datetime the core returned

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bagPanel")
        self.ctx = ctx
        self.facts_label = QLabel(objectName="bagFacts", wordWrap=True)
        self.thaw_state = QLabel(objectName="thawState", wordWrap=True)
        self.thaw_button = QPushButton(objectName="thawButton")
        self.thaw_button.setMinimumHeight(48)
        self.cancel_button = QPushButton(objectName="thawCancelButton")
        self.correct_button = QPushButton(objectName="thawCorrectButton")
        self.error = QLabel(objectName="pageStatus", wordWrap=True)
        self.countdown = UseByCountdown(ctx.core.chain.hospital.now, self)
        self.bag: BagFacts | None = None
        self.scan = ""
        self.thaw_started: datetime | None = None
        self._refusal: BaseException | None = None
        buttons = QHBoxLayout()
        buttons.addWidget(self.thaw_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.correct_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.facts_label)
        layout.addWidget(self.thaw_state)
        layout.addLayout(buttons)
        layout.addWidget(self.countdown)
        layout.addWidget(self.error)
        self.thaw_button.clicked.connect(self._on_thaw_button)
        self.cancel_button.clicked.connect(self._cancel_start)
        self.correct_button.clicked.connect(self.correct_thaw)
        self.retranslate()

    # -- loading ---------------------------------------------------------------------------

    def load(self, product_scan: str) -> Operation:
        hospital = self.ctx.core.chain.hospital
        return run_op(
            parent=self,
            op=lambda _p: hospital.bag(product_scan=product_scan),
            on_success=lambda bag: self._show(product_scan, bag),
            on_failure=lambda exc: self._show_refusal(product_scan, exc),
        )

    def reload(self) -> Operation | None:
        """The shown bag read again (changed at another station); dropped if the panel has
        been cleared or shows another scan by the time it is read."""
        scan, hospital = self.scan, self.ctx.core.chain.hospital
        if not scan or self._refusal is not None:
            return None

        def shown(bag: BagFacts) -> None:
            if self.scan == scan and self.bag is not None:
                self._show(scan, bag)

        def refused(exc: BaseException) -> None:
            if self.scan == scan and self.bag is not None:
                self._show_refusal(scan, exc)

        return run_op(
            parent=self,
            op=lambda _p: hospital.bag(product_scan=scan),
            on_success=shown,
            on_failure=refused,
        )

    def clear(self) -> None:
        self.bag, self.scan, self.thaw_started, self._refusal = None, "", None, None
        self.error.clear()
        set_ok(self.error, None)
        self.refresh()

    def _show(self, scan: str, bag: BagFacts) -> None:
        if bag.facts.code != (self.bag.facts.code if self.bag else None):
            self.thaw_started = None  # a started thaw belongs to the bag it was started for
            self.error.clear()
        self.bag, self.scan, self._refusal = bag, scan, None
        self.refresh()
        self.loaded.emit(bag)

    def _show_refusal(self, scan: str, exc: BaseException) -> None:
        self.bag, self.scan, self.thaw_started, self._refusal = None, scan, None, exc
        self.refresh()
        self.loaded.emit(exc)

    # -- thawing ---------------------------------------------------------------------------

    def can_thaw(self) -> bool:
        bag = self.bag
        return bool(
            bag is not None
            and bag.post_thaw_minutes is not None
            and bag.facts.use_by is None
            and not bag.thaw_blockers
            and self.ctx.username
        )

    def _on_thaw_button(self) -> None:
        if self.thaw_started is None:
            self.start_thaw()
        else:
            self.finish_thaw()

    def start_thaw(self) -> None:
        if self.can_thaw():
            self.thaw_started = self.ctx.core.chain.hospital.now()
            self.refresh()

    def _cancel_start(self) -> None:
        self.thaw_started = None
        self.refresh()

    def finish_thaw(self) -> Operation | None:
        bag, started = self.bag, self.thaw_started
        if bag is None or started is None or not self.can_thaw():
            return None
        hospital, actor, unit, scan = (
            self.ctx.core.chain.hospital,
            self.ctx.username,
            bag.facts.code,
            self.scan,
        )
        self.thaw_button.setEnabled(False)

        def op(_progress: object) -> datetime:
            return hospital.thaw(
                actor=actor, unit_code=unit, started_at=started, ended_at=hospital.now()
            )

        return run_op(
            parent=self,
            op=op,
            on_success=lambda use_by: self._on_thawed(scan, use_by),
            on_failure=self._on_thaw_refused,
        )

    def _on_thawed(self, scan: str, use_by: datetime) -> None:
        self.thaw_started = None
        self.error.clear()
        self.ctx.events.records_changed.emit("thaw")
        self.thawed.emit(use_by)
        if scan == self.scan:
            self.load(scan)  # the core's facts now, thaw included

    # -- correcting a recorded thaw --------------------------------------------------------

    def can_correct(self) -> bool:
        """A recorded thaw of a unit still thawed (not given, not destroyed); the core
        decides who may correct it."""
        bag = self.bag
        return bool(
            bag is not None
            and bag.thaw_ended_at is not None
            and bag.facts.disposition is Disposition.THAWED
            and self.ctx.username
        )

    def correct_thaw(self) -> FormDialog | None:
        if self.bag is None or not self.can_correct():
            return None
        scan = self.scan
        return open_thaw_correction(
            self, self.ctx, self.bag, lambda use_by: self._on_corrected(scan, use_by)
        )

    def _on_corrected(self, scan: str, use_by: datetime) -> None:
        self.ctx.events.records_changed.emit("thaw")
        self.thawed.emit(use_by)  # the verdict and the countdown follow the corrected end
        if scan == self.scan:
            self.load(scan)

    def _on_thaw_refused(self, exc: BaseException) -> None:
        self.error.setText("✖ " + error_text(exc))
        set_ok(self.error, False)
        self.refresh()

    # -- showing ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.cancel_button.setText(self.tr("Cancel thaw start"))
        self.correct_button.setText(self.tr("Correct thaw times…"))
        self.refresh()

    def refresh(self) -> None:
        bag = self.bag
        self.setVisible(bag is not None or self._refusal is not None)
        if self._refusal is not None:
            self.facts_label.setText("✖ " + visible(error_text(self._refusal)))
        elif bag is not None:
            self.facts_label.setText(self._facts_text(bag))
        else:
            self.facts_label.clear()
        self.thaw_state.setText(self._thaw_text(bag) if bag else "")
        thawing = self.thaw_started is not None
        self.thaw_button.setText(
            self.tr("Thaw finished – record thaw")
            if thawing
            else self.tr("Start thaw (bag into the thawing device)")
        )
        self.thaw_button.setVisible(self.can_thaw())
        self.thaw_button.setEnabled(self.can_thaw())
        self.cancel_button.setVisible(thawing and self.can_thaw())
        self.correct_button.setVisible(self.can_correct())
        self.error.setVisible(bool(self.error.text()))
        if bag is not None and bag.facts.use_by is not None:
            if self.countdown.use_by != bag.facts.use_by:
                self.countdown.start(bag.facts.use_by)
        else:
            self.countdown.stop()

    def _facts_text(self, bag: BagFacts) -> str:
        facts = bag.facts
        lines = [
            self.tr("Unit {0}: {1}").format(facts.code, bag.product(LANGUAGE.code)),
            self.tr("Status: {0} · {1}").format(
                status_text(facts.quality_status.value), status_text(facts.disposition.value)
            ),
            self.tr("For patient: {0}").format(facts.intended_recipient or "–"),
        ]
        if facts.expires_at is not None:
            lines.append(self.tr("Expires: {0}").format(format_datetime(facts.expires_at)))
        return "\n".join(lines)

    def _thaw_text(self, bag: BagFacts) -> str:
        if bag.post_thaw_minutes is None:
            return self.tr("Not a frozen product: no thaw needed.")
        if bag.thaw_ended_at is not None:
            return "✔ " + self.tr("Thawed {0} – {1} by {2}; usable for {3} min after thaw.").format(
                format_datetime(bag.thaw_started_at, seconds=True),
                format_datetime(bag.thaw_ended_at, seconds=True),
                bag.thawed_by or "",
                bag.post_thaw_minutes,
            )
        if self.thaw_started is not None:
            return "… " + self.tr("Thaw started at {0}: press “Thaw finished” when done.").format(
                format_datetime(self.thaw_started, seconds=True)
            )
        if bag.thaw_blockers:
            return "✖ " + self.tr("May not be thawed: {0}.").format(
                ", ".join(_blocker_text(b) for b in bag.thaw_blockers)
            )
        return self.tr("Not thawed yet: usable for {0} min after the thaw ends.").format(
            bag.post_thaw_minutes
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _blocker_text(value: str) -> str:
    """A bedside problem in the catalogue's words, else the disposition's word."""
    code = f"bedside.{value}"
    return domain(code) if has(code) else status_text(value)
