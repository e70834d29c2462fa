"""The version a screen read a record at, and the refusal when another station changed it since.

A record's *version* is the audit sequence of its newest STATE entry: record_state.py seals
every row a commit changes with one, in the same transaction. So every bound table has a
version without a schema change, it moves exactly when the row's content changes through
CellTrail, it is the same number at every station, and the entry that moved it names the
person, the station and the time. (SQLAlchemy's ``version_id_col`` would need a column and a
migration on every table, and would say nothing about who changed the row.)

A service acting on a record a person chose on a screen calls ``claim`` first in its writing
unit of work. ``claim`` takes the audit chain head's lock, which every writer takes anyway:
a second station acting on the same record waits there until the first has committed, and under
READ COMMITTED everything it reads afterwards already shows that commit. So of two stations
acting at once, the second is refused by name (``RecordChangedError``) and writes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.entities.accounts import User
from models.entities.audit import AuditEntry
from models.i18n import Message, render, term
from models.kernel.audit import AuditAction
from models.kernel.errors import DomainError
from models.kernel.site_time import site_local
from models.kernel.unit_of_work import UnitOfWork

_STATE = AuditAction.STATE.value
# Tables whose lifecycle field reads in the label vocabulary (label_state.*), not status.*
_LABEL_STATES = frozenset({"printed_label", "print_job"})
_LIFECYCLE = ("state", "status", "disposition", "quality_status")


class RecordChangedError(DomainError):
    """The record was changed at another station (or in another window) after the screen read
    it: nothing of this action was written; the screen shows the record as it is now."""

    code = "record_changed"
    terms = {"kind": "record_kind"}


@dataclass(frozen=True)
class RecordChange:
    """Who last changed a record, where and when, and what the change was (a Message)."""

    table: str
    ident: str
    seq: int
    what: Message
    who: str
    station: str
    at: str  # site-local wall-clock time

    def params(self) -> dict[str, Any]:
        return {
            "kind": self.table,
            "ident": self.ident,
            "what": self.what,
            "who": self.who,
            "station": self.station,
            "at": self.at,
            "seq": self.seq,
        }

    def error(self) -> RecordChangedError:
        return RecordChangedError(**self.params())

    def message(self, lang: str | None = "en") -> str:
        """The same facts for a window still open on the record (before it can be signed)."""
        params = self.params() | {"kind": term("record_kind", self.table)}
        return render("record_changed.open", lang, **params)


def version_of(session: Session, table: str, record_id: object) -> int:
    """The audit sequence of the record's newest STATE entry (0: none yet)."""
    return versions_of(session, table, [record_id]).get(str(record_id), 0)


def versions_of(session: Session, table: str, record_ids: Iterable[object]) -> dict[str, int]:
    """Record id (as text) → version, for the rows a screen lists (one query)."""
    ids = sorted({str(i) for i in record_ids})
    if not ids:
        return {}
    rows = session.execute(
        select(AuditEntry.subject_id, func.max(AuditEntry.seq))
        .where(
            AuditEntry.action == _STATE,
            AuditEntry.subject_type == table,
            AuditEntry.subject_id.in_(ids),
        )
        .group_by(AuditEntry.subject_id)
    ).all()
    return {str(subject): int(seq) for subject, seq in rows}


def claim(
    uow: UnitOfWork,
    table: str,
    record_id: object,
    expected: int | None,
    ident: object | None = None,
) -> None:
    """Call first in a writing unit of work: serialise with every other writer, then refuse if
    the record moved past ``expected`` (None: the caller read no version, no comparison).
    ``ident`` is how the person knows the record (a batch number, a DIN), by default its id."""
    uow.audit.lock()
    if expected is None:
        return
    current = version_of(uow.session, table, record_id)
    if current != expected:
        change = change_since(uow.session, table, record_id, expected, ident)
        if change is not None:
            raise change.error()


def change_since(
    session: Session, table: str, record_id: object, since: int, ident: object | None = None
) -> RecordChange | None:
    """The newest change of the record after version ``since``, or None if it has none."""
    newest = session.execute(
        select(AuditEntry)
        .where(
            AuditEntry.action == _STATE,
            AuditEntry.subject_type == table,
            AuditEntry.subject_id == str(record_id),
            AuditEntry.seq > since,
        )
        .order_by(AuditEntry.seq.desc())
        .limit(1)
    ).scalar_one_or_none()
    if newest is None:
        return None
    before = session.get(AuditEntry, since) if since else None
    old = _content(before.new_value) if before is not None else {}
    who = session.scalar(select(User.full_name).where(User.username == newest.actor))
    return RecordChange(
        table=table,
        ident=str(record_id if ident is None else ident),
        seq=newest.seq,
        what=_what(table, old, newest.new_value),
        who=who or newest.actor,
        station=newest.workstation or "–",
        at=_wall_clock(session, newest.at),
    )


def _content(text: str | None) -> dict[str, Any]:
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _what(table: str, old: dict[str, Any], new_text: str | None) -> Message:
    """What the change did, from the record's two states: its lifecycle field's new value,
    a verification, or plainly "changed" (personal data: a digest, so only "changed")."""
    if new_text is None:
        return Message.of("record_changed.deleted")
    new = _content(new_text)
    if _newly_set(old, new, "verified_by"):
        return Message.of("record_changed.verified")
    if _newly_set(old, new, "voided_by", "void_reason", "voided_reason"):
        return Message.of("record_changed.voided")
    for field in _LIFECYCLE:
        if field in new and new.get(field) != old.get(field):
            vocabulary = "label_state" if table in _LABEL_STATES else "status"
            return Message.of("record_changed.set_to", state=term(vocabulary, new[field]))
    return Message.of("record_changed.changed")


def _newly_set(old: dict[str, Any], new: dict[str, Any], *fields: str) -> bool:
    return any(new.get(f) and not old.get(f) for f in fields)


def _wall_clock(session: Session, at: datetime) -> str:
    """HH:MM on the site's clock; with the date when it was not today there."""
    local = site_local(session, at)
    today = site_local(session, datetime.now(local.tzinfo)).date()
    return local.strftime("%H:%M" if local.date() == today else "%Y-%m-%d %H:%M")
