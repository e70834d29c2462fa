"""The release package of R-REL-04: six elements QA checks before signing a release.

「放行标准包括：申请单、制备记录、质检报告、标签、包装、放行单」(002 L1840–1846).  CellTrail
proves what its own records can prove and asks QA to attest the rest, by document number:

============================  ===========================================================
request form (申请单)          proved by the preparation request of each source collection
                               (R-RCV-01); blocked when one has none
preparation record (制备记录)   proved when process steps were recorded and all verified;
                               blocked while a step awaits its verifier; attested (paper
                               batch record number) when no step was recorded electronically
QC report (质检报告)           proved by the QC panel (every required test passed)
label (标签)                   proved by label reconciliation (printed = used + destroyed)
packaging (包装)               attested: QA confirms container and outer packaging checked
release form (放行单)          made by this release: the signed release record itself
============================  ===========================================================

The attestation is part of the signed package, so the e-signature covers it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from models.i18n import terms
from models.kernel.errors import DomainError


class ItemState(enum.StrEnum):
    PROVED = "proved"  # the records show it
    ATTEST = "attest"  # QA must attest it with a document number / confirmation
    BLOCKED = "blocked"  # the records show it is not in order


class PackageElement(enum.StrEnum):
    REQUEST_FORM = "request_form"
    PREPARATION_RECORD = "preparation_record"
    QC_REPORT = "qc_report"
    LABEL = "label"
    PACKAGING = "packaging"
    RELEASE_FORM = "release_form"


@dataclass(frozen=True)
class PackageItem:
    element: PackageElement
    state: ItemState
    detail: str = ""  # English, for the signed package: "5 step(s), all verified"
    steps: int = 0  # preparation record only: recorded steps, and those awaiting a verifier
    unverified: int = 0


@dataclass(frozen=True)
class PackageAttestation:
    """What QA attests when signing (the elements the records cannot prove)."""

    # The request form is proved by the preparation request (R-RCV-01); a reference given here
    # is kept in the package as QA's note, never in place of the request.
    request_form_ref: str = ""
    packaging_checked: bool = False
    batch_record_ref: str = ""  # only when no process step was recorded electronically

    def as_package(self) -> dict[str, Any]:
        return {
            "request_form_ref": self.request_form_ref.strip(),
            "packaging_checked": self.packaging_checked,
            "batch_record_ref": self.batch_record_ref.strip() or None,
        }


class PackageIncompleteError(DomainError):
    code = "release_package_incomplete"


# What QA must still give, per element (words: ``package_missing.<element>``).
_MISSING = (
    PackageElement.REQUEST_FORM,
    PackageElement.PREPARATION_RECORD,
    PackageElement.PACKAGING,
)


def preparation_record(steps: int, unverified: int) -> PackageItem:
    if unverified:
        detail = f"{unverified} of {steps} step(s) await verification"
        return PackageItem(
            PackageElement.PREPARATION_RECORD, ItemState.BLOCKED, detail, steps, unverified
        )
    if steps == 0:
        return PackageItem(
            PackageElement.PREPARATION_RECORD, ItemState.ATTEST, "no electronic steps"
        )
    detail = f"{steps} step(s), all verified"
    return PackageItem(PackageElement.PREPARATION_RECORD, ItemState.PROVED, detail, steps)


def request_form(requests: list[str]) -> PackageItem:
    """Proved by the preparation requests of the batch's collections; none means blocked."""
    if not requests:
        return PackageItem(PackageElement.REQUEST_FORM, ItemState.BLOCKED, "no request")
    return PackageItem(PackageElement.REQUEST_FORM, ItemState.PROVED, ", ".join(requests))


def package_items(
    *,
    steps: int,
    unverified: int,
    qc_passed: bool,
    labels_reconciled: bool,
    requests: list[str],
) -> list[PackageItem]:
    """The six elements in the regulation's order, each proved, to attest, or blocked."""

    def proved_or_blocked(element: PackageElement, ok: bool) -> PackageItem:
        return PackageItem(element, ItemState.PROVED if ok else ItemState.BLOCKED)

    return [
        request_form(requests),
        preparation_record(steps, unverified),
        proved_or_blocked(PackageElement.QC_REPORT, qc_passed),
        proved_or_blocked(PackageElement.LABEL, labels_reconciled),
        PackageItem(PackageElement.PACKAGING, ItemState.ATTEST),
        PackageItem(PackageElement.RELEASE_FORM, ItemState.PROVED, "this signed release"),
    ]


def check_attestation(
    batch: str, items: list[PackageItem], attestation: PackageAttestation
) -> dict[str, Any]:
    """The attestation as it enters the signed package, or PackageIncompleteError."""
    needed = {item.element for item in items if item.state is ItemState.ATTEST}
    given = {
        PackageElement.REQUEST_FORM: bool(attestation.request_form_ref.strip()),
        PackageElement.PREPARATION_RECORD: bool(attestation.batch_record_ref.strip()),
        PackageElement.PACKAGING: attestation.packaging_checked,
    }
    missing = [element for element in _MISSING if element in needed and not given[element]]
    if missing:
        raise PackageIncompleteError(
            batch=batch,
            missing=terms("package_missing", missing),
            elements=[e.value for e in missing],
        )
    return {
        "attested": attestation.as_package(),
        "items": [
            {"element": i.element.value, "state": i.state.value, "detail": i.detail} for i in items
        ],
    }
