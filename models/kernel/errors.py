"""Typed domain errors: a code with parameters.

Every rule in the core either passes or raises a subclass of DomainError. Its words live in
the message catalogues (``models/i18n/en.py``, ``zh.py``) under the class's ``code`` (unique
across the core, a test holds it), so the CLI, the GUI and log files all show the same words
in the user's language; ``params`` keeps the raw values for tests and for the audit trail.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from models.i18n import describe


class DomainError(Exception):
    """Root of every rule violation the core reports to a user."""

    code: ClassVar[str] = "domain_error"
    # Parameters holding stored words of a vocabulary (param → kind, e.g. a status), shown as
    # the catalogue's word in the reader's language; a value it does not know stays as it is.
    terms: ClassVar[Mapping[str, str]] = {}

    def __init__(self, **params: Any) -> None:
        self.params: dict[str, Any] = params
        super().__init__(self.message("en"))

    def message(self, lang: str | None = "en") -> str:
        """The catalogue's words for ``code`` in ``lang`` ("zh…" gives Chinese, else English)."""
        return describe(self, lang)


class NotFoundError(DomainError):
    code = "not_found"
    terms = {"kind": "record_kind"}


class ValidationError(DomainError):
    code = "invalid_input"


class InvalidTransitionError(DomainError):
    code = "invalid_transition"
    terms = {"kind": "record_kind", "current": "status", "target": "status"}


class PermissionDeniedError(DomainError):
    code = "permission_denied"


class AuthenticationError(DomainError):
    code = "authentication_failed"


class AccountLockedError(DomainError):
    code = "account_locked"


class AccountDisabledError(DomainError):
    code = "account_disabled"


class SamePersonError(DomainError):
    code = "same_person"


class PasswordPolicyError(DomainError):
    code = "password_policy"


class SchemaError(DomainError):
    code = "schema"


class DatabaseUnavailableError(DomainError):
    code = "database_unavailable"


class CommitOutcomeUnknownError(DatabaseUnavailableError):
    """The connection dropped during COMMIT and could not be re-established to find out
    whether the server had committed: repeating blindly could record the action twice."""

    code = "commit_outcome_unknown"
