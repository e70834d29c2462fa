"""What a second-person label check found wrong, as a code with its values and a sentence in
English and Chinese: shown to the checker, written into the deviation and the audit trail."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from models.isbt128 import Din, ProductCode
from models.isbt128.dates import DateKind, IsbtDate

_CATALOG: dict[str, tuple[str, str]] = {
    "scan_not_on_record": (
        "The scanned {what} {value} is not on this unit's record",
        "扫描到的{what_zh} {value} 与该单元的记录不符",
    ),
    "scan_lacks_din": ("The scan does not carry this label's DIN", "扫描内容不含此标签的 DIN"),
    "field_not_confirmed": (
        "The printed {field} does not match the record (not confirmed by the checker)",
        "打印的{field_zh}与记录不符（核对人未确认）",
    ),
}

# The label's human-readable fields (models/labeling/fields.py TEXT_FIELDS), in both languages.
FIELD_NAMES: dict[str, tuple[str, str]] = {
    "din": ("DIN", "DIN"),
    "product_code": ("product code", "产品代码"),
    "product_name_en": ("product name (English)", "产品名称（英文）"),
    "product_name_zh": ("product name (Chinese)", "产品名称（中文）"),
    "batch_number": ("batch number", "批号"),
    "donor_or_patient": ("donor / patient code", "供者/患者编码"),
    "harvest": ("harvest date and time", "采集日期和时间"),
    "quantity": ("quantity", "数量"),
    "storage_en": ("storage condition (English)", "储存条件（英文）"),
    "storage_zh": ("storage condition (Chinese)", "储存条件（中文）"),
    "expiry_local": ("expiry (local time)", "有效期（当地时间）"),
    "expiry_utc": ("expiry (UTC)", "有效期（UTC）"),
    "status": ("status", "状态"),
    "antibiotics": ("antibiotics", "抗生素"),
}

_DATE_NAMES = {
    DateKind.EXPIRATION: ("expiry date", "有效期"),
    DateKind.PRODUCTION: ("production date", "生产日期"),
    DateKind.COLLECTION: ("collection date", "采集日期"),
}


@dataclass(frozen=True)
class Mismatch:
    code: str
    params: tuple[tuple[str, str], ...] = ()

    def message(self, language: str = "en") -> str:
        en, zh = _CATALOG[self.code]
        template = zh if language.lower().startswith("zh") else en
        return template.format(**dict(self.params))

    def __str__(self) -> str:
        return self.message("en")


def field_not_confirmed(field: str) -> Mismatch:
    en, zh = FIELD_NAMES.get(field, (field, field))
    return Mismatch("field_not_confirmed", (("field", en), ("field_zh", zh), ("key", field)))


def scan_lacks_din() -> Mismatch:
    return Mismatch("scan_lacks_din")


def scan_not_on_record(value: Any) -> Mismatch:
    """``value`` is what ``scan_value`` took from one parsed structure."""
    what, what_zh, shown = _describe(value)
    return Mismatch("scan_not_on_record", (("what", what), ("what_zh", what_zh), ("value", shown)))


def _describe(value: Any) -> tuple[str, str, str]:
    if isinstance(value, Din):
        return "DIN", "DIN", value.format_eye_readable()
    if isinstance(value, ProductCode):
        return "product code", "产品代码", value.content
    if isinstance(value, IsbtDate):
        en, zh = _DATE_NAMES[value.kind]
        shown = f"{value.day:%Y-%m-%d}" + (f" {value.time:%H:%M}" if value.time else "")
        return en, zh, shown
    return "chain-of-identity code", "身份链编码", str(value)
