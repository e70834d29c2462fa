"""Files a user names at the command line (issue 12): what is there is never overwritten
without --force, never written through (a link, a device, a pipe), and a file to read is
sized before it is read (a zip bomb, /dev/zero)."""

from __future__ import annotations

import io
import json
import os
import stat
import struct
import sys
import threading
import tracemalloc
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from models.archive import backup as backup_module
from models.archive.backup import (
    BackupMemberTooLargeError,
    create_backup,
    restore_backup,
)
from models.archive.errors import InputNotRegularError, OutputExistsError, OutputNotRegularError
from models.archive.export import export_batch_archive
from models.archive.output import new_file
from models.archive.verify import MAX_ARCHIVE_BYTES, verify_archive
from models.cli.app import run
from models.core import Core
from models.kernel.db import make_engine
from tests.chain.conftest import Flow, add_site_config
from tests.conftest import PASSWORD
from tests.core.test_archive import _closed_batch

EARLIER = b"an earlier backup, to be kept"


def cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    try:
        code = run(argv)
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    return code, capsys.readouterr().err


def leftovers(directory: Path) -> list[str]:
    return [p.name for p in directory.iterdir() if p.name.endswith(".partial")]


@pytest.fixture(autouse=True)
def _elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


# --- writing: backup, archive, label render -------------------------------------------------


