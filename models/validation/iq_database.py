"""Installation qualification of the database: schema revision, append-only triggers, and on
PostgreSQL the rights of the application role."""

from __future__ import annotations

import secrets

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from models.entities.database import Purpose
from models.kernel import schema
from models.kernel.db_purpose import purpose_of
from models.validation.iq_host import na
from models.validation.steps import Described, Observation, failed, judged

# Every trigger the migrations create, by dialect (models/migrations/versions 0002, 0006,
# 0008, 0009): the audit trail, signatures, line clearances, workspace use, user names, the
# site secret and the database purpose cannot be changed or removed behind CellTrail's back.
SQLITE_TRIGGERS = frozenset(
    {
        "audit_entry_no_update",
        "audit_entry_no_delete",
        "signature_no_update",
        "signature_no_delete",
        "line_clearance_no_update",
        "line_clearance_no_delete",
        "workspace_use_end_once",
        "workspace_use_no_delete",
        "user_account_name_fixed",
        "site_secret_no_update",
        "site_secret_no_delete",
        "database_purpose_no_update",
        "database_purpose_no_delete",
    }
)
POSTGRES_TRIGGERS = frozenset(
    {
        "audit_entry_append_only",
        "audit_entry_no_truncate",
        "signature_append_only",
        "signature_no_truncate",
        "line_clearance_append_only",
        "line_clearance_no_truncate",
        "workspace_use_end_once",
        "workspace_use_no_delete",
        "workspace_use_no_truncate",
        "user_account_name_fixed",
        "site_secret_append_only",
        "site_secret_no_truncate",
        "database_purpose_append_only",
        "database_purpose_no_truncate",
    }
)
_SQLITE_FOUND = "SELECT name FROM sqlite_master WHERE type = 'trigger'"
_POSTGRES_FOUND = (
    "SELECT t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
    "JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE n.nspname = current_schema() AND NOT t.tgisinternal AND t.tgenabled <> 'D'"
)
APPEND_ONLY = ("audit_entry", "signature", "line_clearance", "site_secret", "database_purpose")
FORBIDDEN = frozenset({"DELETE", "TRUNCATE", "TRIGGER"})


def schema_revision(engine: Engine) -> Observation:
    found, head = schema.current_revision(engine), schema.head_revision()
    return judged(found == head, "validate.observed.revision", found=found or "—", head=head)


def database_purpose(engine: Engine) -> Observation:
    with engine.connect() as conn:
        purpose = purpose_of(conn)
    return judged(purpose is Purpose.VALIDATION, "validate.observed.purpose", purpose=purpose.value)


def append_only_triggers(engine: Engine) -> Observation:
    """Every trigger is there (and, on PostgreSQL, enabled), and one really refuses: an
    UPDATE of the database's purpose row, which exists from creation."""
    postgres = engine.dialect.name == "postgresql"
    expected = POSTGRES_TRIGGERS if postgres else SQLITE_TRIGGERS
    with engine.connect() as conn:
        found = set(conn.execute(text(_POSTGRES_FOUND if postgres else _SQLITE_FOUND)).scalars())
    missing = sorted(expected - found)
    if missing:
        return failed("validate.observed.triggers_missing", missing=", ".join(missing))
    refused = _update_refused(engine)
    return judged(refused, "validate.observed.triggers", count=len(expected))


def _update_refused(engine: Engine) -> bool:
    with engine.connect() as conn:
        try:
            conn.execute(text("UPDATE database_purpose SET purpose = purpose WHERE id = 1"))
        except DBAPIError:
            return True
        finally:
            conn.rollback()
    return False


def app_role_rights(engine: Engine) -> Observation:
    """PostgreSQL: an application role set up as `celltrail init --app-role` sets one up holds
    exactly the application's rights (read back from the server), then is removed again."""
    if engine.dialect.name != "postgresql":
        return na("validate.observed.not_postgresql")
    from models.kernel.db_roles import DatabaseRoleError, grant_app_role

    role = f"celltrail_iq_{secrets.token_hex(4)}"
    try:
        report = grant_app_role(engine, role, secrets.token_urlsafe(24))
    except DatabaseRoleError as exc:
        return failed("validate.observed.role_refused", reason=Described(exc))
    try:
        rights = {table: set(report.rights.get(table, ())) for table in APPEND_ONLY}
        wrong = sorted(t for t, held in rights.items() if held != {"SELECT", "INSERT"})
        extra = sorted(t for t, held in report.rights.items() if set(held) & FORBIDDEN)
    finally:
        _drop_role(engine, role)
    return judged(
        not (wrong or extra),
        "validate.observed.role_rights",
        tables=len(report.rights),
        append=", ".join(APPEND_ONLY),
        wrong=", ".join(wrong + extra) or "—",
    )


def _drop_role(engine: Engine, role: str) -> None:
    quoted = '"' + role + '"'
    with engine.begin() as conn:
        conn.exec_driver_sql(f"DROP OWNED BY {quoted}")  # its grants in this database
        conn.exec_driver_sql(f"DROP ROLE {quoted}")
