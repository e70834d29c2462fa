"""The bedside's form for correcting a recorded thaw (HospitalService.correct_thaw).

The recorded times are filled in to the second; the nurse changes what was wrong and says why.
The core decides who may correct and until when (never after the unit was given) and keeps
the old and the new times in the audit trail; the form only collects and explains.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from gui.context import AppContext
from gui.dialogs.form import Field, FormDialog, Values
from models.chain.bag import BagFacts


def open_thaw_correction(
    parent: QWidget, ctx: AppContext, bag: BagFacts, on_corrected: Callable[[datetime], None]
) -> FormDialog:
    hospital, actor, unit = ctx.core.chain.hospital, ctx.username, bag.facts.code

    def action(values: Values) -> datetime:
        return hospital.correct_thaw(
            actor=actor,
            unit_code=unit,
            started_at=values["started"],
            ended_at=values["ended"],
            reason=values["reason"],
        )

    def guard(values: Values) -> str | None:
        return (
            None
            if values["reason"]
            else QCoreApplication.translate(
                "ThawCorrection", "Say why the recorded times are wrong."
            )
        )

    dialog = FormDialog(
        parent,
        title=QCoreApplication.translate("ThawCorrection", "Correct the thaw of unit {0}").format(
            unit
        ),
        summary=QCoreApplication.translate(
            "ThawCorrection",
            "Correct the recorded thaw times only if they are wrong (for example “Thaw "
            "finished” was pressed before the bag came out). The old and new times and your "
            "reason are kept in the audit trail; the use-by is counted from the corrected end. "
            "A unit already given cannot be corrected.",
        ),
        fields=[
            Field(
                "started",
                QCoreApplication.translate("ThawCorrection", "Thaw started"),
                "datetime",
                default=bag.thaw_started_at,
            ),
            Field(
                "ended",
                QCoreApplication.translate("ThawCorrection", "Thaw finished"),
                "datetime",
                default=bag.thaw_ended_at,
            ),
            Field(
                "reason",
                QCoreApplication.translate("ThawCorrection", "Reason for the correction"),
                "multiline",
            ),
        ],
        submit_text=QCoreApplication.translate("ThawCorrection", "Record correction"),
        action=action,
        guard=guard,
        name="thawCorrectionDialog",
    )
    dialog.succeeded.connect(on_corrected)
    dialog.submit_button.setEnabled(False)  # a reason first
    dialog.open()
    return dialog
