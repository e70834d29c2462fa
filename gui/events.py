"""Application-wide notifications (Anki's operation_did_execute idea)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppEvents(QObject):
    """Screens refresh on ``records_changed`` instead of calling each other."""

    records_changed = Signal(object)  # a short description of what changed, e.g. "audit"
    user_changed = Signal(object)  # SessionUser | None
