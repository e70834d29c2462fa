"""quality and release refinements

Specifications with their tests, release records, suppliers, material lots and usage,
retained samples; QC results and deviations gain signatures, links and CAPA fields.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "specification",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("product_type_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "draft", "approved", "retired", name="specstatus", native_enum=False, length=24
            ),
            nullable=False,
        ),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("approved_by", sa.String(length=64), nullable=True),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("approval_signature_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["approval_signature_id"],
            ["signature.id"],
            name=op.f("fk_specification_approval_signature_id_signature"),
        ),
        sa.ForeignKeyConstraint(
            ["product_type_id"],
            ["product_type.id"],
            name=op.f("fk_specification_product_type_id_product_type"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_specification")),
        sa.UniqueConstraint("code", "version", name=op.f("uq_specification_code")),
    )
    with op.batch_alter_table("specification", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_specification_product_type_id"), ["product_type_id"], unique=False
        )

    op.create_table(
        "supplier",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("manufacturer", sa.String(length=200), nullable=True),
        sa.Column("approved", sa.Boolean(), nullable=False),
        sa.Column("approved_by", sa.String(length=64), nullable=True),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("approval_signature_id", sa.Integer(), nullable=True),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["approval_signature_id"],
            ["signature.id"],
            name=op.f("fk_supplier_approval_signature_id_signature"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supplier")),
        sa.UniqueConstraint("code", name=op.f("uq_supplier_code")),
    )
    op.create_table(
        "material_lot",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("internal_lot", sa.String(length=40), nullable=False),
        sa.Column("material_code", sa.String(length=40), nullable=False),
        sa.Column("material_name", sa.String(length=200), nullable=False),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("supplier_id", sa.Integer(), nullable=False),
        sa.Column("supplier_lot", sa.String(length=64), nullable=False),
        sa.Column("quantity_received", sa.Double(), nullable=False),
        sa.Column("quantity_remaining", sa.Double(), nullable=False),
        sa.Column("quantity_unit", sa.String(length=20), nullable=False),
        sa.Column("containers", sa.Integer(), nullable=False),
        sa.Column("coa_ref", sa.String(length=200), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("received_by", sa.String(length=64), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "quarantine", "released", "rejected", name="lotstatus", native_enum=False, length=24
            ),
            nullable=False,
        ),
        sa.Column("contains_beta_lactam", sa.Boolean(), nullable=False),
        sa.Column("remarks", sa.Text(), nullable=True),
        sa.Column("released_by", sa.String(length=64), nullable=True),
        sa.Column("released_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("release_signature_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["release_signature_id"],
            ["signature.id"],
            name=op.f("fk_material_lot_release_signature_id_signature"),
        ),
        sa.ForeignKeyConstraint(
            ["supplier_id"], ["supplier.id"], name=op.f("fk_material_lot_supplier_id_supplier")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_material_lot")),
        sa.UniqueConstraint("internal_lot", name=op.f("uq_material_lot_internal_lot")),
    )
    with op.batch_alter_table("material_lot", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_material_lot_material_code"), ["material_code"], unique=False
        )

    op.create_table(
        "release_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "standard",
                "rapid",
                "emergency",
                "rejected",
                name="releasekind",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("specification_id", sa.Integer(), nullable=True),
        sa.Column("decided_by", sa.String(length=64), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("signature_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=True),
        sa.Column("failed_criteria", sa.Text(), nullable=True),
        sa.Column("pending_tests", sa.Text(), nullable=True),
        sa.Column("physician_name", sa.String(length=200), nullable=True),
        sa.Column("physician_requested_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("physician_justification", sa.Text(), nullable=True),
        sa.Column("package", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"], ["batch.id"], name=op.f("fk_release_record_batch_id_batch")
        ),
        sa.ForeignKeyConstraint(
            ["signature_id"],
            ["signature.id"],
            name=op.f("fk_release_record_signature_id_signature"),
        ),
        sa.ForeignKeyConstraint(
            ["specification_id"],
            ["specification.id"],
            name=op.f("fk_release_record_specification_id_specification"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_release_record")),
    )
    with op.batch_alter_table("release_record", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_release_record_batch_id"), ["batch_id"], unique=False)

    op.create_table(
        "retained_sample",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("sample_type", sa.String(length=80), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("location", sa.String(length=200), nullable=False),
        sa.Column("stored_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("stored_by", sa.String(length=64), nullable=False),
        sa.Column("treatment_end_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "retained", "disposed", name="retainedsamplestatus", native_enum=False, length=24
            ),
            nullable=False,
        ),
        sa.Column("disposed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("disposed_by", sa.String(length=64), nullable=True),
        sa.Column("disposal_method", sa.String(length=200), nullable=True),
        sa.Column("disposal_signature_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["batch_id"], ["batch.id"], name=op.f("fk_retained_sample_batch_id_batch")
        ),
        sa.ForeignKeyConstraint(
            ["disposal_signature_id"],
            ["signature.id"],
            name=op.f("fk_retained_sample_disposal_signature_id_signature"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_retained_sample")),
        sa.UniqueConstraint("code", name=op.f("uq_retained_sample_code")),
    )
    with op.batch_alter_table("retained_sample", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_retained_sample_batch_id"), ["batch_id"], unique=False)

    op.create_table(
        "specification_test",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("specification_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("test", sa.String(length=60), nullable=False),
        sa.Column(
            "limit_kind",
            sa.Enum(
                "minimum",
                "maximum",
                "range",
                "expected",
                "tagme",
                name="limitkind",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("lower", sa.Double(), nullable=True),
        sa.Column("upper", sa.Double(), nullable=True),
        sa.Column("upper_exclusive", sa.Boolean(), nullable=False),
        sa.Column("expected_text", sa.String(length=120), nullable=True),
        sa.Column("unit", sa.String(length=40), nullable=True),
        sa.Column("method", sa.String(length=120), nullable=True),
        sa.Column(
            "method_kind",
            sa.Enum("rapid", "compendial", "any", name="methodkind", native_enum=False, length=24),
            nullable=False,
        ),
        sa.Column("required", sa.Boolean(), nullable=False),
        sa.Column("is_cell_count", sa.Boolean(), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["specification_id"],
            ["specification.id"],
            name=op.f("fk_specification_test_specification_id_specification"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_specification_test")),
        sa.UniqueConstraint(
            "specification_id", "test", name=op.f("uq_specification_test_specification_id")
        ),
    )
    op.create_table(
        "material_usage",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("lot_id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Double(), nullable=False),
        sa.Column("used_by", sa.String(length=64), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("override_reason", sa.String(length=500), nullable=True),
        sa.ForeignKeyConstraint(
            ["batch_id"], ["batch.id"], name=op.f("fk_material_usage_batch_id_batch")
        ),
        sa.ForeignKeyConstraint(
            ["lot_id"], ["material_lot.id"], name=op.f("fk_material_usage_lot_id_material_lot")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_material_usage")),
    )
    with op.batch_alter_table("material_usage", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_material_usage_batch_id"), ["batch_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_material_usage_lot_id"), ["lot_id"], unique=False)

    with op.batch_alter_table("deviation", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("urgent", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(sa.Column("qc_result_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("material_lot_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("investigation", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("investigated_by", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("capa", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("capa_by", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("closed_by", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("closure_signature_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_deviation_material_lot_id_material_lot"),
            "material_lot",
            ["material_lot_id"],
            ["id"],
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_deviation_closure_signature_id_signature"),
            "signature",
            ["closure_signature_id"],
            ["id"],
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_deviation_qc_result_id_qc_result"), "qc_result", ["qc_result_id"], ["id"]
        )

    with op.batch_alter_table("qc_result", schema=None) as batch_op:
        batch_op.add_column(sa.Column("spec_test_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("mutation_detected", sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column("evaluation", sa.String(length=200), nullable=True))
        batch_op.add_column(
            sa.Column("is_post_release", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(sa.Column("analyst_signature_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("verified_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("verifier_signature_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_qc_result_spec_test_id_specification_test"),
            "specification_test",
            ["spec_test_id"],
            ["id"],
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_qc_result_analyst_signature_id_signature"),
            "signature",
            ["analyst_signature_id"],
            ["id"],
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_qc_result_verifier_signature_id_signature"),
            "signature",
            ["verifier_signature_id"],
            ["id"],
        )


def downgrade() -> None:
    with op.batch_alter_table("qc_result", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_qc_result_verifier_signature_id_signature"), type_="foreignkey"
        )
        batch_op.drop_constraint(
            batch_op.f("fk_qc_result_analyst_signature_id_signature"), type_="foreignkey"
        )
        batch_op.drop_constraint(
            batch_op.f("fk_qc_result_spec_test_id_specification_test"), type_="foreignkey"
        )
        batch_op.drop_column("verifier_signature_id")
        batch_op.drop_column("verified_at")
        batch_op.drop_column("analyst_signature_id")
        batch_op.drop_column("is_post_release")
        batch_op.drop_column("evaluation")
        batch_op.drop_column("mutation_detected")
        batch_op.drop_column("spec_test_id")

    with op.batch_alter_table("deviation", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_deviation_qc_result_id_qc_result"), type_="foreignkey"
        )
        batch_op.drop_constraint(
            batch_op.f("fk_deviation_closure_signature_id_signature"), type_="foreignkey"
        )
        batch_op.drop_constraint(
            batch_op.f("fk_deviation_material_lot_id_material_lot"), type_="foreignkey"
        )
        batch_op.drop_column("closure_signature_id")
        batch_op.drop_column("closed_by")
        batch_op.drop_column("capa_by")
        batch_op.drop_column("capa")
        batch_op.drop_column("investigated_by")
        batch_op.drop_column("investigation")
        batch_op.drop_column("material_lot_id")
        batch_op.drop_column("qc_result_id")
        batch_op.drop_column("urgent")

    with op.batch_alter_table("material_usage", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_material_usage_lot_id"))
        batch_op.drop_index(batch_op.f("ix_material_usage_batch_id"))

    op.drop_table("material_usage")
    op.drop_table("specification_test")
    with op.batch_alter_table("retained_sample", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_retained_sample_batch_id"))

    op.drop_table("retained_sample")
    with op.batch_alter_table("release_record", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_release_record_batch_id"))

    op.drop_table("release_record")
    with op.batch_alter_table("material_lot", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_material_lot_material_code"))

    op.drop_table("material_lot")
    op.drop_table("supplier")
    with op.batch_alter_table("specification", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_specification_product_type_id"))

    op.drop_table("specification")
