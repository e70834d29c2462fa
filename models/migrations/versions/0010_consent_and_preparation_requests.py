"""consent versions, re-consent holds, withdrawal lists, preparation requests

``consent`` gains who signed (donor, patient or legal guardian), the protocol it belongs to,
who entered it, the version it supersedes and its withdrawal. ``consent_hold`` records the
re-consent triggers that hold a donor's material (R-DON-12); ``consent_withdrawal_item`` the
units and samples held at withdrawal with where they were and their fate;
``preparation_request`` the cell-preparation request each collection needs before it is
received (R-RCV-01). Existing consent rows (none were ever written by CellTrail) are sealed
again in the audit trail because their columns changed.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

from models.kernel.record_state import seal_all_rows

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

REASON = "consent versions gain signer and supersession (schema revision 0010)"
WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    bind = op.get_bind()
    with op.batch_alter_table("consent", schema=None) as batch:
        batch.add_column(
            sa.Column("signer_kind", sa.String(24), nullable=False, server_default="donor")
        )
        batch.add_column(
            sa.Column("signer_name", sa.String(200), nullable=False, server_default="")
        )
        batch.add_column(sa.Column("protocol", sa.String(64), nullable=True))
        batch.add_column(sa.Column("recorded_by", sa.String(64), nullable=False, server_default=""))
        batch.add_column(
            sa.Column("recorded_at", WHEN, nullable=False, server_default="1970-01-01 00:00:00")
        )
        batch.add_column(sa.Column("supersedes_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("withdrawn_by", sa.String(64), nullable=True))
        batch.add_column(sa.Column("withdrawal_reason", sa.String(500), nullable=True))
        batch.create_foreign_key(
            batch.f("fk_consent_supersedes_id_consent"), "consent", ["supersedes_id"], ["id"]
        )
        batch.create_unique_constraint(batch.f("uq_consent_supersedes_id"), ["supersedes_id"])
    with op.batch_alter_table("consent", schema=None) as batch:
        for name in ("signer_kind", "signer_name", "recorded_by", "recorded_at"):
            batch.alter_column(name, server_default=None)
    op.create_table(
        "consent_hold",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("donor_id", sa.Integer(), nullable=False),
        sa.Column("trigger", sa.String(32), nullable=False),
        sa.Column("detail", sa.String(500), nullable=True),
        sa.Column("raised_at", WHEN, nullable=False),
        sa.Column("raised_by", sa.String(64), nullable=False),
        sa.Column("cleared_at", WHEN, nullable=True),
        sa.Column("cleared_by_consent_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["cleared_by_consent_id"],
            ["consent.id"],
            name=op.f("fk_consent_hold_cleared_by_consent_id_consent"),
        ),
        sa.ForeignKeyConstraint(
            ["donor_id"], ["donor.id"], name=op.f("fk_consent_hold_donor_id_donor")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent_hold")),
    )
    op.create_index(op.f("ix_consent_hold_donor_id"), "consent_hold", ["donor_id"])
    op.create_table(
        "consent_withdrawal_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("consent_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("code", sa.String(64), nullable=False),
        sa.Column("location", sa.String(200), nullable=False),
        sa.Column("fate", sa.String(24), nullable=False),
        sa.Column("reason", sa.String(500), nullable=True),
        sa.ForeignKeyConstraint(
            ["consent_id"],
            ["consent.id"],
            name=op.f("fk_consent_withdrawal_item_consent_id_consent"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent_withdrawal_item")),
    )
    op.create_index(
        op.f("ix_consent_withdrawal_item_consent_id"), "consent_withdrawal_item", ["consent_id"]
    )
    op.create_table(
        "preparation_request",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("collection_id", sa.Integer(), nullable=False),
        sa.Column("consent_id", sa.Integer(), nullable=False),
        sa.Column("variant", sa.String(16), nullable=False),
        sa.Column("donor_basics", sa.Text(), nullable=False),
        sa.Column("clinical_information", sa.Text(), nullable=False),
        sa.Column("screening_reference", sa.String(200), nullable=False),
        sa.Column("treatment_plan", sa.Text(), nullable=False),
        sa.Column("patient_initials", sa.String(10), nullable=True),
        sa.Column("enrolment_no", sa.String(40), nullable=True),
        sa.Column("recorded_by", sa.String(64), nullable=False),
        sa.Column("recorded_at", WHEN, nullable=False),
        sa.ForeignKeyConstraint(
            ["collection_id"],
            ["collection.id"],
            name=op.f("fk_preparation_request_collection_id_collection"),
        ),
        sa.ForeignKeyConstraint(
            ["consent_id"], ["consent.id"], name=op.f("fk_preparation_request_consent_id_consent")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_preparation_request")),
        sa.UniqueConstraint("code", name=op.f("uq_preparation_request_code")),
        sa.UniqueConstraint("collection_id", name=op.f("uq_preparation_request_collection_id")),
    )
    reflected = sa.MetaData()
    reflected.reflect(bind, only=["consent"])
    session = Session(bind=bind)
    # only consent itself: reflection also brings the tables it refers to (donor)
    if seal_all_rows(session, [reflected.tables["consent"]], REASON):
        session.flush()


def downgrade() -> None:
    op.drop_table("preparation_request")
    op.drop_index(op.f("ix_consent_withdrawal_item_consent_id"), "consent_withdrawal_item")
    op.drop_table("consent_withdrawal_item")
    op.drop_index(op.f("ix_consent_hold_donor_id"), "consent_hold")
    op.drop_table("consent_hold")
    with op.batch_alter_table("consent", schema=None) as batch:
        batch.drop_constraint(batch.f("uq_consent_supersedes_id"), type_="unique")
        batch.drop_constraint(batch.f("fk_consent_supersedes_id_consent"), type_="foreignkey")
        for name in (
            "withdrawal_reason",
            "withdrawn_by",
            "supersedes_id",
            "recorded_at",
            "recorded_by",
            "protocol",
            "signer_name",
            "signer_kind",
        ):
            batch.drop_column(name)
