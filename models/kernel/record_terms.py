"""How a record differs from its trail, in the catalogue's words: the fields by their names
(``record_field.<column>``), or the kind of difference (``record_mismatch.<kind>``) when no
field is named. Raw column names never reach a reader (issue 14)."""

from __future__ import annotations

from collections.abc import Iterable

from models.i18n import Message, Phrases, term, terms


def field_words(fields: str | Iterable[str], kind: str = "") -> Message | Phrases:
    """``fields`` as stored in a refusal (``"value_num, value_text"``) or as a list; a refusal
    that names no field but the kind (``"deleted"``) reads as that kind."""
    names = [f.strip() for f in fields.split(",")] if isinstance(fields, str) else list(fields)
    names = [n for n in names if n]
    if not names or names == [kind]:
        return term("record_mismatch", kind or "altered")
    return terms("record_field", names)
