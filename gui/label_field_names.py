"""Translatable names of the label fields a double-check sheet lists (lupdate reads these)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from gui.i18n import QT_TRANSLATE_NOOP

NAMES = {
    "din": QT_TRANSLATE_NOOP("LabelField", "DIN"),
    "product_code": QT_TRANSLATE_NOOP("LabelField", "Product code"),
    "product_name_en": QT_TRANSLATE_NOOP("LabelField", "Product name (English)"),
    "product_name_zh": QT_TRANSLATE_NOOP("LabelField", "Product name (Chinese)"),
    "batch_number": QT_TRANSLATE_NOOP("LabelField", "Batch number"),
    "donor_or_patient": QT_TRANSLATE_NOOP("LabelField", "Donor / patient"),
    "harvest": QT_TRANSLATE_NOOP("LabelField", "Harvest date and time"),
    "quantity": QT_TRANSLATE_NOOP("LabelField", "Quantity"),
    "storage_en": QT_TRANSLATE_NOOP("LabelField", "Storage (English)"),
    "storage_zh": QT_TRANSLATE_NOOP("LabelField", "Storage (Chinese)"),
    "expiry_local": QT_TRANSLATE_NOOP("LabelField", "Expiry (local time)"),
    "expiry_utc": QT_TRANSLATE_NOOP("LabelField", "Expiry (UTC)"),
    "status": QT_TRANSLATE_NOOP("LabelField", "Status"),
    "antibiotics": QT_TRANSLATE_NOOP("LabelField", "Antibiotics"),
}


def label_field_name(key: str) -> str:
    source = NAMES.get(key)
    return QCoreApplication.translate("LabelField", source) if source else key
