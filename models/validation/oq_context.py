"""What the operational qualification's scenario carries from one step to the next.

The OQ runs on the scratch validation database through the real core and its services, as
the site's people would: each role is a separate account (the four-eyes rules need them),
all with one password made for this run and forgotten after it.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from pathlib import Path

from models.core import Core
from models.entities.accounts import Role
from models.identity.passwords import PasswordPolicy, Passwords
from models.kernel.errors import PasswordPolicyError

# ICCBBA test facility code (ST-001 §5.3): A9999 for validation, A9990 is the demo's.
FACILITY = "A9999"
REAL_FACILITY = "W0000"  # a facility code a production site could hold
HOSPITAL, COLLECTION_SITE, MANUFACTURER = "OQ-HOSP", "OQ-COLL", "OQ-CTF"
PRODUCT, TANK = "S1389", "OQ-LN2-01"
DONOR, OTHER_DONOR = "OQ-DN-01", "OQ-DN-02"
COLLECTION, OTHER_COLLECTION = "OQ-CL-01", "OQ-CL-02"
PATIENT, OTHER_PATIENT = "OQ-P-01", "OQ-P-02"
SHIPMENT = "OQ-SH-01"
UNITS = 4  # A given at the bedside, B wrong patient, C recalled, D expired
STAFF: dict[str, tuple[str, list[Role]]] = {
    "admin": ("OQ Administrator", [Role.ADMIN]),
    "wang": ("OQ Operator", [Role.OPERATOR]),
    "zhao": ("OQ Verifier", [Role.VERIFIER]),
    "chen": ("OQ QA", [Role.QA]),
    "li": ("OQ QA Head", [Role.QA, Role.QA_HEAD]),
    "liu": ("OQ Nurse", [Role.CLINICAL]),
}


def run_passwords() -> Passwords:
    """argon2id as in production, at a lower cost: the run signs some fifty times with
    accounts that exist only for it, and at the production cost (about half a second a
    check on a busy machine) that alone would take most of a minute. IQ-09 checks that the
    production hasher's cost is in force for the site's real accounts."""
    from argon2 import PasswordHasher

    return Passwords(PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1))


def run_password() -> str:
    """A password every OQ account accepts under the site policy (letters and digits, and
    none of the user names in it: a random "li" or "chen" inside once stopped a run);
    never shown, never kept."""
    policy = PasswordPolicy()
    while True:
        password = f"Oq-{secrets.token_urlsafe(12)}-7q"
        try:
            for username in STAFF:
                policy.check(username, password)
        except PasswordPolicyError:
            continue
        return password


@dataclass
class OqContext:
    core: Core
    password: str
    folder: Path  # label files (the file printer) and the production probe database
    batch_number: str = ""
    batch_id: int = 0
    units: list[str] = field(default_factory=list)
    templates: dict[str, int] = field(default_factory=dict)
    deviation_id: int | None = None
    label_ids: list[int] = field(default_factory=list)
    scans: dict[int, str] = field(default_factory=dict)  # label id → its decoded 2-D symbol
    use_by: str = ""

    @property
    def given(self) -> str:
        return self.units[0]

    @property
    def wrong_patient(self) -> str:
        return self.units[1]

    @property
    def recalled(self) -> str:
        return self.units[2]

    @property
    def expired(self) -> str:
        return self.units[3]
