"""Time left until a thawed product must have been given: words, colour and a glyph.

It counts against the core's clock (``now``), the clock the core decides by, so the screen
never shows time left that the core would refuse.  Amber, then red, as the end nears;
``expired`` is emitted once when it is reached, so the page can ask the core again.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from gui.i18n import format_datetime

AMBER_AT = timedelta(minutes=15)
RED_AT = timedelta(minutes=5)

_LEVEL_STYLE = {
    "ok": "background:#e8f5e9; color:#1b5e20; border:2px solid #66bb6a;",
    "amber": "background:#fff8e1; color:#3e2723; border:3px solid #ffa000;",
    "red": "background:#ffebee; color:#b71c1c; border:3px solid #c62828;",
    "expired": "background:#c62828; color:#ffffff; border:3px solid #7f0000;",
}


def level_for(left: timedelta) -> str:
    if left <= timedelta(0):
        return "expired"
    if left <= RED_AT:
        return "red"
    return "amber" if left <= AMBER_AT else "ok"


def clock_text(left: timedelta) -> str:
    """H:MM:SS (or MM:SS under an hour); never negative."""
    seconds = max(int(left.total_seconds()), 0)
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{seconds:02}" if hours else f"{minutes:02}:{seconds:02}"


class UseByCountdown(QLabel):
    expired = Signal()

    def __init__(self, now: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("useByCountdown")
        self.setWordWrap(True)
        font = self.font()
        font.setPointSize(max(font.pointSize(), 10) + 6)
        font.setBold(True)
        self.setFont(font)
        self._now = now
        self.use_by: datetime | None = None
        self.level = ""
        self._expired_sent = False
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.tick)
        self.hide()

    def start(self, use_by: datetime) -> None:
        self.use_by, self._expired_sent = use_by, False
        self.timer.start()
        self.show()
        self.tick()

    def stop(self) -> None:
        self.use_by, self.level = None, ""
        self.timer.stop()
        self.hide()

    def left(self) -> timedelta | None:
        return None if self.use_by is None else self.use_by - self._now()

    def tick(self) -> None:
        left = self.left()
        if left is None or self.use_by is None:
            return
        self.level = level_for(left)
        until = format_datetime(self.use_by)
        if self.level == "expired":
            text = "✖ " + self.tr("Use-by time passed at {0}: do not administer.").format(until)
            self.timer.stop()
        else:
            glyph = "◷" if self.level == "ok" else "⚠"
            text = f"{glyph} " + self.tr("Use within {0} (until {1})").format(
                clock_text(left), until
            )
        self.setText(text)
        self.setAccessibleName(text)
        self.setProperty("level", self.level)
        self.setStyleSheet(
            f"QLabel#useByCountdown {{ {_LEVEL_STYLE[self.level]} "
            "border-radius:6px; padding:8px; }"
        )
        if self.level == "expired" and not self._expired_sent:
            self._expired_sent = True
            self.expired.emit()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.tick()
        super().changeEvent(event)
