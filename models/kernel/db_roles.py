"""PostgreSQL roles with least privilege: the owner migrates, the application only writes rows.

A site database has two roles. The *owner* owns every table, runs the migrations and is used
for nothing else. The *application role* is what every workstation logs in as: it may read,
insert and update rows, append to the audit trail and the signatures, and nothing more. It
owns nothing, so it cannot ``ALTER TABLE``, ``DISABLE TRIGGER`` or ``DROP TRIGGER`` (in
PostgreSQL only a table's owner or a superuser can); it has no ``DELETE``, ``TRUNCATE`` or
``TRIGGER`` right anywhere (CellTrail voids records, it never deletes them), and on the
append-only tables (the ones the migrations guard with ``celltrail_refuse_change``
triggers: the audit trail and the signatures) only ``SELECT`` and ``INSERT``.

``grant_app_role`` runs as the owner (``celltrail init --app-role NAME``): it creates the role
or checks the one that exists, grants exactly those rights, sets default privileges so tables
the owner creates later are covered, then reads the rights back and refuses (rolling
everything back) if the role can do more than that, e.g. through a grant to ``PUBLIC``.
Running it again changes nothing; it also takes back rights granted by hand since.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError

from models.i18n import Message
from models.kernel.errors import DomainError

ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
CHAIN_HEAD = "audit_chain_head"  # the chain's tip: locked (FOR UPDATE) and moved by every entry
SCHEMA_VERSION = "alembic_version"  # read at start to check the schema; only the owner moves it
GUARD_FUNCTION = "celltrail_refuse_change"  # the append-only triggers' function (0002)
TABLE_PRIVILEGES = ("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER")
ROW_RIGHTS = ("SELECT", "INSERT", "UPDATE")
APPEND_RIGHTS = ("SELECT", "INSERT")
HEAD_RIGHTS = ("SELECT", "UPDATE")
READ_RIGHTS = ("SELECT",)
SEQUENCE_RIGHTS = ("USAGE", "SELECT")  # nextval needs USAGE; setval (UPDATE) is not needed
_ATTRIBUTES = {
    "rolsuper": "SUPERUSER",
    "rolcreaterole": "CREATEROLE",
    "rolcreatedb": "CREATEDB",
    "rolreplication": "REPLICATION",
    "rolbypassrls": "BYPASSRLS",
}
_VERIFIER = re.compile(r"^SCRAM-SHA-256\$\d+:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$")
MAX_PASSWORD = 1024


class DatabaseRoleError(DomainError):
    """The application role could not be set up as asked; nothing was changed."""

    code = "db_role"


@dataclass(frozen=True)
class AppRoleReport:
    role: str
    owner: str
    created: bool
    password_set: bool
    rights: dict[str, tuple[str, ...]]  # table → the rights the role now holds on it
    sequences: int

    def tables_with(self, rights: tuple[str, ...]) -> list[str]:
        return sorted(t for t, held in self.rights.items() if held == rights)


def _refuse(role: str, reason: str, **params: object) -> DatabaseRoleError:
    return DatabaseRoleError(role=role, reason=Message.of(f"db_role.reason.{reason}", **params))


def quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def check_role_name(role: str) -> None:
    if not ROLE_NAME.match(role) or role.startswith("pg_") or role == "public":
        raise _refuse(role[:80], "name")


def check_password(role: str, password: str) -> None:
    if not password or len(password) > MAX_PASSWORD or "\x00" in password:
        raise _refuse(role, "password", limit=MAX_PASSWORD)


def app_role_exists(engine: Engine, role: str) -> bool:
    require_postgresql(engine, role)
    with engine.connect() as conn:
        return _attributes(conn, role) is not None


def require_postgresql(engine: Engine, role: str) -> None:
    if engine.dialect.name != "postgresql":
        raise _refuse(role, "not_postgresql")


def grant_app_role(engine: Engine, role: str, password: str | None = None) -> AppRoleReport:
    """Create ``role`` (``password`` required) or check the existing one (a ``password``
    replaces its password), and grant it exactly the application's rights; all or nothing."""
    check_role_name(role)
    require_postgresql(engine, role)
    if password is not None:
        check_password(role, password)
    try:
        with engine.begin() as conn:
            return _grant(conn, role, password)
    except DBAPIError as exc:
        if getattr(exc.orig, "sqlstate", None) == "42501":  # insufficient_privilege
            detail = str(exc.orig).splitlines()[0]
            raise _refuse(role, "denied", detail=detail) from exc
        raise


