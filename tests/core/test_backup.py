"""Backup and restore: verified on the way out and in, all or nothing, across backends."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import text

from models.archive.backup import BackupError, create_backup, restore_backup
from models.core import Core
from models.kernel.db import make_engine
from tests.conftest import PASSWORD
from tests.core.factories import make_batch


def _content(core: Core) -> None:
    step = core.steps.record_step(batch_id=make_batch(core), name="P0", data={"pieces": 40},
                                  username="wang", password=PASSWORD)
    core.steps.verify_step(step_id=step, username="zhao", password=PASSWORD)


@pytest.mark.req("R-CSV-19", "R-SYS-03")
def test_round_trip_keeps_every_row_and_the_chain(core: Core, tmp_path: Path, db_url: str) -> None:
    _content(core)
    archive = tmp_path / "site.zip"
    manifest = create_backup(core.engine, archive)
    if db_url.startswith("sqlite"):  # db_url is the same file as `core` uses
        db_url = f"sqlite:///{tmp_path / 'target.db'}"
    target = make_engine(db_url)
    restored = restore_backup(archive, target)
    assert restored.audit_last_hash == manifest.audit_last_hash
    with target.connect() as conn:
        assert conn.execute(text("select count(*) from signature")).scalar() == 2
        assert conn.execute(text("select count(*) from audit_entry")).scalar() == \
            manifest.audit_last_seq
    target.dispose()


def test_restored_database_keeps_working(core: Core, tmp_path: Path) -> None:
    from models.core import open_core
    from models.identity.passwords import fast_passwords_for_tests

    _content(core)
    create_backup(core.engine, tmp_path / "site.zip")
    url = f"sqlite:///{tmp_path / 'restored.db'}"
    restore_backup(tmp_path / "site.zip", make_engine(url))
    restored = open_core(url, passwords=fast_passwords_for_tests())
    assert restored.accounts.authenticate("wang", PASSWORD) == "Wang Operator"
    restored.close()


@pytest.mark.req("R-CSV-19", "R-SYS-03")
def test_backup_refuses_a_broken_audit_chain(core: Core, tmp_path: Path) -> None:
    with core.engine.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER audit_entry_no_update")
        conn.exec_driver_sql("UPDATE audit_entry SET actor = 'mallory' WHERE seq = 2")
    with pytest.raises(BackupError, match="broken at entry 2"):
        create_backup(core.engine, tmp_path / "site.zip")
    assert not (tmp_path / "site.zip").exists()


@pytest.mark.req("R-CSV-19")
def test_restore_refuses_a_tampered_archive(core: Core, tmp_path: Path) -> None:
    create_backup(core.engine, tmp_path / "site.zip")
    with zipfile.ZipFile(tmp_path / "site.zip") as src, \
            zipfile.ZipFile(tmp_path / "evil.zip", "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "tables/user_account.jsonl":
                data = data.replace(b"Wang Operator", b"Evil Operator")
            dst.writestr(item, data)
    target = make_engine(f"sqlite:///{tmp_path / 'r.db'}")
    with pytest.raises(BackupError, match="corrupt"):
        restore_backup(tmp_path / "evil.zip", target)


def test_restore_refuses_garbage_and_foreign_files(tmp_path: Path) -> None:
    (tmp_path / "junk.zip").write_bytes(b"not a zip at all")
    with zipfile.ZipFile(tmp_path / "other.zip", "w") as z:
        z.writestr("manifest.json", json.dumps({"hello": 1}))
    target = make_engine(f"sqlite:///{tmp_path / 'r.db'}")
    for name in ("junk.zip", "other.zip", "missing.zip"):
        with pytest.raises(BackupError):
            restore_backup(tmp_path / name, target)


@pytest.mark.req("R-CSV-19")
def test_restore_refuses_a_non_empty_target_and_changes_nothing(core: Core, tmp_path: Path) -> None:
    create_backup(core.engine, tmp_path / "site.zip")
    with pytest.raises(BackupError, match="not empty"):
        restore_backup(tmp_path / "site.zip", core.engine)


def test_text_with_unicode_line_separators_survives_a_round_trip(
    core: Core, tmp_path: Path
) -> None:
    """JSON lines keep non-ASCII raw, so U+2028/U+2029/U+0085 stay inside a row: the
    restore must split rows on newline only, never on every Unicode line break."""
    odd = "pieces\u2028line\u2029para\x85next\x1cfs"
    step = core.steps.record_step(batch_id=make_batch(core), name=odd, data={"note": odd},
                                  username="wang", password=PASSWORD)
    create_backup(core.engine, tmp_path / "site.zip")
    target = make_engine(f"sqlite:///{tmp_path / 'restored.db'}")
    restore_backup(tmp_path / "site.zip", target)
    with target.connect() as conn:
        name = conn.execute(text("select name from process_step where id = :i"), {"i": step})
        assert name.scalar_one() == odd
    target.dispose()


@pytest.mark.parametrize(
    ("offset", "value", "why"),
    [(10, 97, "unsupported compression method"), (8, 1, "member flagged as encrypted")],
)
def test_a_backup_zip_with_unreadable_members_is_refused_cleanly(
    core: Core, tmp_path: Path, offset: int, value: int, why: str
) -> None:
    """zipfile raises NotImplementedError / RuntimeError for these, not BadZipFile: they
    must still become the one clear 'damaged' refusal, with the target left empty."""
    archive = tmp_path / "site.zip"
    create_backup(core.engine, archive)
    data = bytearray(archive.read_bytes())
    start = 0
    while (start := data.find(b"PK\x01\x02", start)) != -1:  # every central directory entry
        data[start + offset : start + offset + 2] = value.to_bytes(2, "little")
        start += 4
    archive.write_bytes(bytes(data))
    target = make_engine(f"sqlite:///{tmp_path / 'target.db'}")
    with pytest.raises(BackupError, match="damaged|not a CellTrail backup"):
        restore_backup(archive, target)
    with target.connect() as conn:
        tables = conn.execute(text("select name from sqlite_master where name='user_account'"))
        if tables.first():
            assert conn.execute(text("select count(*) from user_account")).scalar() == 0, why
    target.dispose()
