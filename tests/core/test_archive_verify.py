"""Trying to break the retention archive: every kind of damage or forgery is named precisely
(member, audit seq, signature id) in English and Chinese, `archive verify` and `archive show`
exit 1, and nothing crashes, whatever bytes they are given."""

from __future__ import annotations

import hashlib
import io
import json
import warnings
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.archive.errors import ArchiveNotIntactError
from models.archive.export import export_batch_archive
from models.archive.format import AUDIT, MANIFEST, SIGNATURES, member_table
from models.archive.read import load_archive, render_summary
from models.archive.verify import VerifyReport, verify_archive
from models.cli.app import run
from models.entities.audit import AuditEntry
from models.kernel.audit import entry_digest
from tests.chain.conftest import Flow, add_site_config
from tests.conftest import make_core
from tests.core.test_archive import _closed_batch, build_complete_batch

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@dataclass(frozen=True)
class Exported:
    data: bytes  # the archive as written
    db: str  # the live database it came from
    batch: str
    units: list[str]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Exported]:
    """One closed batch exported once; each test damages its own copy of the bytes."""
    folder = tmp_path_factory.mktemp("archive")
    core = make_core(f"sqlite:///{folder / 'live.db'}")
    add_site_config(core)
    batch, units = _closed_batch(Flow(core))
    target = folder / "sealed.zip"
    export_batch_archive(core, batch_number=batch, destination=target, actor="chen")
    yield Exported(target.read_bytes(), str(core.engine.url), batch, units)
    core.close()


# --- helpers that damage an archive ------------------------------------------------------


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def pack(items: dict[str, bytes] | list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        warnings.simplefilter("ignore")  # "Duplicate name" is the point of one test
        for name, blob in items.items() if isinstance(items, dict) else items:
            out.writestr(name, blob)
    return buffer.getvalue()


def reseal(items: dict[str, bytes], **manifest_changes: Any) -> dict[str, bytes]:
    """What a careful forger does: recompute every checksum and row count in the manifest."""
    manifest = json.loads(items[MANIFEST])
    listed = [n for n in items if n != MANIFEST]
    manifest["member_sha256"] = {n: hashlib.sha256(items[n]).hexdigest() for n in listed}
    manifest["row_counts"] = {
        table: len(items[n].splitlines()) for n in listed if (table := member_table(n))
    }
    manifest.update(manifest_changes)
    return {**items, MANIFEST: json.dumps(manifest).encode()}


def lines(blob: bytes) -> list[dict[str, Any]]:
    return [json.loads(line) for line in blob.decode().split("\n") if line]


def jsonl(rows: list[dict[str, Any]]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in rows).encode()


def write(tmp_path: Path, data: bytes, name: str = "damaged.zip") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def codes(report: VerifyReport) -> list[str]:
    return [p.code for p in report.problems]


def only(report: VerifyReport, code: str) -> dict[str, Any]:
    """The report's single problem, which must be ``code``; its parameters."""
    assert codes(report) == [code], [p.message() for p in report.problems]
    return report.problems[0].params


def cli_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, Any]]:
    code = run(["archive", *args, "--json"])
    return code, json.loads(capsys.readouterr().out)


def rehash(row: dict[str, Any]) -> str:
    entry = AuditEntry(**{**row, "at": datetime.fromisoformat(row["at"])})
    return entry_digest(entry)


# --- an intact archive ---------------------------------------------------------------------


def test_an_untouched_archive_is_intact_offline_and_against_the_live_database(
    exported: Exported, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, exported.data, "sealed.zip")
    offline = verify_archive(path)
    assert offline.intact and not offline.live_checked
    assert offline.members_checked == len(members(exported.data))
    live = verify_archive(path, live_url=exported.db)
    assert live.intact and live.live_checked, [p.message() for p in live.problems]

    code, data = cli_json(capsys, "verify", str(path), "--db", exported.db)
    assert code == 0 and data["intact"] and data["live_checked"] and data["problems"] == []
    assert run(["archive", "verify", str(path)]) == 0
    assert "intact" in capsys.readouterr().out


