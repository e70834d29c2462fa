"""labeling refinements: template approval fields, print-job station/units/line stop,
printed-label lifecycle columns (issue #4)

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("label_template", schema=None) as batch_op:
        batch_op.add_column(sa.Column("approved_by", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("approved_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("retired_at", sa.DateTime(timezone=True), nullable=True))

    with op.batch_alter_table("print_job", schema=None) as batch_op:
        batch_op.add_column(sa.Column("station", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("unit_ids", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("printed_by", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("printed_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("companion_of_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("line_stopped", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(sa.Column("deviation_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_print_job_station"), ["station"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_print_job_companion_of_id_print_job"),
            "print_job",
            ["companion_of_id"],
            ["id"],
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_print_job_deviation_id_deviation"), "deviation", ["deviation_id"], ["id"]
        )

    with op.batch_alter_table("printed_label", schema=None) as batch_op:
        batch_op.add_column(sa.Column("printed_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("reprint_of_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("verification_signature_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("applied_by", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("applied_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("voided_by", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("voided_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("destruction_witness", sa.String(length=64), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_printed_label_reprint_of_id_printed_label"),
            "printed_label",
            ["reprint_of_id"],
            ["id"],
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_printed_label_verification_signature_id_signature"),
            "signature",
            ["verification_signature_id"],
            ["id"],
        )


def downgrade() -> None:
    with op.batch_alter_table("printed_label", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_printed_label_verification_signature_id_signature"), type_="foreignkey"
        )
        batch_op.drop_constraint(
            batch_op.f("fk_printed_label_reprint_of_id_printed_label"), type_="foreignkey"
        )
        for column in (
            "destruction_witness",
            "voided_at",
            "voided_by",
            "applied_at",
            "applied_by",
            "verification_signature_id",
            "reprint_of_id",
            "printed_at",
        ):
            batch_op.drop_column(column)

    with op.batch_alter_table("print_job", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_print_job_deviation_id_deviation"), type_="foreignkey"
        )
        batch_op.drop_constraint(
            batch_op.f("fk_print_job_companion_of_id_print_job"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_print_job_station"))
        for column in (
            "deviation_id",
            "line_stopped",
            "companion_of_id",
            "printed_at",
            "printed_by",
            "unit_ids",
            "station",
        ):
            batch_op.drop_column(column)

    with op.batch_alter_table("label_template", schema=None) as batch_op:
        for column in ("retired_at", "approved_at", "approved_by"):
            batch_op.drop_column(column)
