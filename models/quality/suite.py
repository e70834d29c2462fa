"""The quality services as one bundle, wired to the labeling gate and the recall service.

Both collaborators are injectable so tests (and other installations) can substitute them;
the defaults are the real ones: ``require_labels_reconciled`` from the labeling module and
the chain-of-identity ``RecallService``.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.chain.recall import RecallService
from models.identity.signatures import SignatureService
from models.kernel.unit_of_work import UowFactory
from models.labeling.reconciliation import require_labels_reconciled
from models.quality.deviations import DeviationService
from models.quality.gates import LabelGate
from models.quality.materials import MaterialService
from models.quality.qc import BatchRecaller, QcService
from models.quality.release import ReleaseService
from models.quality.retained import RetainedSampleService
from models.quality.retained_use import RetainedSampleUse
from models.quality.specs import SpecificationService


@dataclass
class QualityServices:
    specifications: SpecificationService
    qc: QcService
    release: ReleaseService
    deviations: DeviationService
    materials: MaterialService
    retained: RetainedSampleService
    sample_use: RetainedSampleUse


def recall_via_chain(recalls: RecallService) -> BatchRecaller:
    def recall_batch(batch_number: str, reason: str, username: str, password: str) -> str:
        report = recalls.initiate(
            actor=username, password=password, identifier=batch_number, reason=reason
        )
        return report.code

    return recall_batch


def build_quality_services(
    uow: UowFactory,
    signatures: SignatureService,
    *,
    labels: LabelGate = require_labels_reconciled,
    recall_batch: BatchRecaller | None = None,
) -> QualityServices:
    recall = recall_batch or recall_via_chain(RecallService(uow, signatures))
    return QualityServices(
        specifications=SpecificationService(uow, signatures),
        qc=QcService(uow, signatures, recall),
        release=ReleaseService(uow, signatures, labels),
        deviations=DeviationService(uow, signatures),
        materials=MaterialService(uow, signatures),
        retained=RetainedSampleService(uow, signatures),
        sample_use=RetainedSampleUse(uow),
    )
