"""External anchors of the audit chain: its head written down somewhere the database is not.

The hash chain proves that no entry was altered, removed or inserted *since the chain was
last consistent*; someone with full database access can still rewrite every entry and
recompute every hash, and the chain then verifies again. What catches that is a copy of
the head (sequence number and entry hash) taken earlier and held elsewhere: a printed audit
report, a file on the QA share, a periodic review record. Because every entry's hash covers
the previous one, "entry N still has the hash the anchor holds" proves that entries 1..N
are exactly what they were when the anchor was taken.

This module takes an anchor from a (verified) chain, writes it as a small JSON file without
ever replacing a file by accident or writing through a symbolic link or a device, reads one
back refusing anything that is not an anchor, and checks a chain against it.
"""

from __future__ import annotations

import json
import os
import re
import stat
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from models.entities.audit import GENESIS_HASH, AuditEntry
from models.entities.parties import Site, SiteKind
from models.i18n import Message
from models.kernel.errors import DomainError, ValidationError

FORMAT = "celltrail-audit-anchor"
VERSION = 1
MAX_BYTES = 64 * 1024  # an anchor is a few hundred bytes; anything bigger is not one
_HASH = re.compile(r"^[0-9a-f]{64}$")


class AnchorFileError(ValidationError):
    """An anchor file that cannot be read as one (exit 2: the request is refused)."""

    code = "audit_anchor_file"


class AnchorEntryChangedError(DomainError):
    """The verified head changed under the anchor being taken (raw writes meanwhile)."""

    code = "audit_anchor_moved"


@dataclass(frozen=True)
class Anchor:
    """The chain head at one moment: what a later verification must still find."""

    seq: int
    entry_hash: str
    entry_at: datetime | None  # the anchored entry's own time (None: empty chain)
    taken_at: datetime
    database: dict[str, str]  # informational: which database it was taken from
    site: dict[str, str] | None  # informational: our own facility, when one is configured

    def as_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "seq": self.seq,
            "entry_hash": self.entry_hash,
            "entry_at": _iso(self.entry_at),
            "taken_at": _iso(self.taken_at),
            "database": self.database,
            "site": self.site,
        }

    def text(self) -> str:
        return json.dumps(self.as_json(), ensure_ascii=False, indent=2) + "\n"


def _iso(at: datetime | None) -> str | None:
    return None if at is None else at.astimezone(UTC).isoformat(timespec="microseconds")


# --- taking an anchor -------------------------------------------------------------------


def take_anchor(session: Session, seq: int, entry_hash: str, *, taken_at: datetime) -> Anchor:
    """The anchor of entry ``seq`` whose verified hash is ``entry_hash`` (seq 0: the empty
    chain). The caller verifies the chain first: anchoring a broken chain would vouch for it."""
    entry_at: datetime | None = None
    if seq > 0:
        row = session.execute(
            select(AuditEntry.entry_hash, AuditEntry.at).where(AuditEntry.seq == seq)
        ).one_or_none()
        if row is None or row.entry_hash != entry_hash:
            raise AnchorEntryChangedError(seq=seq)
        entry_at = row.at
    elif entry_hash != GENESIS_HASH:
        raise AnchorEntryChangedError(seq=seq)
    return Anchor(
        seq=seq,
        entry_hash=entry_hash,
        entry_at=entry_at,
        taken_at=taken_at.astimezone(UTC),
        database=database_identity(session),
        site=own_site(session),
    )


def chain_head(session: Session) -> tuple[int, str]:
    """The newest entry's (seq, hash) as stored, unverified: (0, genesis) for an empty chain.
    For a report's header; an anchor file is taken from a verified chain (``take_anchor``)."""
    row = session.execute(
        select(AuditEntry.seq, AuditEntry.entry_hash).order_by(AuditEntry.seq.desc()).limit(1)
    ).one_or_none()
    return (0, GENESIS_HASH) if row is None else (row.seq, row.entry_hash)


def database_identity(session: Session) -> dict[str, str]:
    """Which database this is, as far as it can tell without secrets: the backend, the server
    and database name (PostgreSQL, with the cluster's system identifier when readable) or the
    file (SQLite). Never the user name or password."""
    bind = session.get_bind()
    url = bind.engine.url if isinstance(bind, Connection) else bind.url
    if url.get_backend_name() != "postgresql":
        return {"backend": url.get_backend_name(), "file": url.database or ""}
    identity = {
        "backend": "postgresql",
        "host": f"{url.host or 'localhost'}:{url.port or 5432}",
        "database": str(session.scalar(text("SELECT current_database()"))),
    }
    try:
        with session.begin_nested():  # a refused function must not end the transaction
            system = session.scalar(text("SELECT system_identifier FROM pg_control_system()"))
        identity["system_identifier"] = str(system)
    except DBAPIError:
        pass  # revoked on this server: the host and name still say which database it was
    return identity


