"""Requesting labels at the label station, and the preview of exactly what prints: for a
unit (the template applied to its record now) or for a printed label (its archived content),
both rendered by printing.raster at the printer's resolution."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QListWidget, QWidget

from gui.context import AppContext
from gui.operations import Operation, Progress, error_text, run_op
from gui.pages.label_station.feedback import StationFeedback
from gui.pages.label_station.tables import LabelTables
from gui.widgets.label_preview import LabelPreview, printer_dpi
from gui.widgets.tables import wrapping_list
from printing.content import LabelContent

ID_ROLE = Qt.ItemDataRole.UserRole


class LabelRequest(QObject):
    """Owns what a request is made of (the unit list, template and printer choices) and the
    preview; ``batch_id`` tells which batch is on screen, ``tables`` which label is chosen."""

    def __init__(
        self,
        ctx: AppContext,
        tables: LabelTables,
        batch_id: Callable[[], int | None],
        feedback: StationFeedback,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self.ctx, self.tables, self.batch_id = ctx, tables, batch_id
        self.feedback, self.window = feedback, window
        self.units = wrapping_list(QListWidget(objectName="unitList"))
        self.template_combo = QComboBox(objectName="templateCombo")
        self.printer_combo = QComboBox(objectName="printerCombo")
        self.preview_caption = QLabel(objectName="sectionLabel", wordWrap=True)
        self.preview = LabelPreview(window)
        self.caption: tuple[str, str] = ("", "")

    def checked_unit_ids(self) -> list[int]:
        return [
            self.units.item(i).data(ID_ROLE)
            for i in range(self.units.count())
            if self.units.item(i).checkState() == Qt.CheckState.Checked
        ]

    def uncheck(self, unit_ids: list[int]) -> None:
        for i in range(self.units.count()):
            if self.units.item(i).data(ID_ROLE) in unit_ids:
                self.units.item(i).setCheckState(Qt.CheckState.Unchecked)

    def show_caption(self) -> None:
        """What the preview shows, in the current language (re-run on a language switch)."""
        kind, ident = self.caption
        if kind == "unit":
            text = self.tr("Preview – {0} as it will print").format(ident)
        elif kind == "label":
            text = self.tr("Label {0} – exactly as printed (archived)").format(ident)
        else:
            text = self.tr("Preview")
        self.preview_caption.setText(text)

    def preview_unit(self) -> Operation | None:
        item, template_id = self.units.currentItem(), self.template_combo.currentData()
        if item is None or template_id is None:
            return None
        unit_id, reads = item.data(ID_ROLE), self.ctx.core.label_station_reads
        url = self.printer_combo.currentData() or ""
        self.caption = ("unit", item.text().split()[0])
        self.show_caption()

        def op(_p: Progress) -> tuple[int, LabelContent]:
            # A template sized for another container would be refused: take the unit's own.
            chosen = reads.fitting_template(unit_id, template_id)
            return chosen, reads.unit_preview(unit_id, chosen)

        def show(loaded: tuple[int, LabelContent]) -> None:
            chosen, content = loaded
            if chosen != self.template_combo.currentData():
                self.template_combo.blockSignals(True)  # previewed already
                self.template_combo.setCurrentIndex(self.template_combo.findData(chosen))
                self.template_combo.blockSignals(False)
                self.feedback.say(
                    self.tr("Template {0} chosen: it fits the unit's container.").format(
                        self.template_combo.currentText().split()[0]
                    ),
                    None,
                )
            self.preview.show_content(content, printer_dpi(url))

        return run_op(
            parent=self.window,
            op=op,
            on_success=show,
            on_failure=lambda exc: self.preview.show_message(error_text(exc)),
        )

    def preview_label(self) -> Operation | None:
        label = self.tables.selected_label()
        if label is None:
            return None
        reads = self.ctx.core.label_station_reads
        self.caption = ("label", str(label.id))
        self.show_caption()

        def op(_p: Progress) -> tuple[LabelContent, str]:
            return reads.archived_label(label.id)

        return run_op(
            parent=self.window,
            op=op,
            on_success=lambda loaded: self.preview.show_content(loaded[0], printer_dpi(loaded[1])),
        )

    def request_labels(self) -> Operation | None:
        unit_ids, template_id = self.checked_unit_ids(), self.template_combo.currentData()
        printer, batch_id = self.printer_combo.currentData() or "", self.batch_id()
        if not unit_ids or template_id is None or not printer or batch_id is None:
            self.feedback.say(
                self.tr("Tick at least one unit and choose a template and a printer."), False
            )
            return None
        labeling, ctx = self.ctx.core.labeling, self.ctx

        def op(_p: Progress) -> int:
            return labeling.request_labels(
                batch_id=batch_id,
                template_id=template_id,
                unit_ids=unit_ids,
                printer_address=printer,
                station=ctx.station.name,
                actor=ctx.username,
                workspace=ctx.station.workspace or None,
            )

        def done(job_id: int) -> None:
            self.uncheck(unit_ids)  # requested now: ticked again they would ask for reprints
            self.feedback.say(
                self.tr("Job {0} queued for {1} label(s); press Print.").format(
                    job_id, len(unit_ids)
                ),
                True,
            )
            ctx.events.records_changed.emit("print_job")
            self.feedback.refresh()

        return run_op(
            parent=self.window,
            op=op,
            on_success=done,
            on_failure=lambda exc: self.feedback.say(error_text(exc), False),
        )
