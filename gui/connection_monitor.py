"""Is the database reachable?  A trivial read every few seconds on the database thread
(issue 7), plus any operation that fails with DatabaseUnavailableError, decide whether the
window says "online" or "offline — nothing is saved".

The probe is an injectable callable (tests pass a failing one); the real one runs
``SELECT 1`` through the core's read-only engine.  Nothing here writes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

from gui.operations import Operation, operation_events, run_op
from models.core import Core
from models.kernel.health import ping

Probe = Callable[[], None]  # returns when the database answers, raises when it does not
DEFAULT_INTERVAL_MS = 10_000


def database_probe(core: Core) -> Probe:
    """``SELECT 1`` through the core (models.kernel.health.ping)."""

    def probe() -> None:
        ping(core.engine)

    return probe


class ConnectionMonitor(QObject):
    """Emits ``online_changed(bool)`` when the state flips; ``online`` holds the last state."""

    online_changed = Signal(bool)
    checked = Signal(bool)  # after every probe (tests wait for it)

    def __init__(
        self, probe: Probe, parent: QWidget, interval_ms: int = DEFAULT_INTERVAL_MS
    ) -> None:
        super().__init__(parent)
        self.probe = probe
        self.online = True  # the app only starts after opening the database
        self._widget = parent
        self._pending: Operation | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        # A bound slot: Qt drops the connection when this monitor is destroyed.
        operation_events().database_unavailable.connect(self._on_unavailable)

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def set_interval(self, interval_ms: int) -> None:
        self.timer.setInterval(interval_ms)

    @property
    def busy(self) -> bool:
        """A probe is in flight."""
        return self._pending is not None

    def check(self) -> Operation | None:
        """Run the probe on the database thread; at most one probe in flight."""
        if self._pending is not None:
            return None
        probe = self.probe

        def op(_p: object) -> bool:
            probe()
            return True

        self._pending = run_op(
            parent=self._widget,
            op=op,
            on_success=lambda _r: self._finish(True),
            on_failure=lambda _exc: self._finish(False),  # never a message box per probe
        )
        return self._pending

    def _finish(self, online: bool) -> None:
        self._pending = None
        self.set_online(online)
        self.checked.emit(online)

    @Slot(object)
    def _on_unavailable(self, _exc: object) -> None:
        self.set_online(False)

    def set_online(self, online: bool) -> None:
        if online != self.online:
            self.online = online
            self.online_changed.emit(online)
