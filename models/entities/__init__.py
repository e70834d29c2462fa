"""All mapped entities; importing this package registers every table on Base.metadata."""

from models.entities.accounts import Role, Signature, SignatureMeaning, User, UserRole
from models.entities.audit import AuditChainHead, AuditEntry
from models.entities.consent import ConsentHold, PreparationRequest, WithdrawalItem
from models.entities.database import DatabasePurpose, Purpose
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
from models.entities.materials import (
    MaterialLot,
    MaterialUsage,
    RetainedSample,
    Supplier,
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
from models.entities.quality import (
    Deviation,
    QcResult,
    ReleaseRecord,
    Specification,
    SpecificationTest,
)
from models.entities.workspaces import LineClearance, Workspace, WorkspaceUse

__all__ = [
    "Administration",
    "AuditChainHead",
    "AuditEntry",
    "Batch",
    "BatchSource",
    "Collection",
    "Consent",
    "ConsentHold",
    "PreparationRequest",
    "WithdrawalItem",
    "CustodyEvent",
    "DatabasePurpose",
    "Deviation",
    "Donor",
    "DonorIdentity",
    "IdentifierSequence",
    "LabelTemplate",
    "LineClearance",
    "MaterialLot",
    "MaterialUsage",
    "PrintJob",
    "PrintedLabel",
    "ProcessStep",
    "ProductType",
    "ProductUnit",
    "Purpose",
    "QcResult",
    "Recall",
    "RecallItem",
    "Recipient",
    "RecipientIdentity",
    "ReleaseRecord",
    "RetainedSample",
    "Role",
    "ScreeningResult",
    "Shipment",
    "ShipmentItem",
    "Signature",
    "SignatureMeaning",
    "Site",
    "Specification",
    "SpecificationTest",
    "StorageLocation",
    "Supplier",
    "Thaw",
    "UnitLink",
    "User",
    "UserRole",
    "Workspace",
    "WorkspaceUse",
]
