"""Line clearance (清场) and workspace occupancy on the cleanroom page (R-SEG-01/02/03/05/06).

``WorkspacePanel`` lists every workspace with its state in glyph and words (cleared / needs
line clearance / occupied by batch X, and the infectious-area flag), never by colour alone,
and offers the actions: record a clearance, start the chosen batch in a workspace, finish
the batch that is in it, and (for admin or QA) register a workspace.

``LineClearanceDialog`` is the checklist: the operator confirms every item, signs with
their password (meaning: performed), then a *different* person verifies in a
``SecondPersonDialog`` with their own user name and password (meaning: verified).  Both
signatures are recorded by one core call.  The GUI warns early (an unticked item, the same
person); the rules that count are the core's, and its refusals are shown in the dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.context import AppContext
from gui.dialogs.form import Field, FormDialog
from gui.dialogs.signoff import SecondPersonDialog
from gui.i18n import capitalised, domain, format_datetime
from gui.operations import Operation, Progress, run_op
from models.cleanroom.line_clearance import ChecklistItem, WorkspaceState, WorkspaceStatus
from models.cleanroom.work import WorkBatch

_BACKGROUND = {  # a second cue only: the words and glyph carry the meaning
    WorkspaceState.CLEARED: "#a5d6a7",
    WorkspaceState.NEEDS_CLEARANCE: "#ffd54f",
    WorkspaceState.OCCUPIED: "#90caf9",
}


class ClearanceVerifierDialog(SecondPersonDialog):
    """The second person verifies the clearance the operator has just signed; emits its id."""

    def __init__(
        self,
        ctx: AppContext,
        status: WorkspaceStatus,
        checklist: dict[str, bool],
        performer_password: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            summary="",
            sign_label=QCoreApplication.translate("ClearanceVerifierDialog", "Sign as verifier"),
            title=QCoreApplication.translate(
                "ClearanceVerifierDialog", "Line clearance – second-person verification"
            ),
            parent=parent,
        )
        self.setObjectName("clearanceVerifierDialog")
        self._ctx, self._status = ctx, status
        self._checklist, self._performer_password = checklist, performer_password
        self.summary.setText(
            self.tr(
                "Verify the line clearance of workspace {0}, performed by {1}: check the "
                "workspace yourself. Your password is your electronic signature "
                "(meaning: verified)."
            ).format(status.code, ctx.username)
        )
        self.username.textChanged.connect(self._on_username_changed)

    def _on_username_changed(self, text: str) -> None:
        same = text.strip().lower() == self._ctx.username.lower()
        if same:
            self._show(
                self.tr("{0} performed this clearance; a second person must verify.").format(
                    text.strip()
                )
            )
        else:
            self.error.hide()
        self.sign_button.setEnabled(not same)

    def sign_op(self, username: str, password: str) -> Callable[[Any], int]:
        service = self._ctx.core.line_clearance
        code, checklist = self._status.code, dict(self._checklist)
        performer, performer_password = self._ctx.username, self._performer_password
        return lambda _progress: service.record_clearance(
            workspace_code=code,
            checklist=checklist,
            performer=performer,
            performer_password=performer_password,
            verifier=username,
            verifier_password=password,
        )


class LineClearanceDialog(QDialog):
    """Checklist + the performer's signature; the verifier signs in a second dialog."""

    recorded = Signal(int)  # the clearance id

    def __init__(
        self, ctx: AppContext, status: WorkspaceStatus, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("lineClearanceDialog")
        self.setWindowTitle(self.tr("Line clearance – {0}").format(status.code))
        self._ctx, self._status = ctx, status
        self.verifier_dialog: ClearanceVerifierDialog | None = None
        self.summary = QLabel(self._summary_text(), wordWrap=True, objectName="clearanceSummary")
        self.items: dict[ChecklistItem, QCheckBox] = {}
        checks = QVBoxLayout()
        for item in status.items:
            box = QCheckBox(self.item_text(item), objectName=f"item_{item.value}")
            box.toggled.connect(self._on_changed)
            self.items[item] = box
            checks.addWidget(box)
        self.password = QLineEdit(
            objectName="performerPassword", echoMode=QLineEdit.EchoMode.Password
        )
        form = QFormLayout()
        form.addRow(self.tr("Performed by"), QLabel(ctx.username))
        form.addRow(self.tr("Your password"), self.password)
        self.error = QLabel(objectName="errorLabel", wordWrap=True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.sign_button = self.buttons.addButton(
            self.tr("Sign and ask for verification…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.sign_button.setObjectName("primaryButton")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(checks)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons, alignment=Qt.AlignmentFlag.AlignRight)
        self.buttons.rejected.connect(self.reject)
        self.sign_button.clicked.connect(self.on_sign_clicked)
        self.resize(680, 460)

    def _summary_text(self) -> str:
        s = self._status
        if s.previous_batch:
            text = self.tr(
                "Clear workspace {0} after batch {1}. Confirm each item only after checking "
                "it; an item that is not fulfilled means no clearance: clean again first."
            ).format(s.code, s.previous_batch)
        else:
            text = self.tr(
                "Clear workspace {0} before its first batch. Confirm each item only after "
                "checking it; an item that is not fulfilled means no clearance."
            ).format(s.code)
        if s.residual_risk_required:
            text += " " + self.tr(
                "☣ The previous batch was infectious or processed in an infectious area: "
                "confirm that no residual infection risk remains (R-SEG-06)."
            )
        return text

    def item_text(self, item: ChecklistItem) -> str:
        """The checklist item in the domain catalogue's words (the refusal uses them too)."""
        return capitalised(domain(f"clearance_item.{item.value}"))

    def checklist(self) -> dict[str, bool]:
        return {item.value: box.isChecked() for item, box in self.items.items()}

    def _on_changed(self) -> None:
        self.error.hide()

    def on_sign_clicked(self) -> ClearanceVerifierDialog | None:
        password = self.password.text()
        self.password.clear()  # typed afresh for every attempt
        open_items = [self.item_text(i) for i, box in self.items.items() if not box.isChecked()]
        if open_items:
            self._show(
                self.tr("Not confirmed: {0}. Every item must be confirmed.").format(
                    "; ".join(open_items)
                )
            )
            return None
        if not password:
            self._show(self.tr("Enter your password: it is your electronic signature."))
            return None
        dialog = ClearanceVerifierDialog(self._ctx, self._status, self.checklist(), password, self)
        dialog.signed.connect(self._on_recorded)
        self.verifier_dialog = dialog
        dialog.open()
        return dialog

    def _on_recorded(self, clearance_id: int) -> None:
        self.recorded.emit(clearance_id)
        self.accept()

    def _show(self, text: str) -> None:
        self.error.setText(f"✖ {text}")
        self.error.show()


class WorkspacePanel(QWidget):
    """Workspaces with their state and the clearance / start / finish actions."""

    loaded = Signal(object)  # tuple[WorkspaceStatus, ...]

    def __init__(
        self,
        ctx: AppContext,
        selected_batch: Callable[[], WorkBatch | None],
        done: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("workspacePanel")
        self.ctx, self._selected_batch, self._done = ctx, selected_batch, done
        self.label = QLabel(objectName="sectionLabel", wordWrap=True)
        self.table = QTableWidget(0, 5, objectName="workspaceTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.empty = QLabel(objectName="workspaceEmpty", wordWrap=True)
        self.buttons = {
            name: QPushButton(objectName=f"{name}Button")
            for name in ("clearance", "start", "finish", "add_workspace")
        }
        self.statuses: tuple[WorkspaceStatus, ...] = ()
        row = QGridLayout()  # two per line: four long labels in one line were wider than 1280 px
        for i, button in enumerate(self.buttons.values()):
            row.addWidget(button, i // 2, i % 2)
        row.setColumnStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        layout.addLayout(row)
        self.buttons["clearance"].clicked.connect(lambda _=False: self.record_clearance())
        self.buttons["start"].clicked.connect(lambda _=False: self.start_batch())
        self.buttons["finish"].clicked.connect(lambda _=False: self.finish_batch())
        self.buttons["add_workspace"].clicked.connect(lambda _=False: self.add_workspace())
        self.table.itemSelectionChanged.connect(self.update_buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.label.setText(self.tr("Workspaces – line clearance (R-SEG)"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Workspace"),
                self.tr("Area"),
                self.tr("Status"),
                self.tr("Last clearance"),
                self.tr("Name"),
            ]
        )
        self.empty.setText(
            self.tr(
                "No workspaces are registered yet; QA or an administrator registers them. "
                "Until then, batches are not tied to a workspace."
            )
        )
        texts = {
            "clearance": self.tr("Record line clearance…"),
            "start": self.tr("Start chosen batch here…"),
            "finish": self.tr("Finish batch here…"),
            "add_workspace": self.tr("Register workspace…"),
        }
        for name, text in texts.items():
            self.buttons[name].setText(text)
        self._show(self.statuses)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- state ------------------------------------------------------------------------------

    def refresh(self) -> Operation:
        service = self.ctx.core.line_clearance

        def op(_p: Progress) -> tuple[WorkspaceStatus, ...]:
            return service.statuses()

        return run_op(parent=self, op=op, on_success=self._show)

    def state_text(self, status: WorkspaceStatus) -> str:
        if status.state is WorkspaceState.OCCUPIED:
            return self.tr("✖ Occupied by batch {0}").format(status.occupant)
        if status.state is WorkspaceState.CLEARED:
            return self.tr("✔ Cleared – ready for the next batch")
        if status.previous_batch:
            return self.tr("⚠ Needs line clearance (after batch {0})").format(status.previous_batch)
        return self.tr("⚠ Needs line clearance")

    def area_text(self, status: WorkspaceStatus) -> str:
        return self.tr("☣ Infectious area") if status.infectious_area else self.tr("General")

    def _show(self, statuses: tuple[WorkspaceStatus, ...]) -> None:
        chosen = self.selected()
        self.statuses = statuses
        self.table.blockSignals(True)
        self.table.setRowCount(len(statuses))
        for row, s in enumerate(statuses):
            cleared = (
                self.tr("{0}, {1} / {2}").format(
                    format_datetime(s.last_clearance_at), *s.last_cleared_by
                )
                if s.last_cleared_by and s.last_clearance_at
                else self.tr("none")
            )
            state = QTableWidgetItem(self.state_text(s))
            state.setBackground(QColor(_BACKGROUND[s.state]))
            state.setData(256, s.state.value)  # Qt.UserRole: the raw state, for tests
            cells = [QTableWidgetItem(s.code), QTableWidgetItem(self.area_text(s)), state]
            cells += [QTableWidgetItem(cleared), QTableWidgetItem(s.name)]
            for col, item in enumerate(cells):
                self.table.setItem(row, col, item)
        self.table.blockSignals(False)
        self.table.setVisible(bool(statuses))
        self.empty.setVisible(not statuses)
        if chosen is not None:
            self.select(chosen.code)
        self.update_buttons()
        self.loaded.emit(statuses)

    def select(self, code: str) -> None:
        for row, s in enumerate(self.statuses):
            if s.code == code:
                self.table.selectRow(row)
                return

    def selected(self) -> WorkspaceStatus | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.statuses):
            return None
        return self.statuses[rows[0].row()]

    def update_buttons(self) -> None:
        ws, batch = self.selected(), self._selected_batch()
        occupied = ws is not None and ws.state is WorkspaceState.OCCUPIED
        self.buttons["clearance"].setEnabled(ws is not None and not occupied)
        self.buttons["start"].setEnabled(
            ws is not None and ws.state is WorkspaceState.CLEARED and batch is not None
        )
        self.buttons["finish"].setEnabled(occupied)
        for name in ("clearance", "start", "finish"):  # no workspace, nothing to act on
            self.buttons[name].setVisible(bool(self.statuses))
        user = self.ctx.user
        self.buttons["add_workspace"].setVisible(user is not None and user.has_any("admin", "qa"))

    # -- actions ----------------------------------------------------------------------------

    def record_clearance(self) -> LineClearanceDialog | None:
        ws = self.selected()
        if ws is None:
            return None
        dialog = LineClearanceDialog(self.ctx, ws, self)
        dialog.recorded.connect(
            lambda _id: self._done(
                self.tr("Line clearance of {0} recorded and verified.").format(ws.code)
            )
        )
        dialog.open()
        return dialog

    def start_batch(self) -> FormDialog | None:
        ws, batch = self.selected(), self._selected_batch()
        if ws is None or batch is None:
            return None
        service, user = self.ctx.core.line_clearance, self.ctx.username
        return self._form(
            self.tr("Start batch {0} in {1}").format(batch.number, ws.code),
            self.tr(
                "Batch {0} starts its work in workspace {1}; no other batch may enter until "
                "it has finished and the line is cleared again."
            ).format(batch.number, ws.code),
            self.tr("Start here"),
            lambda _v: service.start_in_workspace(
                actor=user, batch_number=batch.number, workspace_code=ws.code
            ),
            self.tr("Batch {0} started in {1}.").format(batch.number, ws.code),
        )

    def finish_batch(self) -> FormDialog | None:
        ws = self.selected()
        if ws is None or ws.occupant is None:
            return None
        service, user, batch = self.ctx.core.line_clearance, self.ctx.username, ws.occupant
        return self._form(
            self.tr("Finish batch {0} in {1}").format(batch, ws.code),
            self.tr(
                "The work of batch {0} in workspace {1} ends; the workspace needs a line "
                "clearance before the next batch."
            ).format(batch, ws.code),
            self.tr("Finish here"),
            lambda _v: service.finish_in_workspace(
                actor=user, batch_number=batch, workspace_code=ws.code
            ),
            self.tr("Batch {0} finished in {1}; clear the line next.").format(batch, ws.code),
        )

    def add_workspace(self) -> FormDialog:
        service, user = self.ctx.core.line_clearance, self.ctx.username
        return self._form(
            self.tr("Register a workspace"),
            self.tr(
                "A cleanroom suite or biosafety cabinet. Infectious material is processed "
                "only in an infectious area, and nothing else there."
            ),
            self.tr("Register"),
            lambda v: service.add_workspace(
                actor=user, code=v["code"], name=v["name"], infectious_area=v["infectious"]
            ),
            self.tr("Workspace registered."),
            [
                Field("code", self.tr("Code (e.g. C-201/BSC-02)")),
                Field("name", self.tr("Name")),
                Field("infectious", self.tr("Infectious area"), "check"),
            ],
        )

    def _form(
        self,
        title: str,
        summary: str,
        submit: str,
        action: Callable[[dict[str, Any]], Any],
        done: str,
        fields: list[Field] | None = None,
    ) -> FormDialog:
        dialog = FormDialog(
            self,
            title=title,
            summary=summary,
            fields=fields or [],
            submit_text=submit,
            action=action,
            name="workspaceDialog",
        )
        dialog.succeeded.connect(lambda _r: self._done(done))
        dialog.open()
        return dialog
