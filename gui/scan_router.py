"""Scan anywhere: catch keyboard-wedge bursts application-wide and route what was read.

A scanner "types" a whole code within a few milliseconds and ends it with Enter; people
type far slower.  ``ScanCapture`` watches key presses for the whole application, collects
fast bursts (GS 0x1D included) and emits ``scanned``; if the burst landed in an ordinary
text field, that field gets its previous text back.  It never looks at a password field or
a screen that asks for credentials (sign-in, lock): a password manager or a fast typist
types as quickly as a scanner, and a password must stay in its field, never be echoed.
``ScanRouter`` decides what the text is: a DIN opens the unit, a batch number the batch, a
badge identifies a user.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from gui.i18n import LANGUAGE
from gui.widgets.scan_line_edit import GS, visible
from models.core import Core
from models.i18n import render
from models.identity.people import UserSummary
from models.isbt128 import DinScan, Isbt128Error, parse_scan
from models.isbt128.scans import name_code, structure_of

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_TEXT_INPUTS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)


@dataclass(frozen=True)
class BadgeScan:
    """Who a scanned badge identifies, and the code itself (the lock re-checks it in the core)."""

    holder: UserSummary
    code: str


CREDENTIALS = "asksForCredentials"  # dynamic property set by sign-in and lock screens


def asks_for_credentials(widget: QWidget) -> bool:
    """A password field (any echo mode but Normal) or a widget inside a credential screen."""
    if isinstance(widget, QLineEdit) and widget.echoMode() != QLineEdit.EchoMode.Normal:
        return True
    current: QWidget | None = widget
    while current is not None:
        if current.property(CREDENTIALS):
            return True
        current = current.parentWidget()
    return False


class ScanCapture(QObject):
    """Application event filter; install once with ``app.installEventFilter(capture)``."""

    scanned = Signal(str)

    def __init__(
        self,
        gap_ms: int = 50,
        min_length: int = 4,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.gap_ms, self.min_length, self._clock = gap_ms, min_length, clock
        self._reset()

    def _reset(self) -> None:
        self._buffer, self._last = "", -1e9
        self._target: QWidget | None = None
        self._snapshot: tuple[QLineEdit, str, int] | None = None

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.KeyPress or not isinstance(obj, QWidget):
            return False
        if self._not_for_scans(obj):
            return False
        assert isinstance(event, QKeyEvent)
        now = self._clock()
        # A burst is fast *and* aimed at one widget: a click elsewhere starts a new one.
        fast = (now - self._last) * 1000 <= self.gap_ms and obj is self._target
        if event.key() in _ENTER:
            return self._on_enter(obj, fast)
        text = event.text()
        if not text or not (text.isprintable() or text == GS):
            return False  # Shift, arrows, Tab …: scanners send Shift for capitals
        if not fast:
            self._buffer = ""
            self._snapshot = (
                (obj, obj.text(), obj.cursorPosition()) if isinstance(obj, QLineEdit) else None
            )
        self._buffer += text
        self._last, self._target = now, obj
        if isinstance(obj, _TEXT_INPUTS):
            return False  # typing goes on as usual; a finished scan restores the field
        return not (text == " " and len(self._buffer) == 1)  # Space still presses buttons

    def _not_for_scans(self, obj: QWidget) -> bool:
        if obj.property("scanTarget"):  # a ScanLineEdit handles its own scans
            return True
        if obj.window().windowType() == Qt.WindowType.Popup:
            return True  # a completer's or menu's keys belong to it (the popup holds the grab)
        if asks_for_credentials(obj):
            self._reset()  # nothing typed here joins a burst, nor does an Enter end one
            return True
        return False

    def _on_enter(self, obj: QWidget, fast: bool) -> bool:
        burst, snapshot = (self._buffer if fast else ""), self._snapshot
        self._reset()
        if len(burst) < self.min_length:
            return False
        if snapshot and snapshot[0] is obj:
            snapshot[0].setText(snapshot[1])
            snapshot[0].setCursorPosition(snapshot[2])
        self.scanned.emit(burst)
        return True


class ScanRouter(QObject):
    """Turns scanned text into one of four outcomes, each a signal; no widgets here."""

    record_scanned = Signal(object)  # NodeRef: unit, batch, donor, collection, recipient
    badge_scanned = Signal(object)  # BadgeScan
    rejected = Signal(str)  # a message for the user, already translated

    def __init__(self, core: Core, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._core = core
        self.last_text = ""
        # The other structures read with the last DIN (a bag's 2-D code, a concatenated read):
        # CellTrail opens the unit by its DIN and names them, never drops them silently.
        self.also_read = ""

    def route(self, text: str) -> None:
        self.last_text, self.also_read = text, ""
        shown = visible(text.strip())
        if GS in text:
            self.rejected.emit(
                QCoreApplication.translate(
                    "ScanRouter", "GS1 bar code scanned ({0}); CellTrail reads ISBT 128 labels."
                ).format(shown)
            )
            return
        try:
            scan = parse_scan(text)
        except Isbt128Error as exc:
            scan = None
            if text.strip()[:1] in "=&]":  # it claimed to be ISBT 128 but is not valid
                self.rejected.emit(exc.message(LANGUAGE.code))
                return
        if isinstance(scan, DinScan):
            self.also_read = render("i18n.list", LANGUAGE.code).join(
                f"{structure_of(p)} {render(name_code(p), LANGUAGE.code)}" for p in scan.others
            )
        badge = None if isinstance(scan, DinScan) else self._core.people_reads.by_badge(text)
        ref = None if badge else self._core.chain.trace.find(text)
        if badge:
            self.badge_scanned.emit(BadgeScan(holder=badge, code=text.strip()))
        elif ref:
            self.record_scanned.emit(ref)
        else:
            self.rejected.emit(
                QCoreApplication.translate("ScanRouter", "Nothing found for {0}.").format(shown)
            )
