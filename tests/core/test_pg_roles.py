"""PostgreSQL roles (issue 12): the owner migrates, the application role writes rows only.

On a real server: a fresh owner role and database, `celltrail init --app-role` run as that
owner, then a real login AS THE APPLICATION ROLE (this server's pg_hba trusts 127.0.0.1, so
the login is real but the password is not what admits it; the stored SCRAM verifier is
checked against the password separately). As that role, disabling or dropping the
append-only triggers, altering tables and changing or deleting audit entries all fail, and
the everyday work of the app (accounts, a donor, a collection, a filled batch) succeeds.
Every role and database is named per run and dropped afterwards.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, make_url, text
from sqlalchemy.exc import DBAPIError

from models.core import open_core
from models.kernel.audit import verify_chain
from tests.chain.conftest import Flow, add_site_config
from tests.conftest import PG_ADMIN_URL, _postgres_available, make_core
from tests.core.test_cli import celltrail

pg = pytest.mark.postgres

APP_PASSWORD = "Rows-only-app-42"


@dataclass
class Site:
    admin: Engine  # superuser, AUTOCOMMIT: creates and drops what the test needs
    owner: str
    app: str
    database: str
    folder: Path

    def url(self, role: str, password: str | None = None) -> str:
        base = make_url(PG_ADMIN_URL).set(
            drivername="postgresql+psycopg", username=role, password=password
        )
        return base.set(database=self.database).render_as_string(hide_password=False)

    def init(self, *extra: str, role: str | None = None) -> tuple[int, str, str]:
        result = celltrail(
            "init", "--db", self.url(self.owner), "--app-role", role or self.app, *extra
        )
        return result.returncode, result.stdout, result.stderr

    def password_file(self, password: str = APP_PASSWORD) -> str:
        path = self.folder / f"pw-{uuid.uuid4().hex[:6]}"
        path.write_text(password + "\n", encoding="utf-8")
        path.chmod(0o600)
        return str(path)


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Site]:
    if not _postgres_available():
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL must be reachable in CI")
        pytest.skip("PostgreSQL not reachable")
    tag = uuid.uuid4().hex[:10]
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    s = Site(admin, f"ct_owner_{tag}", f"ct_app_{tag}", f"ct_roles_{tag}", tmp_path)
    with admin.connect() as conn:
        # What docs/deployment.md has the superuser do: an owner (CREATEROLE for the install,
        # to create the application role) and its database.
        conn.exec_driver_sql(f"CREATE ROLE {s.owner} LOGIN CREATEROLE")
        conn.exec_driver_sql(f"CREATE DATABASE {s.database} OWNER {s.owner}")
    yield s
    with admin.connect() as conn:
        conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {s.database} WITH (FORCE)")
        for role in (s.app, s.owner, f"{s.app}_x"):
            conn.exec_driver_sql(f"DROP ROLE IF EXISTS {role}")
    admin.dispose()


def _scram_matches(verifier: str, password: str) -> bool:
    """RFC 5802/7677: the stored key PostgreSQL keeps is SHA-256(HMAC(salted, "Client Key"))."""
    method, rest = verifier.split("$", 1)
    iterations_salt, keys = rest.split("$")
    iterations, salt = iterations_salt.split(":")
    stored_key = keys.split(":")[0]
    salted = hashlib.pbkdf2_hmac(
        "sha256", password.encode(), base64.b64decode(salt), int(iterations)
    )
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    expected = base64.b64encode(hashlib.sha256(client_key).digest()).decode()
    return method == "SCRAM-SHA-256" and hmac.compare_digest(expected, stored_key)


def _refused(engine: Engine, statement: str) -> str:
    """Run ``statement`` as the engine's role; it must fail for lack of privilege."""
    with engine.connect() as conn, pytest.raises(DBAPIError) as caught:
        conn.exec_driver_sql(statement)
        conn.commit()
    assert getattr(caught.value.orig, "sqlstate", None) == "42501", caught.value.orig
    return str(caught.value.orig)


def _rights(site: Site, table: str) -> set[str]:
    privileges = ("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER")
    engine = create_engine(site.url("postgres"))
    try:
        with engine.connect() as conn:
            return {
                p
                for p in privileges
                if conn.scalar(
                    text("SELECT has_table_privilege(:r, :t, :p)"),
                    {"r": site.app, "t": table, "p": p},
                )
            }
    finally:
        engine.dispose()


