"""What a second-person label check found wrong, as a code with its values (``mismatch.*`` in
the catalogue): shown to the checker, written into the deviation and the audit trail. Field
names are the catalogue's ``label_field.*``, the same words the GUI's check sheet shows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from models.i18n import Message
from models.isbt128 import CoiIdentifier, Din, OtherStructureScan, ProductCode
from models.isbt128.dates import IsbtDate


@dataclass(frozen=True)
class Mismatch(Message):
    """One thing the checker's scan or confirmation did not match (the shared Message type)."""

    namespace = "mismatch."


def field_not_confirmed(field: str) -> Mismatch:
    return Mismatch.of("field_not_confirmed", field=Message(f"label_field.{field}"), key=field)


def scan_lacks_din() -> Mismatch:
    return Mismatch("scan_lacks_din")


def scan_not_on_record(value: Any) -> Mismatch:
    """``value`` is what ``scan_value`` took from one parsed structure."""
    what, shown = _describe(value)
    return Mismatch.of("scan_not_on_record", what=what, value=shown)


def _describe(value: Any) -> tuple[Message, str]:
    if isinstance(value, Din):
        return Message("label_field.din"), value.format_eye_readable()
    if isinstance(value, ProductCode):
        return Message("label_field.product_code"), value.content
    if isinstance(value, IsbtDate):
        shown = f"{value.day:%Y-%m-%d}" + (f" {value.time:%H:%M}" if value.time else "")
        return Message(f"isbt128.date_kind.{value.kind.value}"), shown
    if isinstance(value, OtherStructureScan):  # e.g. a blood group on a label that has none
        return Message(value.name_code), value.data
    if isinstance(value, CoiIdentifier):
        return Message("label_field.coi"), value.text
    return Message("label_field.chain_of_identity"), str(value)
