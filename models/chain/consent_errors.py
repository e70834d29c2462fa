"""Refusals of the consent rules; words in the catalogues (models/i18n, block "consent")."""

from __future__ import annotations

from models.kernel.errors import DomainError

_TERMS = {"action": "consent_action", "scope": "consent_scope", "trigger": "consent_trigger"}


class ConsentMissingError(DomainError):
    code = "consent.missing"
    terms = _TERMS


class ConsentNotCoveredError(DomainError):
    code = "consent.not_covered"
    terms = _TERMS


class ConsentWithdrawnError(DomainError):
    code = "consent.withdrawn"
    terms = _TERMS


class ConsentHoldError(DomainError):
    code = "consent.on_hold"
    terms = _TERMS


class ConsentSupersededError(DomainError):
    code = "consent.superseded"


class RequestMissingError(DomainError):
    code = "request.missing"


class RequestIncompleteError(DomainError):
    code = "request.incomplete"
    terms = {"field": "request_field"}
