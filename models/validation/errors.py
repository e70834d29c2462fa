"""Refusals of the requirement registry and its tooling: codes whose words are in models/i18n."""

from __future__ import annotations

from models.kernel.errors import DomainError


class RegistryError(DomainError):
    """requirements.toml cannot be read as a registry; ``problems`` lists every fault."""

    code = "requirements_registry_invalid"


class NoSourceCheckoutError(DomainError):
    """The tests that carry the markers are not there (an installed copy has no tests/)."""

    code = "requirements_no_tests"
