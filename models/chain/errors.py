"""Refusals of the chain-of-identity services (donors → collections → batches → units → use).

Each class names the rule it enforces so a refusal in the GUI, the CLI or a log can be
looked up in the regulations digest.
"""

from __future__ import annotations

from models.kernel.errors import DomainError


class SequenceExhaustedError(DomainError):
    code = "sequence_exhausted"


class IneligibleDonorError(DomainError):
    code = "donor_ineligible"
    terms = {"eligibility": "status", "action": "chain_action"}


class CollectionNotAcceptedError(DomainError):
    code = "collection_not_accepted"
    terms = {"state": "status"}


class UnknownContainerError(DomainError):
    """R-LBL-07: a unit's container decides which label fits it, so it must be one we know."""

    code = "unit_container_unknown"


class SingleSourceBatchError(DomainError):
    code = "batch_single_source"


class PoolSourceNotReleasedError(DomainError):
    code = "pool_source_not_released"
    terms = {"status": "status"}


class SegregationError(DomainError):
    code = "segregation"
    terms = {"infectious": "infection"}


class AutologousPoolError(DomainError):
    code = "autologous_pool"


class UnitNotUsableError(DomainError):
    code = "unit_not_usable"
    terms = {"action": "chain_action"}


class ReasonRequiredError(DomainError):
    code = "reason_required"
    terms = {"action": "chain_action"}


class ThawNotCorrectableError(DomainError):
    """A thaw's times decided what happened to the unit: once it left the thawed state
    (administered, destroyed …) they are no longer corrected."""

    code = "thaw_not_correctable"
    terms = {"state": "status"}


class ScanMismatchError(DomainError):
    code = "scan_mismatch"


class BedsideStopError(DomainError):
    code = "bedside_stop"