def _grant(conn: Connection, role: str, password: str | None) -> AppRoleReport:
    owner = str(conn.scalar(text("SELECT current_user")))
    schema = str(conn.scalar(text("SELECT current_schema()")))
    database = str(conn.scalar(text("SELECT current_database()")))
    if role == owner:
        raise _refuse(role, "is_owner")
    tables = _tables(conn, schema, owner, role)
    created = _ensure_role(conn, role, password)
    _check_memberships(conn, role)
    r, s = quote_ident(role), quote_ident(schema)
    statements = [
        f"REVOKE ALL ON ALL TABLES IN SCHEMA {s} FROM {r}",
        f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {s} FROM {r}",
        f"REVOKE CREATE ON SCHEMA {s} FROM PUBLIC, {r}",
        f"REVOKE CREATE ON DATABASE {quote_ident(database)} FROM {r}",
        f"GRANT CONNECT ON DATABASE {quote_ident(database)} TO {r}",
        f"GRANT USAGE ON SCHEMA {s} TO {r}",
    ]
    expected = _expected_rights(conn, schema, tables)
    for table, rights in sorted(expected.items()):
        statements.append(f"GRANT {', '.join(rights)} ON {s}.{quote_ident(table)} TO {r}")
    sequence_rights = ", ".join(SEQUENCE_RIGHTS)
    statements.append(f"GRANT {sequence_rights} ON ALL SEQUENCES IN SCHEMA {s} TO {r}")
    # Tables and sequences the owner creates later (a new release's migrations).
    default = f"ALTER DEFAULT PRIVILEGES FOR ROLE {quote_ident(owner)} IN SCHEMA {s}"
    statements += [
        f"{default} REVOKE ALL ON TABLES FROM {r}",
        f"{default} REVOKE ALL ON SEQUENCES FROM {r}",
        f"{default} GRANT {', '.join(ROW_RIGHTS)} ON TABLES TO {r}",
        f"{default} GRANT {sequence_rights} ON SEQUENCES TO {r}",
    ]
    for statement in statements:
        conn.exec_driver_sql(statement)
    held = _held_rights(conn, schema, tables, role)
    _check_exact(conn, role, schema, expected, held)
    sequences = conn.scalar(
        text("SELECT count(*) FROM pg_sequences WHERE schemaname = :s"), {"s": schema}
    )
    return AppRoleReport(
        role=role,
        owner=owner,
        created=created,
        password_set=password is not None,
        rights=held,
        sequences=int(sequences or 0),
    )


def _tables(conn: Connection, schema: str, owner: str, role: str) -> list[str]:
    rows = conn.execute(
        text("SELECT tablename, tableowner FROM pg_tables WHERE schemaname = :s"), {"s": schema}
    ).all()
    if not rows:
        raise _refuse(role, "no_tables", schema=schema)
    foreign = sorted({row.tableowner for row in rows if row.tableowner != owner})
    if foreign:
        raise _refuse(role, "not_table_owner", owner=owner, owners=", ".join(foreign))
    return sorted(row.tablename for row in rows)


def _append_only_tables(conn: Connection, schema: str) -> set[str]:
    """The tables the migrations made append-only: their triggers call the guard function."""
    rows = conn.execute(
        text(
            "SELECT DISTINCT c.relname FROM pg_trigger t "
            "JOIN pg_class c ON c.oid = t.tgrelid "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "JOIN pg_proc p ON p.oid = t.tgfoid "
            "WHERE n.nspname = :s AND p.proname = :f AND NOT t.tgisinternal"
        ),
        {"s": schema, "f": GUARD_FUNCTION},
    )
    return {str(name) for name in rows.scalars()}


def _expected_rights(
    conn: Connection, schema: str, tables: list[str]
) -> dict[str, tuple[str, ...]]:
    append_only = _append_only_tables(conn, schema)
    expected: dict[str, tuple[str, ...]] = {}
    for table in tables:
        if table in append_only:
            expected[table] = APPEND_RIGHTS
        elif table == CHAIN_HEAD:
            expected[table] = HEAD_RIGHTS
        elif table == SCHEMA_VERSION:
            expected[table] = READ_RIGHTS
        else:
            expected[table] = ROW_RIGHTS
    return expected


