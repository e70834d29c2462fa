"""What the audit trail records for a typed name that is no account: a marker, never the text.

A failed sign-in for an unknown name is worth recording (someone is trying names), but the
text typed is often a password typed into the wrong field, and the audit trail is
append-only and copied into every backup. So the trail gets ``unknown:<hmac>/<length>``: the
first 12 hex digits of HMAC-SHA256 of the typed name under this database's own random key,
and the length. Two attempts with the same text carry the same marker, so repeated tries
stand out; the text cannot be read back from the marker without the key, and the key is in
no document, log or export — only in the ``site_secret`` table.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from models.entities.accounts import SiteSecret
from models.identity.names import normalise_user_name

KEY_NAME = "unknown_user_name_hmac"
PREFIX = "unknown:"
DIGITS = 12


def _key(session: Session) -> bytes:
    """This database's key, created (once, race-free) on first use in the caller's
    transaction: two stations failing at once both end with the one committed key."""
    value = session.scalar(select(SiteSecret.value).where(SiteSecret.name == KEY_NAME))
    if value is None:
        row = {"name": KEY_NAME, "value": secrets.token_hex(32)}
        dialect = session.get_bind().dialect.name
        insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
        session.execute(insert(SiteSecret).values(**row).on_conflict_do_nothing())
        value = session.scalars(select(SiteSecret.value).where(SiteSecret.name == KEY_NAME)).one()
    return bytes.fromhex(value)


def unknown_name_marker(session: Session, typed: str) -> str:
    """``unknown:<12 hex>/<length>`` for ``typed`` (case and width folded first, so ``Nobody``
    and ``nobody`` are one marker)."""
    folded = normalise_user_name(typed[:1024]).encode("utf-8", "surrogatepass")
    digest = hmac.new(_key(session), folded, hashlib.sha256).hexdigest()[:DIGITS]
    return f"{PREFIX}{digest}/{len(typed)}"
