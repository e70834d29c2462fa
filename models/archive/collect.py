"""Which rows hang off one batch: what a retention archive of it holds (see models.archive.export).

Starting from the batch, its units and every unit derived from them, it walks outwards to
everything a regulator may ask about: the donor and their screening and consent, the
collection, pool sources, processing, materials and their suppliers, QC and the
specification judged against, deviations, release, retained samples, labels and their
templates, storage, shipments and custody, thaw, administration, recalls, recipients and
the sites involved.  Identity tables (names, ID numbers) are never read.

Alongside the rows it gathers ``subjects``: per table, every identifier under which the
audit trail and signatures name an archived row (the row id, and codes such as a batch
number, a DIN or "donor/test").  The same keys select the audit entries and signatures,
and are written to the archive so the verifier can apply the same rule offline.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, Table, select
from sqlalchemy.orm import Session

from models.archive.backup import encode_value
from models.archive.format import PERSONAL_DATA_TABLES, matches, split_subject
from models.chain.lookup import unit_code
from models.cleanroom.line_clearance import clearance_ref
from models.entities.accounts import Signature
from models.entities.audit import AuditEntry
from models.entities.labeling import LabelTemplate, PrintedLabel, PrintJob
from models.entities.logistics import (
    Administration,
    CustodyEvent,
    Recall,
    RecallItem,
    Shipment,
    ShipmentItem,
    StorageLocation,
    Thaw,
)
from models.entities.materials import MaterialLot, MaterialUsage, RetainedSample, Supplier
from models.entities.parties import Consent, Donor, Recipient, ScreeningResult, Site
from models.entities.production import (
    Batch,
    BatchSource,
    Collection,
    ProcessStep,
    ProductType,
    ProductUnit,
    UnitLink,
)
from models.entities.quality import (
    Deviation,
    QcResult,
    ReleaseRecord,
    Specification,
    SpecificationTest,
)
from models.entities.workspaces import LineClearance, Workspace, WorkspaceUse

Keys = Callable[[Any], Iterable[object]]


@dataclass
class Collected:
    """Rows per table, in the order they are written, and the audit subjects they stand for."""

    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    subjects: dict[str, set[str]] = field(default_factory=dict)
    signature_ids: set[int] = field(default_factory=set)
    tables: dict[str, Table] = field(default_factory=dict)

    def add(self, entity: type[Any], records: Iterable[Any], keys: Keys | None = None) -> None:
        table: Table = entity.__table__
        if table.name in PERSONAL_DATA_TABLES:  # defence in depth: never, whatever the caller
            raise ValueError(f"{table.name} holds personal data and is never archived")
        self.tables[table.name] = table
        bucket = self.rows.setdefault(table.name, [])
        subjects = self.subjects.setdefault(table.name, set())
        seen = {row["id"] for row in bucket}
        for record in records:
            row = {c.key: getattr(record, _attr(record, c.key)) for c in table.columns}
            if row["id"] in seen:
                continue
            seen.add(row["id"])
            bucket.append({k: encode_value(v) for k, v in row.items()})
            subjects.add(str(row["id"]))
            subjects.update(str(key) for key in (keys(record) if keys else ()))
            for name, value in row.items():
                if name.endswith("signature_id") and value is not None:
                    self.signature_ids.add(int(value))

    def alias(self, subject_type: str, keys: Iterable[object]) -> None:
        """Entries filed under a name that is not a table (e.g. a witnessed label destruction)."""
        self.subjects.setdefault(subject_type, set()).update(str(k) for k in keys)

    def ids(self, entity: type[Any]) -> set[int]:
        return {int(r["id"]) for r in self.rows.get(entity.__table__.name, [])}


def _attr(record: Any, column_key: str) -> str:
    mapper = type(record).__mapper__
    return str(mapper.get_property_by_column(mapper.local_table.c[column_key]).key)


def units_with_derived(session: Session, batch: Batch) -> list[ProductUnit]:
    """The batch's units and, transitively, every unit split, pooled or relabelled from them."""
    units = {
        u.id: u
        for u in session.scalars(select(ProductUnit).where(ProductUnit.batch_id == batch.id))
    }
    frontier = set(units)
    while frontier:
        children = set(
            session.scalars(
                select(UnitLink.child_unit_id).where(UnitLink.parent_unit_id.in_(frontier))
            )
        ) - set(units)
        for child in session.scalars(select(ProductUnit).where(ProductUnit.id.in_(children))):
            units[child.id] = child
        frontier = children
    return [units[k] for k in sorted(units)]