def _attributes(conn: Connection, role: str) -> dict[str, bool] | None:
    row = conn.execute(
        text("SELECT rolcanlogin, " + ", ".join(_ATTRIBUTES) + " FROM pg_roles WHERE rolname = :r"),
        {"r": role},
    ).one_or_none()
    return None if row is None else dict(row._mapping)


def _ensure_role(conn: Connection, role: str, password: str | None) -> bool:
    """Create the role, or check the existing one; True when it was created."""
    attributes = _attributes(conn, role)
    verifier = None if password is None else _verifier(conn, role, password)
    r = quote_ident(role)
    if attributes is None:
        if verifier is None:
            raise _refuse(role, "needs_password")
        conn.exec_driver_sql(
            f"CREATE ROLE {r} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT "
            f"NOREPLICATION NOBYPASSRLS PASSWORD '{verifier}'"
        )
        return True
    powers = [word for column, word in _ATTRIBUTES.items() if attributes[column]]
    if powers:
        raise _refuse(role, "attributes", attributes=" ".join(powers))
    if verifier is not None:
        conn.exec_driver_sql(f"ALTER ROLE {r} LOGIN PASSWORD '{verifier}'")
    elif not attributes["rolcanlogin"]:
        conn.exec_driver_sql(f"ALTER ROLE {r} LOGIN")
    return False


def _verifier(conn: Connection, role: str, password: str) -> str:
    """The SCRAM-SHA-256 verifier, computed here (libpq): the password itself never reaches
    the server, its statement log or pg_stat_activity."""
    dbapi = conn.connection.dbapi_connection
    pgconn = getattr(dbapi, "pgconn", None)
    if pgconn is None:
        raise _refuse(role, "driver")
    verifier = bytes(
        pgconn.encrypt_password(password.encode("utf-8"), role.encode("utf-8"), b"scram-sha-256")
    ).decode("ascii")
    if not _VERIFIER.match(verifier):  # never put anything else into the statement
        raise _refuse(role, "driver")
    return verifier


def _check_memberships(conn: Connection, role: str) -> None:
    """A member of another role (the owner, pg_write_all_data …) holds that role's rights."""
    rows = conn.execute(
        text(
            "SELECT g.rolname FROM pg_auth_members m "
            "JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member "
            "WHERE u.rolname = :r ORDER BY g.rolname"
        ),
        {"r": role},
    )
    groups = [str(name) for name in rows.scalars()]
    if groups:
        raise _refuse(role, "member_of", groups=", ".join(groups))


def _held_rights(
    conn: Connection, schema: str, tables: list[str], role: str
) -> dict[str, tuple[str, ...]]:
    """What the role can do on each table, as PostgreSQL decides it (PUBLIC grants included)."""
    rows = conn.execute(
        text(
            "SELECT c.relname, p.privilege FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "CROSS JOIN unnest(CAST(:privileges AS text[])) AS p(privilege) "
            "WHERE n.nspname = :s AND c.relname = ANY(:tables) "
            "AND has_table_privilege(:r, c.oid, p.privilege)"
        ),
        {"privileges": list(TABLE_PRIVILEGES), "s": schema, "tables": tables, "r": role},
    ).all()
    found: dict[str, set[str]] = {t: set() for t in tables}
    for row in rows:
        found[row.relname].add(row.privilege)
    return {t: tuple(p for p in TABLE_PRIVILEGES if p in found[t]) for t in tables}


def _check_exact(
    conn: Connection,
    role: str,
    schema: str,
    expected: dict[str, tuple[str, ...]],
    held: dict[str, tuple[str, ...]],
) -> None:
    extra = [
        f"{t}: {' '.join(sorted(set(held[t]) - set(rights)))}"
        for t, rights in sorted(expected.items())
        if set(held[t]) - set(rights)
    ]
    if conn.scalar(text("SELECT has_schema_privilege(:r, :s, 'CREATE')"), {"r": role, "s": schema}):
        extra.append(f"schema {schema}: CREATE")
    if extra:
        raise _refuse(role, "extra_rights", rights="; ".join(extra))
    missing = [t for t, rights in expected.items() if set(rights) - set(held[t])]
    if missing:  # cannot happen after the grants above; say so rather than half-work
        raise _refuse(role, "missing_rights", tables=", ".join(sorted(missing)))
