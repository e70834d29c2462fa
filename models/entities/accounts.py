"""Users, roles and electronic signatures (21 CFR 11 / EU Annex 11 / China GMP annex)."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.entities.base import Base, str_enum, utcnow


class Role(enum.StrEnum):
    OPERATOR = "operator"  # cleanroom work: receipt, processing, filling, label requests
    VERIFIER = "verifier"  # second person of every double-check
    QA = "qa"  # QC review, template approval, release (QP)
    QA_HEAD = "qa_head"  # emergency release, reprint approval
    CLINICAL = "clinical"  # hospital receipt, thaw, bedside administration
    ADMIN = "admin"  # accounts and configuration, never product decisions
    AUDITOR = "auditor"  # read-only


class SignatureMeaning(enum.StrEnum):
    PERFORMED = "performed"
    VERIFIED = "verified"
    APPROVED = "approved"
    RELEASED = "released"
    REVIEWED = "reviewed"


class User(Base):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(255))
    badge_code: Mapped[str | None] = mapped_column(String(64), unique=True)
    active: Mapped[bool] = mapped_column(default=True)
    failed_attempts: Mapped[int] = mapped_column(default=0)
    locked_at: Mapped[datetime | None]
    password_changed_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    roles: Mapped[list[UserRole]] = relationship(
        back_populates="user", cascade="all, delete-orphan", lazy="selectin"
    )

    @property
    def role_set(self) -> frozenset[Role]:
        return frozenset(r.role for r in self.roles)

    @property
    def is_locked(self) -> bool:
        return self.locked_at is not None


class UserRole(Base):
    __tablename__ = "user_role"
    __table_args__ = (UniqueConstraint("user_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    role: Mapped[Role] = mapped_column(str_enum(Role))
    user: Mapped[User] = relationship(back_populates="roles")


class Signature(Base):
    """One manifested e-signature, bound to the hash of exactly what was signed."""

    __tablename__ = "signature"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    printed_name: Mapped[str] = mapped_column(String(200))
    meaning: Mapped[SignatureMeaning] = mapped_column(str_enum(SignatureMeaning))
    signed_at: Mapped[datetime]
    subject_type: Mapped[str] = mapped_column(String(40))
    subject_id: Mapped[str] = mapped_column(String(64), index=True)
    content_hash: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str | None] = mapped_column(String(500))