def _all(session: Session, query: Select[Any]) -> list[Any]:
    return list(session.scalars(query))


def _by_id(session: Session, entity: Any, ids: Iterable[int | None]) -> list[Any]:
    wanted = {i for i in ids if i is not None}
    return _all(session, select(entity).where(entity.id.in_(wanted)).order_by(entity.id))


def collect(session: Session, batch: Batch, units: list[ProductUnit]) -> Collected:
    out = Collected()
    sources = _all(
        session, select(BatchSource).where(BatchSource.pool_batch_id == batch.id).order_by("id")
    )
    # The batch itself, the batches pooled into it and those its units were pooled into:
    # their rows (not their contents) so every unit's batch and every source resolves.
    batches = [batch] + _by_id(
        session,
        Batch,
        {s.source_batch_id for s in sources} | {u.batch_id for u in units} - {batch.id},
    )
    out.add(Batch, batches, lambda b: [b.number])
    out.add(BatchSource, sources)
    out.add(ProductType, _by_id(session, ProductType, {b.product_type_id for b in batches}))
    collections = _by_id(session, Collection, {b.collection_id for b in batches})
    out.add(Collection, collections, lambda c: [c.code])
    _collect_donors(session, out, {c.donor_id for c in collections})
    out.add(ProductUnit, units, lambda u: [u.din, unit_code(u)])
    _collect_links(session, out, [u.id for u in units])
    _collect_production(session, out, batch.id)
    _collect_workspaces(session, out, batch.id)
    _collect_quality(session, out, batch.id, [u.id for u in units])
    _collect_labels(session, out, batch.id, [u.id for u in units])
    _collect_logistics(session, out, [u.id for u in units])
    _collect_places(session, out, units, collections)
    return out


def _collect_donors(session: Session, out: Collected, donor_ids: set[int]) -> None:
    donors = _by_id(session, Donor, donor_ids)
    code = {d.id: d.code for d in donors}
    out.add(Donor, donors, lambda d: [d.code])
    screenings = _all(
        session,
        select(ScreeningResult)
        .where(ScreeningResult.donor_id.in_(donor_ids))
        .order_by(ScreeningResult.id),
    )
    out.add(ScreeningResult, screenings, lambda s: [f"{code[s.donor_id]}/{s.test}"])
    out.add(
        Consent,
        _all(session, select(Consent).where(Consent.donor_id.in_(donor_ids)).order_by(Consent.id)),
    )


def _collect_links(session: Session, out: Collected, unit_ids: list[int]) -> None:
    links = _all(
        session,
        select(UnitLink)
        .where(UnitLink.parent_unit_id.in_(unit_ids) | UnitLink.child_unit_id.in_(unit_ids))
        .order_by(UnitLink.id),
    )
    # a transformation is audited and signed under the codes of the units it consumed
    parents = {
        u.id: unit_code(u) for u in _by_id(session, ProductUnit, {k.parent_unit_id for k in links})
    }
    out.add(UnitLink, links, lambda k: [parents[k.parent_unit_id]])


def _collect_production(session: Session, out: Collected, batch_id: int) -> None:
    for entity in (ProcessStep, QcResult, ReleaseRecord):
        out.add(
            entity,
            _all(session, select(entity).where(entity.batch_id == batch_id).order_by(entity.id)),
        )
    usages = _all(
        session,
        select(MaterialUsage).where(MaterialUsage.batch_id == batch_id).order_by(MaterialUsage.id),
    )
    out.add(MaterialUsage, usages)
    lots = _by_id(session, MaterialLot, {u.lot_id for u in usages})
    out.add(MaterialLot, lots, lambda m: [m.internal_lot])
    out.add(Supplier, _by_id(session, Supplier, {m.supplier_id for m in lots}), lambda s: [s.code])
    samples = _all(
        session,
        select(RetainedSample)
        .where(RetainedSample.batch_id == batch_id)
        .order_by(RetainedSample.id),
    )
    out.add(RetainedSample, samples, lambda s: [s.code])