def test_backup_never_replaces_a_file_without_force(
    core: Core, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(core.engine.url.database)
    target = tmp_path / "site.zip"
    target.write_bytes(EARLIER)
    code, err = cli(["backup", str(target), "--db", db], capsys)
    assert code == 2 and "--force" in err and err.count("\n") == 1
    assert target.read_bytes() == EARLIER

    assert cli(["backup", str(target), "--db", db, "--force"], capsys)[0] == 0
    with zipfile.ZipFile(target) as archive:
        assert json.loads(archive.read("manifest.json"))["format"] == "celltrail-backup/1"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600  # it holds records: owner only
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("kind", ["symlink", "dangling symlink", "directory", "fifo"])
def test_backup_never_writes_through_a_link_a_directory_or_a_pipe(
    core: Core, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    db = str(core.engine.url.database)
    precious = tmp_path / "precious.txt"
    precious.write_bytes(EARLIER)
    target = tmp_path / "site.zip"
    if kind == "symlink":
        target.symlink_to(precious)
    elif kind == "dangling symlink":
        target.symlink_to(tmp_path / "nowhere" / "x.zip")
    elif kind == "directory":
        target.mkdir()
    else:
        os.mkfifo(target)  # opening it for writing would block until a reader came
    for force in ([], ["--force"]):
        code, err = cli(["backup", str(target), "--db", db, *force], capsys)
        assert code == 2 and "not a regular file" in err, (kind, force, err)
    assert precious.read_bytes() == EARLIER
    assert not (tmp_path / "nowhere").exists()
    mode = os.lstat(target).st_mode  # still there, as it was
    assert {"directory": stat.S_ISDIR, "fifo": stat.S_ISFIFO}.get(kind, stat.S_ISLNK)(mode)
    assert leftovers(tmp_path) == []


def test_backup_never_writes_onto_a_device(core: Core, capsys: pytest.CaptureFixture[str]) -> None:
    """/dev/null stands for any device node (as root, /dev/sda would be written to)."""
    db = str(core.engine.url.database)
    code, err = cli(["backup", "/dev/null", "--db", db, "--force"], capsys)
    assert code == 2 and "not a regular file" in err
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)


def test_a_file_that_appears_while_writing_is_not_replaced(tmp_path: Path) -> None:
    """ "Never overwrite" holds even if the name is taken between the check and the rename."""
    target = tmp_path / "site.zip"
    with pytest.raises(OutputExistsError), new_file(target) as temporary:
        temporary.write_bytes(b"new")
        target.write_bytes(EARLIER)  # someone else, meanwhile
    assert target.read_bytes() == EARLIER and leftovers(tmp_path) == []


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "site.zip"
    target.write_bytes(EARLIER)
    with pytest.raises(RuntimeError), new_file(target, force=True) as temporary:
        temporary.write_bytes(b"half")
        raise RuntimeError("the dump failed")
    assert target.read_bytes() == EARLIER and leftovers(tmp_path) == []


def test_archive_export_refuses_an_existing_file_before_any_work(
    core: Core, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    add_site_config(core)
    batch, _ = _closed_batch(Flow(core))
    target = tmp_path / "batch.zip"
    target.write_bytes(EARLIER)
    with core.uow() as uow:
        before = uow.session.execute(text("select count(*) from audit_entry")).scalar_one()
    with pytest.raises(OutputExistsError):
        export_batch_archive(core, batch_number=batch, destination=target, actor="chen")
    with core.uow() as uow:  # not even the export was audited: nothing happened
        after = uow.session.execute(text("select count(*) from audit_entry")).scalar_one()
    assert after == before and target.read_bytes() == EARLIER

    db = str(core.engine.url.database)
    link = tmp_path / "link.zip"
    link.symlink_to(target)
    argv = ["archive", batch, "-o", str(link), "--user", "chen", "--db", db, "--force"]
    code, err = cli(argv, capsys)
    assert code == 2 and "not a regular file" in err and target.read_bytes() == EARLIER

    argv = ["archive", batch, "-o", str(target), "--user", "chen", "--db", db, "--force"]
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{PASSWORD}\n"))
    assert cli([*argv, "--password-stdin"], capsys)[0] == 0
    assert verify_archive(target).intact


def test_label_render_refuses_an_existing_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "label.pdf"
    target.write_bytes(EARLIER)
    argv = ["label", "render", "=A99902525010000", "--template", "LT-BAG", "-o", str(target)]
    code, err = cli([*argv, "--db", str(tmp_path / "none.db")], capsys)
    assert code == 2 and "--force" in err and target.read_bytes() == EARLIER
    assert not (tmp_path / "none.db").exists()  # refused before the database was opened


# --- reading: restore and archive verify ------------------------------------------------------


def _central_sizes(data: bytes, member: str, size: int) -> bytes:
    """The zip with ``member``'s declared uncompressed size set to ``size`` (its bytes as
    they were): a claim the reader must refuse before it inflates anything."""
    out = bytearray(data)
    name = member.encode()
    start = 0
    while (start := out.find(b"PK\x01\x02", start)) != -1:
        length = struct.unpack_from("<H", out, start + 28)[0]
        if bytes(out[start + 46 : start + 46 + length]) == name:
            struct.pack_into("<I", out, start + 24, size)
        start += 4
    return bytes(out)


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.fixture
def empty_target(tmp_path: Path) -> Iterator[Engine]:
    engine = make_engine(f"sqlite:///{tmp_path / 'target.db'}")
    yield engine
    engine.dispose()


def _still_empty(engine: Engine) -> bool:
    with engine.connect() as conn:
        exists = conn.execute(text("select name from sqlite_master where name='user_account'"))
        if not exists.first():
            return True
        return conn.execute(text("select count(*) from user_account")).scalar() == 0


def test_restore_refuses_a_manifest_declared_at_3_gib_unread(
    tmp_path: Path, empty_target: Engine
) -> None:
    bomb = tmp_path / "bomb.zip"
    bomb.write_bytes(_central_sizes(_zip({"manifest.json": b"{}"}), "manifest.json", 3 << 30))
    with pytest.raises(BackupMemberTooLargeError) as caught:
        restore_backup(bomb, empty_target)
    assert caught.value.params["size"] == 3 << 30
    assert "解压后" in caught.value.message("zh")


def test_restore_refuses_a_real_zip_bomb_without_inflating_it(
    tmp_path: Path, empty_target: Engine
) -> None:
    bomb = tmp_path / "bomb.zip"
    bomb.write_bytes(_zip({"manifest.json": b" " * (64 << 20)}))  # 64 MiB in ~64 KiB
    assert bomb.stat().st_size < 1 << 20
    tracemalloc.start()
    try:
        with pytest.raises(BackupMemberTooLargeError):
            restore_backup(bomb, empty_target)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 16 << 20, peak


def test_restore_refuses_a_table_member_that_inflates_like_a_bomb(
    core: Core, tmp_path: Path, empty_target: Engine
) -> None:
    source = tmp_path / "site.zip"
    create_backup(core.engine, source)
    with zipfile.ZipFile(source) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    members["tables/audit_entry.jsonl"] = b"\n" * (32 << 20)
    bomb = tmp_path / "bomb.zip"
    bomb.write_bytes(_zip(members))
    with pytest.raises(BackupMemberTooLargeError) as caught:
        restore_backup(bomb, empty_target)
    assert caught.value.params["member"] == "tables/audit_entry.jsonl"
    assert _still_empty(empty_target)


def test_restore_refuses_a_row_longer_than_the_cap_and_restores_nothing(
    core: Core,
    tmp_path: Path,
    empty_target: Engine,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source = tmp_path / "site.zip"
    create_backup(core.engine, source)
    monkeypatch.setattr(backup_module, "MAX_ROW_CHARS", 200)
    with pytest.raises(BackupMemberTooLargeError):
        restore_backup(source, empty_target)
    assert _still_empty(empty_target)
    monkeypatch.undo()
    restore_backup(source, empty_target)  # the same file, read in full, restores
    assert not _still_empty(empty_target)


@pytest.mark.parametrize("kind", ["/dev/zero", "directory", "fifo"])
def test_restore_and_verify_read_only_regular_files(
    tmp_path: Path, empty_target: Engine, kind: str
) -> None:
    if kind == "/dev/zero":
        source = Path("/dev/zero")
    elif kind == "directory":
        source = tmp_path / "a-directory"
        source.mkdir()
    else:
        source = tmp_path / "pipe.zip"
        os.mkfifo(source)
    done = threading.Event()

    def attempt() -> None:
        with pytest.raises(InputNotRegularError):
            restore_backup(source, empty_target)
        [problem] = verify_archive(source).problems
        assert problem.code == "input_not_regular"
        done.set()

    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(timeout=30)
    assert done.is_set(), f"{kind}: blocked or failed"


def test_archive_verify_refuses_a_declared_size_beyond_the_cap_unread(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.zip"
    data = _zip({"manifest.json": b"{}", "audit.jsonl": b""})
    bomb.write_bytes(_central_sizes(data, "audit.jsonl", MAX_ARCHIVE_BYTES))
    [problem] = verify_archive(bomb).problems
    assert problem.code == "archive_too_large"
    assert "解压后" in problem.message("zh")


def test_output_errors_name_the_file_in_both_languages(tmp_path: Path) -> None:
    exists = OutputExistsError(file=str(tmp_path / "x.zip"))
    assert "--force" in exists.message("en") and "--force" in exists.message("zh")
    assert "不是普通文件" in OutputNotRegularError(file="/dev/sda").message("zh")
