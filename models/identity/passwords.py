"""Password hashing (argon2id) and the site password policy."""

from __future__ import annotations

from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from models.kernel.errors import PasswordPolicyError


@dataclass(frozen=True)
class PasswordPolicy:
    min_length: int = 10
    max_failed_attempts: int = 5
    max_age_days: int = 180

    def check(self, username: str, password: str) -> None:
        if len(password) < self.min_length:
            raise PasswordPolicyError(reason=f"at least {self.min_length} characters")
        if not (any(c.isalpha() for c in password) and any(c.isdigit() for c in password)):
            raise PasswordPolicyError(reason="needs both letters and digits")
        if username.lower() in password.lower():
            raise PasswordPolicyError(reason="must not contain the user name")


class Passwords:
    """argon2id hashing; cheaper parameters are injected only by the test suite and for the
    throwaway accounts of a `celltrail validate` run (which checks these defaults, IQ-09)."""

    def __init__(self, hasher: PasswordHasher | None = None) -> None:
        self._hasher = hasher or PasswordHasher()

    def hash(self, password: str) -> str:
        return str(self._hasher.hash(password))

    def verify(self, stored_hash: str, password: str) -> bool:
        try:
            return bool(self._hasher.verify(stored_hash, password))
        except (VerificationError, InvalidHashError):
            return False

    def needs_rehash(self, stored_hash: str) -> bool:
        return bool(self._hasher.check_needs_rehash(stored_hash))


def fast_passwords_for_tests() -> Passwords:
    return Passwords(PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
