"""sites on accounts; labeling, splitting, pooling and material use tied to a workspace

``user_account.site_id``: the site (manufacturing site or hospital) a person works at; they act
only on records held there (models/identity/sites.py). Existing accounts are placed at the
first manufacturing site; on a database without one they stay without a site (and act on
nothing site-bound) until an administrator assigns one.

``print_job.workspace_id``, ``unit_link.workspace_id`` and ``material_usage.workspace_id``:
the operating space a label job, a split or pool, and a material use belong to (R-LBL-11: one
batch at a time in one operating space, whichever station prints). NULL for rows made before.

The columns are added in place (a batch rebuild of user_account would trip the foreign keys of
user_role and signature on SQLite). The rows of these tables are sealed again in the audit
trail, as 0008 did, or ``audit verify`` would name them as changed outside CellTrail.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

from models.kernel.record_state import seal_all_rows

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

REASON = "accounts placed at a site, jobs and links tied to a workspace (schema revision 0011)"

# (table, column, referenced table)
COLUMNS = [
    ("user_account", "site_id", "site"),
    ("print_job", "workspace_id", "workspace"),
    ("unit_link", "workspace_id", "workspace"),
    ("material_usage", "workspace_id", "workspace"),
]


def _add(table: str, column: str, target: str, postgres: bool) -> None:
    name = f"fk_{table}_{column}_{target}"
    if postgres:
        op.add_column(table, sa.Column(column, sa.Integer(), nullable=True))
        op.create_foreign_key(name, table, target, [column], ["id"])
    else:
        # SQLite adds a NULL column with its reference in place; ALTER of constraints is not
        # supported there.
        op.execute(
            f'ALTER TABLE "{table}" ADD COLUMN "{column}" INTEGER '
            f'CONSTRAINT "{name}" REFERENCES "{target}" (id)'
        )


def upgrade() -> None:
    bind = op.get_bind()
    postgres = bind.dialect.name == "postgresql"
    for table, column, target in COLUMNS:
        _add(table, column, target, postgres)
    op.create_index("ix_print_job_workspace_id", "print_job", ["workspace_id"])

    site = sa.table("site", sa.column("id", sa.Integer()), sa.column("kind", sa.String()))
    accounts = sa.table(
        "user_account", sa.column("id", sa.Integer()), sa.column("site_id", sa.Integer())
    )
    home = bind.execute(
        sa.select(site.c.id).where(site.c.kind == "manufacturer").order_by(site.c.id).limit(1)
    ).scalar()
    if home is not None:
        bind.execute(sa.update(accounts).values(site_id=home))
    # Every existing row of a table that gained a column has a new recorded state (0007's
    # rule), whether or not the column was filled in.
    changed = [
        table
        for table, _, _ in COLUMNS
        if bind.execute(sa.text(f'SELECT 1 FROM "{table}" LIMIT 1')).first() is not None
    ]
    if changed:
        reflected = sa.MetaData()
        reflected.reflect(bind, only=changed)
        session = Session(bind=bind)
        seal_all_rows(session, reflected.sorted_tables, REASON)
        session.flush()


def downgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    op.drop_index("ix_print_job_workspace_id", table_name="print_job")
    for table, column, target in reversed(COLUMNS):
        if postgres:
            op.drop_constraint(f"fk_{table}_{column}_{target}", table, type_="foreignkey")
            op.drop_column(table, column)
        else:
            with op.batch_alter_table(table) as batch:
                batch.drop_column(column)
