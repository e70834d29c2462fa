"""Electronic signatures: re-authentication, manifestation and binding to content.

A signature records the signer's printed name, the UTC time, its meaning and the
SHA-256 of the canonical signed content; editing the content afterwards makes
``signature_matches`` false, which QA review and the audit export show.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from models.entities.accounts import Role, Signature, SignatureMeaning
from models.entities.base import utcnow
from models.identity.accounts import AccountService, require_actor
from models.kernel.audit import AuditAction
from models.kernel.canonical import content_hash
from models.kernel.errors import SamePersonError, ValidationError
from models.kernel.unit_of_work import UnitOfWork


def require_different_person(performer: str, verifier: str) -> None:
    """Four-eyes rule: the same person can never both perform and verify one step."""
    if performer.strip().lower() == verifier.strip().lower():
        raise SamePersonError(username=verifier)


def signature_matches(signature: Signature, content: Any) -> bool:
    return signature.content_hash == content_hash(content)


SIGNER_FRESHNESS = timedelta(minutes=5)


@dataclass(frozen=True)
class Signer:
    """Proof that ``username`` just re-entered their password; obtain it from ``reauthenticate``.

    Re-authentication runs in its own short transaction *before* the action's unit of
    work opens, so the failure counter is committed and no write lock is held meanwhile.
    """

    username: str
    printed_name: str
    authenticated_at: datetime


class SignatureService:
    def __init__(self, accounts: AccountService) -> None:
        self._accounts = accounts

    def reauthenticate(self, username: str, password: str, meaning: SignatureMeaning) -> Signer:
        name = self._accounts.authenticate(
            username, password, purpose=f"signature ({meaning.value})"
        )
        return Signer(username=username, printed_name=name, authenticated_at=utcnow())

    def sign(
        self,
        uow: UnitOfWork,
        *,
        signer: Signer,
        meaning: SignatureMeaning,
        subject_type: str,
        subject_id: object,
        content: Any,
        allowed_roles: Iterable[Role],
        reason: str | None = None,
    ) -> Signature:
        """Add ``signer``'s signature to ``uow`` (caller commits); roles are checked here."""
        if abs(uow.clock() - signer.authenticated_at) > SIGNER_FRESHNESS:
            raise ValidationError(
                field="signature", reason="re-authentication is too old; sign again"
            )
        username = signer.username
        user = require_actor(uow.session, username, allowed_roles, f"sign as {meaning.value}")
        signature = Signature(
            user_id=user.id,
            printed_name=user.full_name,
            meaning=meaning,
            signed_at=uow.clock(),
            subject_type=subject_type,
            subject_id=str(subject_id),
            content_hash=content_hash(content),
            reason=reason,
        )
        uow.session.add(signature)
        uow.session.flush()
        uow.audit.record(
            AuditAction.SIGN,
            actor=username,
            subject_type=subject_type,
            subject_id=subject_id,
            new={
                "signature_id": signature.id,
                "meaning": meaning.value,
                "printed_name": user.full_name,
                "content_hash": signature.content_hash,
            },
            reason=reason,
            at=signature.signed_at,
        )
        return signature
