"""Finding chain records by what people scan or type, shared by the chain services."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.entities.logistics import Shipment, StorageLocation
from models.entities.parties import Donor, Recipient, Site
from models.entities.production import Batch, Collection, ProductType, ProductUnit
from models.isbt128 import (
    DinScan,
    Isbt128Error,
    ProductCodeScan,
    ProductDivisionsNeededError,
    parse_scan,
)
from models.kernel.errors import NotFoundError, ValidationError
from models.kernel.rows import check_held

T = TypeVar("T")


def _by_code(session: Session, cls: type[T], column: Any, value: str, kind: str) -> T:
    found = session.execute(select(cls).where(column == value.strip())).scalar_one_or_none()
    if found is None:
        raise NotFoundError(kind=kind, ident=value)
    check_held(session, found)  # an actor acts only on what their site holds
    return found


def require_unused(session: Session, column: Any, code: str, field: str = "code") -> None:
    """Codes are unique: a second record under the same code is refused before it is added."""
    if session.scalar(select(column).where(column == code)) is not None:
        raise ValidationError(field=field, reason=f"{code!r} already exists")


def donor(session: Session, code: str) -> Donor:
    return _by_code(session, Donor, Donor.code, code, "donor")


def site(session: Session, code: str) -> Site:
    return _by_code(session, Site, Site.code, code, "site")


def collection(session: Session, code: str) -> Collection:
    return _by_code(session, Collection, Collection.code, code, "collection")


def batch(session: Session, number: str) -> Batch:
    return _by_code(session, Batch, Batch.number, number, "batch")


def product_type(session: Session, code: str) -> ProductType:
    return _by_code(session, ProductType, ProductType.code, code, "product type")


def storage_location(session: Session, code: str) -> StorageLocation:
    return _by_code(session, StorageLocation, StorageLocation.code, code, "storage location")


def shipment(session: Session, code: str) -> Shipment:
    return _by_code(session, Shipment, Shipment.code, code, "shipment")


def recipient(session: Session, code: str) -> Recipient:
    """A recipient by code or enrolment number (wristbands carry either)."""
    text = code.strip()
    found = session.execute(
        select(Recipient).where((Recipient.code == text) | (Recipient.enrolment_no == text))
    ).scalar_one_or_none()
    if found is None:
        raise NotFoundError(kind="recipient", ident=text)
    return found


def unit_code(unit: ProductUnit) -> str:
    """The unit's unique human code: DIN, and the division when the product is divided."""
    return unit.din if unit.division == "00" else f"{unit.din}/{unit.division}"


def parse_unit_code(text: str) -> tuple[str, str | None]:
    """``DIN`` or ``DIN/division``; the DIN may be scanned data or typed with its K.  A whole
    scan is read first: a compound message or concatenated read may hold a ``/`` of its own
    (``=/`` PPIC, ``&/`` CoI) and gives its one DIN."""
    try:
        whole = parse_scan(text.strip())
    except Isbt128Error:
        whole = None
    if isinstance(whole, DinScan):
        return whole.din.number, None
    head, _, division = text.strip().partition("/")
    try:
        scan = parse_scan(head)
    except Isbt128Error:
        if len(head) == 13 and head.isalnum():  # the bare 13 characters, as stored
            return head.upper(), division or None
        raise
    if not isinstance(scan, DinScan):
        raise ValidationError(field="unit code", reason=f"{text!r} is not a DIN")
    return scan.din.number, division or None


def unit(session: Session, text: str, product_code_scan: str | None = None) -> ProductUnit:
    """The unit a DIN (plus division or product-code scan) names; ambiguity is refused."""
    din, division = parse_unit_code(text)
    query = select(ProductUnit).where(ProductUnit.din == din)
    if product_code_scan:
        scan = parse_scan(product_code_scan)
        if not isinstance(scan, ProductCodeScan):
            raise ValidationError(field="product code", reason="scan the product code bar code")
        if scan.product_code.divisions_in_ds032:
            # ST-001 §2.4.32: the division is in a DS032 read with it; units here carry a
            # two-character division, so such a code cannot pick one of them.
            raise ProductDivisionsNeededError(code=scan.product_code.content)
        query = query.where(ProductUnit.product_code == scan.product_code.content)
    if division:
        query = query.where(ProductUnit.division == division)
    found = list(session.scalars(query))
    if not found:
        raise NotFoundError(kind="product unit", ident=text)
    if len(found) > 1:
        live = [u for u in found if u.disposition.value != "transformed"]
        if len(live) != 1:
            raise ValidationError(
                field="unit", reason=f"DIN {din} has {len(found)} divisions; scan the product code"
            )
        check_held(session, live[0])
        return live[0]
    check_held(session, found[0])
    return found[0]
