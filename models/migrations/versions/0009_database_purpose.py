"""database purpose: production, training or validation, fixed at creation

A training or validation database prints "TEST — NOT FOR CLINICAL USE" on every label and
report and accepts only the ICCBBA test facility codes A9990–A9999; a production database
refuses those codes (models/kernel/db_purpose.py). The purpose is one row, written here and
never changed (UPDATE and DELETE refused by trigger, as for the audit trail in 0002).

A new database gets the purpose it is created with (``celltrail init --purpose``, the demo,
``celltrail validate``; models.kernel.schema.upgrade passes it as the ``purpose`` attribute),
production when none is given. A database that existed before this revision was never
declared: it is taken to be a training database when its own facility (the manufacturer
site) carries only test facility codes, as the demo does, and a production database
otherwise.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context, op

from models.entities.base import UtcDateTime, utcnow

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

TEST_FINS = tuple(f"A999{d}" for d in "0123456789")  # ICCBBA test facility codes (ST-001)
PURPOSES = ("production", "training", "validation")

SQLITE_TRIGGERS = [
    "CREATE TRIGGER database_purpose_no_update BEFORE UPDATE ON database_purpose "
    "BEGIN SELECT RAISE(ABORT, 'database_purpose is fixed at creation: UPDATE refused'); END",
    "CREATE TRIGGER database_purpose_no_delete BEFORE DELETE ON database_purpose "
    "BEGIN SELECT RAISE(ABORT, 'database_purpose is fixed at creation: DELETE refused'); END",
]
POSTGRES_TRIGGERS = [
    "CREATE TRIGGER database_purpose_append_only BEFORE UPDATE OR DELETE ON database_purpose "
    "FOR EACH ROW EXECUTE FUNCTION celltrail_refuse_change()",
    "CREATE TRIGGER database_purpose_no_truncate BEFORE TRUNCATE ON database_purpose "
    "FOR EACH STATEMENT EXECUTE FUNCTION celltrail_refuse_change()",
]


def _inferred(bind: sa.Connection) -> str:
    """An undeclared database: training when its own facility codes are all test codes."""
    rows = bind.execute(
        sa.text(
            "SELECT isbt_facility_code FROM site "
            "WHERE kind = 'manufacturer' AND isbt_facility_code IS NOT NULL"
        )
    ).scalars()
    codes = set(rows)
    return "training" if codes and codes <= set(TEST_FINS) else "production"


def upgrade() -> None:
    bind = op.get_bind()
    postgres = bind.dialect.name == "postgresql"
    op.create_table(
        "database_purpose",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("purpose", sa.String(length=24), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_database_purpose_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_database_purpose")),
    )
    declared = context.config.attributes.get("purpose")
    purpose = declared if declared in PURPOSES else _inferred(bind)
    table = sa.table(
        "database_purpose",
        sa.column("id", sa.Integer()),
        sa.column("purpose", sa.String()),
        sa.column("created_at", UtcDateTime()),
    )
    op.bulk_insert(table, [{"id": 1, "purpose": purpose, "created_at": utcnow()}])
    for statement in POSTGRES_TRIGGERS if postgres else SQLITE_TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS database_purpose_no_truncate ON database_purpose")
        op.execute("DROP TRIGGER IF EXISTS database_purpose_append_only ON database_purpose")
    else:
        op.execute("DROP TRIGGER IF EXISTS database_purpose_no_delete")
        op.execute("DROP TRIGGER IF EXISTS database_purpose_no_update")
    op.drop_table("database_purpose")
