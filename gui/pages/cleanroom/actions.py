"""The cleanroom's guided actions: each one FormDialog around one core service call (or the
SignOffDialog for a second-person verification).  Refusals (DomainError) stay in the dialog,
in the user's language, so the operator can correct and retry."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from gui.context import AppContext
from gui.dialogs.form import Field, FormDialog, Values, open_form
from gui.dialogs.signoff import SignOffDialog
from gui.i18n import word
from gui.operations import Operation
from models.chain.records import StepRow
from models.cleanroom.work import WorkBatch, WorkList
from models.entities.production import UNIT_CONTAINERS


class CleanroomView(Protocol):
    """What the actions read from the cleanroom page (the chosen rows, today's work list) and
    ask of it (say how it went, reload); the page satisfies it without being imported."""

    @property
    def work(self) -> WorkList | None: ...

    def selected_batch(self) -> WorkBatch | None: ...

    def selected_step(self) -> StepRow | None: ...

    def say(self, text: str, ok: bool | None) -> None: ...

    def refresh(self) -> Operation: ...

    def load_steps(self) -> Operation | None: ...


# Line clearance is not a free-text step: it is the signed workspace clearance
# (models/cleanroom/line_clearance.py), recorded from the workspace panel.
STEP_NAMES = (
    "Thaw",
    "Seeding",
    "Passage",
    "Media change",
    "Harvest",
    "Wash",
    "Formulation",
    "Fill",
    "Final inspection",
)
CONTAINERS = UNIT_CONTAINERS


class CleanroomActions(QObject):
    def __init__(self, ctx: AppContext, view: CleanroomView, window: QWidget) -> None:
        super().__init__(window)
        self.ctx, self.view, self.window = ctx, view, window

    def record_step(self) -> FormDialog | None:
        batch = self.view.selected_batch()
        if batch is None:
            return None
        steps, user = self.ctx.core.steps, self.ctx.username
        return self._form(
            self.tr("Record a process step – {0}").format(batch.number),
            self.tr(
                "You ({0}) record the step you have just done. Your password is your "
                "electronic signature (meaning: performed)."
            ).format(user),
            [
                Field("name", self.tr("Step"), "choice", STEP_NAMES, vocabulary="process_step"),
                Field("notes", self.tr("Observations"), "multiline"),
                Field("password", self.tr("Your password"), "password"),
            ],
            self.tr("Sign step"),
            lambda v: steps.record_step(
                batch_id=batch.id,
                name=v["name"],
                data={"notes": v["notes"]} if v["notes"] else {},
                username=user,
                password=v["password"],
            ),
            self.tr("Step recorded; a second person must verify it."),
        )

    def verify_step(self) -> SignOffDialog | None:
        batch, step = self.view.selected_batch(), self.view.selected_step()
        if batch is None or step is None:
            return None
        dialog = SignOffDialog(self.ctx, step, batch.number, self.window)
        dialog.signed.connect(
            lambda _id: self._done(
                self.tr("Step “{0}” verified.").format(word("process_step", step.name))
            )
        )
        dialog.open()
        return dialog

    def record_harvest(self) -> FormDialog | None:
        batch = self.view.selected_batch()
        if batch is None:
            return None
        batches, user = self.ctx.core.chain.batches, self.ctx.username
        return self._form(
            self.tr("Harvest time – {0}").format(batch.number),
            self.tr("Date and time of the harvest (it sets the expiry of every unit)."),
            [Field("at", self.tr("Harvested at"), "datetime")],
            self.tr("Record harvest"),
            lambda v: batches.record_harvest(
                actor=user, batch_number=batch.number, harvest_at=v["at"]
            ),
            self.tr("Harvest time recorded."),
        )

    def fill(self) -> FormDialog | None:
        batch = self.view.selected_batch()
        if batch is None or self.view.work is None:
            return None
        batches, user = self.ctx.core.chain.batches, self.ctx.username
        locations = ("", *self.view.work.locations)
        return self._form(
            self.tr("Fill units – {0}").format(batch.number),
            self.tr("Each unit gets a new DIN; the batch goes to quarantine until QA releases it."),
            [
                Field("count", self.tr("Number of units"), "int", default=1, maximum=500),
                Field(
                    "container", self.tr("Container"), "choice", CONTAINERS, vocabulary="container"
                ),
                Field(
                    "cells", self.tr("Cells per unit (×10⁶)"), "float", default=100.0, maximum=1e7
                ),
                Field("volume", self.tr("Volume per unit (mL)"), "float", default=20.0),
                Field("location", self.tr("Storage place (optional)"), "choice", locations),
            ],
            self.tr("Fill"),
            lambda v: batches.fill(
                actor=user,
                batch_number=batch.number,
                count=v["count"],
                container_type=v["container"],
                cell_count=v["cells"] * 1e6,
                volume_ml=v["volume"],
                location_code=v["location"] or None,
            ),
            self.tr("Units filled; label them at the label station."),
        )

    def store(self) -> FormDialog | None:
        if self.view.work is None:
            return None
        storage, user = self.ctx.core.chain.storage, self.ctx.username

        def action(v: Values) -> None:
            for code in v["units"]:
                storage.store(actor=user, unit_code=code, location_code=v["location"])

        return self._form(
            self.tr("Place units in storage"),
            self.tr("Tick the units you have put away and the place they are in."),
            [
                Field(
                    "units",
                    self.tr("Units"),
                    "multi",
                    [u.code for u in self.view.work.awaiting_storage],
                ),
                Field("location", self.tr("Storage place"), "choice", self.view.work.locations),
            ],
            self.tr("Record storage"),
            action,
            self.tr("Storage recorded."),
        )

    def create_shipment(self) -> FormDialog | None:
        if self.view.work is None:
            return None
        shipments, user = self.ctx.core.chain.shipments, self.ctx.username
        return self._form(
            self.tr("Create a shipment"),
            self.tr("Only released units in stock can be shipped."),
            [
                Field("code", self.tr("Shipment code")),
                Field("destination", self.tr("Hospital"), "choice", self.view.work.hospitals),
                Field(
                    "units", self.tr("Units"), "multi", [u.code for u in self.view.work.shippable]
                ),
                Field("container", self.tr("Shipper container")),
                Field("logger", self.tr("Temperature logger")),
            ],
            self.tr("Create shipment"),
            lambda v: shipments.create(
                actor=user,
                code=v["code"],
                destination=v["destination"],
                units=v["units"],
                container=v["container"] or None,
                logger_id=v["logger"] or None,
            ),
            self.tr("Shipment created; dispatch it when it leaves."),
        )

    def dispatch(self) -> FormDialog | None:
        if self.view.work is None:
            return None
        shipments, user = self.ctx.core.chain.shipments, self.ctx.username
        return self._form(
            self.tr("Dispatch a shipment"),
            self.tr("Record when the shipment left and the shipper's temperature."),
            [
                Field("code", self.tr("Shipment"), "choice", self.view.work.planned_shipments),
                Field("at", self.tr("Dispatched at"), "datetime"),
                Field("temperature", self.tr("Temperature (°C)"), "float", default=-180.0),
            ],
            self.tr("Dispatch"),
            lambda v: shipments.dispatch(
                actor=user, code=v["code"], at=v["at"], temperature_c=v["temperature"]
            ),
            self.tr("Shipment dispatched."),
        )

    def cancel_shipment(self) -> FormDialog | None:
        if self.view.work is None:
            return None
        shipments, user = self.ctx.core.chain.shipments, self.ctx.username
        return self._form(
            self.tr("Cancel a planned shipment"),
            self.tr(
                "Only a shipment that has not left can be cancelled; its units stay where they "
                "are and can be shipped again."
            ),
            [
                Field("code", self.tr("Shipment"), "choice", self.view.work.planned_shipments),
                Field("reason", self.tr("Reason"), "multiline"),
            ],
            self.tr("Cancel shipment"),
            lambda v: shipments.cancel(actor=user, code=v["code"], reason=v["reason"]),
            self.tr("Shipment cancelled."),
        )

    def _form(
        self,
        title: str,
        summary: str,
        fields: list[Field],
        submit: str,
        action: Callable[[Values], Any],
        done: str,
    ) -> FormDialog:
        return open_form(
            self.window,
            title=title,
            summary=summary,
            fields=fields,
            submit=submit,
            action=action,
            on_success=lambda: self._done(done),
            name="cleanroomDialog",
        )

    def _done(self, text: str) -> None:
        self.view.say(text, True)
        self.ctx.events.records_changed.emit("cleanroom")
        self.view.refresh()
        self.view.load_steps()
