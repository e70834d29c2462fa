"""A screen that follows the other stations' work: it refreshes on ``records_changed`` while
it is shown, and once when it is next shown if something changed while it was hidden.

With twenty stations on one database something changes somewhere every few seconds; a hidden
page that re-read its data each time would load the server for nothing, and a page shown again
must not show what was true when it was hidden.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from gui.events import AppEvents


class RefreshWhenShown(QObject):
    def __init__(
        self,
        events: AppEvents,
        page: QWidget,
        refresh: Callable[[], object],
        *,
        whole_trail: bool = False,
    ) -> None:
        """``whole_trail``: also every audit entry that changed no record (the audit desk)."""
        super().__init__(page)
        self._page, self._refresh = page, refresh
        self.stale = False
        page.installEventFilter(self)
        events.subscribe(page, events.records_changed, self._on_records_changed)
        if whole_trail:
            events.subscribe(page, events.trail_grew, self._on_records_changed)

    def _on_records_changed(self, _what: object) -> None:
        if self._page.isVisible():
            self._refresh()
        else:
            self.stale = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self._page and event.type() == QEvent.Type.Show and self.stale:
            self.stale = False
            self._refresh()
        return False
