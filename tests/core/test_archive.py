"""Retention archive of a closed batch: content, checksums, privacy, audit, refusals."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest

from models.archive import FORMAT, ArchiveError, BatchNotClosedError, export_batch_archive
from models.audit import verify_chain
from models.cli import run
from models.core import Core
from models.entities.audit import AuditEntry
from models.entities.parties import DonorType, ScreeningOutcome
from models.errors import PermissionDeniedError
from tests.chain.conftest import Flow, add_site_config, ago

DONOR_NAME = "Huang Meiling"
PATIENT_NAME = "Zhang Xiaoming"


@pytest.fixture
def flow(core: Core) -> Flow:
    add_site_config(core)
    return Flow(core)


def _closed_batch(flow: Flow) -> tuple[str, list[str]]:
    """One unit, released, shipped and administered: the batch is closed."""
    batch, units = _open_batch(flow)
    flow.ship_and_receive("SH-1", units, "P-1")
    flow.give(units[0], "P-1")
    return batch, units


def _open_batch(flow: Flow) -> tuple[str, list[str]]:
    donors = flow.core.chain.donors
    donors.register_donor(
        actor="wang", code="D-1", donor_type=DonorType.ALLOGENEIC, full_name=DONOR_NAME
    )
    for days in (200, 100):
        donors.record_screening(
            actor="wang",
            donor_code="D-1",
            test="HBsAg",
            outcome=ScreeningOutcome.NEGATIVE,
            sampled_at=ago(days),
        )
    flow.accepted_collection("D-1", "CL-D-1")
    batch, units = flow.filled_batch("CL-D-1", 1)
    flow.release(batch)
    donors.register_recipient(
        actor="liu", code="P-1", initials="ZXM", hospital_code="HOSP-B", full_name=PATIENT_NAME
    )
    return batch, units


def test_archive_of_a_closed_batch(flow: Flow, tmp_path: Path) -> None:
    core = flow.core
    batch, units = _closed_batch(flow)
    target = tmp_path / "archive.zip"
    manifest = export_batch_archive(core, batch_number=batch, destination=target, actor="chen")

    assert manifest.format == FORMAT and manifest.batch == batch and manifest.actor == "chen"
    with zipfile.ZipFile(target) as archive:
        names = set(archive.namelist())
        raw = json.loads(archive.read("manifest.json"))
        assert raw["member_sha256"] == manifest.member_sha256
        assert names == set(manifest.member_sha256) | {"manifest.json"}
        for member, digest in manifest.member_sha256.items():
            assert hashlib.sha256(archive.read(member)).hexdigest() == digest
        for member in (
            "trace.json",
            "audit.jsonl",
            "records/batch.jsonl",
            "records/collection.jsonl",
            "records/donor.jsonl",
            "records/product_unit.jsonl",
            "records/shipment.jsonl",
            "records/custody_event.jsonl",
            "records/thaw.jsonl",
            "records/administration.jsonl",
            "records/recipient.jsonl",
            "records/signature.jsonl",
        ):
            assert member in names, member
        assert not any("identity" in n for n in names)
        everything = b"".join(archive.read(n) for n in names)
        assert DONOR_NAME.encode() not in everything
        assert PATIENT_NAME.encode() not in everything

        trace = json.loads(archive.read("trace.json"))
        assert trace["focus"] == batch
        audit = [json.loads(line) for line in archive.read("audit.jsonl").splitlines()]
        subjects = {(a["subject_type"], a["subject_id"]) for a in audit}
        assert ("batch", batch) in subjects
        assert ("donor", "D-1") in subjects and ("collection", "CL-D-1") in subjects
        assert ("recipient", "P-1") in subjects and ("shipment", "SH-1") in subjects
        assert ("product_unit", units[0]) in subjects
        assert any(a["subject_type"] == "administration" for a in audit)
        assert not any(a["subject_type"] == "user" for a in audit)
        signatures = archive.read("records/signature.jsonl").splitlines()
        assert any(json.loads(s)["subject_type"] == "administration" for s in signatures)
        unit_rows = [json.loads(r) for r in archive.read("records/product_unit.jsonl").splitlines()]
        assert [u["disposition"] for u in unit_rows] == ["administered"]

    with core.uow() as uow:
        report = verify_chain(uow.session)
        assert report.intact
        last = uow.session.get(AuditEntry, report.last_seq)
        assert last is not None
        assert (last.action, last.subject_type, last.subject_id) == ("export", "batch", batch)
        assert report.last_seq == manifest.audit_last_seq + 1


def test_auditor_may_archive_and_the_cli_writes_the_file(flow: Flow, tmp_path: Path) -> None:
    batch, _ = _closed_batch(flow)
    target = tmp_path / "cli.zip"
    db = str(flow.core.engine.url)
    assert run(["archive", batch, "-o", str(target), "--user", "sun", "--db", db]) == 0
    with zipfile.ZipFile(target) as archive:
        assert json.loads(archive.read("manifest.json"))["actor"] == "sun"


def test_an_open_batch_is_refused(flow: Flow, tmp_path: Path) -> None:
    batch, _ = _open_batch(flow)  # the unit is still in stock
    target = tmp_path / "open.zip"
    with pytest.raises(BatchNotClosedError) as err:
        export_batch_archive(flow.core, batch_number=batch, destination=target, actor="chen")
    assert "in_stock" in str(err.value) and err.value.message("zh").startswith("批次")
    assert not target.exists()


def test_an_operator_may_not_archive(flow: Flow, tmp_path: Path) -> None:
    batch, _ = _closed_batch(flow)
    with pytest.raises(PermissionDeniedError):
        export_batch_archive(
            flow.core, batch_number=batch, destination=tmp_path / "x.zip", actor="wang"
        )


def test_a_broken_audit_chain_is_refused(flow: Flow, tmp_path: Path) -> None:
    batch, _ = _closed_batch(flow)
    with flow.core.engine.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER audit_entry_no_update")
        conn.exec_driver_sql("UPDATE audit_entry SET reason = 'edited' WHERE seq = 3")
    target = tmp_path / "broken.zip"
    with pytest.raises(ArchiveError, match="broken at entry 3"):
        export_batch_archive(flow.core, batch_number=batch, destination=target, actor="chen")
    assert not target.exists()
