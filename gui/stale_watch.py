"""A window open on one record learns when another station changes that record.

The window read the record at ``version`` (its audit sequence, models/kernel/record_version).
When the change feed reports a newer version of it, or catches up without listing the rows
(an incomplete ChangeSet), the window asks the trail who changed it, where and when, and is
told through ``changed`` (a RecordChange) before anyone can sign: the core would refuse the
signature anyway (``claim``), but a person should not type a password for nothing. Nothing the
person typed is cleared; the window decides what to disable (``guard`` does the usual: say so
and disable the signing button for good).

Every window that signs or acts on one versioned record uses this one watch: the double-check
and the step sign-off, and through FormDialog/SecondPersonDialog the release, void, cancel and
destruction dialogs.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QAbstractButton, QWidget

from gui.context import AppContext
from gui.i18n import LANGUAGE
from gui.operations import Progress, run_op
from models.kernel.change_set import ChangeSet
from models.kernel.record_version import RecordChange


class StaleWatch(QObject):
    changed = Signal(object)  # RecordChange: who changed the record since the window read it

    def __init__(
        self,
        ctx: AppContext,
        table: str,
        record_id: int,
        window: QWidget,
        ident: object | None = None,
    ) -> None:
        super().__init__(window)
        self._ctx, self._table, self._record_id, self._window = ctx, table, record_id, window
        self._ident = ident
        self.version: int | None = None  # unknown until the window has read the record
        self._paused: int | None = None  # the version while the window's own action runs
        self.change: RecordChange | None = None
        ctx.events.subscribe(window, ctx.events.records_changed, self._on_records_changed)

    @property
    def outdated(self) -> bool:
        """Another station changed the record since the window read it: nobody may sign."""
        return self.change is not None

    def read_at(self, version: int, verify: bool = False) -> None:
        """The window shows the record as of ``version``. ``verify``: ask the trail now too
        (the row the window was opened from may already be older than the record)."""
        self.version = version
        if verify:
            self.check(version)

    def stop(self) -> None:
        """The window's own action changed the record (it closes, or shows the outcome)."""
        self.version = self._paused = None

    def pause(self) -> None:
        """The window's own action is running: its commit is not news."""
        if self.version is not None:
            self._paused, self.version = self.version, None

    def resume(self) -> None:
        """The window's own action was refused: watch again, and look at what was missed."""
        if self._paused is not None:
            self.read_at(self._paused, verify=True)
            self._paused = None

    def guard(self, button: QAbstractButton, show: Callable[[str], None]) -> None:
        """The usual answer: say who changed the record, where and when (in the user's
        language), and disable ``button`` (the window keeps it disabled: ``outdated``)."""

        def on_changed(change: RecordChange) -> None:
            show(change.message(LANGUAGE.code))
            button.setEnabled(False)

        self.changed.connect(on_changed)

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
        reads, table, record_id, ident = (
            self._ctx.core.audit_reads,
            self._table,
            self._record_id,
            self._ident,
        )

        def op(_p: Progress) -> RecordChange | None:
            return reads.changed_since(table, record_id, version, ident)

        # a failed look (the database away) is not the person's business here: the window
        # stays as it is, the connection status says the rest, and signing is checked anyway
        run_op(parent=self._window, op=op, on_success=self._on_checked, on_failure=_ignore)

    def _on_checked(self, change: RecordChange | None) -> None:
        if change is not None and self.version is not None and self.change is None:
            self.change = change
            self.changed.emit(change)


def _ignore(_exc: BaseException) -> None:
    pass


class WatchesRecord:
    """For a dialog that acts on one versioned record: ``watch_record`` makes it say who
    changed the record, where and when, and keeps its action button disabled from then on
    (the service refuses the action anyway: record_version.claim)."""

    watch: StaleWatch | None

    def action_button(self) -> QAbstractButton:
        """The button that would act on the record (sign, submit)."""
        raise NotImplementedError

    def show_outdated(self, text: str) -> None:
        """Show the warning where the dialog shows its problems."""
        raise NotImplementedError

    def watch_record(
        self,
        ctx: AppContext,
        table: str,
        record_id: int,
        version: int | None,
        ident: object | None = None,
    ) -> StaleWatch:
        """The action is on this record as read at ``version`` (None: read later, then
        ``watch.read_at``)."""
        assert isinstance(self, QWidget)
        self.watch = StaleWatch(ctx, table, record_id, self, ident)
        self.watch.guard(self.action_button(), self.show_outdated)
        if version is not None:
            self.watch.read_at(version, verify=True)
        return self.watch

    @property
    def outdated(self) -> bool:
        return self.watch is not None and self.watch.outdated
