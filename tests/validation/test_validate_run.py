"""`celltrail validate` end to end (issue 16), from a copy installed by pip: it passes on SQLite
and on PostgreSQL, signs with the runner's account in the site database, and fails naming the
step when the installation is broken on purpose (a file changed or added after installation,
an append-only trigger dropped). It refuses a database that is not a scratch one."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from models.core import open_core
from models.entities.accounts import Signature
from models.entities.database import Purpose
from tests.conftest import PASSWORD, make_core
from tests.validation.installed import celltrail, copy_of, install, pdf_text

CODE = re.compile(r"R-[A-Z]{2,3}-\d{2}")


@pytest.fixture(scope="session")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return install(tmp_path_factory.mktemp("installed") / "site-packages")


@pytest.fixture
def station(tmp_path: Path) -> Path:
    """A station whose one printer is a folder (it answers when the folder is writable)."""
    folder = tmp_path / "printer"
    folder.mkdir()
    path = tmp_path / "station.json"
    path.write_text(
        json.dumps({"name": "IQ-STATION", "printers": [f"{folder.as_uri()}?format=pdf"]})
    )
    return path


@pytest.fixture
def site_db(tmp_path: Path) -> Iterator[str]:
    """The site's production database, where the runner's account is."""
    url = f"sqlite:///{tmp_path / 'site.db'}"
    core = make_core(url, purpose=Purpose.PRODUCTION)
    core.close()
    yield url


def _validate(
    installed: Path, cwd: Path, *args: str, stdin: str = "", json_out: bool = True
) -> tuple[int, dict[str, object], str]:
    """Exit code, the JSON answer (with ``json_out``) and what the user reads on stderr."""
    flags = ("--json",) if json_out else ()
    done = celltrail(installed, "validate", *flags, *args, cwd=cwd, stdin=stdin)
    data = json.loads(done.stdout) if json_out and done.stdout.strip() else {}
    return done.returncode, data, done.stderr


def _failures(err: str) -> list[str]:
    """The steps the command names as failed, one line each."""
    return re.findall(r"^FAIL (\S+)", err, re.MULTILINE)


def _verdicts(data: dict[str, object]) -> dict[str, str]:
    return {str(s["step"]): str(s["verdict"]) for s in data["steps"]}  # type: ignore[attr-defined]


@pytest.mark.slow
@pytest.mark.req("R-CSV-30", "R-CSV-33", "R-CSV-05")
def test_validate_passes_on_sqlite_and_signs_in_the_site_database(
    installed: Path, station: Path, site_db: str, tmp_path: Path
) -> None:
    report = tmp_path / "iq-oq.pdf"
    code, data, err = _validate(
        installed,
        tmp_path,
        "--report",
        str(report),
        "--station-config",
        str(station),
        "--user",
        "chen",
        "--site-db",
        site_db,
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert code == 0, err
    verdicts = _verdicts(data)
    assert verdicts["IQ-02"] == "pass"  # the files pip installed match the build's manifest
    assert verdicts["IQ-08"] == "pass"  # the station's folder printer answered
    assert verdicts["IQ-06"] == "n/a"  # SQLite: no application role to qualify
    assert set(verdicts.values()) <= {"pass", "n/a"} and len(verdicts) >= 30
    assert len(data["requirements"]) >= 40  # type: ignore[arg-type]

    text = pdf_text(report)  # a real text PDF: machines read it too
    assert "RESULT: PASS" in text and "IQ-STATION" in text
    assert all(step in text for step in verdicts)
    assert len(set(CODE.findall(text))) >= 40
    assert "Signed by Chen QA (chen)" in " ".join(text.split())

    core = open_core(site_db)
    try:
        with core.uow().reading() as uow:
            signed = uow.session.execute(
                select(Signature.id, Signature.printed_name, Signature.meaning).where(
                    Signature.subject_type == "validation_report"
                )
            ).all()
    finally:
        core.close()
    assert [(s.printed_name, s.meaning.value) for s in signed] == [("Chen QA", "performed")]
    assert signed[0].id == data["signature_id"]


@pytest.mark.slow
@pytest.mark.postgres
@pytest.mark.req("R-CSV-30", "R-CSV-24")
def test_validate_passes_on_postgresql(installed: Path, postgres_url: str, tmp_path: Path) -> None:
    report = tmp_path / "iq-oq-pg.pdf"
    code, data, err = _validate(installed, tmp_path, "--report", str(report), "--db", postgres_url)
    assert code == 0, err
    verdicts = _verdicts(data)
    assert verdicts["IQ-06"] == "pass"  # the application role's rights, read back
    assert "PostgreSQL" in str(data["environment"])
    assert "RESULT: PASS" in pdf_text(report)


@pytest.mark.slow
@pytest.mark.req("R-CSV-30", "R-SYS-02")
def test_a_file_changed_or_added_after_installation_fails_iq(
    installed: Path, tmp_path: Path
) -> None:
    broken = copy_of(installed, tmp_path / "tampered")
    with (broken / "models" / "kernel" / "audit.py").open("a", encoding="utf-8") as patch:
        patch.write("\n# patched on site\n")
    (broken / "models" / "hotfix.py").write_text("X = 1\n", encoding="utf-8")
    report = tmp_path / "broken.pdf"
    code, _, err = _validate(broken, tmp_path, "--report", str(report), json_out=False)
    assert code == 1
    assert _failures(err) == ["IQ-02"], err
    assert "models/kernel/audit.py" in err and "models/hotfix.py" in err
    assert "RESULT: FAIL (IQ-02)" in pdf_text(report)


@pytest.mark.slow
@pytest.mark.req("R-CSV-30", "R-CSV-01")
def test_a_dropped_append_only_trigger_fails_iq(installed: Path, tmp_path: Path) -> None:
    database = tmp_path / "validation.db"
    made = celltrail(
        installed, "init", "--purpose", "validation", "--db", str(database), cwd=tmp_path
    )
    assert made.returncode == 0, made.stderr
    with sqlite3.connect(database) as conn:  # what someone with the file and a DB browser does
        conn.execute("DROP TRIGGER audit_entry_no_update")
    code, _, err = _validate(
        installed,
        tmp_path,
        "--report",
        str(tmp_path / "r.pdf"),
        "--db",
        str(database),
        json_out=False,
    )
    assert code == 1
    assert _failures(err) == ["IQ-05"], err
    assert "audit_entry_no_update" in err


@pytest.mark.req("R-CSV-33")
def test_a_production_or_used_database_is_refused_before_anything_runs(
    installed: Path, site_db: str, tmp_path: Path
) -> None:
    report = tmp_path / "never.pdf"
    code, _, err = _validate(
        installed, tmp_path, "--report", str(report), "--db", site_db, json_out=False
    )
    assert code == 2 and "created as a production database" in err
    foreign = tmp_path / "foreign.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE lab_results (id INTEGER)")
    code, _, err = _validate(
        installed, tmp_path, "--report", str(report), "--db", str(foreign), json_out=False
    )
    assert code == 2 and "not CellTrail's" in err
    assert not report.exists()


def test_a_wrong_password_is_refused_before_the_run(
    installed: Path, site_db: str, tmp_path: Path
) -> None:
    report = tmp_path / "never.pdf"
    code, _, err = _validate(
        installed,
        tmp_path,
        "--report",
        str(report),
        "--user",
        "chen",
        "--site-db",
        site_db,
        "--password-stdin",
        stdin="not-the-password-1\n",
    )
    assert code == 2 and not report.exists(), err
