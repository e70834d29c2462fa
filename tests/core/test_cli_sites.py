"""`celltrail site add | list`, `user add --site` and `user site`, as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ADMIN_PW, NEW_PW = "Chief-pass-4242", "Strong-pass-77"


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


@pytest.mark.req("R-CSV-11")
def test_sites_and_accounts_at_them_from_the_command_line(tmp_path: Path) -> None:
    db = str(tmp_path / "sites.db")
    # A training database: its manufacturing site carries the ICCBBA test facility code A9990,
    # which a production database (the default since 0009) refuses.
    assert celltrail("init", "--purpose", "training", "--db", db).returncode == 0
    first = ("user", "add", "admin", "--name", "Admin", "--role", "admin", "--password-stdin")
    refused = celltrail(*first, "--db", db, stdin=f"{ADMIN_PW}\n")
    assert refused.returncode == 2 and "site add" in refused.stderr  # the site comes first
    home = ("site", "add", "TJ", "--name", "Tianjin", "--kind", "manufacturer", "--fin", "A9990")
    assert celltrail(*home, "--db", db).returncode == 0  # before any account: no --by
    assert celltrail(*first, "--db", db, stdin=f"{ADMIN_PW}\n").returncode == 0
    hospital = ("site", "add", "HOSP-Z", "--name", "Hospital Z", "--kind", "hospital")
    assert celltrail(*hospital, "--db", db).returncode == 2  # now an administrator signs
    ok = celltrail(*hospital, "--by", "admin", "--password-stdin", "--db", db, stdin=ADMIN_PW)
    assert ok.returncode == 0, ok.stderr
    by = ("--by", "admin", "--password-stdin", "--db", db)
    nurse = ("user", "add", "nurse", "--name", "Nurse", "--role", "clinical", "--site", "HOSP-Z")
    added = celltrail(*nurse, *by, stdin=f"{ADMIN_PW}\n{NEW_PW}\n")
    assert added.returncode == 0 and "HOSP-Z" in added.stdout, added.stderr
    wrong = ("user", "add", "op", "--name", "Op", "--role", "operator", "--site", "HOSP-Z")
    bad = celltrail(*wrong, *by, stdin=f"{ADMIN_PW}\n{NEW_PW}\n")
    assert bad.returncode == 2 and "HOSP-Z" in bad.stderr and "operator" in bad.stderr
    listed = json.loads(celltrail("site", "list", "--json", "--db", db).stdout)
    counts = {s["code"]: s["accounts"] for s in listed["sites"]}
    assert counts == {"TJ": 1, "HOSP-Z": 1}
