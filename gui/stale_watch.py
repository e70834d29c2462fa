"""A window open on one record learns when another station changes that record.

The window read the record at ``version`` (its audit sequence, models/kernel/record_version).
When the change feed reports a newer version of it, the window asks the trail who changed it,
where and when, and is told through ``changed`` (a RecordChange) before anyone can sign: the
core would refuse the signature anyway, but a person should not type a password for nothing.
Nothing the person typed is cleared; the window decides what to disable.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from gui.context import AppContext
from gui.operations import Progress, run_op
from models.kernel.change_set import ChangeSet
from models.kernel.record_version import RecordChange


class StaleWatch(QObject):
    changed = Signal(object)  # RecordChange: who changed the record since the window read it

    def __init__(self, ctx: AppContext, table: str, record_id: int, window: QWidget) -> None:
        super().__init__(window)
        self._ctx, self._table, self._record_id, self._window = ctx, table, record_id, window
        self.version: int | None = None  # unknown until the window has read the record
        self.change: RecordChange | None = None
        ctx.events.subscribe(window, ctx.events.records_changed, self._on_records_changed)

    def read_at(self, version: int) -> None:
        self.version = version

    def stop(self) -> None:
        """The window's own action changed the record (it closes, or shows the outcome)."""
        self.version = None

    def _on_records_changed(self, what: object) -> None:
        # Only the feed's news counts (this station's own actions come from this window, or
        # from behind it while it is modal); a closed window no longer cares.
        version = self.version
        if version is None or self.change is not None or not isinstance(what, ChangeSet):
            return
        if not self._window.isVisible():
            return
        newest = what.newest(self._table, self._record_id)
        if what.complete and (newest is None or newest <= version):
            return
        self.check(version)

    def check(self, version: int) -> None:
        reads, table, record_id = self._ctx.core.audit_reads, self._table, self._record_id

        def op(_p: Progress) -> RecordChange | None:
            return reads.changed_since(table, record_id, version)

        run_op(parent=self._window, op=op, on_success=self._on_checked)

    def _on_checked(self, change: RecordChange | None) -> None:
        if change is not None and self.version is not None and self.change is None:
            self.change = change
            self.changed.emit(change)
