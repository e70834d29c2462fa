"""The label station's warning about labels no printer confirmed, and its "Recover job…"
action (issue 13, item 4).

A job needs a person's word when labels of it await confirmation and no print run of it is
in progress at this station: UNCONFIRMED (a printer that cannot confirm), FAILED after a
label whose output is unknown, or PRINTING left behind by a crash.  The banner says so in
the user's language; the button opens RecoverJobDialog for the selected job.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from gui.context import AppContext
from gui.dialogs.recover_job import RecoverJobDialog
from gui.pages.label_station.feedback import StationFeedback
from gui.pages.label_station.tables import LabelTables
from gui.status_style import set_ok
from models.labeling.recovery import RecoveryOutcome
from models.labeling.station_view import JobRow

RECOVERABLE = ("printing", "unconfirmed", "failed")


def needs_recovery(job: JobRow, running: Collection[int]) -> bool:
    """Labels of the job await confirmation and nothing here is still printing it."""
    return job.awaiting > 0 and job.status in RECOVERABLE and job.id not in running


class LabelRecovery(QObject):
    """Owns the warning banner and the Recover button; the page lays them out."""

    def __init__(
        self,
        ctx: AppContext,
        tables: LabelTables,
        running: Callable[[], Collection[int]],
        feedback: StationFeedback,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self.ctx, self.tables, self.running = ctx, tables, running
        self.feedback, self.window = feedback, window
        self.banner = QLabel(objectName="recoveryBanner", wordWrap=True)
        self.banner.hide()
        self.button = QPushButton(objectName="recoverJobButton")
        self.button.setProperty("compact", True)
        self.button.clicked.connect(self.recover)
        self.dialog: RecoverJobDialog | None = None
        tables.jobs.itemSelectionChanged.connect(self.update)
        tables.filled.connect(self.update)
        self.retranslate()

    def retranslate(self) -> None:
        self.button.setText(self.tr("Recover job…"))
        self.update()

    def jobs_to_recover(self) -> list[JobRow]:
        running = self.running()
        return [job for job in self.tables.job_rows if needs_recovery(job, running)]

    def update(self) -> None:
        jobs = self.jobs_to_recover()
        selected = self.tables.selected_job()
        self.button.setEnabled(selected is not None and selected in jobs)
        lines = [self._warning(job) for job in jobs]
        self.banner.setText("\n".join(lines))
        self.banner.setVisible(bool(lines))
        set_ok(self.banner, False)

    def _warning(self, job: JobRow) -> str:
        text = self.tr(
            "⚠ Job {0}: {1} label(s) not confirmed by the printer — scan the labels that "
            "came out (select the job, then “Recover job…”)."
        ).format(job.id, job.awaiting)
        if job.status == "printing":
            return self.tr("⚠ Job {0} was interrupted while printing.").format(job.id) + " " + text
        return text

    def recover(self) -> RecoverJobDialog | None:
        job = self.tables.selected_job()
        if job is None or job not in self.jobs_to_recover():
            return None
        self.dialog = RecoverJobDialog(self.ctx, job.id, self.window)
        self.dialog.recovered.connect(self._on_recovered)
        self.dialog.open()
        return self.dialog

    def _on_recovered(self, outcome: RecoveryOutcome) -> None:
        printed, unsent = len(outcome.printed_label_ids), len(outcome.unsent_label_ids)
        if unsent:
            text = self.tr(
                "Job {0} recovered: {1} label(s) recorded as printed, {2} freed to print "
                "again — press Print for them."
            ).format(outcome.job_id, printed, unsent)
        else:
            text = self.tr("Job {0} recovered: {1} label(s) recorded as printed.").format(
                outcome.job_id, printed
            )
        self.feedback.say(text, True)
        self.ctx.events.records_changed.emit("printed_label")
        self.feedback.refresh()
