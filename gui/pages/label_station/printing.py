"""Sending a print job from the label station: to the printer's own worker thread
(printer_workers, beside this module), then back to the page with the outcome in plain words."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from gui.context import AppContext
from gui.operations import error_text, run_op
from gui.pages.label_station.feedback import StationFeedback
from gui.pages.label_station.printer_workers import PrinterWorkers
from gui.pages.label_station.tables import LabelTables
from models.labeling.print_run import PrintOutcome


class LabelPrinting(QObject):
    finished = Signal(int)  # job id, after the page has refreshed

    def __init__(
        self, ctx: AppContext, tables: LabelTables, feedback: StationFeedback, window: QWidget
    ) -> None:
        super().__init__(window)
        self.ctx, self.tables, self.feedback, self.window = ctx, tables, feedback, window
        self.workers = PrinterWorkers(ctx.core, self)
        # jobs handed to a printer thread here and not reported back: a job among them that
        # is PRINTING is printing, not interrupted (the recovery banner relies on this)
        self.running: set[int] = set()
        self.workers.printed.connect(self._on_printed)
        self.workers.failed.connect(self._on_refused)

    def print_job(self, job_id: int | None = None) -> bool:
        page = self.feedback
        if job_id is None:
            job = self.tables.selected_job()
        else:
            job = next((j for j in self.tables.job_rows if j.id == job_id), None)
        if job is None:
            page.say(self.tr("Choose a print job first."), False)
            return False
        try:
            self._send(job.id, job.printer, job.version)
        except Exception as exc:  # noqa: BLE001 - a bad printer URL is shown, not raised
            page.say(error_text(exc), False)
            return False
        page.say(self.tr("Printing job {0} on {1}…").format(job.id, job.printer), None)
        return True

    def _send(self, job_id: int, url: str, version: int | None = None) -> None:
        self.workers.print_job(job_id, url, self.ctx.username, version)
        self.running.add(job_id)

    def _on_printed(self, job_id: int, outcome: PrintOutcome) -> None:
        self.running.discard(job_id)
        page = self.feedback
        unconfirmed = len(outcome.unconfirmed_label_ids)
        if unconfirmed:
            text = self.tr(
                "Job {0}: {1} label(s) not confirmed by the printer — scan the labels that "
                "came out (“Recover job…”). {2} label(s) confirmed."
            ).format(job_id, unconfirmed, len(outcome.printed_label_ids))
            if outcome.failure is not None:
                text += " " + self.tr("Printer: {0}").format(error_text(outcome.failure))
            page.say(text, False)
        elif outcome.failure is not None:
            page.say(
                self.tr(
                    "Job {0} failed: {1}. Nothing after the failure was marked printed; fix the "
                    "printer and press Print again."
                ).format(job_id, error_text(outcome.failure)),
                False,
            )
        else:
            page.say(
                self.tr(
                    "Job {0} printed {1} label(s). Double-check each one before applying it."
                ).format(job_id, len(outcome.printed_label_ids)),
                True,
            )
        if outcome.failure is None:
            self._print_companions(job_id)
        self.ctx.events.records_changed.emit("printed_label")
        op = page.refresh()
        if op is not None:
            op.finished.connect(lambda: self.finished.emit(job_id))

    def _print_companions(self, job_id: int) -> None:
        """A partial label's information sheets are their own job: print them right after."""
        labeling = self.ctx.core.labeling
        url = next((j.printer for j in self.tables.job_rows if j.id == job_id), "")

        def print_all(ids: list[int]) -> None:
            for companion_id in ids:
                self._send(companion_id, url)

        run_op(
            parent=self.window,
            op=lambda _p: labeling.companion_jobs(job_id),
            on_success=print_all,
        )

    def _on_refused(self, job_id: int, exc: BaseException) -> None:
        self.running.discard(job_id)
        self.feedback.say(
            self.tr("Job {0} was not printed: {1}").format(job_id, error_text(exc)), False
        )
        self.feedback.refresh()

    def close(self) -> None:
        self.workers.close()