def _collect_workspaces(session: Session, out: Collected, batch_id: int) -> None:
    """Where the batch was made (R-SEG): its stays in workspaces, the signed clearance that
    let each stay start, and the clearance recorded after it left (previous batch = it)."""
    uses = _all(
        session,
        select(WorkspaceUse).where(WorkspaceUse.batch_id == batch_id).order_by(WorkspaceUse.id),
    )
    clearances = _all(
        session,
        select(LineClearance)
        .where(
            LineClearance.id.in_([u.clearance_id for u in uses])
            | (LineClearance.previous_batch_id == batch_id)
        )
        .order_by(LineClearance.id),
    )
    workspaces = _by_id(
        session, Workspace, {u.workspace_id for u in uses} | {c.workspace_id for c in clearances}
    )
    code = {w.id: w.code for w in workspaces}
    out.add(Workspace, workspaces, lambda w: [w.code])
    out.add(WorkspaceUse, uses)
    out.add(LineClearance, clearances, lambda c: [clearance_ref(code[c.workspace_id], c.number)])


def _collect_quality(session: Session, out: Collected, batch_id: int, unit_ids: list[int]) -> None:
    qc_ids = out.ids(QcResult)
    spec_tests = _by_id(
        session, SpecificationTest, {int(r["spec_test_id"] or 0) for r in out.rows["qc_result"]}
    )
    spec_ids = {t.specification_id for t in spec_tests} | {
        r["specification_id"] for r in out.rows["release_record"]
    }
    specs = _by_id(session, Specification, spec_ids)
    out.add(Specification, specs, lambda s: [f"{s.code} v{s.version}"])
    # every test of the specification: the full set of limits the batch was judged against
    out.add(
        SpecificationTest,
        _all(
            session,
            select(SpecificationTest)
            .where(SpecificationTest.specification_id.in_(out.ids(Specification)))
            .order_by(SpecificationTest.id),
        ),
    )
    job_deviations = select(PrintJob.deviation_id).where(PrintJob.batch_id == batch_id)
    deviations = _all(
        session,
        select(Deviation)
        .where(
            (Deviation.batch_id == batch_id)
            | Deviation.unit_id.in_(unit_ids)
            | Deviation.qc_result_id.in_(qc_ids)
            | Deviation.material_lot_id.in_(out.ids(MaterialLot))
            | Deviation.id.in_(job_deviations.scalar_subquery())
        )
        .order_by(Deviation.id),
    )
    out.add(Deviation, deviations, lambda d: [d.code])


def _collect_labels(session: Session, out: Collected, batch_id: int, unit_ids: list[int]) -> None:
    job_ids = set(session.scalars(select(PrintJob.id).where(PrintJob.batch_id == batch_id)))
    labels = _all(
        session,
        select(PrintedLabel)
        .where(PrintedLabel.print_job_id.in_(job_ids) | PrintedLabel.unit_id.in_(unit_ids))
        .order_by(PrintedLabel.id),
    )
    # a derived unit's label may come from a job of the batch it was pooled into
    jobs = _by_id(session, PrintJob, job_ids | {label.print_job_id for label in labels})
    out.add(PrintJob, jobs)
    out.add(PrintedLabel, labels)
    out.add(LabelTemplate, _by_id(session, LabelTemplate, {j.template_id for j in jobs}))
    # a witnessed destruction is signed under "label_destruction" with the label ids
    out.alias("label_destruction", out.ids(PrintedLabel))


