"""Helpers shared by the quality services: role checks for unsigned actions, codes, lookups."""

from __future__ import annotations

from sqlalchemy.orm import Session

from models.chain.identifiers import next_value
from models.entities.accounts import Role
from models.kernel.errors import ValidationError

QA_ROLES = (Role.QA, Role.QA_HEAD)
STAFF_ROLES = (Role.OPERATOR, Role.VERIFIER, Role.QA, Role.QA_HEAD)
CODE_LIMIT = 99_999


def require_text(value: str | None, field: str) -> str:
    if value is None or not value.strip():
        raise ValidationError(field=field, reason="is required")
    return value.strip()


def next_code(session: Session, name: str, prefix: str, year: int) -> str:
    """E.g. DEV-2025-00007: counted per year, never reused (identifier sequence)."""
    value = next_value(session, name, str(year), CODE_LIMIT)
    return f"{prefix}-{year}-{value:05d}"
