"""Users, roles and electronic signatures (21 CFR 11 / EU Annex 11 / China GMP annex)."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

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
    """An account: the person. ``username`` is the name as created (records store it);
    ``username_key`` is its normal form (NFKC, case-folded), which every look-up uses. Both
    are fixed at creation: the ORM refuses a change here and the database refuses one by
    trigger (migration 0008), so a record's name always names the account it named."""

    __tablename__ = "user_account"
    __table_args__ = (Index("ux_user_account_username_key", "username_key", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    username_key: Mapped[str] = mapped_column(String(64))
    full_name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(255))
    badge_code: Mapped[str | None] = mapped_column(String(64), unique=True)
    # The site the person works at (manufacturing site or hospital): they act only on records
    # held there (models.identity.sites). NULL only for accounts migrated from before sites
    # (0011) on a database without a manufacturing site: such an account acts on nothing
    # site-bound until an administrator assigns a site.
    site_id: Mapped[int | None] = mapped_column(ForeignKey("site.id"))
    active: Mapped[bool] = mapped_column(default=True)
    failed_attempts: Mapped[int] = mapped_column(default=0)
    locked_at: Mapped[datetime | None]
    password_changed_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    roles: Mapped[list[UserRole]] = relationship(
        back_populates="user", cascade="all, delete-orphan", lazy="selectin"
    )

    @validates("username", "username_key")
    def _fixed_once_created(self, field: str, value: Any) -> Any:
        if getattr(self, field, None) not in (None, value):
            raise ValueError(f"user_account.{field} is fixed once created: a rename is refused")
        return value

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


class SiteSecret(Base):
    """A random key of this database, created on first use and never changed: the HMAC key
    that turns a typed unknown user name (perhaps a password) into an unreadable marker."""

    __tablename__ = "site_secret"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
