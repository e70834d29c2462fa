"""Why a print job stopped, stored so that each reader sees it in their own language.

``print_job.failure`` holds the reason as data (catalogue code, parameters, which parameters
are vocabulary words) rather than English text: the label station shows it in Chinese to a
Chinese user, and the audit entry keeps the English sentence as the record. A value written
before this format (plain text) is shown as it is.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from models.i18n import Coded, describe

_LIMIT = 500  # the column's length
_PARAM_LIMIT = 160  # a printer's garbage reply must not push the record past the column


@dataclass(frozen=True)
class StoredFailure:
    code: str
    params: Mapping[str, Any]
    terms: Mapping[str, str] = field(default_factory=dict)


def _plain(value: object) -> object:
    if isinstance(value, str | int | float | bool) or value is None:
        return value[:_PARAM_LIMIT] if isinstance(value, str) else value
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return str(value)[:_PARAM_LIMIT]


def failure_record(reason: Coded) -> str:
    """The column value for ``reason`` (a printer error, a DomainError, a catalogue message)."""
    data = {
        "code": reason.code,
        "params": {str(k): _plain(v) for k, v in dict(reason.params).items()},
        "terms": dict(getattr(reason, "terms", {})),
    }
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    if len(text) <= _LIMIT:
        return text
    return describe(reason, "en")[:_LIMIT]  # too long to keep as data: the English words


def failure_words(stored: str | None, lang: str | None) -> str | None:
    """The stored reason in ``lang``; older plain-text values as they are."""
    if not stored or not stored.startswith("{"):
        return stored
    try:
        data = json.loads(stored)
        reason = StoredFailure(str(data["code"]), dict(data["params"]), dict(data["terms"]))
    except (ValueError, KeyError, TypeError):
        return stored
    return describe(reason, lang)
