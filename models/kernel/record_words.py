"""The record check and a trace's integrity notes in the catalogue's words, as messages: the CLI,
the audit desk and the trace page show the same lines in the reader's language."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

from models.i18n import Message, term
from models.kernel.record_check import RecordMismatch, RecordReport
from models.kernel.record_terms import field_words


def report_messages(
    report: RecordReport, *, values: bool = True, limit: int | None = None
) -> list[Message]:
    """One line for an intact report; else a heading and a line per mismatch (with ``values``,
    one per field: what the trail says and what the row says; else the fields named)."""
    if report.intact:
        return [
            Message.of(
                "cli.audit.records_intact",
                rows=report.rows_checked,
                states=report.states_in_trail,
            )
        ]
    lines = [Message.of("cli.audit.records_broken", count=len(report.mismatches))]
    shown = report.mismatches if limit is None else report.mismatches[:limit]
    for mismatch in shown:
        lines.extend(_mismatch(mismatch, values))
    if limit is not None and len(report.mismatches) > limit:
        lines.append(Message.of("cli.audit.records_more", shown=limit))
    return lines


def _mismatch(mismatch: RecordMismatch, values: bool) -> list[Message]:
    named = {"table": term("record_kind", mismatch.table), "record": mismatch.record_id}
    if mismatch.kind == "deleted":
        return [Message.of("cli.audit.record_deleted", seq=mismatch.trail_seq, **named)]
    if mismatch.kind == "inserted":
        return [Message.of("cli.audit.record_inserted", **named)]
    if not values:
        fields = field_words([f.field for f in mismatch.fields], mismatch.kind)
        return [Message.of("cli.audit.record_fields", fields=fields, **named)]
    return [
        Message.of(
            "cli.audit.record_altered",
            field=term("record_field", difference.field),
            trail=_shown(difference.trail),
            row=_shown(difference.row),
            **named,
        )
        for difference in mismatch.fields
    ] or [Message.of("cli.audit.record_altered", field="?", trail="?", row="?", **named)]


def _shown(value: Any) -> str:
    text = "∅" if value is None else str(value)
    return text if len(text) <= 80 else text[:77] + "…"


class IntegrityNoteLike(Protocol):
    @property
    def table(self) -> str: ...
    @property
    def record(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def fields(self) -> tuple[str, ...]: ...


def note_messages(notes: Iterable[IntegrityNoteLike]) -> list[Message]:
    """A trace's records that differ from their trail, one line each."""
    return [
        Message.of(
            "cli.trace.integrity",
            table=term("record_kind", n.table),
            record=n.record,
            fields=field_words(n.fields, n.kind),
        )
        for n in notes
    ]
