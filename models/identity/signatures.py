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

from sqlalchemy.orm import Session

from models.entities.accounts import Role, Signature, SignatureMeaning
from models.entities.base import utcnow
from models.identity.accounts import AccountService, find_user, require_actor
from models.identity.names import names_look_alike, normalise_user_name
from models.identity.principals import PRINCIPALS, Principals
from models.kernel.audit import AuditAction
from models.kernel.canonical import content_hash
from models.kernel.errors import DomainError, SamePersonError, ValidationError
from models.kernel.unit_of_work import UnitOfWork


class LookAlikePersonError(DomainError):
    code = "four_eyes.look_alike"


class UnknownPerformerError(DomainError):
    code = "four_eyes.unknown_performer"


class SignatureNotAuthenticatedError(DomainError):
    """A signature whose signer did not just enter their password at this station."""

    code = "signature_not_authenticated"


def require_different_person(performer: str, verifier: str, session: Session | None = None) -> None:
    """Four-eyes rule: the same person can never both perform and verify one step.

    A person is an account. Names that are one account's (``Wang``, ``ｗａｎｇ`` for ``wang``)
    or that nobody can tell apart (``wаng`` with a Cyrillic а) are one person. With a
    ``session`` (a recorded performer against a verifier), both names are resolved to their
    accounts: the same account is refused, and so is a performer who is no account at all
    (the record names someone this site cannot tell from the verifier).
    """
    if names_look_alike(performer, verifier):
        if normalise_user_name(performer) == normalise_user_name(verifier):
            raise SamePersonError(username=verifier)
        raise LookAlikePersonError(performer=performer, verifier=verifier)
    if session is None:
        return
    first, second = find_user(session, performer), find_user(session, verifier)
    if first is None:
        raise UnknownPerformerError(performer=performer)
    if second is not None and second.id == first.id:
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
        # A Signer is only a claim; the proof is the password this station checked for it
        # (a Signer built by hand, or a sign-in without a password now, signs nothing).
        registry = uow.session.info.get(PRINCIPALS)
        since = uow.clock() - SIGNER_FRESHNESS
        if not isinstance(registry, Principals) or registry.fresh(user.id, since) is None:
            raise SignatureNotAuthenticatedError(username=user.username)
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
            actor=user.username,
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
