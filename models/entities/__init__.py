"""All mapped entities; importing this package registers every table on Base.metadata."""

from models.entities.accounts import Role, Signature, SignatureMeaning, User, UserRole
from models.entities.audit import AuditChainHead, AuditEntry
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
from models.entities.parties import (
    Consent,
    Donor,
    DonorIdentity,
    Recipient,
    RecipientIdentity,
    ScreeningResult,
    Site,
)
from models.entities.production import (
    Batch,
    BatchSource,
    Collection,
    IdentifierSequence,
    ProcessStep,
    ProductType,
    ProductUnit,
    UnitLink,
)
from models.entities.quality import Deviation, QcResult

__all__ = [
    "Administration",
    "AuditChainHead",
    "AuditEntry",
    "Batch",
    "BatchSource",
    "Collection",
    "Consent",
    "CustodyEvent",
    "Deviation",
    "Donor",
    "DonorIdentity",
    "IdentifierSequence",
    "LabelTemplate",
    "PrintJob",
    "PrintedLabel",
    "ProcessStep",
    "ProductType",
    "ProductUnit",
    "QcResult",
    "Recall",
    "RecallItem",
    "Recipient",
    "RecipientIdentity",
    "Role",
    "ScreeningResult",
    "Shipment",
    "ShipmentItem",
    "Signature",
    "SignatureMeaning",
    "Site",
    "StorageLocation",
    "Thaw",
    "UnitLink",
    "User",
    "UserRole",
]
