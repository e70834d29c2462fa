"""chain of identity refinements

Revision ID: 0003
Revises: 0002

Adds what the chain-of-identity services need: the therapy's COI id on each collection,
where a unit is now and whom it is dispensed for, a hold flag for transport excursions,
and the index that makes recipient → autologous donor traces an index lookup.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("collection") as batch:
        batch.add_column(sa.Column("coi_id", sa.String(40), nullable=True))
        batch.create_index("ix_collection_coi_id", ["coi_id"])
    with op.batch_alter_table("product_unit") as batch:
        batch.add_column(sa.Column("site_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("intended_recipient_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("hold_reason", sa.String(500), nullable=True))
        batch.create_foreign_key("fk_product_unit_site_id_site", "site", ["site_id"], ["id"])
        batch.create_foreign_key(
            "fk_product_unit_intended_recipient_id_recipient",
            "recipient",
            ["intended_recipient_id"],
            ["id"],
        )
        batch.create_index("ix_product_unit_intended_recipient_id", ["intended_recipient_id"])
    with op.batch_alter_table("recipient") as batch:
        batch.create_index("ix_recipient_donor_id", ["donor_id"])


def downgrade() -> None:
    with op.batch_alter_table("recipient") as batch:
        batch.drop_index("ix_recipient_donor_id")
    with op.batch_alter_table("product_unit") as batch:
        batch.drop_index("ix_product_unit_intended_recipient_id")
        batch.drop_constraint("fk_product_unit_intended_recipient_id_recipient", type_="foreignkey")
        batch.drop_constraint("fk_product_unit_site_id_site", type_="foreignkey")
        batch.drop_column("hold_reason")
        batch.drop_column("intended_recipient_id")
        batch.drop_column("site_id")
    with op.batch_alter_table("collection") as batch:
        batch.drop_index("ix_collection_coi_id")
        batch.drop_column("coi_id")
