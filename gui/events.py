"""Application-wide notifications (Anki's operation_did_execute idea)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance


class AppEvents(QObject):
    """Screens refresh on ``records_changed`` instead of calling each other.

    Screens subscribe with ``subscribe(self, signal, slot)``: a slot (often a lambda that
    captures the screen) must not outlive its screen, or every later emission calls into a
    deleted C++ object. ``release(screen)`` ends a screen's subscriptions; it runs on
    ``destroyed`` too, and the window calls it as soon as it takes a page away.
    """

    records_changed = Signal(object)  # a short description of what changed, e.g. "audit"
    # the audit trail grew without any record changing (a sign-in, an export, a refused
    # scan, here or at another station): only the audit desk cares (gui/live_feed.py)
    trail_grew = Signal(int)  # the newest audit sequence heard of
    user_changed = Signal(object)  # SessionUser | None
    done = Signal(str)  # a finished action to confirm in the window's status line

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._subscriptions: dict[int, list[tuple[SignalInstance, Callable[..., Any]]]] = {}

    def subscribe(self, owner: QObject, signal: SignalInstance, slot: Callable[..., Any]) -> None:
        key = id(owner)
        if key not in self._subscriptions:
            self._subscriptions[key] = []
            # Bound to the key, not the owner: the wrapper may be gone when this runs.
            owner.destroyed.connect(lambda _obj=None, k=key: self._release_key(k))
        signal.connect(slot)
        self._subscriptions[key].append((signal, slot))

    def release(self, owner: QObject) -> None:
        self._release_key(id(owner))

    def _release_key(self, key: int) -> None:
        for signal, slot in self._subscriptions.pop(key, []):
            # Already disconnected, or the bus itself is being destroyed.
            with contextlib.suppress(RuntimeError, TypeError, SystemError):
                signal.disconnect(slot)
