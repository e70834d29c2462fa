"""External anchors of the audit chain (issue 12): a wholesale, self-consistent rewrite of the
chain by someone with full database access passes `audit verify`, and is caught by
`audit verify --anchor FILE` against a head written down before it. Both backends; the
command line is run as a real subprocess, the forger works in raw SQL."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, text

from models.core import Core
from models.entities.audit import GENESIS_HASH, AuditEntry
from models.entities.base import utcnow
from models.kernel.audit import AuditAction, entry_digest
from models.kernel.audit_anchor import (
    AnchorFileError,
    check_anchor,
    read_anchor,
    take_anchor,
)
from tests.chain.conftest import add_site_config
from tests.conftest import make_core
from tests.core.test_cli import celltrail


@pytest.fixture
def site(db_url: str) -> Iterator[tuple[Core, str]]:
    core = make_core(db_url)  # the staff accounts: a chain of a few dozen entries
    yield core, db_url
    core.close()


def _append(core: Core, count: int) -> None:
    """More work after the anchor was taken: the chain grows past it."""
    for n in range(count):
        with core.uow() as uow:
            uow.audit.record(AuditAction.VERIFY, actor="sun", subject_type="audit", subject_id=n)
            uow.commit()


def _head(core: Core) -> tuple[int, str]:
    with core.uow().reading() as uow:
        row = uow.session.execute(
            select(AuditEntry.seq, AuditEntry.entry_hash).order_by(AuditEntry.seq.desc()).limit(1)
        ).one()
    return row.seq, row.entry_hash


def _anchor(url: str, path: Path) -> dict[str, object]:
    result = celltrail("audit", "anchor", "--db", url, "-o", str(path))
    assert result.returncode == 0, result.stderr
    written = json.loads(path.read_text(encoding="utf-8"))
    assert json.dumps(written, ensure_ascii=False, indent=2) in result.stdout  # printed too
    return written


def _drop_guards(conn: object, dialect: str) -> None:
    run = conn.exec_driver_sql  # type: ignore[attr-defined]
    if dialect == "postgresql":
        run("DROP TRIGGER audit_entry_append_only ON audit_entry")
        run("DROP TRIGGER audit_entry_no_truncate ON audit_entry")
    else:
        run("DROP TRIGGER audit_entry_no_update")
        run("DROP TRIGGER audit_entry_no_delete")


def _rewrite_chain(core: Core, seq: int, workstation: str) -> None:
    """What a forger with full access does: change one entry, then recompute every hash after
    it in raw SQL so that the chain is consistent again, head row included."""
    updates, prev = [], GENESIS_HASH
    with core.uow().reading() as uow:
        for original in uow.session.scalars(select(AuditEntry).order_by(AuditEntry.seq)):
            forged = AuditEntry(
                seq=original.seq,
                at=original.at,
                actor=original.actor,
                action=original.action,
                subject_type=original.subject_type,
                subject_id=original.subject_id,
                old_value=original.old_value,
                new_value=original.new_value,
                reason=original.reason,
                workstation=workstation if original.seq == seq else original.workstation,
                prev_hash=prev,
            )
            prev = entry_digest(forged)
            updates.append(
                {"w": forged.workstation, "p": forged.prev_hash, "h": prev, "s": forged.seq}
            )
    with core.engine.begin() as conn:
        _drop_guards(conn, core.engine.dialect.name)
        conn.execute(
            text(
                "UPDATE audit_entry SET workstation = :w, prev_hash = :p, entry_hash = :h "
                "WHERE seq = :s"
            ),
            updates,
        )
        conn.execute(text("UPDATE audit_chain_head SET last_hash = :h"), {"h": prev})


def _truncate_chain(core: Core, keep: int) -> None:
    """Remove the newest entries and move the head back: a consistent, shorter chain."""
    with core.engine.begin() as conn:
        _drop_guards(conn, core.engine.dialect.name)
        conn.execute(text("DELETE FROM audit_entry WHERE seq > :k"), {"k": keep})
        last = conn.scalar(text("SELECT entry_hash FROM audit_entry WHERE seq = :k"), {"k": keep})
        conn.execute(
            text("UPDATE audit_chain_head SET last_seq = :k, last_hash = :h"),
            {"k": keep, "h": last},
        )


def test_the_anchor_is_the_verified_head_and_later_entries_keep_it(
    site: tuple[Core, str], tmp_path: Path
) -> None:
    core, url = site
    seq, entry_hash = _head(core)
    anchor = _anchor(url, tmp_path / "anchor.json")
    assert (anchor["seq"], anchor["entry_hash"]) == (seq, entry_hash) and seq > 5
    assert anchor["format"] == "celltrail-audit-anchor" and anchor["entry_at"]
    assert anchor["database"]["backend"] == core.engine.dialect.name  # type: ignore[index]
    assert "postgres@" not in json.dumps(anchor)  # never the user name or a password
    _append(core, 3)
    assert _head(core)[0] == seq + 3
    result = celltrail("audit", "verify", "--db", url, "--anchor", str(tmp_path / "anchor.json"))
    assert result.returncode == 0, result.stderr
    assert f"anchor seq {seq} hash {entry_hash} is in the chain" in result.stdout


@pytest.mark.req("R-CSV-02")
def test_a_consistent_rewrite_passes_verify_but_not_the_anchor(
    site: tuple[Core, str], tmp_path: Path
) -> None:
    core, url = site
    early = _anchor(url, tmp_path / "early.json")
    _append(core, 2)
    late = _anchor(url, tmp_path / "late.json")
    victim = int(early["seq"]) - 2  # inside both anchored ranges
    _rewrite_chain(core, victim, workstation="elsewhere")

    plain = celltrail("audit", "verify", "--db", url, "--json")
    assert plain.returncode == 0, plain.stderr  # the forger's chain is self-consistent
    assert json.loads(plain.stdout)["intact"]

    result = celltrail(
        "audit",
        "verify",
        "--db",
        url,
        "--anchor",
        str(tmp_path / "early.json"),
        "--anchor",
        str(tmp_path / "late.json"),
    )
    assert result.returncode == 1
    _, now = _head(core)
    for anchor in (early, late):
        seq = anchor["seq"]
        with core.uow().reading() as uow:
            found = uow.session.scalar(select(AuditEntry.entry_hash).where(AuditEntry.seq == seq))
        assert found != anchor["entry_hash"]
        assert (
            f"anchor seq {seq} hash {anchor['entry_hash']} not in the chain: "
            f"entry {seq} now has hash {found}"
        ) in result.stderr


def test_an_anchor_before_the_rewritten_entry_still_holds(
    site: tuple[Core, str], tmp_path: Path
) -> None:
    """An anchor proves entries 1..N: a change after N is not its business (the chain and a
    later anchor catch that), so it holds and says so."""
    core, url = site
    anchor = _anchor(url, tmp_path / "anchor.json")
    _append(core, 3)
    _rewrite_chain(core, int(anchor["seq"]) + 2, workstation="elsewhere")
    result = celltrail("audit", "verify", "--db", url, "--anchor", str(tmp_path / "anchor.json"))
    assert result.returncode == 0, result.stderr
    assert "is in the chain" in result.stdout


@pytest.mark.req("R-CSV-02")
def test_a_truncated_chain_fails_against_the_anchor(site: tuple[Core, str], tmp_path: Path) -> None:
    core, url = site
    _append(core, 4)  # entries that record no row state: removing them leaves rows matched
    anchor = _anchor(url, tmp_path / "anchor.json")
    seq = int(anchor["seq"])
    _truncate_chain(core, keep=seq - 3)
    assert celltrail("audit", "verify", "--db", url).returncode == 0  # consistent again
    result = celltrail(
        "audit", "verify", "--db", url, "--anchor", str(tmp_path / "anchor.json"), "--json"
    )
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["intact"] is True
    [check] = report["anchors"]
    assert check["held"] is False and check["found_hash"] is None
    assert check["chain_last_seq"] == seq - 3
    assert "chain shorter than the anchor" in check["message"]
    text_result = celltrail(
        "audit", "verify", "--db", url, "--anchor", str(tmp_path / "anchor.json")
    )
    assert f"anchor seq {seq} hash {anchor['entry_hash']} not in the chain" in text_result.stderr


def test_a_broken_chain_is_never_anchored(core: Core, sqlite_url: str, tmp_path: Path) -> None:
    with core.engine.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER audit_entry_no_update")
        conn.exec_driver_sql("UPDATE audit_entry SET actor = 'mallory' WHERE seq = 3")
    result = celltrail("audit", "anchor", "--db", sqlite_url, "-o", str(tmp_path / "a.json"))
    assert result.returncode == 1
    assert "AUDIT CHAIN BROKEN at entry 3" in result.stderr and "no anchor taken" in result.stderr
    assert not (tmp_path / "a.json").exists()


def test_the_anchor_names_the_site_and_the_database(any_core: Core) -> None:
    add_site_config(any_core)
    with any_core.uow().reading() as uow:
        seq, entry_hash = uow.session.execute(
            select(AuditEntry.seq, AuditEntry.entry_hash).order_by(AuditEntry.seq.desc()).limit(1)
        ).one()
        anchor = take_anchor(uow.session, seq, entry_hash, taken_at=utcnow())
        assert check_anchor(uow.session, anchor).held
    assert anchor.site == {"code": "TJ-CTF", "isbt_facility_code": "A9990"}
    if any_core.engine.dialect.name == "postgresql":
        assert anchor.database["database"].startswith("ct_test_")
        assert anchor.database["system_identifier"].isdigit()
    else:
        assert anchor.database["file"].endswith("celltrail.db")


def test_an_empty_chain_is_anchored_at_its_genesis(sqlite_url: str, tmp_path: Path) -> None:
    assert celltrail("init", "--db", sqlite_url).returncode == 0
    anchor = _anchor(sqlite_url, tmp_path / "empty.json")
    assert (anchor["seq"], anchor["entry_hash"], anchor["entry_at"]) == (0, GENESIS_HASH, None)
    verified = celltrail(
        "audit", "verify", "--db", sqlite_url, "--anchor", str(tmp_path / "empty.json")
    )
    assert verified.returncode == 0, verified.stderr


# --- the anchor file ------------------------------------------------------------------------

GOOD = {"format": "celltrail-audit-anchor", "version": 1, "seq": 3, "entry_hash": "a" * 64}


def _json(**changes: object) -> bytes:
    document = {**GOOD, **changes}
    return json.dumps({k: v for k, v in document.items() if v is not None}).encode()


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "not JSON (line 1, column 1)"),
        (b'{"format": "celltrail-audit-anchor",\n"seq": 1', "not JSON (line 2"),
        (b"\xff\xfe{}", "not UTF-8 text"),
        (b"[1, 2]", "not a CellTrail audit anchor"),
        (b'{"seq": 1}', "not a CellTrail audit anchor"),
        (_json(version=2), "anchor format version 2 is not known"),
        (_json(version=True), "anchor format version True is not known"),
        (_json(seq=-1), '"seq" is not a whole number'),
        (_json(seq=True), '"seq" is not a whole number'),
        (_json(seq="12"), '"seq" is not a whole number'),
        (_json(seq=2**64), '"seq" is not a whole number'),
        (_json(entry_hash="A" * 64), '"entry_hash" is not 64 lowercase'),
        (_json(entry_hash="a" * 63), '"entry_hash" is not 64 lowercase'),
        (_json(entry_hash=None), '"entry_hash" is not 64 lowercase'),
        (b"[" * 60_000, "not JSON"),
        (b" " * (64 * 1024 + 1), "larger than 65536 bytes"),
    ],
)
def test_a_malformed_anchor_is_refused_in_one_line(
    sqlite_url: str, tmp_path: Path, content: bytes, words: str
) -> None:
    path = tmp_path / "bad\nname.json"  # a newline in the name must not break the line either
    path.write_bytes(content)
    result = celltrail("audit", "verify", "--db", sqlite_url, "--anchor", str(path))
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1
    assert result.stderr.startswith("error: anchor file ") and words in result.stderr
    assert "bad\\nname.json" in result.stderr
    with pytest.raises(AnchorFileError):
        read_anchor(path)


def test_a_missing_or_special_anchor_file_is_refused(sqlite_url: str, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for path, words in [
        (tmp_path / "none.json", "no such file"),
        (fifo, "not a regular file"),
        (tmp_path, "not a regular file"),
    ]:
        result = celltrail("audit", "verify", "--db", sqlite_url, "--anchor", str(path))
        assert result.returncode == 2 and words in result.stderr, result.stderr
        assert result.stderr.count("\n") == 1


def test_a_good_anchor_reads_back_with_unknown_extras_ignored(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_bytes(_json(taken_at="yesterday", database={"backend": "x"}, note=[1]))
    anchor = read_anchor(path)
    assert (anchor.seq, anchor.entry_hash, anchor.database) == (3, "a" * 64, {"backend": "x"})


# --- writing the anchor: never over a file unasked, never through a link or a device --------


def test_an_existing_file_is_replaced_only_with_force(sqlite_url: str, tmp_path: Path) -> None:
    assert celltrail("init", "--db", sqlite_url).returncode == 0
    target = tmp_path / "anchor.json"
    target.write_text("an earlier anchor", encoding="utf-8")
    refused = celltrail("audit", "anchor", "--db", sqlite_url, "-o", str(target))
    assert refused.returncode == 2 and "add --force" in refused.stderr
    assert target.read_text(encoding="utf-8") == "an earlier anchor"
    forced = celltrail("audit", "anchor", "--db", sqlite_url, "-o", str(target), "--force")
    assert forced.returncode == 0, forced.stderr
    assert json.loads(target.read_text(encoding="utf-8"))["seq"] == 0
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_an_anchor_is_never_written_through_a_link_or_a_pipe(
    sqlite_url: str, tmp_path: Path
) -> None:
    assert celltrail("init", "--db", sqlite_url).returncode == 0
    victim = tmp_path / "precious.txt"
    victim.write_text("keep me", encoding="utf-8")
    link, dangling, fifo = tmp_path / "link.json", tmp_path / "dangling.json", tmp_path / "pipe"
    link.symlink_to(victim)
    dangling.symlink_to(tmp_path / "would-be-created.json")
    os.mkfifo(fifo)
    for target, words in [
        (link, "symbolic link"),
        (dangling, "symbolic link"),
        (fifo, "not a regular file"),
        (tmp_path, "not a regular file"),
    ]:
        result = celltrail("audit", "anchor", "--db", sqlite_url, "-o", str(target), "--force")
        assert result.returncode == 2 and words in result.stderr, result.stderr
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert link.is_symlink() and not (tmp_path / "would-be-created.json").exists()


def test_without_a_file_the_anchor_is_printed_only(sqlite_url: str, tmp_path: Path) -> None:
    assert celltrail("init", "--db", sqlite_url).returncode == 0
    result = celltrail("audit", "anchor", "--db", sqlite_url, "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["entry_hash"] == GENESIS_HASH
    assert "file" not in json.loads(result.stdout)
