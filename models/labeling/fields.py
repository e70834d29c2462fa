"""Every value a label may show, read from the record and formatted once (R-LBL-01).

Nothing here is typed at print time: a template names these fields, and the verifier later
compares the printed label with a fresh ``label_fields`` of the same unit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.entities.parties import Donor, DonorType, Recipient, Site
from models.entities.production import Batch, ProductUnit, QualityStatus
from models.i18n import render
from models.isbt128 import CoiIdentifier, Din, Isbt128Error, ProductCode
from models.isbt128.coi import DI as DS040
from models.isbt128.coi import coi_from_data
from models.kernel.db_purpose import banner, purpose_of
from models.kernel.errors import ValidationError
from models.kernel.rows import get_or_404
from models.kernel.site_time import site_zone


def _status(status: QualityStatus) -> str:
    """A label prints its status in both languages, from the catalogue's label_status.*."""
    code = f"label_status.{status.value}"
    return f"{render(code, 'en')} {render(code, 'zh')}"


@dataclass(frozen=True)
class LabelFields:
    """One unit's label values; ``text(name)`` gives what a text element prints."""

    unit_id: int
    din: Din  # flags included: 05 marks a repeat label, 12/13 a partial/attached pair
    product_code: ProductCode
    product_name_en: str
    product_name_zh: str
    batch_number: str
    donor_or_patient: str
    harvest_at: datetime  # site-local, aware
    expires_at: datetime  # site-local, aware
    quantity: str
    storage_en: str
    storage_zh: str
    status: str
    antibiotics: str
    biohazard: bool
    coi: str | None = None  # the batch's chain-of-identity id as stored (ISBT DS040 or not)
    facility: str = ""  # the facility that assigned the DIN, by name and FIN
    # (English, Chinese) "TEST — NOT FOR CLINICAL USE" of a training or validation database
    # (models/kernel/db_purpose.py); None in production. Not a template field: every label
    # of a test database carries it, whatever its template (models/labeling/banner.py).
    banner: tuple[str, str] | None = None

    @property
    def coi_identifier(self) -> CoiIdentifier | None:
        """The chain-of-identity id as ISBT 128 DS040, if it is one (an id a sponsor assigned
        in its own format is printed as text but cannot go into the ISBT 2-D symbol)."""
        if self.coi is None:
            return None
        try:
            return coi_from_data(DS040 + self.coi)
        except Isbt128Error:
            return None

    @property
    def texts(self) -> dict[str, str]:
        utc = self.expires_at.astimezone(ZoneInfo("UTC"))
        return {
            "din": self.din.format_eye_readable(),
            "product_code": self.product_code.content,
            "product_name_en": self.product_name_en,
            "product_name_zh": self.product_name_zh,
            "batch_number": self.batch_number,
            "donor_or_patient": self.donor_or_patient,
            "harvest": f"{self.harvest_at:%Y-%m-%d %H:%M} {self.harvest_at.tzname()}",
            "quantity": self.quantity,
            "storage_en": self.storage_en,
            "storage_zh": self.storage_zh,
            "expiry_local": f"{self.expires_at:%Y-%m-%d %H:%M} {self.expires_at.tzname()}",
            "expiry_utc": f"({utc:%Y-%m-%d %H:%M} UTC)",
            "status": self.status,
            "antibiotics": self.antibiotics,
            # DS040 needs K beside its printed text (ST-001 Table 30), but whether "CH" is part
            # of K's input is unconfirmed (standards §1.4), so no K is printed yet.
            "coi": self.coi or "-",
            "facility": self.facility,
        }

    def text(self, name: str) -> str:
        return self.texts[name]


# The names a template's text elements may reference (keys of ``LabelFields.texts``).
TEXT_FIELDS = frozenset(
    {
        "din",
        "product_code",
        "product_name_en",
        "product_name_zh",
        "batch_number",
        "donor_or_patient",
        "harvest",
        "quantity",
        "storage_en",
        "storage_zh",
        "expiry_local",
        "expiry_utc",
        "status",
        "antibiotics",
        "coi",
        "facility",
    }
)


def label_fields(session: Session, unit_id: int, flags: str = "00") -> LabelFields:
    """The unit's label values; ``flags`` are the DIN flag characters this label carries."""
    unit = get_or_404(session, ProductUnit, unit_id, "product unit")
    batch, zone = unit.batch, site_zone(session)
    if batch.harvest_at is None or unit.expires_at is None:
        raise ValidationError(
            field="label", reason=f"unit {unit.din} needs a harvest time and an expiry to label"
        )
    product = batch.product_type
    return LabelFields(
        unit_id=unit.id,
        din=Din(unit.din[:5], unit.din[5:7], unit.din[7:], flags),
        product_code=ProductCode(unit.product_code[:5], unit.product_code[5], unit.division),
        product_name_en=product.name_en,
        product_name_zh=product.name_zh,
        batch_number=batch.number,
        donor_or_patient=_donor_or_patient(session, batch),
        harvest_at=batch.harvest_at.astimezone(zone),
        expires_at=unit.expires_at.astimezone(zone),
        quantity=_quantity(unit),
        storage_en=product.storage_condition_en,
        storage_zh=product.storage_condition_zh,
        status=_status(unit.quality_status),
        antibiotics=f"Antibiotics 抗生素: {product.antibiotics or 'none 无'}",
        biohazard=_is_infectious(batch),
        coi=batch.coi_id,
        facility=_facility(session, unit.din[:5]),
        banner=_banner(session),
    )


def _facility(session: Session, fin: str) -> str:
    """The facility block of a label: whose FIN assigned the DIN (ST-001 §2.4.1)."""
    name = session.scalar(select(Site.name).where(Site.isbt_facility_code == fin).limit(1))
    return f"{name} FIN {fin}" if name else f"FIN {fin}"


def _banner(session: Session) -> tuple[str, str] | None:
    purpose = purpose_of(session)
    english, chinese = banner(purpose, "en"), banner(purpose, "zh")
    return (english, chinese) if english and chinese else None


def _donor(batch: Batch) -> Donor | None:
    return batch.collection.donor if batch.collection is not None else None


def _is_infectious(batch: Batch) -> bool:
    donor = _donor(batch)
    return bool(donor and donor.infectious)


def _donor_or_patient(session: Session, batch: Batch) -> str:
    """Pseudonymous by default (R-PRV): donor code, or patient initials + enrolment number."""
    donor = _donor(batch)
    if donor is None:
        return f"POOL 混合 {batch.number}"
    if donor.donor_type is DonorType.AUTOLOGOUS:
        patient = session.scalar(select(Recipient).where(Recipient.donor_id == donor.id))
        if patient is not None:
            return f"{patient.initials} {patient.enrolment_no or patient.code}"
    return donor.code


def _quantity(unit: ProductUnit) -> str:
    parts = []
    if unit.cell_count is not None:
        mantissa, exponent = f"{unit.cell_count:.2e}".split("e")
        parts.append(f"{mantissa}×10^{int(exponent)} cells 细胞")
    if unit.volume_ml is not None:
        parts.append(f"{unit.volume_ml:g} mL")
    return " / ".join(parts) or "-"
