"""Who is signed in at this workstation (GUI state only; the core re-checks every action)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SessionUser:
    username: str
    full_name: str
    roles: frozenset[str]

    def has_any(self, *roles: str) -> bool:
        return bool(self.roles & set(roles))

    @property
    def is_admin(self) -> bool:
        return "admin" in self.roles
