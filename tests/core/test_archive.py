"""Retention archive of a closed batch: content, checksums, privacy, audit, refusals."""

from __future__ import annotations

import hashlib
import io
import json
import sys
import zipfile
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from models.archive.export import FORMAT, ArchiveError, BatchNotClosedError, export_batch_archive
from models.archive.verify import verify_archive
from models.chain.consent_errors import ConsentNotCoveredError
from models.chain.consent_records import ConsentInput
from models.chain.consent_scope import ConsentScope, SignerKind
from models.cli.app import run
from models.core import Core
from models.entities.audit import AuditEntry
from models.entities.base import utcnow
from models.entities.materials import LotStatus
from models.entities.parties import DonorType, ScreeningOutcome
from models.entities.production import Batch, ProductCategory, ProductType, ProductUnit
from models.entities.quality import DeviationClass
from models.kernel.audit import verify_chain
from models.kernel.errors import PermissionDeniedError
from models.quality.catalogue import msc_tests
from models.quality.deviations import DeviationInput
from models.quality.materials import LotReceipt
from models.quality.retained import SampleInput
from tests.chain.conftest import Flow, add_site_config, ago, give_consent
from tests.conftest import ATTESTED, PASSWORD
from tests.fakes.printers import RecordingPrinter
from tests.labeling.conftest import approve_defaults
from tests.labeling.flow import labels_of, verify
from tests.quality.conftest import Env, FakeLabels, record_panel

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


