"""The e-signature of the person who ran the qualification, in the site's own database.

The scratch database is thrown away; the signature must outlive it. So the signer proves
who they are against their account in the site database (the one this station works with),
and the signature is recorded there like any other (meaning *performed*, bound to the
SHA-256 of the run's results, audited), so the site's trail shows who qualified the
installation and when, and the report names that signature.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from models.core import Core
from models.entities.accounts import Role, SignatureMeaning
from models.kernel.audit import AuditAction
from models.kernel.canonical import content_hash
from models.validation.run import ValidationRun

SIGNERS = (Role.ADMIN, Role.QA, Role.QA_HEAD)
SUBJECT = "validation_report"


@dataclass(frozen=True)
class SignedReport:
    username: str
    printed_name: str
    signed_at: datetime
    meaning: str
    signature_id: int
    content_hash: str
    database: str


def sign_report(core: Core, run: ValidationRun, username: str, password: str) -> SignedReport:
    """Re-authenticate ``username`` in the site database and sign the run's results there."""
    content = run.content()
    digest = content_hash(content)
    signer = core.signatures.reauthenticate(username, password, SignatureMeaning.PERFORMED)
    with core.uow() as uow:
        signature = core.signatures.sign(
            uow,
            signer=signer,
            meaning=SignatureMeaning.PERFORMED,
            subject_type=SUBJECT,
            subject_id=digest[:16],
            content=content,
            allowed_roles=SIGNERS,
            reason="IQ/OQ qualification run (celltrail validate)",
        )
        uow.audit.record(
            AuditAction.CREATE,
            actor=username,
            subject_type=SUBJECT,
            subject_id=digest[:16],
            new={
                "passed": run.passed,
                "failed_steps": [r.id for r in run.failures],
                "steps": len(run.results),
                "content_hash": digest,
            },
        )
        uow.commit()
        return SignedReport(
            username=username,
            printed_name=signature.printed_name,
            signed_at=signature.signed_at,
            meaning=signature.meaning.value,
            signature_id=signature.id,
            content_hash=digest,
            database=core.engine.url.render_as_string(hide_password=True),
        )
