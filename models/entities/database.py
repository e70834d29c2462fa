"""What a database was created for: production, or training/validation (issue 16).

One row, written when the database is created (migration 0009) and never changed: triggers
refuse UPDATE and DELETE, and on PostgreSQL the application role may only read and insert it
(models/kernel/db_roles.py treats it as append-only), so a training database cannot be
turned into a production one, or the other way round, from inside the application.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import CheckConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.entities.base import Base, str_enum, utcnow


class Purpose(enum.StrEnum):
    PRODUCTION = "production"
    TRAINING = "training"  # the demo site, staff training
    VALIDATION = "validation"  # `celltrail validate` and a site's own qualification runs

    @property
    def is_test(self) -> bool:
        """Labels and reports say TEST; only ICCBBA test facility codes are accepted."""
        return self is not Purpose.PRODUCTION


class DatabasePurpose(Base):
    __tablename__ = "database_purpose"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    purpose: Mapped[Purpose] = mapped_column(str_enum(Purpose))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