@pytest.mark.req("R-CSV-18")
def test_show_prints_batch_units_trace_signatures_and_chain_head(
    exported: Exported, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, exported.data, "sealed.zip")
    assert run(["archive", "show", str(path)]) == 0
    text = capsys.readouterr().out
    manifest = json.loads(members(exported.data)[MANIFEST])
    assert "INTEGRITY: intact" in text and exported.batch in text
    assert f"unit {exported.units[0]}" in text and "administered to P-1" in text
    assert "donor D-1" in text and "recipient P-1" in text
    assert "verified by Zhao Verifier" in text  # the bedside second-person signature
    assert f"entry {manifest['audit_last_seq']} {manifest['audit_last_hash']}" in text
    assert "Huang Meiling" not in text and "Zhang Xiaoming" not in text

    code, data = cli_json(capsys, "show", str(path))
    assert code == 0 and data["batch"] == exported.batch and data["intact"]
    assert data["chain_head"] == {
        "seq": manifest["audit_last_seq"],
        "hash": manifest["audit_last_hash"],
    }
    assert [u["disposition"] for u in data["units"]] == ["administered"]


def test_load_archive_gives_typed_values(exported: Exported, tmp_path: Path) -> None:
    loaded = load_archive(write(tmp_path, exported.data))
    assert loaded.intact and loaded.manifest.batch == exported.batch
    assert isinstance(loaded.audit[0]["at"], datetime) and loaded.audit[0]["at"].tzinfo
    assert isinstance(loaded.signatures[0]["signed_at"], datetime)
    [unit] = loaded.records["product_unit"]
    assert isinstance(unit["created_at"], datetime) and isinstance(unit["recalled"], bool)
    assert unit["disposition"] == "administered"
    assert "audit_entry" not in loaded.records and "signature" not in loaded.records
    assert "D-1" in loaded.subjects["donor"]
    assert loaded.trace["focus"] == exported.batch
    assert "INTEGRITY: intact" in render_summary(loaded)


def test_load_archive_refuses_a_damaged_archive_unless_asked_for_forensics(
    exported: Exported, tmp_path: Path
) -> None:
    items = members(exported.data)
    items["records/donor.jsonl"] = items["records/donor.jsonl"].replace(b"D-1", b"D-9")
    path = write(tmp_path, pack(items))
    with pytest.raises(ArchiveNotIntactError) as err:
        load_archive(path)
    assert "records/donor.jsonl" in err.value.message("zh") and "校验未通过" in err.value.message(
        "zh"
    )
    loaded = load_archive(path, require_intact=False)
    assert not loaded.intact and loaded.records["donor"][0]["code"] == "D-9"
    assert "NOT INTACT" in render_summary(loaded)


def test_a_format_1_archive_is_still_read(exported: Exported, tmp_path: Path) -> None:
    """The first release wrote no subjects.json, columns.json or README.txt."""
    items = members(exported.data)
    for name in ("subjects.json", "columns.json", "README.txt"):
        del items[name]
    path = write(tmp_path, pack(reseal(items, format="celltrail-archive/1")))
    assert verify_archive(path).intact
    loaded = load_archive(path)
    assert isinstance(loaded.audit[0]["at"], datetime)  # the fixed fields still decode


# --- damage named precisely ----------------------------------------------------------------


