"""A full-window red STOP that lists every reason and waits for a deliberate acknowledgement.

It covers the whole main window (top bar and navigation included), so nothing behind it can
be clicked.  A scanner's burst or a stray Enter must not make it go away: its widgets are
scan targets of their own (the application's scan capture leaves them alone), Enter is
swallowed, and only ticking "I have read every reason" and then pressing the button closes
it.  The sign is painted (an octagon with the word), not an emoji the font may not have.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

_RED = "#b71c1c"


class StopSign(QWidget):
    """A red octagon with a white rim and STOP (the word every bedside sign uses)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stopSign")
        self.setFixedSize(220, 220)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        centre = QPointF(self.width() / 2, self.height() / 2)
        radius = min(self.width(), self.height()) / 2 - 6
        octagon = QPolygonF(
            [
                centre
                + QPointF(
                    radius * math.cos(math.pi / 8 + i * math.pi / 4),
                    radius * math.sin(math.pi / 8 + i * math.pi / 4),
                )
                for i in range(8)
            ]
        )
        painter.setPen(QPen(QColor("#ffffff"), 10))
        painter.setBrush(QColor("#d50000"))
        painter.drawPolygon(octagon)
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(int(radius * 0.55))
        painter.setFont(font)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "STOP")
        painter.end()


class StopOverlay(QWidget):
    acknowledged = Signal()

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("bedsideStopOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(
            f"QWidget#bedsideStopOverlay {{ background:{_RED}; }}"
            "QWidget#bedsideStopOverlay QLabel { color:#ffffff; background:transparent; }"
            "QWidget#bedsideStopOverlay QCheckBox { color:#ffffff; font-size:16pt; }"
            "QLabel#stopTitle { font-size:34pt; font-weight:bold; }"
            "QLabel#stopReasons { font-size:20pt; font-weight:bold; }"
            "QPushButton#stopAcknowledge { font-size:16pt; padding:12px 28px;"
            " background:#ffffff; color:#b71c1c; border:3px solid #ffffff; border-radius:8px; }"
            "QPushButton#stopAcknowledge:disabled { background:#e57373; color:#ffcdd2; }"
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.sign = StopSign(self)
        self.title = QLabel(objectName="stopTitle", wordWrap=True)
        self.reasons = QLabel(objectName="stopReasons", wordWrap=True)
        self.reasons.setTextFormat(Qt.TextFormat.PlainText)
        self.reasons.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.read_box = QCheckBox(objectName="stopReadBox")
        self.acknowledge_button = QPushButton(objectName="stopAcknowledge")
        self.acknowledge_button.setAutoDefault(False)
        self.acknowledge_button.setEnabled(False)
        self.read_box.toggled.connect(self.acknowledge_button.setEnabled)
        self.acknowledge_button.clicked.connect(self.acknowledge)
        for widget in (self, self.read_box, self.acknowledge_button):
            # A scan aimed at the STOP is the STOP's own: it neither opens a record behind it
            # nor reaches a field on the page (gui/scan_router.py honours this property).
            widget.setProperty("scanTarget", True)
            widget.installEventFilter(self)
        sign_row = QHBoxLayout()
        sign_row.addWidget(self.sign, 0, Qt.AlignmentFlag.AlignTop)
        words = QVBoxLayout()
        words.addWidget(self.title)
        words.addWidget(self.reasons, 1)
        sign_row.addLayout(words, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.read_box)
        buttons.addStretch(1)
        buttons.addWidget(self.acknowledge_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 48, 48, 48)
        layout.addLayout(sign_row, 1)
        layout.addLayout(buttons)
        self._title, self._reasons = "", list[str]()
        self.retranslate()
        window.installEventFilter(self)
        self.hide()

    def retranslate(self) -> None:
        self.read_box.setText(self.tr("I have read every reason"))
        self.acknowledge_button.setText(self.tr("Acknowledge STOP"))

    def show_stop(self, title: str, reasons: list[str]) -> None:
        self._title, self._reasons = title, reasons
        self.title.setText(title)
        self.reasons.setText("\n".join(f"✖ {reason}" for reason in reasons))
        self.setAccessibleName("\n".join([title, *reasons]))
        self.read_box.setChecked(False)
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()
        self.setFocus()

    def reason_lines(self) -> list[str]:
        return list(self._reasons)

    def acknowledge(self) -> None:
        if not self.read_box.isChecked():
            return
        self.hide()
        self.acknowledged.emit()

    # -- keeping it up ---------------------------------------------------------------------

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if obj is self.parentWidget():
            if event.type() == QEvent.Type.Resize and self.isVisible():
                self.setGeometry(obj.rect())
            return False
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
                return True  # a scanner's Enter or a stray key never acknowledges the STOP
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        event.accept()  # nothing typed at the STOP reaches the page behind it

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 - Qt override
        # Tab cycles inside the STOP, never to the fields hidden behind it.
        order = [self.read_box, self.acknowledge_button]
        focused = self.focusWidget()
        index = order.index(focused) if focused in order else -1
        step = 1 if next else -1
        for offset in range(1, len(order) + 1):
            candidate = order[(index + step * offset) % len(order)]
            if candidate.isEnabled():
                candidate.setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return True

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
