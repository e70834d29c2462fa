"""workspaces and line clearance

Workspaces (cleanroom suites, biosafety cabinets) with their infectious-area flag, the
line-clearance records that allow the next batch in (R-SEG-01/02/06) and each batch's stay
in a workspace (R-SEG-03/05).

Line clearances are append-only like the audit trail (0002).  A workspace stay may only be
closed, once (``ended_at``/``ended_by`` set from NULL); every other UPDATE, any DELETE and
TRUNCATE are refused in the database itself.  Partial unique indexes keep one open stay per
workspace and per batch even when two workstations race.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

OPEN = "ended_at IS NULL"
# Columns fixed at the start of a stay (everything but ended_at / ended_by).
FIXED_USE_COLUMNS = ("id", "workspace_id", "batch_id", "clearance_id", "started_at", "started_by")

SQLITE_TRIGGERS = [
    "CREATE TRIGGER line_clearance_no_update BEFORE UPDATE ON line_clearance "
    "BEGIN SELECT RAISE(ABORT, 'line_clearance is append-only: UPDATE refused'); END",
    "CREATE TRIGGER line_clearance_no_delete BEFORE DELETE ON line_clearance "
    "BEGIN SELECT RAISE(ABORT, 'line_clearance is append-only: DELETE refused'); END",
    "CREATE TRIGGER workspace_use_end_once BEFORE UPDATE ON workspace_use "
    "WHEN OLD.ended_at IS NOT NULL OR NEW.ended_at IS NULL OR NEW.ended_by IS NULL OR "
    + " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in FIXED_USE_COLUMNS)
    + " BEGIN SELECT RAISE(ABORT, "
    "'workspace_use: only ended_at/ended_by may be set, once: UPDATE refused'); END",
    "CREATE TRIGGER workspace_use_no_delete BEFORE DELETE ON workspace_use "
    "BEGIN SELECT RAISE(ABORT, 'workspace_use is append-only: DELETE refused'); END",
]

POSTGRES_END_ONCE_FUNCTION = f"""
CREATE OR REPLACE FUNCTION celltrail_workspace_use_end_once() RETURNS trigger AS $$
BEGIN
    IF OLD.ended_at IS NOT NULL OR NEW.ended_at IS NULL OR NEW.ended_by IS NULL
       OR ({", ".join(f"NEW.{c}" for c in FIXED_USE_COLUMNS)})
          IS DISTINCT FROM ({", ".join(f"OLD.{c}" for c in FIXED_USE_COLUMNS)}) THEN
        RAISE EXCEPTION 'workspace_use: only ended_at/ended_by may be set, once: % refused',
            TG_OP;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql
