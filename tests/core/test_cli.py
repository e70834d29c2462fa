"""The `celltrail` command line, run as a real subprocess like an operator or a script would."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from models.demo.build import DEMO_PASSWORD

ROOT = Path(__file__).resolve().parents[2]


def celltrail(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        check=False,
    )


@pytest.fixture(scope="module")
def pristine_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`celltrail demo` once per module (it signs with full-strength password hashing)."""
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    result = celltrail("demo", "--db", str(db), "--json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["units"] == 33  # S1: 20 released + 10 in quarantine; S2: 3
    assert summary["released_batch"].startswith("B-UCMSC-")
    return db


@pytest.fixture
def demo_db(pristine_demo: Path, tmp_path: Path) -> str:
    """A private copy for each test (they alter rows and add users)."""
    for suffix in ("", "-wal", "-shm"):
        source = pristine_demo.with_name(pristine_demo.name + suffix)
        if source.exists():
            shutil.copyfile(source, tmp_path / f"demo.db{suffix}")
    return str(tmp_path / "demo.db")


def test_init_creates_a_migrated_database(tmp_path: Path) -> None:
    result = celltrail("init", "--db", str(tmp_path / "new.db"), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["revision"]


def test_audit_verify_passes_on_the_demo_site(demo_db: str) -> None:
    result = celltrail("audit", "verify", "--db", demo_db, "--json")
    assert result.returncode == 0
    report = json.loads(result.stdout)
    assert report["intact"] and report["entries_checked"] > 50


@pytest.mark.req("R-SYS-02")
def test_audit_verify_fails_and_names_the_altered_row(demo_db: str) -> None:
    import sqlite3

    conn = sqlite3.connect(demo_db)
    conn.execute("DROP TRIGGER audit_entry_no_update")
    conn.execute("UPDATE audit_entry SET actor = 'mallory' WHERE seq = 17")
    conn.commit()
    conn.close()
    result = celltrail("audit", "verify", "--db", demo_db)
    assert result.returncode == 1
    assert "entry 17" in result.stderr


def test_demo_refuses_a_database_that_already_has_users(demo_db: str) -> None:
    result = celltrail("demo", "--db", demo_db)
    assert result.returncode == 2 and "already has users" in result.stderr


def test_user_add_by_admin_with_password_on_stdin(demo_db: str) -> None:
    ok = celltrail(
        "user",
        "add",
        "qiu",
        "--name",
        "Qiu Operator",
        "--role",
        "operator",
        "--by",
        "admin",
        "--password-stdin",
        "--db",
        demo_db,
        stdin=f"{DEMO_PASSWORD}\nStrong-pass-77\n",
    )
    assert ok.returncode == 0, ok.stderr
    refused = celltrail(
        "user",
        "add",
        "eve",
        "--name",
        "Eve",
        "--role",
        "qa",
        "--by",
        "wang",
        "--password-stdin",
        "--db",
        demo_db,
        stdin=f"{DEMO_PASSWORD}\nStrong-pass-77\n",
    )
    assert refused.returncode == 2 and "may not add users" in refused.stderr


def test_errors_are_shown_in_chinese_when_asked(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "init", "--db", "foo://x"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        env={"CELLTRAIL_LANG": "zh_CN", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 2 and "无效" in result.stderr


def test_din_check_reports_validity(tmp_path: Path) -> None:
    good = celltrail("din", "check", "=A99902525010000", "--json")
    assert good.returncode == 0 and json.loads(good.stdout)["valid"] is True
    bad = celltrail("din", "check", "=A9990252501000", "--json")
    assert bad.returncode == 1 and json.loads(bad.stdout)["valid"] is False
