"""records bound to the audit trail

From this revision every commit appends a STATE audit entry for each row it changed
(models/kernel/record_state.py), and `celltrail audit verify` compares every row with the last
state the trail recorded for it. Rows that exist before this upgrade have no state yet: this
migration records each one as found ("baseline"), attributed to ``system``. Whatever was true
of those rows before the upgrade is what the hash chain and the QA review of that time
vouched for; from here on, any change made outside CellTrail is named.

The rows are read through tables reflected from the database, not through the models, so that
this upgrade still runs when a later revision has added columns to the models.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

from models.kernel.record_state import seal_all_rows

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

REASON = "baseline: records bound to the audit trail (schema revision 0007)"


def upgrade() -> None:
    bind = op.get_bind()
    names = [
        name
        for name in sa.inspect(bind).get_table_names()
        # a new database (every fresh install and test) has nothing to record: a plain probe
        # per table instead of reflecting and streaming ~40 empty tables
        if bind.execute(sa.text(f'SELECT 1 FROM "{name}" LIMIT 1')).first() is not None
    ]
    if not names:
        return
    reflected = sa.MetaData()
    reflected.reflect(bind, only=names)
    session = Session(bind=bind)
    seal_all_rows(session, reflected.sorted_tables, REASON)
    session.flush()


def downgrade() -> None:
    # STATE entries are audit entries: append-only, never removed.
    pass
