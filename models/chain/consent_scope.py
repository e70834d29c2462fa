"""The words of consent: what it covers, who signed it, why it must be signed again."""

from __future__ import annotations

import enum
from collections.abc import Iterable

from models.kernel.errors import ValidationError


class ConsentScope(enum.StrEnum):
    DONATION = "donation"
    TREATMENT = "treatment"
    BIOSAMPLE_STORAGE = "biosample_storage"
    DEVELOPMENT_USE = "development_use"
    SHARING = "sharing"
    DESTRUCTION = "destruction"
    FOLLOW_UP = "follow_up"


class SignerKind(enum.StrEnum):
    DONOR = "donor"
    PATIENT = "patient"
    LEGAL_GUARDIAN = "legal_guardian"


class Trigger(enum.StrEnum):
    """Why re-consent is needed (R-DON-12); each holds the donor's material until it is given."""

    PROTOCOL_CHANGE = "protocol_change"
    SCOPE_CHANGE = "scope_change"
    USE_BEYOND_SCOPE = "use_beyond_scope"
    LEGAL_CAPACITY = "legal_capacity"


class Fate(enum.StrEnum):
    DESTROY = "destroy"
    KEPT_BY_LAW = "kept_by_law"


# The age at which a minor signs for themselves (PRC Civil Code art. 17).
LEGAL_AGE = 18


def scope_text(scopes: Iterable[ConsentScope | str]) -> str:
    """The stored form: sorted, unique words; at least one."""
    words = sorted({ConsentScope(s).value for s in scopes})
    if not words:
        raise ValidationError(field="scope", reason="at least one use")
    return ",".join(words)


def parse_scope(text: str) -> frozenset[ConsentScope]:
    return frozenset(ConsentScope(w) for w in text.split(",") if w)