@pg
@pytest.mark.req("R-CSV-24")
def test_the_app_role_writes_rows_and_cannot_touch_the_schema_or_the_trail(site: Site) -> None:
    # a training database: the site below uses the ICCBBA test facility code
    code, out, err = site.init(
        "--password-file", site.password_file(), "--purpose", "training", "--json"
    )
    assert code == 0, err
    assert json.loads(out)["purpose"] == "training"
    report = json.loads(out)["app_role"]
    assert report["created"] and report["password_set"] and report["owner"] == site.owner
    assert report["rights"]["audit_entry"] == ["SELECT", "INSERT"]
    assert report["rights"]["signature"] == ["SELECT", "INSERT"]
    assert report["rights"]["database_purpose"] == ["SELECT", "INSERT"]  # fixed at creation
    assert report["rights"]["audit_chain_head"] == ["SELECT", "UPDATE"]
    assert report["rights"]["alembic_version"] == ["SELECT"]
    assert report["rights"]["batch"] == ["SELECT", "INSERT", "UPDATE"]

    with site.admin.connect() as conn:
        role = conn.execute(
            text(
                "SELECT rolsuper, rolcreaterole, rolcreatedb, rolpassword FROM pg_authid "
                "WHERE rolname = :r"
            ),
            {"r": site.app},
        ).one()
    assert not (role.rolsuper or role.rolcreaterole or role.rolcreatedb)
    assert _scram_matches(role.rolpassword, APP_PASSWORD)  # the file's password, hashed

    # The everyday work of the app, on an engine logged in as the application role.
    app_url = site.url(site.app, APP_PASSWORD)
    core = make_core(app_url)
    try:
        with core.engine.connect() as conn:
            assert conn.scalar(text("SELECT current_user")) == site.app  # a real login
        add_site_config(core)
        flow = Flow(core)
        flow.eligible_donor("DN-R1")
        flow.accepted_collection("DN-R1", "CL-R1")
        batch, units = flow.filled_batch("CL-R1", 3)
        assert batch and len(units) == 3
        with core.uow().reading() as uow:
            assert verify_chain(uow.session).intact

        app = core.engine
        wrong = [
            "ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only",
            "ALTER TABLE audit_entry DISABLE TRIGGER ALL",
            "ALTER TABLE signature DISABLE TRIGGER signature_append_only",
            "DROP TRIGGER audit_entry_append_only ON audit_entry",
            "DROP TRIGGER signature_no_truncate ON signature",
            "ALTER TABLE batch ADD COLUMN forged text",
            "ALTER TABLE audit_entry ADD COLUMN forged text",
            "DROP TABLE audit_entry",
            "CREATE TRIGGER t BEFORE UPDATE ON batch FOR EACH ROW "
            "EXECUTE FUNCTION celltrail_refuse_change()",
            "UPDATE audit_entry SET actor = 'mallory' WHERE seq = 1",
            "DELETE FROM audit_entry WHERE seq = 1",
            "TRUNCATE audit_entry",
            "UPDATE signature SET meaning = 'approved'",
            "DELETE FROM signature",
            "INSERT INTO audit_chain_head VALUES (2, 0, 'x')",
            "DELETE FROM audit_chain_head",
            "UPDATE alembic_version SET version_num = '9999'",
            f"DELETE FROM batch WHERE number = '{batch}'",
            "TRUNCATE batch CASCADE",
            "CREATE TABLE forged (id int)",
            "SELECT setval('batch_id_seq', 1)",
        ]
        messages = [_refused(app, statement) for statement in wrong]
        assert "must be owner of table audit_entry" in messages[0]
        assert "permission denied for table audit_entry" in messages[9]
        with core.uow().reading() as uow:
            assert verify_chain(uow.session).intact  # nothing above left a trace
    finally:
        core.close()


