"""Translatable names of the fields models.chain.records returns (lupdate reads these)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from gui.i18n import QT_TRANSLATE_NOOP

FIELDS = (
    QT_TRANSLATE_NOOP("Field", "Donor type"),
    QT_TRANSLATE_NOOP("Field", "Eligibility"),
    QT_TRANSLATE_NOOP("Field", "ABO/Rh"),
    QT_TRANSLATE_NOOP("Field", "Registered"),
    QT_TRANSLATE_NOOP("Field", "Donor"),
    QT_TRANSLATE_NOOP("Field", "Material"),
    QT_TRANSLATE_NOOP("Field", "Quantity"),
    QT_TRANSLATE_NOOP("Field", "Collection site"),
    QT_TRANSLATE_NOOP("Field", "Collected"),
    QT_TRANSLATE_NOOP("Field", "Received"),
    QT_TRANSLATE_NOOP("Field", "Received by"),
    QT_TRANSLATE_NOOP("Field", "Transport temperature (°C)"),
    QT_TRANSLATE_NOOP("Field", "Accepted"),
    QT_TRANSLATE_NOOP("Field", "Product"),
    QT_TRANSLATE_NOOP("Field", "Product (Chinese)"),
    QT_TRANSLATE_NOOP("Field", "Collection"),
    QT_TRANSLATE_NOOP("Field", "Chain-of-identity ID"),
    QT_TRANSLATE_NOOP("Field", "Workspace"),
    QT_TRANSLATE_NOOP("Field", "Harvest"),
    QT_TRANSLATE_NOOP("Field", "Created"),
    QT_TRANSLATE_NOOP("Field", "Created by"),
    QT_TRANSLATE_NOOP("Field", "Units"),
    QT_TRANSLATE_NOOP("Field", "Batch"),
    QT_TRANSLATE_NOOP("Field", "Product code"),
    QT_TRANSLATE_NOOP("Field", "Container"),
    QT_TRANSLATE_NOOP("Field", "Cell count"),
    QT_TRANSLATE_NOOP("Field", "Volume (mL)"),
    QT_TRANSLATE_NOOP("Field", "Expires"),
    QT_TRANSLATE_NOOP("Field", "Disposition"),
    QT_TRANSLATE_NOOP("Field", "Storage location"),
    QT_TRANSLATE_NOOP("Field", "Shipments"),
    QT_TRANSLATE_NOOP("Field", "Initials"),
    QT_TRANSLATE_NOOP("Field", "Enrolment number"),
    QT_TRANSLATE_NOOP("Field", "Hospital"),
    QT_TRANSLATE_NOOP("Field", "Administered"),
    QT_TRANSLATE_NOOP("Field", "Administered at"),
)
KINDS = {
    "donor": QT_TRANSLATE_NOOP("Field", "Donor"),
    "collection": QT_TRANSLATE_NOOP("Field", "Collection"),
    "batch": QT_TRANSLATE_NOOP("Field", "Batch"),
    "unit": QT_TRANSLATE_NOOP("Field", "Unit"),
    "recipient": QT_TRANSLATE_NOOP("Field", "Recipient"),
}


def field_label(key: str) -> str:
    return QCoreApplication.translate("Field", key)


def kind_label(kind: str) -> str:
    return QCoreApplication.translate("Field", KINDS.get(kind, kind))