def own_site(session: Session) -> dict[str, str] | None:
    row = session.execute(
        select(Site.code, Site.isbt_facility_code)
        .where(Site.kind == SiteKind.MANUFACTURER)
        .order_by(Site.id)
        .limit(1)
    ).one_or_none()
    if row is None:
        return None
    site = {"code": row.code}
    if row.isbt_facility_code:
        site["isbt_facility_code"] = row.isbt_facility_code
    return site


# --- the file ---------------------------------------------------------------------------

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


def shown(path: Path) -> str:
    """A file name on one line: control characters (a newline in a name) are escaped."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in str(path))


def _bad_file(path: Path, reason: str, **params: object) -> AnchorFileError:
    reason_message = Message.of(f"audit_anchor.file.{reason}", **params)
    return AnchorFileError(file=shown(path), reason=reason_message)


def read_anchor(path: Path) -> Anchor:
    """The anchor held in ``path``, or AnchorFileError saying in one line what is wrong."""
    raw = _read_capped(path)
    try:
        content = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _bad_file(path, "not_utf8") from exc
    try:
        document = json.loads(content)
    except json.JSONDecodeError as exc:
        raise _bad_file(path, "not_json", line=exc.lineno, column=exc.colno) from exc
    except RecursionError as exc:
        raise _bad_file(path, "not_json", line=1, column=1) from exc
    return _parse(path, document)


def _read_capped(path: Path) -> bytes:
    try:
        # O_NONBLOCK: opening a FIFO must not hang; the type is checked on the open file.
        fd = os.open(path, os.O_RDONLY | _NONBLOCK)
    except FileNotFoundError as exc:
        raise _bad_file(path, "missing") from exc
    except OSError as exc:
        raise _bad_file(path, "unreadable", detail=exc.strerror or type(exc).__name__) from exc
    if not stat.S_ISREG(os.fstat(fd).st_mode):  # before fdopen, which refuses a folder
        os.close(fd)
        raise _bad_file(path, "not_regular")
    with os.fdopen(fd, "rb") as handle:
        try:
            raw = handle.read(MAX_BYTES + 1)
        except OSError as exc:
            raise _bad_file(path, "unreadable", detail=exc.strerror or "") from exc
    if len(raw) > MAX_BYTES:
        raise _bad_file(path, "too_large", limit=MAX_BYTES)
    return raw


def _parse(path: Path, document: object) -> Anchor:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise _bad_file(path, "not_anchor", format=FORMAT)
    version = document.get("version")
    if version != VERSION or isinstance(version, bool):
        raise _bad_file(path, "version", version=str(version)[:20])
    seq, entry_hash = document.get("seq"), document.get("entry_hash")
    if not isinstance(seq, int) or isinstance(seq, bool) or not 0 <= seq < 2**63:
        raise _bad_file(path, "seq")
    if not isinstance(entry_hash, str) or not _HASH.match(entry_hash):
        raise _bad_file(path, "hash")
    return Anchor(
        seq=seq,
        entry_hash=entry_hash,
        entry_at=_time(document.get("entry_at")),
        taken_at=_time(document.get("taken_at")) or datetime.min.replace(tzinfo=UTC),
        database=_strings(document.get("database")) or {},
        site=_strings(document.get("site")),
    )


def _time(value: object) -> datetime | None:
    """Informational fields are kept when they read, dropped when they do not."""
    if not isinstance(value, str):
        return None
    try:
        at = datetime.fromisoformat(value)
    except ValueError:
        return None
    return at if at.tzinfo is not None else None


def _strings(value: object) -> dict[str, str] | None:
    if not isinstance(value, dict):
        return None
    return {str(k): str(v) for k, v in value.items() if isinstance(v, str | int)}


# --- checking a chain against an anchor ---------------------------------------------------


@dataclass(frozen=True)
class AnchorCheck:
    """What the chain holds at the anchor's position now."""

    anchor: Anchor
    found_hash: str | None  # entry anchor.seq's hash now; None when the chain is shorter
    chain_last: int

    @property
    def held(self) -> bool:
        return self.found_hash == self.anchor.entry_hash

    def verdict(self) -> Message:
        params = {"seq": self.anchor.seq, "hash": self.anchor.entry_hash}
        if self.held:
            return Message.of("audit_anchor.held", **params)
        if self.found_hash is None:
            return Message.of("audit_anchor.short", last=self.chain_last, **params)
        return Message.of("audit_anchor.rewritten", found=self.found_hash, **params)

    def message(self, lang: str = "en") -> str:
        return self.verdict().message(lang)


def check_anchor(session: Session, anchor: Anchor) -> AnchorCheck:
    """Does the chain still contain the anchored head? Only meaningful with a verified chain:
    then entry N's hash matching proves entries 1..N unchanged since the anchor was taken."""
    last = session.scalar(select(func.max(AuditEntry.seq))) or 0
    if anchor.seq == 0:
        found: str | None = GENESIS_HASH
    else:
        found = session.scalar(select(AuditEntry.entry_hash).where(AuditEntry.seq == anchor.seq))
    return AnchorCheck(anchor, found, last)
