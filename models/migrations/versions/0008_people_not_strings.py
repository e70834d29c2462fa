"""people, not strings: account keys, fixed user names, the site secret

``user_account.username_key`` holds the normal form of each user name (Unicode NFKC, then case
folding), unique: every look-up goes through it, so ``Wang`` and ``ｗａｎｇ`` find the account
``wang`` and can never be created beside it. Existing accounts get their key here; if two of
them fold to one key (``Wang`` and ``wang`` were both created), the later account is disabled
and keyed so no look-up finds it (``<DEL>duplicate #<id>``: look-ups refuse control
characters), so nobody signs in as a name another account already answers to.

A user name and its key are fixed once created: a trigger refuses any UPDATE that changes
them, so a record's ``performed_by`` keeps naming the account it named (a renamed account
cannot verify its own step).

``site_secret`` holds per-database random keys, written once (created on first use by the
application, so a restore into a new database brings the original's key) and never changed:
UPDATE and DELETE are refused like the audit trail's (0002).

Existing accounts change (a new column), so their rows are sealed again in the audit trail
(as 0007 sealed them), or ``audit verify`` would name every account as changed outside
CellTrail.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import unicodedata

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

from models.kernel.record_state import seal_all_rows

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


REASON = "user names keyed and fixed (schema revision 0008)"


def _key(username: str) -> str:
    # the normal form as this revision defines it (models.identity.names may change later)
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", username).casefold()).strip()


SQLITE_TRIGGERS = [
    "CREATE TRIGGER user_account_name_fixed BEFORE UPDATE OF username, username_key "
    "ON user_account WHEN NEW.username IS NOT OLD.username "
    "OR NEW.username_key IS NOT OLD.username_key "
    "BEGIN SELECT RAISE(ABORT, 'user_account: a user name is fixed once created: "
    "UPDATE refused'); END",
    "CREATE TRIGGER site_secret_no_update BEFORE UPDATE ON site_secret "
    "BEGIN SELECT RAISE(ABORT, 'site_secret is append-only: UPDATE refused'); END",
    "CREATE TRIGGER site_secret_no_delete BEFORE DELETE ON site_secret "
    "BEGIN SELECT RAISE(ABORT, 'site_secret is append-only: DELETE refused'); END",
]

POSTGRES_NAME_FIXED_FUNCTION = """
CREATE OR REPLACE FUNCTION celltrail_user_name_fixed() RETURNS trigger AS $$
BEGIN
    IF (NEW.username, NEW.username_key) IS DISTINCT FROM (OLD.username, OLD.username_key) THEN
        RAISE EXCEPTION 'user_account: a user name is fixed once created: % refused', TG_OP;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql
"""

# celltrail_refuse_change() is created by 0002.
POSTGRES_TRIGGERS = [
    "CREATE TRIGGER user_account_name_fixed BEFORE UPDATE ON user_account "
    "FOR EACH ROW EXECUTE FUNCTION celltrail_user_name_fixed()",
    "CREATE TRIGGER site_secret_append_only BEFORE UPDATE OR DELETE ON site_secret "
    "FOR EACH ROW EXECUTE FUNCTION celltrail_refuse_change()",
    "CREATE TRIGGER site_secret_no_truncate BEFORE TRUNCATE ON site_secret "
    "FOR EACH STATEMENT EXECUTE FUNCTION celltrail_refuse_change()",
]


def upgrade() -> None:
    bind = op.get_bind()
    postgres = bind.dialect.name == "postgresql"
    # ADD COLUMN in place: rebuilding user_account (batch mode) would trip the foreign keys
    # of user_role and signature on SQLite.
    op.add_column(
        "user_account",
        sa.Column("username_key", sa.String(length=64), nullable=False, server_default=""),
    )
    accounts = sa.table(
        "user_account",
        sa.column("id", sa.Integer()),
        sa.column("username", sa.String()),
        sa.column("username_key", sa.String()),
        sa.column("active", sa.Boolean()),
    )
    taken: set[str] = set()
    rows = bind.execute(sa.select(accounts.c.id, accounts.c.username).order_by(accounts.c.id))
    for account_id, username in rows.all():
        key = _key(username)[:64]
        values: dict[str, object] = {"username_key": key}
        if key in taken:
            values = {"username_key": f"\x7fduplicate #{account_id}", "active": False}
        taken.add(key)
        bind.execute(sa.update(accounts).where(accounts.c.id == account_id).values(**values))
    if postgres:
        op.alter_column("user_account", "username_key", server_default=None)
    op.create_index("ux_user_account_username_key", "user_account", ["username_key"], unique=True)
    if taken:  # accounts existed: their recorded state gains the key (see the docstring)
        reflected = sa.MetaData()
        reflected.reflect(bind, only=["user_account"])
        session = Session(bind=bind)
        seal_all_rows(session, reflected.sorted_tables, REASON)
        session.flush()

    op.create_table(
        "site_secret",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("value", sa.String(length=128), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_site_secret")),
    )

    if postgres:
        op.execute(POSTGRES_NAME_FIXED_FUNCTION)
    for statement in POSTGRES_TRIGGERS if postgres else SQLITE_TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS site_secret_no_truncate ON site_secret")
        op.execute("DROP TRIGGER IF EXISTS site_secret_append_only ON site_secret")
        op.execute("DROP TRIGGER IF EXISTS user_account_name_fixed ON user_account")
        op.execute("DROP FUNCTION IF EXISTS celltrail_user_name_fixed()")
    else:
        for trigger in (
            "site_secret_no_delete",
            "site_secret_no_update",
            "user_account_name_fixed",
        ):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.drop_table("site_secret")
    op.drop_index("ux_user_account_username_key", table_name="user_account")
    with op.batch_alter_table("user_account") as batch:
        batch.drop_column("username_key")
