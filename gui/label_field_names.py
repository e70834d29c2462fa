"""Names of the label fields a double-check sheet lists: the domain catalogue's
``label_field.*``, the same words a mismatch in the deviation and the audit trail uses."""

from __future__ import annotations

from gui.i18n import capitalised, domain
from models.i18n import has


def label_field_name(key: str) -> str:
    code = f"label_field.{key}"
    return capitalised(domain(code)) if has(code) else key