"""

# celltrail_refuse_change() is created by 0002.
POSTGRES_TRIGGERS = [
    "CREATE TRIGGER line_clearance_append_only BEFORE UPDATE OR DELETE ON line_clearance "
    "FOR EACH ROW EXECUTE FUNCTION celltrail_refuse_change()",
    "CREATE TRIGGER line_clearance_no_truncate BEFORE TRUNCATE ON line_clearance "
    "FOR EACH STATEMENT EXECUTE FUNCTION celltrail_refuse_change()",
    "CREATE TRIGGER workspace_use_end_once BEFORE UPDATE ON workspace_use "
    "FOR EACH ROW EXECUTE FUNCTION celltrail_workspace_use_end_once()",
    "CREATE TRIGGER workspace_use_no_delete BEFORE DELETE ON workspace_use "
    "FOR EACH ROW EXECUTE FUNCTION celltrail_refuse_change()",
    "CREATE TRIGGER workspace_use_no_truncate BEFORE TRUNCATE ON workspace_use "
    "FOR EACH STATEMENT EXECUTE FUNCTION celltrail_refuse_change()",
]


def upgrade() -> None:
    op.create_table(
        "workspace",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("infectious_area", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workspace")),
        sa.UniqueConstraint("code", name=op.f("uq_workspace_code")),
    )
    op.create_table(
        "line_clearance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("previous_batch_id", sa.Integer(), nullable=True),
        sa.Column("previous_infectious", sa.Boolean(), nullable=False),
        sa.Column("checklist", sa.Text(), nullable=False),
        sa.Column("performed_by", sa.String(length=64), nullable=False),
        sa.Column("performed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("performed_signature_id", sa.Integer(), nullable=False),
        sa.Column("verified_by", sa.String(length=64), nullable=False),
        sa.Column("verified_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("verified_signature_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspace.id"],
            name=op.f("fk_line_clearance_workspace_id_workspace"),
        ),
        sa.ForeignKeyConstraint(
            ["previous_batch_id"],
            ["batch.id"],
            name=op.f("fk_line_clearance_previous_batch_id_batch"),
        ),
        sa.ForeignKeyConstraint(
            ["performed_signature_id"],
            ["signature.id"],
            name=op.f("fk_line_clearance_performed_signature_id_signature"),
        ),
        sa.ForeignKeyConstraint(
            ["verified_signature_id"],
            ["signature.id"],
            name=op.f("fk_line_clearance_verified_signature_id_signature"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_line_clearance")),
        sa.UniqueConstraint("workspace_id", "number", name=op.f("uq_line_clearance_workspace_id")),
    )

    op.create_table(
        "workspace_use",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("clearance_id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("started_by", sa.String(length=64), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ended_by", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["workspace_id"], ["workspace.id"], name=op.f("fk_workspace_use_workspace_id_workspace")
        ),
        sa.ForeignKeyConstraint(
            ["batch_id"], ["batch.id"], name=op.f("fk_workspace_use_batch_id_batch")
        ),
        sa.ForeignKeyConstraint(
            ["clearance_id"],
            ["line_clearance.id"],
            name=op.f("fk_workspace_use_clearance_id_line_clearance"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workspace_use")),
        sa.UniqueConstraint("clearance_id", name=op.f("uq_workspace_use_clearance_id")),
    )
    with op.batch_alter_table("workspace_use", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_workspace_use_workspace_id"), ["workspace_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_workspace_use_batch_id"), ["batch_id"], unique=False)
        batch_op.create_index(
            "ux_workspace_use_open_workspace",
            ["workspace_id"],
            unique=True,
            sqlite_where=sa.text(OPEN),
            postgresql_where=sa.text(OPEN),
        )
        batch_op.create_index(
            "ux_workspace_use_open_batch",
            ["batch_id"],
            unique=True,
            sqlite_where=sa.text(OPEN),
            postgresql_where=sa.text(OPEN),
        )

    if op.get_bind().dialect.name == "postgresql":
        op.execute(POSTGRES_END_ONCE_FUNCTION)
        statements = POSTGRES_TRIGGERS
    else:
        statements = SQLITE_TRIGGERS
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        for trigger, table in (
            ("line_clearance_append_only", "line_clearance"),
            ("line_clearance_no_truncate", "line_clearance"),
            ("workspace_use_end_once", "workspace_use"),
            ("workspace_use_no_delete", "workspace_use"),
            ("workspace_use_no_truncate", "workspace_use"),
        ):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger} ON {table}")
        op.execute("DROP FUNCTION IF EXISTS celltrail_workspace_use_end_once()")
    else:
        for trigger in (
            "line_clearance_no_update",
            "line_clearance_no_delete",
            "workspace_use_end_once",
            "workspace_use_no_delete",
        ):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")

    with op.batch_alter_table("workspace_use", schema=None) as batch_op:
        batch_op.drop_index("ux_workspace_use_open_batch")
        batch_op.drop_index("ux_workspace_use_open_workspace")
        batch_op.drop_index(batch_op.f("ix_workspace_use_batch_id"))
        batch_op.drop_index(batch_op.f("ix_workspace_use_workspace_id"))
    op.drop_table("workspace_use")
    op.drop_table("line_clearance")
    op.drop_table("workspace")