def test_auditor_may_archive_and_the_cli_writes_the_file(
    flow: Flow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    batch, _ = _closed_batch(flow)
    target = tmp_path / "cli.zip"
    db = str(flow.core.engine.url)
    argv = ["archive", batch, "-o", str(target), "--user", "sun", "--password-stdin", "--db", db]
    monkeypatch.setattr(sys, "stdin", io.StringIO("not-sun's-password\n"))
    assert run(argv) == 2  # the name alone archives nothing
    assert not target.exists()
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{PASSWORD}\n"))
    assert run(argv) == 0
    with zipfile.ZipFile(target) as archive:
        assert json.loads(archive.read("manifest.json"))["actor"] == "sun"


@pytest.mark.req("R-SYS-05")
def test_an_open_batch_is_refused(flow: Flow, tmp_path: Path) -> None:
    batch, _ = _open_batch(flow)  # the unit is still in stock
    target = tmp_path / "open.zip"
    with pytest.raises(BatchNotClosedError) as err:
        export_batch_archive(flow.core, batch_number=batch, destination=target, actor="chen")
    assert "in_stock" in str(err.value) and err.value.message("zh").startswith("批次")
    assert not target.exists()


@pytest.mark.req("R-PRV-04")
def test_a_donor_who_did_not_agree_to_sharing_keeps_the_records_in(
    flow: Flow, tmp_path: Path
) -> None:
    batch, _ = _closed_batch(flow)
    narrower = ConsentInput(
        "D-1",
        "ICF-2.0",
        ago(0.1),
        SignerKind.DONOR,
        "D",
        set(ConsentScope) - {ConsentScope.SHARING},
    )
    flow.core.chain.consents.record(actor="wang", password=PASSWORD, data=narrower)
    target = tmp_path / "x.zip"
    with pytest.raises(ConsentNotCoveredError) as refused:
        export_batch_archive(flow.core, batch_number=batch, destination=target, actor="chen")
    assert refused.value.params["scope"] == "sharing" and "数据共享" in refused.value.message("zh")
    assert not target.exists()


def test_an_operator_may_not_archive(flow: Flow, tmp_path: Path) -> None:
    batch, _ = _closed_batch(flow)
    with pytest.raises(PermissionDeniedError):
        export_batch_archive(
            flow.core, batch_number=batch, destination=tmp_path / "x.zip", actor="wang"
        )


@pytest.mark.req("R-CSV-20")
def test_a_broken_audit_chain_is_refused(flow: Flow, tmp_path: Path) -> None:
    batch, _ = _closed_batch(flow)
    with flow.core.engine.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER audit_entry_no_update")
        conn.exec_driver_sql("UPDATE audit_entry SET reason = 'edited' WHERE seq = 3")
    target = tmp_path / "broken.zip"
    with pytest.raises(ArchiveError, match="broken at entry 3"):
        export_batch_archive(flow.core, batch_number=batch, destination=target, actor="chen")
    assert not target.exists()


# --- a complete batch, built through the services ---------------------------------------


@dataclass
class Built:
    batch: str
    batch_id: int
    units: list[str]  # the filled units; units[1] was split, and one part relabelled
    children: list[str]  # the two doses given
    other_batch: str  # another donor's batch sharing the reagent lot: none of it may leak


def _id(core: Core, entity: Any, **where: object) -> int:
    with core.uow() as uow:
        query = select(entity.id).filter_by(**where)
        return int(uow.session.scalars(query).one())


def _materials(core: Core) -> int:
    """An approved supplier and a released reagent lot; returns the lot id."""
    materials = core.quality.materials
    supplier = materials.add_supplier(
        actor="wang", code="SUP-1", name="Medium Co", manufacturer=None
    )
    materials.approve_supplier(supplier_id=supplier, username="chen", password=PASSWORD)
    receipt = LotReceipt(
        internal_lot="M-2503",
        material_code="MED-SF",
        material_name="serum-free medium",
        category="medium",
        supplier_id=supplier,
        supplier_lot="S-77",
        quantity=10,
        quantity_unit="bottle",
        expires_at=utcnow() + timedelta(days=200),
    )
    lot = materials.receive_lot(actor="wang", receipt=receipt)
    materials.set_lot_status(
        lot_id=lot, status=LotStatus.RELEASED, username="chen", password=PASSWORD
    )
    return lot


def _label_all(core: Core, batch_id: int, unit_ids: list[int]) -> None:
    """Print, double-check and apply a label on every unit, so the batch reconciles."""
    templates = approve_defaults(core)
    job = core.labeling.request_labels(
        batch_id=batch_id,
        template_id=templates["LT-BAG"],
        unit_ids=unit_ids,
        printer_address="memory://recording",
        station="C-201/BSC-02",
        actor="wang",
    )
    core.labeling.print_job(job_id=job, printer=RecordingPrinter(), actor="wang")
    for label in labels_of(core, job):
        assert verify(core, label.id)
        core.labeling.apply_label(label_id=label.id, actor="wang")


def _filled_batch(flow: Flow, collection: str, count: int) -> tuple[str, list[str]]:
    """Flow.filled_batch, harvested on a whole minute: labels carry HHMM and the double-check
    compares microseconds too (see the report on models/labeling/build.py)."""
    return flow.filled_batch(
        collection, count, harvest_at=ago(150).replace(second=0, microsecond=0)
    )


def build_complete_batch(flow: Flow) -> Built:
    """Donor (screened, consented) → collection → batch with a process step, a reagent lot,
    the full QC panel, a closed unit deviation, a retained sample and reconciled labels →
    QA release → one unit administered, the other split and both parts administered →
    recalled afterwards.  The donor's consent is signed at the station (every use, sharing
    included: the archive export asks for it)."""
    core, q = flow.core, flow.core.quality
    product = _id(core, ProductType, code="S1389")
    spec = q.specifications.create_version(
        actor="chen", code="SPEC-S1389", product_type_id=product, title="MSC", tests=msc_tests()
    )
    q.specifications.approve(spec_id=spec, username="li", password=PASSWORD)
    lot = _materials(core)
    flow.eligible_donor("D-1")
    give_consent(core, "D-1")
    flow.accepted_collection("D-1", "CL-D-1")
    batch, units = _filled_batch(flow, "CL-D-1", 2)
    batch_id = _id(core, Batch, number=batch)
    unit_ids = [_id(core, ProductUnit, din=u) for u in units]
    q.materials.issue_to_batch(lot_id=lot, batch_id=batch_id, quantity=1, actor="wang")
    step = core.steps.record_step(
        batch_id=batch_id, name="harvest", data={"cells": 1e8}, username="wang", password=PASSWORD
    )
    core.steps.verify_step(step_id=step, username="zhao", password=PASSWORD)
    record_panel(Env(core, q, FakeLabels()), batch_id, ProductCategory.MSC)
    deviation = q.deviations.open(
        actor="wang",
        data=DeviationInput(
            title="bag 2 label smudged", description="re-checked", unit_id=unit_ids[1]
        ),
    )
    q.deviations.record_investigation(
        deviation_id=deviation,
        actor="chen",
        investigation="printer ribbon",
        classification=DeviationClass.MINOR,
    )
    q.deviations.record_capa(deviation_id=deviation, actor="chen", capa="replace ribbon")
    q.deviations.close(deviation_id=deviation, username="li", password=PASSWORD)
    sample = SampleInput(
        batch_id=batch_id,
        code="RS-1",
        sample_type="final product",
        quantity=2,
        location="T-03/rack 2",
    )
    q.retained.register(actor="wang", data=sample)
    _label_all(core, batch_id, unit_ids)
    q.release.release_batch(
        attestation=ATTESTED, batch_id=batch_id, username="chen", password=PASSWORD
    )

    flow.patient("P-1")
    flow.patient("P-2")
    flow.ship_and_receive("SH-1", [units[0]], "P-1")
    flow.give(units[0], "P-1")
    flow.ship_and_receive("SH-2", [units[1]], "P-2")
    genealogy, witness = flow.c.genealogy, {"verifier": "zhao", "verifier_password": PASSWORD}
    parts = genealogy.split(actor="liu", unit_code=units[1], parts=2, reason="two doses", **witness)
    relabelled = genealogy.relabel(actor="liu", unit_code=parts[1], reason="smudged", **witness)
    children = [parts[0], relabelled]
    for child in children:
        flow.give(child, "P-2")
    flow.c.recalls.initiate(actor="chen", password=PASSWORD, identifier=batch, reason="lookback")

    other, _ = flow.released_batch("D-2", 1)
    other_id = _id(core, Batch, number=other)
    q.materials.issue_to_batch(lot_id=lot, batch_id=other_id, quantity=1, actor="wang")
    q.retained.register(
        actor="wang",
        data=SampleInput(
            batch_id=other_id,
            code="RS-OTHER",
            sample_type="final product",
            quantity=1,
            location="T-03",
        ),
    )
    q.deviations.open(
        actor="wang", data=DeviationInput(title="other", description="x", batch_id=other_id)
    )
    return Built(batch, batch_id, units, children, other)


def _rows(archive: zipfile.ZipFile, table: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in archive.read(f"records/{table}.jsonl").splitlines()]


@pytest.mark.req("R-PRD-04")
def test_every_record_hanging_off_the_batch_is_archived(flow: Flow, tmp_path: Path) -> None:
    built = build_complete_batch(flow)
    target = tmp_path / "complete.zip"
    manifest = export_batch_archive(
        flow.core, batch_number=built.batch, destination=target, actor="chen"
    )

    expected = {  # table → (column, the values the batch's rows must have there)
        "batch": ("number", {built.batch}),
        "collection": ("code", {"CL-D-1"}),
        "donor": ("code", {"D-1"}),
        "screening_result": ("test", {"HBsAg"}),
        "consent": ("form_version", {"ICF-1.0"}),
        "product_type": ("code", {"S1389"}),
        "product_unit": ("division", {"00", "A0", "B0"}),
        "unit_link": ("kind", {"split", "relabel"}),
        "process_step": ("name", {"harvest"}),
        "material_usage": ("used_by", {"wang"}),
        "material_lot": ("internal_lot", {"M-2503"}),
        "supplier": ("code", {"SUP-1"}),
        "qc_result": ("batch_id", {built.batch_id}),
        "specification": ("code", {"SPEC-S1389"}),
        "specification_test": ("test", {t.test for t in msc_tests()}),
        "release_record": ("kind", {"standard"}),
        "deviation": ("title", {"bag 2 label smudged"}),
        "retained_sample": ("code", {"RS-1"}),
        "print_job": ("batch_id", {built.batch_id}),
        "printed_label": ("state", {"applied"}),
        "label_template": ("code", {"LT-BAG"}),
        "shipment": ("code", {"SH-1", "SH-2"}),
        "thaw": ("performed_by", {"liu"}),
        "administration": ("administered_by", {"liu"}),
        "recall": ("reason", {"lookback"}),
        "recall_item": (
            "location_at_recall",
            {"administered to P-1", "administered to P-2", "transformed"},
        ),
        "recipient": ("code", {"P-1", "P-2"}),
        "storage_location": ("code", {"T-03"}),
        "site": ("code", {"TJ-CTF", "HOSP-A", "HOSP-B"}),
    }
    with zipfile.ZipFile(target) as archive:
        for table, (column, values) in expected.items():
            rows = _rows(archive, table)
            assert {r[column] for r in rows} == values, table
            assert manifest.row_counts[table] == len(rows), table
        assert len(_rows(archive, "product_unit")) == 5  # 2 filled, 2 parts, 1 relabelled part
        assert len(_rows(archive, "administration")) == 3
        assert len(_rows(archive, "recall_item")) == 5
        assert {r["kind"] for r in _rows(archive, "custody_event")} >= {"dispatch", "receipt"}
        lots_used = {r["lot_id"] for r in _rows(archive, "material_usage")}
        assert len(_rows(archive, "material_usage")) == 1 and len(lots_used) == 1
        everything = b"".join(archive.read(n) for n in archive.namelist())
        assert built.other_batch.encode() not in everything  # nothing of the other batch
        assert b"RS-OTHER" not in everything and b"D-2" not in everything
        signatures = _rows(archive, "signature")
        kinds = {(s["subject_type"], s["meaning"]) for s in signatures}
        for kind in [
            ("batch", "released"),
            ("deviation", "approved"),
            ("material_lot", "approved"),
            ("supplier", "approved"),
            ("specification", "approved"),
            ("process_step", "verified"),
            ("unit_link", "verified"),
            ("recall", "approved"),
            ("label_template", "approved"),
        ]:
            assert kind in kinds, kind
        audit = [json.loads(line) for line in archive.read("audit.jsonl").splitlines()]
        subjects = {(a["subject_type"], a["subject_id"]) for a in audit}
        for subject in [
            ("screening_result", "D-1/HBsAg"),
            ("material_lot", "M-2503"),
            ("supplier", "SUP-1"),
            ("retained_sample", "RS-1"),
            ("specification", "SPEC-S1389 v1"),
            ("unit_link", built.units[1]),
        ]:
            assert subject in subjects, subject
        assert not any(a["subject_type"] == "user" for a in audit)
        assert not any(n.startswith("records/") and "identity" in n for n in archive.namelist())
    report = verify_archive(target, live_url=str(flow.core.engine.url))
    assert report.intact, [p.message() for p in report.problems]


def test_export_and_verification_on_every_backend(any_core: Core, tmp_path: Path) -> None:
    """Timestamps come back differently from SQLite and PostgreSQL; the archived audit
    entries must recompute either way, and the live cross-check must agree."""
    add_site_config(any_core)
    batch, _ = _closed_batch(Flow(any_core))
    target = tmp_path / "backend.zip"
    export_batch_archive(any_core, batch_number=batch, destination=target, actor="chen")
    url = any_core.engine.url.render_as_string(hide_password=False)
    report = verify_archive(target, live_url=url)
    assert report.intact and report.live_checked, [p.message() for p in report.problems]
