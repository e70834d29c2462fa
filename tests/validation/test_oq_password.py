"""The OQ run's throwaway password is accepted for every OQ account. A random one once held
"li" (the QA head's user name), the policy refused it and `celltrail validate` stopped with
exit 2 about one run in ten."""

from __future__ import annotations

from models.identity.passwords import PasswordPolicy
from models.validation.oq_context import STAFF, run_password


def test_every_oq_account_accepts_the_run_password() -> None:
    policy = PasswordPolicy()
    passwords = {run_password() for _ in range(3000)}
    assert len(passwords) == 3000  # fresh each run
    for password in passwords:
        for username in STAFF:
            policy.check(username, password)  # raises PasswordPolicyError if refused
