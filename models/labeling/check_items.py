"""What a label's double-check confirms, and who or what confirms each item (R-LBL-06).

Every human-readable field of the template is checked, item by item.  A field that a bar
code on the label also carries (the DIN, the product code, the expiry and harvest dates in
the Data Matrix) is confirmed by the *scan*: the core decodes the symbol and compares each
value with a fresh read of the record, so a person's tick would add nothing the scan did not
already prove, and a tick can never stand in for it.  The rest only eyes can check: text that
no symbol carries, the print quality (sharp, complete, readable - which also covers the
eye-readable text of the scanned fields, rendered from the same record read as the symbol)
and that the label is for the container at hand.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from models.isbt128 import CoiIdentifier, DateKind, Din, IsbtDate, ProductCode
from models.isbt128.structures import ParsedScan
from models.labeling.build import scan_value
from models.labeling.fields import LabelFields
from models.labeling.layout import Layout, human_readable_fields

# The human-readable fields each symbol of a layout carries (build.symbol_data encodes them).
_SYMBOL_FIELDS = {
    "din": ("din",),
    "product_code": ("product_code",),
    "expiry": ("expiry_local", "expiry_utc"),
    "datamatrix": ("din", "product_code", "expiry_local", "expiry_utc", "harvest", "coi"),
}
# What the person confirms about the label as a thing, whatever the template prints.
PHYSICAL_ITEMS = ("print_quality", "right_container")


@dataclass(frozen=True)
class CheckPlan:
    """One template's check: ``by_scan`` fields are confirmed by a matching scan only;
    ``by_eye`` text fields and the ``physical`` items by the verifier, each one."""

    by_scan: tuple[str, ...]
    by_eye: tuple[str, ...]
    physical: tuple[str, ...] = PHYSICAL_ITEMS

    @property
    def by_person(self) -> tuple[str, ...]:
        return self.by_eye + self.physical


def check_plan(layout: Layout, fields: LabelFields) -> CheckPlan:
    carried = {field for symbol in layout.symbols() for field in _SYMBOL_FIELDS[symbol]}
    if fields.coi_identifier is None:  # no ISBT 128 COI, so none in the 2-D symbol either
        carried.discard("coi")
    shown = human_readable_fields(layout)
    return CheckPlan(
        by_scan=tuple(f for f in shown if f in carried),
        by_eye=tuple(f for f in shown if f not in carried),
    )


def _fields_of(value: object) -> tuple[str, ...]:
    if isinstance(value, Din):
        return ("din",)
    if isinstance(value, ProductCode):
        return ("product_code",)
    if isinstance(value, IsbtDate) and value.kind is DateKind.EXPIRATION:
        return ("expiry_local", "expiry_utc")  # one instant, shown in two zones
    if isinstance(value, IsbtDate) and value.kind is DateKind.PRODUCTION:
        return ("harvest",)
    if isinstance(value, CoiIdentifier):
        return ("coi",)
    return ()


def matched_by_scan(scans: Iterable[ParsedScan], expected: frozenset[object]) -> frozenset[str]:
    """The fields whose scanned value the record confirms; a value off the record confirms
    nothing (it is a mismatch, reported by the caller)."""
    return frozenset(
        field
        for scan in scans
        if (value := scan_value(scan)) in expected
        for field in _fields_of(value)
    )
