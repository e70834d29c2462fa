"""Cleanroom: today's work list from the database and guided actions on it.

Open batches (in process, filled, quarantine) with their steps (a batch's bar code scanned
here chooses it and puts the focus on the next action), units waiting for a storage
place and released units ready to ship.  Each action is one service call in a FormDialog
(record a step with the performer's e-signature, harvest time, fill, storage, shipments);
a step's second-person verification uses the SignOffDialog.  Hard stops come back from the
core as DomainError and are shown in the user's language.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.context import AppContext
from gui.dialogs.line_clearance import WorkspacePanel
from gui.i18n import format_datetime, format_number, word
from gui.live_refresh import RefreshWhenShown
from gui.operations import Operation, Progress, run_op
from gui.pages.cleanroom.actions import CleanroomActions
from gui.pages.cleanroom.consent_actions import ConsentActions
from gui.status_style import set_ok
from gui.widgets.status_badge import status_item
from gui.widgets.tables import read_only_table
from models.chain.records import StepRow
from models.cleanroom.work import WorkBatch, WorkList

ACTIONS = (
    "record_step",
    "verify_step",
    "harvest",
    "fill",
    "store",
    "ship",
    "dispatch",
    "cancel_shipment",
    "consent",
    "withdraw_consent",
    "request",
)


class CleanroomPage(QWidget):
    loaded = Signal(object)  # WorkList
    steps_loaded = Signal(object)  # tuple[StepRow, ...]

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cleanroomPage")
        self.ctx = ctx
        self.heading = QLabel(objectName="pageHeading")
        self.batches_label, self.steps_label, self.storage_label = (
            QLabel(objectName="sectionLabel", wordWrap=True) for _ in range(3)
        )
        self.batches = read_only_table(7, "workBatchTable", stretch=(1,))  # the product
        self.steps = read_only_table(4, "stepTable", stretch=(0, 3))  # step, verified by
        self.waiting = read_only_table(3, "storageTable")
        for table in (self.batches, self.steps):
            table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.buttons = {name: QPushButton(objectName=f"{name}Button") for name in ACTIONS}
        self.buttons["verify_step"].setProperty("primary", True)
        self.status = QLabel(objectName="pageStatus", wordWrap=True)
        self._hint_shown = False  # the status line shows the page's hint, not an outcome
        self.work: WorkList | None = None
        self.cleanroom_actions = CleanroomActions(ctx, self, self)
        self.consent_actions = ConsentActions(ctx, self.say, self)
        self.workspaces = WorkspacePanel(ctx, self.selected_batch, self._workspace_done, self)
        self.step_rows: tuple[StepRow, ...] = ()
        # a scanned batch: the focus goes to its next action whenever its steps are shown,
        # until another batch is chosen or an action is done (a reload may move the focus)
        self._focus_batch: int | None = None
        self._build_layout()
        handlers: dict[str, Callable[[], object]] = {
            "record_step": self.cleanroom_actions.record_step,
            "verify_step": self.cleanroom_actions.verify_step,
            "harvest": self.cleanroom_actions.record_harvest,
            "fill": self.cleanroom_actions.fill,
            "store": self.cleanroom_actions.store,
            "ship": self.cleanroom_actions.create_shipment,
            "dispatch": self.cleanroom_actions.dispatch,
            "cancel_shipment": self.cleanroom_actions.cancel_shipment,
            "consent": self.consent_actions.record_consent,
            "withdraw_consent": self.consent_actions.withdraw_consent,
            "request": self.consent_actions.add_request,
        }
        for name, handler in handlers.items():
            self.buttons[name].clicked.connect(lambda _=False, h=handler: h())
        self.batches.itemSelectionChanged.connect(self.load_steps)
        self.batches.itemSelectionChanged.connect(self.workspaces.update_buttons)
        self.steps.itemSelectionChanged.connect(self._update_buttons)
        self.live = RefreshWhenShown(ctx.events, self, self.refresh)
        self.retranslate()

    def _build_layout(self) -> None:
        grid = QGridLayout()
        for i, name in enumerate(ACTIONS):
            grid.addWidget(self.buttons[name], i // 3, i % 3)
        lower = QHBoxLayout()
        for label, table in ((self.steps_label, self.steps), (self.storage_label, self.waiting)):
            column = QVBoxLayout()
            column.addWidget(label)
            column.addWidget(table)
            lower.addLayout(column, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.batches_label)
        layout.addWidget(self.batches, 3)
        layout.addWidget(self.workspaces, 2)
        layout.addLayout(lower, 3)
        layout.addLayout(grid)
        layout.addWidget(self.status)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Cleanroom – today's work"))
        self.batches_label.setText(self.tr("Open batches – choose one to work on"))
        self.steps_label.setText(self.tr("Process steps of the chosen batch"))
        self.storage_label.setText(self.tr("Units waiting for a storage place"))
        self.batches.setHorizontalHeaderLabels(
            [
                self.tr("Batch"),
                self.tr("Product"),
                self.tr("Status"),
                self.tr("Workspace"),
                self.tr("Harvest"),
                self.tr("Units"),
                self.tr("Steps to verify"),
            ]
        )
        self.steps.setHorizontalHeaderLabels(
            [
                self.tr("Step"),
                self.tr("Performed by"),
                self.tr("Performed"),
                self.tr("Verified by"),
            ]
        )
        self.waiting.setHorizontalHeaderLabels(
            [self.tr("Unit"), self.tr("Batch"), self.tr("Status")]
        )
        texts = {
            "record_step": self.tr("Record step…"),
            "verify_step": self.tr("Verify step (2nd person)…"),
            "harvest": self.tr("Record harvest time…"),
            "fill": self.tr("Fill units…"),
            "store": self.tr("Place in storage…"),
            "ship": self.tr("Create shipment…"),
            "dispatch": self.tr("Dispatch shipment…"),
            "cancel_shipment": self.tr("Cancel shipment…"),
            "consent": self.tr("Record consent…"),
            "withdraw_consent": self.tr("Withdraw consent…"),
            "request": self.tr("Preparation request…"),
        }
        for name, text in texts.items():
            self.buttons[name].setText(text)
        if not self.status.text() or self._hint_shown:  # the hint follows the language
            self.say(self.tr("Choose a batch, then the action you have done."), None)
            self._hint_shown = True
        if self.work is not None:
            self._show(self.work)
        if self.step_rows:
            self._show_steps(self.step_rows)  # step names in the chosen language

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        if self.work is None:
            self.refresh()
        super().showEvent(event)

    # -- loading ---------------------------------------------------------------------------

    def refresh(self) -> Operation:
        reads = self.ctx.core.cleanroom_reads
        self.workspaces.refresh()

        def op(_p: Progress) -> WorkList:
            return reads.work_list()

        return run_op(parent=self, op=op, on_success=self._show)

    def _show(self, work: WorkList) -> None:
        previous = self.selected_batch()
        self.work = work
        self.batches.blockSignals(True)
        self.batches.setRowCount(len(work.batches))
        for row, b in enumerate(work.batches):
            cells: list[Any] = [
                b.number,
                b.product,
                status_item(b.status),
                b.workspace or "",
                format_datetime(b.harvest_at) or self.tr("not recorded"),
                format_number(b.units),
                format_number(b.open_steps),
            ]
            for col, cell in enumerate(cells):
                item = cell if isinstance(cell, QTableWidgetItem) else QTableWidgetItem(cell)
                self.batches.setItem(row, col, item)
        self.batches.blockSignals(False)
        self.waiting.setRowCount(len(work.awaiting_storage))
        for row, u in enumerate(work.awaiting_storage):
            self.waiting.setItem(row, 0, QTableWidgetItem(u.code))
            self.waiting.setItem(row, 1, QTableWidgetItem(u.batch))
            self.waiting.setItem(row, 2, status_item(u.quality_status))
        if previous is not None:
            self.select_batch(previous.number)
        self._update_buttons()
        self.loaded.emit(work)

    def select_batch(self, number: str) -> None:
        for row in range(self.batches.rowCount()):
            item = self.batches.item(row, 0)
            if item is not None and item.text() == number:
                self.batches.selectRow(row)
                return

    def open_batch(self, batch_id: int) -> bool:
        """A batch scanned at this station (its traveller's bar code): chosen here, its steps
        shown and the focus on what comes next - verifying a step that awaits it, else
        recording one.  False if it is not among today's open batches."""
        work = self.work
        row = next((i for i, b in enumerate(work.batches) if b.id == batch_id), -1) if work else -1
        if row < 0:
            return False
        self._focus_batch = batch_id
        chosen = self.selected_batch()
        self.batches.selectRow(row)
        if chosen is not None and chosen.id == batch_id:
            self.load_steps()  # already chosen: no selection change loads them
        return True

    def selected_batch(self) -> WorkBatch | None:
        rows = self.batches.selectionModel().selectedRows()
        if not rows or self.work is None or rows[0].row() >= len(self.work.batches):
            return None
        return self.work.batches[rows[0].row()]

    def selected_step(self) -> StepRow | None:
        rows = self.steps.selectionModel().selectedRows()
        return self.step_rows[rows[0].row()] if rows else None

    def load_steps(self) -> Operation | None:
        batch = self.selected_batch()
        if batch is None or batch.id != self._focus_batch:
            self._focus_batch = None
        self._update_buttons()
        if batch is None:
            return None
        reads = self.ctx.core.cleanroom_reads

        def op(_p: Progress) -> tuple[StepRow, ...]:
            return reads.batch_steps(batch.id)

        return run_op(parent=self, op=op, on_success=self._show_steps)

    def _show_steps(self, steps: tuple[StepRow, ...]) -> None:
        kept = self.selected_step()  # a refresh (another station's work) keeps the selection
        self.step_rows = steps
        self.steps.setRowCount(len(steps))
        for row, s in enumerate(steps):
            verified = s.verified_by or self.tr("⚠ awaiting verification")
            for col, text in enumerate(
                [
                    word("process_step", s.name),
                    s.performed_by,
                    format_datetime(s.performed_at),
                    verified,
                ]
            ):
                self.steps.setItem(row, col, QTableWidgetItem(text))
        pending = [r for r, s in enumerate(steps) if s.verified_by is None and not s.voided_reason]
        same = [r for r, s in enumerate(steps) if kept is not None and s.id == kept.id]
        if same or pending:
            self.steps.selectRow((same or pending)[0])
        self._update_buttons()
        batch = self.selected_batch()
        if batch is not None and batch.id == self._focus_batch:
            verify = self.buttons["verify_step"]
            (verify if verify.isEnabled() else self.buttons["record_step"]).setFocus()
        self.steps_loaded.emit(steps)

    def _update_buttons(self) -> None:
        batch, step = self.selected_batch(), self.selected_step()
        for name in ("record_step", "harvest", "fill"):
            self.buttons[name].setEnabled(batch is not None)
        self.buttons["verify_step"].setEnabled(step is not None and step.verified_by is None)
        work = self.work
        self.buttons["store"].setEnabled(bool(work and work.awaiting_storage))
        self.buttons["ship"].setEnabled(bool(work and work.shippable))
        self.buttons["dispatch"].setEnabled(bool(work and work.planned_shipments))
        self.buttons["cancel_shipment"].setEnabled(bool(work and work.planned_shipments))

    def _workspace_done(self, text: str) -> None:
        self.say(text, True)
        self.ctx.events.records_changed.emit("workspace")
        self.refresh()

    def say(self, text: str, ok: bool | None) -> None:
        self._hint_shown = False
        self._focus_batch = None  # an action was done: the focus is the person's again
        self.status.setText(text)
        self.status.setVisible(bool(text))
        set_ok(self.status, ok)
