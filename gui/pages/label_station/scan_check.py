"""A unit's DIN scanned at the label station opens the double-check of its printed label
(issue 14): the keyboard route to the check, no table to search and no button to click.

If the label belongs to another batch, the station switches to that batch and opens the
check once its rows are shown.  The check itself is LabelActions.double_check, unchanged:
the core decides and signs, this only finds the row.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, SignalInstance
from PySide6.QtWidgets import QWidget

from gui.context import AppContext
from gui.dialogs.double_check import DoubleCheckDialog
from gui.operations import Operation, run_op
from gui.pages.label_station.actions import LabelActions
from gui.pages.label_station.feedback import StationFeedback
from gui.pages.label_station.tables import LabelTables

AWAITING = "printed"  # a printed label nobody has double-checked yet


class ScanToCheck(QObject):
    def __init__(
        self,
        ctx: AppContext,
        tables: LabelTables,
        actions: LabelActions,
        feedback: StationFeedback,
        select_batch: Callable[[str], bool],
        loaded: SignalInstance,
        window: QWidget,
        shown_batch: Callable[[], str | None] = lambda: None,
    ) -> None:
        super().__init__(window)
        self.ctx, self.tables, self.actions, self.feedback = ctx, tables, actions, feedback
        self.select_batch, self.window, self.shown_batch = select_batch, window, shown_batch
        # The unit whose check opens when its batch has loaded. Other loads may finish first
        # (another station's work refreshes the batch still shown): they leave it waiting.
        self.pending: tuple[int, str] | None = None
        self.dialog: DoubleCheckDialog | None = None  # the last check opened (tests read it)
        loaded.connect(self._on_loaded)

    def open_for_unit(self, unit_id: int) -> Operation | None:
        """Open the check at once if the shown batch holds the label, else ask the core where
        it is (the rows shown may be another batch's)."""
        self.pending = None
        if self._open(unit_id):
            return None
        reads = self.ctx.core.label_station_reads
        return run_op(
            parent=self.window,
            op=lambda _p: reads.awaiting_check(unit_id),
            on_success=lambda found: self._go_to_batch(unit_id, *found),
        )

    def _go_to_batch(self, unit_id: int, din: str, number: str | None) -> None:
        if number is None:
            self.feedback.say(
                self.tr("No label of unit {0} awaits a double-check.").format(din), False
            )
            return
        self.pending = (unit_id, number)
        if not self.select_batch(number):  # batch list older than the label: not shown here
            self.pending = None
            self.feedback.say(
                self.tr(
                    "The label of unit {0} is in batch {1}, which this station does not list."
                ).format(din, number),
                False,
            )

    def _on_loaded(self) -> None:
        if self.pending is None or self.shown_batch() not in (None, self.pending[1]):
            return
        (unit_id, _number), self.pending = self.pending, None
        if not self._open(unit_id):
            # checked or voided between the question and the load: say so, open nothing
            self.feedback.say(self.tr("No label of this unit awaits a double-check."), False)

    def _open(self, unit_id: int) -> bool:
        rows = self.tables.label_rows
        index = next(
            (i for i, r in enumerate(rows) if r.unit_id == unit_id and r.state == AWAITING), -1
        )
        if index < 0:
            return False
        self.tables.labels.selectRow(index)
        self.dialog = self.actions.double_check()
        return self.dialog is not None