def _collect_logistics(session: Session, out: Collected, unit_ids: list[int]) -> None:
    items = _all(
        session,
        select(ShipmentItem).where(ShipmentItem.unit_id.in_(unit_ids)).order_by(ShipmentItem.id),
    )
    shipments = _by_id(session, Shipment, {i.shipment_id for i in items})
    codes = {s.id: s.code for s in shipments}
    out.add(Shipment, shipments, lambda s: [s.code])
    out.add(ShipmentItem, items)
    events = _all(
        session,
        select(CustodyEvent)
        .where(
            CustodyEvent.unit_id.in_(unit_ids)
            | (CustodyEvent.shipment_id.in_(list(codes)) & CustodyEvent.unit_id.is_(None))
        )
        .order_by(CustodyEvent.id),
    )
    out.add(
        CustodyEvent, events, lambda e: [codes[e.shipment_id]] if e.shipment_id in codes else []
    )
    out.add(Thaw, _all(session, select(Thaw).where(Thaw.unit_id.in_(unit_ids)).order_by(Thaw.id)))
    administrations = _all(
        session,
        select(Administration)
        .where(Administration.unit_id.in_(unit_ids))
        .order_by(Administration.id),
    )
    out.add(Administration, administrations)
    recall_items = _all(
        session,
        select(RecallItem).where(RecallItem.unit_id.in_(unit_ids)).order_by(RecallItem.id),
    )
    out.add(
        Recall, _by_id(session, Recall, {i.recall_id for i in recall_items}), lambda r: [r.code]
    )
    out.add(RecallItem, recall_items)


def _collect_places(
    session: Session, out: Collected, units: list[ProductUnit], collections: list[Collection]
) -> None:
    """Recipients, storage locations and sites the archived rows point at."""
    intended = {u.intended_recipient_id for u in units}
    given = {int(r["recipient_id"]) for r in out.rows["administration"]}
    recipients = _by_id(session, Recipient, intended | given)
    out.add(Recipient, recipients, lambda r: [r.code])
    location_ids = {u.storage_location_id for u in units} | {
        r["location_id"] for r in out.rows["custody_event"]
    }
    locations: dict[int, StorageLocation] = {}
    while location_ids:  # and their parents, so a position reads as tank / rack / box
        found = _by_id(session, StorageLocation, location_ids)
        locations.update({loc.id: loc for loc in found})
        location_ids = {loc.parent_id for loc in found} - set(locations)
    out.add(StorageLocation, [locations[k] for k in sorted(locations)], lambda s: [s.code])
    site_ids = (
        {c.site_id for c in collections}
        | {u.site_id for u in units}
        | {r.hospital_id for r in recipients}
        | {loc.site_id for loc in locations.values()}
        | {int(r["destination_site_id"]) for r in out.rows["shipment"]}
    )
    out.add(Site, _by_id(session, Site, site_ids), lambda s: [s.code])


def signature_rows(session: Session, collected: Collected) -> list[dict[str, Any]]:
    """Signatures about archived rows, or referenced by one of their *_signature_id columns.

    A signature found only through a column may be filed under a subject the keys do not
    name yet; its subject is added so that its signing audit entry is archived with it.
    """
    types = [t for t, keys in collected.subjects.items() if keys]
    rows = []
    for sig in session.scalars(
        select(Signature)
        .where(Signature.subject_type.in_(types) | Signature.id.in_(collected.signature_ids))
        .order_by(Signature.id)
    ):
        about = matches(collected.subjects, sig.subject_type, sig.subject_id)
        if about or sig.id in collected.signature_ids:
            rows.append(_row(Signature.__table__, sig))
            if not about:
                collected.alias(sig.subject_type, split_subject(sig.subject_id))
    return rows


def audit_rows(session: Session, collected: Collected, last_seq: int) -> list[dict[str, Any]]:
    """The entries about archived rows, up to the chain head the export verified."""
    types = [t for t, keys in collected.subjects.items() if keys]
    return [
        _row(AuditEntry.__table__, entry)
        for entry in session.scalars(
            select(AuditEntry)
            .where(AuditEntry.subject_type.in_(types), AuditEntry.seq <= last_seq)
            .order_by(AuditEntry.seq)
        )
        if matches(collected.subjects, entry.subject_type, entry.subject_id)
    ]


def _row(table: Any, record: Any) -> dict[str, Any]:
    return {c.key: encode_value(getattr(record, c.key)) for c in table.columns}
