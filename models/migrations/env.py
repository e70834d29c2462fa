"""Alembic environment: always run with a connection handed in by models.kernel.schema."""

from __future__ import annotations

from alembic import context

import models.entities  # noqa: F401  (registers every table)
from models.entities.base import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reached if someone runs plain `alembic`
    raise RuntimeError("run migrations through `celltrail init` / models.kernel.schema.upgrade()")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite needs batch mode for ALTER TABLE
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