@pg
@pytest.mark.req("R-CSV-24")
def test_init_is_idempotent_and_takes_back_rights_granted_by_hand(site: Site) -> None:
    assert site.init("--password-file", site.password_file())[0] == 0
    owner = create_engine(site.url(site.owner), isolation_level="AUTOCOMMIT")
    try:
        with owner.connect() as conn:
            conn.exec_driver_sql(f"GRANT DELETE, TRUNCATE ON batch TO {site.app}")
            conn.exec_driver_sql(f"GRANT UPDATE, DELETE ON audit_entry TO {site.app}")
            # a table a later release adds: default privileges cover it before init runs again
            conn.exec_driver_sql("CREATE TABLE later_records (id serial PRIMARY KEY, note text)")
        assert _rights(site, "later_records") == {"SELECT", "INSERT", "UPDATE"}
        assert {"DELETE", "TRUNCATE"} <= _rights(site, "batch")

        # The install is over: the owner no longer needs CREATEROLE to re-run init.
        with site.admin.connect() as conn:
            conn.exec_driver_sql(f"ALTER ROLE {site.owner} NOCREATEROLE")
        code, out, err = site.init()  # the role exists: no password asked, none changed
        assert code == 0, err
        assert f"application role {site.app} (kept)" in out
        assert _rights(site, "batch") == {"SELECT", "INSERT", "UPDATE"}
        assert _rights(site, "audit_entry") == {"SELECT", "INSERT"}
        assert _rights(site, "later_records") == {"SELECT", "INSERT", "UPDATE"}

        again = site.init("--json")
        assert again[0] == 0 and json.loads(again[1])["app_role"]["created"] is False

        # A grant to PUBLIC reaches the role too: init refuses and changes nothing.
        with owner.connect() as conn:
            conn.exec_driver_sql("GRANT DELETE ON batch TO PUBLIC")
        code, _, err = site.init()
        assert code == 2 and "batch: DELETE" in err and "nothing was changed" in err
    finally:
        owner.dispose()


@pg
@pytest.mark.req("R-CSV-24")
def test_an_unsafe_existing_role_is_refused(site: Site) -> None:
    assert site.init("--password-file", site.password_file())[0] == 0
    with site.admin.connect() as conn:
        conn.exec_driver_sql(f"ALTER ROLE {site.app} CREATEDB")
    code, _, err = site.init()
    assert code == 2 and "has CREATEDB" in err
    with site.admin.connect() as conn:
        conn.exec_driver_sql(f"ALTER ROLE {site.app} NOCREATEDB")
        conn.exec_driver_sql(f"GRANT {site.owner} TO {site.app}")  # would hold the owner's rights
    code, _, err = site.init()
    assert code == 2 and f"member of {site.owner}" in err
    assert site.init(role=site.owner)[0] == 2  # the owner itself is not an application role
    with site.admin.connect() as conn:
        conn.exec_driver_sql(f"REVOKE {site.owner} FROM {site.app}")
    stranger = create_engine(site.url("postgres"), isolation_level="AUTOCOMMIT")
    try:
        with stranger.connect() as conn:  # a table the owner does not own: it cannot grant it
            conn.exec_driver_sql("CREATE TABLE side_table (id int)")
    finally:
        stranger.dispose()
    code, _, err = site.init()
    assert code == 2 and "they belong to postgres, not" in err, err


@pg
def test_a_new_role_needs_a_password_and_a_name_the_server_cannot_misread(site: Site) -> None:
    empty = site.folder / "empty"
    empty.write_text("\n", encoding="utf-8")
    code, _, err = site.init("--password-file", str(empty), role=f"{site.app}_x")
    assert code == 2 and "no password was entered" in err
    for name in ("App", "x; DROP TABLE batch", "pg_app", "public", "a" * 64):
        code, _, err = site.init("--password-file", site.password_file(), role=name)
        assert code == 2 and "a role name here is 1 to 63 lowercase" in err, err
    with site.admin.connect() as conn:
        roles = conn.scalar(
            text("SELECT count(*) FROM pg_roles WHERE rolname LIKE :p"), {"p": f"{site.app}%"}
        )
    assert roles == 0


@pg
def test_a_password_file_that_is_not_one_is_refused(site: Site) -> None:
    big = site.folder / "big"
    big.write_bytes(b"x" * 5000)
    binary = site.folder / "binary"
    binary.write_bytes(b"\xff\xfe\n")
    for path, words in [
        (big, "larger than 4096 bytes"),
        (binary, "not UTF-8"),
        (site.folder, "not a regular file"),
        (site.folder / "missing", "cannot be read"),
    ]:
        code, _, err = site.init("--password-file", str(path))
        assert code == 2 and words in err and err.count("\n") == 1, err


def test_sqlite_has_no_roles(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    result = celltrail("init", "--db", str(db), "--app-role", "celltrail_app")
    assert result.returncode == 2 and "only on PostgreSQL" in result.stderr
    stray = celltrail("init", "--db", str(db), "--password-file", str(tmp_path / "pw"))
    assert stray.returncode == 2 and "--password-file is the password of" in stray.stderr
    assert not db.exists()  # refused before anything was created


@pg
def test_the_app_role_url_opens_the_core_without_migrating(site: Site) -> None:
    """A workstation on the app role opens an up-to-date database (no DDL needed); it could
    not upgrade one (that is the owner's `celltrail init`)."""
    assert site.init("--password-file", site.password_file())[0] == 0
    core = open_core(site.url(site.app, APP_PASSWORD))
    core.close()
