"""The label station's actions on one print job or printed label: double-check, apply, void,
witnessed destruction, reprint request, QA reprint approval, cancel, resume a stopped line.

Each is one LabelingService call; the buttons' enabled state follows the selected row's
state as a convenience only (the service refuses anything out of order, with a reason).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QPushButton, QWidget

from gui.context import AppContext
from gui.dialogs.double_check import DoubleCheckDialog
from gui.dialogs.form import Field, FormDialog, Values, open_form
from gui.operations import Operation, error_text, run_op
from gui.pages.label_station.feedback import StationFeedback
from gui.pages.label_station.tables import LabelTables

VOIDABLE = ("printed", "verified", "rejected")


class LabelActions(QObject):
    """Acts on the row selected in ``tables``; ``print_button`` only follows the selection
    (printing itself is LabelPrinting's); dialogs open over ``window``."""

    def __init__(
        self,
        ctx: AppContext,
        tables: LabelTables,
        print_button: QPushButton,
        feedback: StationFeedback,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self.ctx, self.tables, self.print_button = ctx, tables, print_button
        self.feedback, self.window = feedback, window
        job_names = ("approveReprintButton", "cancelJobButton", "resumeButton")
        self.approve_button, self.cancel_button, self.resume_button = (
            QPushButton(objectName=n) for n in job_names
        )
        label_names = ("checkButton", "applyButton", "voidButton", "destroyButton", "reprintButton")
        self.check_button, self.apply_button, self.void_button = (
            QPushButton(objectName=n) for n in label_names[:3]
        )
        self.destroy_button, self.reprint_button = (
            QPushButton(objectName=n) for n in label_names[3:]
        )
        self.check_button.setObjectName("primaryButton")
        self.check_button.setProperty("action", "check")
        self.approve_button.clicked.connect(self.approve_reprint)
        self.cancel_button.clicked.connect(self.cancel_job)
        self.resume_button.clicked.connect(self.resume_line)
        self.check_button.clicked.connect(self.double_check)
        self.apply_button.clicked.connect(self.apply)
        self.void_button.clicked.connect(self.void)
        self.destroy_button.clicked.connect(self.destroy)
        self.reprint_button.clicked.connect(self.reprint)
        for button in (*self.job_buttons(), *self.label_buttons(), print_button):
            button.setProperty("compact", True)
        tables.jobs.itemSelectionChanged.connect(self.update_buttons)
        tables.labels.itemSelectionChanged.connect(self.update_buttons)
        tables.filled.connect(self.update_buttons)

    def job_buttons(self) -> list[QPushButton]:
        return [self.approve_button, self.cancel_button, self.resume_button]

    def label_buttons(self) -> list[QPushButton]:
        return [
            self.check_button,
            self.apply_button,
            self.void_button,
            self.destroy_button,
            self.reprint_button,
        ]

    def retranslate(self) -> None:
        self.approve_button.setText(self.tr("Approve reprint…"))
        self.cancel_button.setText(self.tr("Cancel job…"))
        self.resume_button.setText(self.tr("Resume line…"))
        self.check_button.setText(self.tr("Double-check…"))
        self.apply_button.setText(self.tr("Apply"))
        self.void_button.setText(self.tr("Void…"))
        self.destroy_button.setText(self.tr("Destroy (witness)…"))
        self.reprint_button.setText(self.tr("Reprint…"))

    def update_buttons(self) -> None:
        job, label = self.tables.selected_job(), self.tables.selected_label()
        self.print_button.setEnabled(job is not None and job.status in ("requested", "failed"))
        self.approve_button.setEnabled(job is not None and job.awaiting_reprint_approval)
        self.cancel_button.setEnabled(job is not None and job.status in ("requested", "failed"))
        self.resume_button.setEnabled(job is not None and job.line_stopped)
        state = label.state if label else ""
        self.check_button.setEnabled(state == "printed")
        self.apply_button.setEnabled(state == "verified")
        self.void_button.setEnabled(state in VOIDABLE)
        self.destroy_button.setEnabled(any(r.state == "voided" for r in self.tables.label_rows))
        self.reprint_button.setEnabled(state in ("voided", "destroyed"))

    # -- label actions ---------------------------------------------------------------------

    def double_check(self) -> DoubleCheckDialog | None:
        label = self.tables.selected_label()
        if label is None:
            return None
        dialog = DoubleCheckDialog(self.ctx, label.id, label.din, self.window)
        dialog.verified.connect(
            lambda r: self._done(
                self.tr("Label {0} passed the double-check; apply it now.").format(r.label_id)
            )
        )
        dialog.stopped.connect(
            lambda r: self._done(
                self.tr(
                    "✖ Line stopped: label {0} failed the double-check (deviation #{1})."
                ).format(r.label_id, r.deviation_id),
                ok=False,
            )
        )
        dialog.open()
        return dialog

    def apply(self) -> Operation | None:
        label = self.tables.selected_label()
        if label is None:
            return None
        labeling, actor = self.ctx.core.labeling, self.ctx.username
        return run_op(
            parent=self.window,
            op=lambda _p: labeling.apply_label(
                label_id=label.id, actor=actor, expected_version=label.version
            ),
            on_success=lambda _r: self._done(
                self.tr("Label {0} applied to unit {1}.").format(label.id, label.din)
            ),
            on_failure=lambda exc: self.feedback.say(error_text(exc), False),
        )

    def void(self) -> FormDialog | None:
        label = self.tables.selected_label()
        if label is None:
            return None
        labeling, actor = self.ctx.core.labeling, self.ctx.username
        return self._form(
            title=self.tr("Void label {0}").format(label.id),
            summary=self.tr(
                "A voided label is kept aside for witnessed destruction; it can never be applied."
            ),
            fields=[Field("reason", self.tr("Reason"), "multiline")],
            submit=self.tr("Void label"),
            action=lambda v: labeling.void_label(
                label_id=label.id, actor=actor, reason=v["reason"], expected_version=label.version
            ),
            done=self.tr("Label {0} voided; destroy it under a witness.").format(label.id),
            record=("printed_label", label.id, label.version),
        )

    def destroy(self) -> FormDialog:
        voided = [r for r in self.tables.label_rows if r.state == "voided"]
        labeling, actor = self.ctx.core.labeling, self.ctx.username
        choices = [f"{r.id} · {r.din}" for r in voided]

        def action(v: Values) -> None:
            ids = [int(text.split(" ·")[0]) for text in v["labels"]]
            labeling.record_destruction(
                label_ids=ids, actor=actor, witness=v["witness"], witness_password=v["password"]
            )

        return self._form(
            title=self.tr("Witnessed destruction"),
            summary=self.tr(
                "You ({0}) destroy the ticked labels; a second person witnesses "
                "it and signs with their own password."
            ).format(actor),
            fields=[
                Field("labels", self.tr("Labels destroyed"), "multi", choices),
                Field("witness", self.tr("Witness user name")),
                Field("password", self.tr("Witness password"), "password"),
            ],
            submit=self.tr("Record destruction"),
            action=action,
            guard=lambda v: self._second_person(v["witness"], (actor,)),
            done=self.tr("Destruction recorded."),
        )

    def reprint(self) -> FormDialog | None:
        label = self.tables.selected_label()
        if label is None:
            return None
        labeling, ctx = self.ctx.core.labeling, self.ctx
        return self._form(
            title=self.tr("Request a reprint of label {0}").format(label.id),
            summary=self.tr(
                "The reprint carries the repeat-label flag and prints only after QA approves it."
            ),
            fields=[
                Field("reason", self.tr("Reason"), "multiline"),
                Field("printer", self.tr("Printer"), "choice", ctx.station.printer_urls),
            ],
            submit=self.tr("Request reprint"),
            action=lambda v: labeling.request_reprint(
                label_id=label.id,
                reason=v["reason"],
                printer_address=v["printer"],
                station=ctx.station.name,
                actor=ctx.username,
                workspace=ctx.station.workspace or None,
            ),
            done=self.tr("Reprint requested; QA must approve it before it prints."),
        )

    # -- job actions -----------------------------------------------------------------------

    def approve_reprint(self) -> FormDialog | None:
        job = self.tables.selected_job()
        if job is None:
            return None
        labeling = self.ctx.core.labeling
        return self._form(
            title=self.tr("Approve reprint – job {0}").format(job.id),
            summary=self.tr(
                "Reason given by {0}: {1}. QA approves with their own password (meaning: approved)."
            ).format(job.requested_by, job.reprint_reason),
            fields=[
                Field("username", self.tr("QA user name")),
                Field("password", self.tr("Password"), "password"),
            ],
            submit=self.tr("Approve reprint"),
            action=lambda v: labeling.approve_reprint(
                job_id=job.id,
                username=v["username"],
                password=v["password"],
                expected_version=job.version,
            ),
            guard=lambda v: self._second_person(v["username"], (job.requested_by,)),
            done=self.tr("Reprint job {0} approved; it can be printed.").format(job.id),
            record=("print_job", job.id, job.version),
        )

    def cancel_job(self) -> FormDialog | None:
        job = self.tables.selected_job()
        if job is None:
            return None
        labeling, actor = self.ctx.core.labeling, self.ctx.username
        return self._form(
            title=self.tr("Cancel print job {0}").format(job.id),
            summary=self.tr("Labels already printed by this job stay to be reconciled."),
            fields=[Field("reason", self.tr("Reason"), "multiline")],
            submit=self.tr("Cancel job"),
            action=lambda v: labeling.cancel_job(
                job_id=job.id, actor=actor, reason=v["reason"], expected_version=job.version
            ),
            done=self.tr("Job {0} cancelled.").format(job.id),
            record=("print_job", job.id, job.version),
        )

    def resume_line(self) -> FormDialog | None:
        job = self.tables.selected_job()
        if job is None:
            return None
        labeling = self.ctx.core.labeling
        return self._form(
            title=self.tr("Resume stopped line – job {0}").format(job.id),
            summary=self.tr("QA lifts the stop after reviewing deviation {0}.").format(
                job.deviation or ""
            ),
            fields=[
                Field("username", self.tr("QA user name")),
                Field("password", self.tr("Password"), "password"),
                Field("reason", self.tr("Reason"), "multiline"),
            ],
            submit=self.tr("Resume line"),
            action=lambda v: labeling.resume_line(
                job_id=job.id,
                username=v["username"],
                password=v["password"],
                reason=v["reason"],
                expected_version=job.version,
            ),
            done=self.tr("Line resumed for job {0}.").format(job.id),
            record=("print_job", job.id, job.version),
        )

    # -- helpers ---------------------------------------------------------------------------

    def _second_person(self, name: str, others: tuple[str, ...]) -> str | None:
        if name.strip().lower() in {o.lower() for o in others if o}:
            return self.tr("{0} cannot sign this: a second person must.").format(name.strip())
        return None

    def _form(
        self,
        *,
        title: str,
        summary: str,
        fields: list[Field],
        submit: str,
        action: Callable[[Values], Any],
        done: str,
        guard: Callable[[Values], str | None] | None = None,
        record: tuple[str, int, int] | None = None,
    ) -> FormDialog:
        """``record``: (table, id, version) of the one record the form acts on; the form
        says so and cannot be submitted once another station has changed it."""
        dialog = open_form(
            self.window,
            title=title,
            summary=summary,
            fields=fields,
            submit=submit,
            action=action,
            on_success=lambda: self._done(done),
            guard=guard,
        )
        if record is not None:
            dialog.watch_record(self.ctx, *record)
        return dialog

    def _done(self, text: str, ok: bool = True) -> None:
        self.feedback.say(text, ok)
        self.ctx.events.records_changed.emit("printed_label")
        self.feedback.refresh()
