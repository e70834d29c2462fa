"""Names of the facts models.chain.records returns and of the kinds of record, in the user's
language: the domain catalogue's ``record_field.*`` and ``record_kind.*`` (a record's
``fields`` keys are stable English ids; ``record_field.<slug of the id>`` holds their words)."""

from __future__ import annotations

import re

from gui.i18n import capitalised, domain
from models.i18n import has


def field_code(key: str) -> str:
    return "record_field." + re.sub(r"[^a-z0-9]+", "_", key.lower()).strip("_")


def field_label(key: str) -> str:
    code = field_code(key)
    return domain(code) if has(code) else key


def kind_label(kind: str) -> str:
    code = f"record_kind.{kind}"
    return capitalised(domain(code)) if has(code) else kind