@pytest.mark.req("R-CSV-20")
def test_a_tampered_json_line_names_its_member(
    exported: Exported, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    items = members(exported.data)
    member = "records/product_unit.jsonl"
    items[member] = items[member].replace(b'"administered"', b'"destroyed"')
    path = write(tmp_path, pack(items))
    params = only(verify_archive(path), "archive_member_checksum")
    assert params["member"] == member
    code, data = cli_json(capsys, "verify", str(path))
    assert code == 1 and not data["intact"]
    assert member in data["problems"][0]["message"]
    assert run(["archive", "verify", str(path)]) == 1
    assert "ARCHIVE NOT INTACT" in capsys.readouterr().err
    assert run(["archive", "show", str(path)]) == 1
    assert "NOT INTACT" in capsys.readouterr().err  # non-zero exits print to stderr


def test_messages_are_in_chinese_too(exported: Exported, tmp_path: Path) -> None:
    items = members(exported.data)
    del items["records/thaw.jsonl"]
    [problem] = verify_archive(write(tmp_path, pack(items))).problems
    assert problem.message("zh") == "清单列出的成员 records/thaw.jsonl 在归档中缺失"
    assert problem.message("en").startswith("Member records/thaw.jsonl is listed")


@pytest.mark.req("R-CSV-20", "R-SYS-05")
def test_a_removed_member_is_named(exported: Exported, tmp_path: Path) -> None:
    items = members(exported.data)
    del items["records/administration.jsonl"]
    params = only(verify_archive(write(tmp_path, pack(items))), "archive_member_missing")
    assert params["member"] == "records/administration.jsonl"


def test_an_added_member_is_named(exported: Exported, tmp_path: Path) -> None:
    items = {**members(exported.data), "records/note.jsonl": b'{"added": "later"}\n'}
    params = only(verify_archive(write(tmp_path, pack(items))), "archive_member_extra")
    assert params["member"] == "records/note.jsonl"


def test_a_second_copy_of_a_member_is_named(exported: Exported, tmp_path: Path) -> None:
    """zipfile reads only the last of two same-named members: a forged copy could hide."""
    items = list(members(exported.data).items())
    items.append(("trace.json", b'{"focus": "forged"}'))
    report = verify_archive(write(tmp_path, pack(items)))
    assert codes(report)[0] == "archive_member_duplicate"
    assert report.problems[0].params == {"member": "trace.json", "count": 2}
    assert "archive_member_checksum" in codes(report)


def test_a_manifest_with_a_wrong_checksum_is_named(exported: Exported, tmp_path: Path) -> None:
    items = members(exported.data)
    manifest = json.loads(items[MANIFEST])
    manifest["member_sha256"]["records/recipient.jsonl"] = "0" * 64
    items[MANIFEST] = json.dumps(manifest).encode()
    params = only(verify_archive(write(tmp_path, pack(items))), "archive_member_checksum")
    assert params["member"] == "records/recipient.jsonl" and params["expected"] == "0" * 64


@pytest.mark.req("R-CSV-20", "R-SYS-04", "R-SYS-05")
def test_an_altered_audit_entry_is_named_by_its_seq(exported: Exported, tmp_path: Path) -> None:
    """Even with every checksum recomputed, the entry's own hash gives it away."""
    items = members(exported.data)
    audit = lines(items[AUDIT])
    audit[2]["actor"] = "someone_else"
    items[AUDIT] = jsonl(audit)
    params = only(verify_archive(write(tmp_path, pack(reseal(items)))), "archive_audit_digest")
    assert params == {"seq": audit[2]["seq"]}


def test_a_rehashed_audit_entry_breaks_the_link_to_its_successor(
    exported: Exported, tmp_path: Path
) -> None:
    items = members(exported.data)
    audit = lines(items[AUDIT])
    i = next(i for i in range(len(audit) - 1) if audit[i + 1]["seq"] == audit[i]["seq"] + 1)
    audit[i]["reason"] = "edited"
    audit[i]["entry_hash"] = rehash(audit[i])
    items[AUDIT] = jsonl(audit)
    params = only(verify_archive(write(tmp_path, pack(reseal(items)))), "archive_audit_link")
    assert params == {"seq": audit[i + 1]["seq"], "prev": audit[i]["seq"]}


@pytest.mark.req("R-CSV-20")
def test_a_consistent_forgery_passes_offline_but_not_against_the_live_database(
    exported: Exported, tmp_path: Path
) -> None:
    """Last archived entry edited and rehashed, manifest head and checksums rewritten: only
    the live chain (and its record of the export) can tell."""
    items = members(exported.data)
    audit = lines(items[AUDIT])
    audit[-1]["reason"] = "forged"
    audit[-1]["entry_hash"] = rehash(audit[-1])
    items[AUDIT] = jsonl(audit)
    # the forger also moves the manifest's head to the entry he rehashed (the chain's real head
    # may be a later STATE entry of a record outside the archive: the export's own log row)
    forged_head = {"audit_last_seq": audit[-1]["seq"], "audit_last_hash": audit[-1]["entry_hash"]}
    path = write(tmp_path, pack(reseal(items, **forged_head)))
    assert verify_archive(path).intact
    report = verify_archive(path, live_url=exported.db)
    assert codes(report) == ["archive_live_mismatch", "archive_live_export"]
    assert report.problems[0].params["seq"] == audit[-1]["seq"]
    assert report.problems[1].params["batch"] == exported.batch


def test_an_entry_beyond_the_chain_head_is_named(exported: Exported, tmp_path: Path) -> None:
    items = members(exported.data)
    head = lines(items[AUDIT])[-1]["seq"]  # the newest archived entry
    report = verify_archive(write(tmp_path, pack(reseal(items, audit_last_seq=head - 1))))
    assert set(codes(report)) == {"archive_audit_head"}
    assert head in {p.params["seq"] for p in report.problems}


def test_a_foreign_audit_entry_is_named(exported: Exported, tmp_path: Path) -> None:
    """An entry copied in from elsewhere in the chain hashes fine but is about no archived
    record."""
    items = members(exported.data)
    audit = lines(items[AUDIT])
    # a place in the chain the archive skips, its neighbours skipped too (the chain's first
    # entries now register the sites, which the archive holds)
    held = {entry["seq"] for entry in audit}
    seq = next(n for n in range(2, held_max(held)) if not {n - 1, n, n + 1} & held)
    foreign = {**audit[0], "subject_type": "user", "subject_id": "admin", "seq": seq}
    foreign["entry_hash"] = rehash(foreign)
    items[AUDIT] = jsonl(sorted([foreign, *audit], key=lambda entry: entry["seq"]))
    params = only(verify_archive(write(tmp_path, pack(reseal(items)))), "archive_audit_subject")
    assert params == {"seq": seq, "subject_type": "user", "subject_id": "admin"}


def held_max(held: set[int]) -> int:
    return max(held) + 1


def test_an_altered_signature_is_named(exported: Exported, tmp_path: Path) -> None:
    items = members(exported.data)
    signatures = lines(items[SIGNATURES])
    signatures[0]["printed_name"] = "Someone Else"
    items[SIGNATURES] = jsonl(signatures)
    params = only(
        verify_archive(write(tmp_path, pack(reseal(items)))), "archive_signature_mismatch"
    )
    assert params["signature"] == signatures[0]["id"] and params["fields"] == "printed_name"


def test_a_removed_signature_is_named(exported: Exported, tmp_path: Path) -> None:
    items = members(exported.data)
    signatures = lines(items[SIGNATURES])
    items[SIGNATURES] = jsonl(signatures[1:])
    report = verify_archive(write(tmp_path, pack(reseal(items))))
    params = only(report, "archive_signature_not_archived")
    assert params["signature"] == signatures[0]["id"]


@pytest.mark.req("R-PRV-01", "R-PRV-03")
def test_personal_data_in_an_archive_is_named(exported: Exported, tmp_path: Path) -> None:
    items = {**members(exported.data), "records/donor_identity.jsonl": b'{"full_name": "X"}\n'}
    report = verify_archive(write(tmp_path, pack(reseal(items))))
    assert codes(report)[0] == "archive_personal_data"
    assert report.problems[0].params == {"member": "records/donor_identity.jsonl"}


def test_a_tampered_release_package_is_named(tmp_path: Path) -> None:
    core = make_core(f"sqlite:///{tmp_path / 'live.db'}")
    try:
        add_site_config(core)
        built = build_complete_batch(Flow(core))
        target = tmp_path / "complete.zip"
        export_batch_archive(core, batch_number=built.batch, destination=target, actor="sun")
    finally:
        core.close()
    items = members(target.read_bytes())
    member = "records/release_record.jsonl"
    [release] = lines(items[member])
    package = json.loads(release["package"])
    package["pending"] = ["sterility"]  # what QA signed did not list a pending test
    release["package"] = json.dumps(package, sort_keys=True, separators=(",", ":"))
    items[member] = jsonl([release])
    params = only(verify_archive(write(tmp_path, pack(reseal(items)))), "archive_release_package")
    assert params == {"record": release["id"], "signature": release["signature_id"]}


# --- not an archive at all -----------------------------------------------------------------


def test_a_truncated_zip_is_unreadable(
    exported: Exported, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, exported.data[: len(exported.data) // 2])
    report = verify_archive(path)
    assert (
        codes(report) == ["archive_unreadable"] and report.problems[0].params["file"] == path.name
    )
    code, data = cli_json(capsys, "verify", str(path))
    assert code == 1 and data["problems"][0]["code"] == "archive_unreadable"
    assert run(["archive", "show", str(path)]) == 1


def test_a_corrupt_member_is_named(exported: Exported, tmp_path: Path) -> None:
    """A flipped byte inside compressed data: the zip opens, that member does not read."""
    with zipfile.ZipFile(io.BytesIO(exported.data)) as archive:
        info = archive.getinfo(AUDIT)
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    damaged = bytearray(exported.data)
    damaged[start + info.compress_size // 2] ^= 0xFF
    report = verify_archive(write(tmp_path, bytes(damaged)))
    assert codes(report)[0] == "archive_member_unreadable"
    assert report.problems[0].params["member"] == AUDIT


def test_a_file_that_is_not_a_zip_is_unreadable(tmp_path: Path) -> None:
    path = write(tmp_path, b"%PDF-1.7 certainly not a zip\n", "report.pdf")
    assert codes(verify_archive(path)) == ["archive_unreadable"]
    assert run(["archive", "verify", str(path)]) == 1


def test_a_missing_file_is_unreadable(tmp_path: Path) -> None:
    report = verify_archive(tmp_path / "nowhere.zip")
    assert codes(report) == ["archive_unreadable"]
    assert run(["archive", "verify", str(tmp_path / "nowhere.zip")]) == 1


def test_a_zip_without_a_manifest_is_named(tmp_path: Path) -> None:
    path = write(tmp_path, pack({"trace.json": b"{}"}))
    assert codes(verify_archive(path)) == ["archive_manifest_invalid"]
    path = write(tmp_path, pack({MANIFEST: b"[1, 2"}), "garbled.zip")
    assert codes(verify_archive(path)) == ["archive_manifest_invalid"]


def test_an_unknown_format_version_is_named(
    exported: Exported, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    items = members(exported.data)
    manifest = json.loads(items[MANIFEST])
    manifest["format"] = "celltrail-archive/9"
    items[MANIFEST] = json.dumps(manifest).encode()
    path = write(tmp_path, pack(items))
    params = only(verify_archive(path), "archive_format_unknown")
    assert params["format"] == "celltrail-archive/9"
    assert "celltrail-archive/2" in verify_archive(path).problems[0].message("zh")
    code, data = cli_json(capsys, "verify", str(path))
    assert code == 1 and data["format"] is None


def test_a_manifest_with_wrong_field_types_is_named(exported: Exported, tmp_path: Path) -> None:
    items = members(exported.data)
    manifest = json.loads(items[MANIFEST])
    manifest["audit_last_seq"] = "75"
    manifest["row_counts"]["batch"] = True
    items[MANIFEST] = json.dumps(manifest).encode()
    params = only(verify_archive(write(tmp_path, pack(items))), "archive_manifest_invalid")
    assert "audit_last_seq" in params["reason"]


def test_the_live_cross_check_never_creates_a_database(exported: Exported, tmp_path: Path) -> None:
    path = write(tmp_path, exported.data)
    absent = tmp_path / "absent.db"
    report = verify_archive(path, live_url=f"sqlite:///{absent}")
    assert codes(report) == ["archive_live_unavailable"] and not absent.exists()
    assert run(["archive", "verify", str(path), "--db", str(absent)]) == 1


def test_the_command_line_refuses_an_incomplete_export_request(tmp_path: Path) -> None:
    assert run(["archive", "B-1", "--db", str(tmp_path / "x.db")]) == 2  # no -o, no --user
    assert run(["archive", "verify", "a.zip", "b.zip"]) == 2


# --- fuzzing -------------------------------------------------------------------------------


def _assert_answers(report: VerifyReport) -> None:
    assert "archive_verifier_fault" not in codes(report), [p.message() for p in report.problems]
    for problem in report.problems:  # every message renders in both languages
        assert problem.message("en") and problem.message("zh")


@FUZZ
@given(data=st.binary(max_size=4096))
def test_random_bytes_are_never_intact_and_never_crash(tmp_path: Path, data: bytes) -> None:
    report = verify_archive(write(tmp_path, data, "fuzz.zip"))
    assert not report.intact
    _assert_answers(report)


@FUZZ
@given(
    flips=st.lists(
        st.tuples(st.integers(min_value=0), st.integers(1, 255)), min_size=1, max_size=4
    ),
    cut=st.one_of(st.none(), st.integers(min_value=0)),
)
def test_mutated_archives_are_named_or_unchanged(
    exported: Exported, tmp_path: Path, flips: list[tuple[int, int]], cut: int | None
) -> None:
    """Flipped bytes and truncations: either a clear problem, or (a flip in a zip header's
    timestamp, say) content identical to the original's."""
    damaged = bytearray(exported.data)
    for position, mask in flips:
        damaged[position % len(damaged)] ^= mask
    if cut is not None:
        damaged = damaged[: cut % len(damaged)]
    report = verify_archive(write(tmp_path, bytes(damaged), "mutated.zip"))
    _assert_answers(report)
    if report.intact:
        assert members(bytes(damaged)) == members(exported.data)


@FUZZ
@given(
    member=st.sampled_from(["trace.json", AUDIT, SIGNATURES, "subjects.json", "columns.json"]),
    junk=st.binary(max_size=300) | st.text(max_size=200).map(str.encode),
)
def test_resealed_garbage_members_are_named_not_crashed_on(
    exported: Exported, tmp_path: Path, member: str, junk: bytes
) -> None:
    """The semantic checks face garbage that passes the checksums (manifest resealed)."""
    items = members(exported.data)
    items[member] = junk
    report = verify_archive(write(tmp_path, pack(reseal(items)), "garbage.zip"))
    _assert_answers(report)
    assert not report.intact or junk == members(exported.data)[member]
    if not report.intact:  # the reader copes with whatever it is given, too
        with pytest.raises(ArchiveNotIntactError):
            load_archive(tmp_path / "garbage.zip")
        render_summary(load_archive(tmp_path / "garbage.zip", require_intact=False))


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)


@FUZZ
@given(
    member=st.sampled_from(
        [AUDIT, SIGNATURES, "records/batch.jsonl", "records/administration.jsonl", MANIFEST]
    ),
    row=st.integers(min_value=0),
    column=st.text(max_size=12) | st.sampled_from(["seq", "at", "id", "signature_id", "format"]),
    value=JSON_VALUES,
)
def test_resealed_rows_with_fields_of_any_type_are_named_not_crashed_on(
    exported: Exported, tmp_path: Path, member: str, row: int, column: str, value: Any
) -> None:
    items = members(exported.data)
    if member == MANIFEST:
        manifest = json.loads(items[MANIFEST])
        manifest[column] = value
        items = {**items, MANIFEST: json.dumps(manifest).encode()}
    else:
        rows = lines(items[member])
        rows[row % len(rows)][column] = value
        items = reseal({**items, member: jsonl(rows)})
    path = write(tmp_path, pack(items), "typed.zip")
    report = verify_archive(path)
    _assert_answers(report)
    if report.contents.manifest is not None:  # the reader renders whatever it was given
        render_summary(load_archive(path, require_intact=False))
