"""Why a batch may not be released, as codes with parameters (their words: ``blocker.*``).

The release gates (chain, units, labels, QC panel, deviations, independence) return these
instead of English sentences, so the QA screen, the CLI and the audit trail all say the same
thing in the reader's language without pattern-matching English text.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.i18n import Message, Phrases, has
from models.kernel.errors import DomainError, InvalidTransitionError


@dataclass(frozen=True)
class Blocker(Message):
    """One reason a release is refused: ``code`` names it (``blocker.<code>`` in the
    catalogue), ``params`` fill its sentence; a batch status or an eligibility is stored as
    its value and shown as the catalogue's word for it (``status.*``)."""

    namespace = "blocker."
    terms = {"status": "status", "eligibility": "status", "test": "qc_test"}

    def __post_init__(self) -> None:
        if not has(self.key):
            raise ValueError(f"unknown release blocker code {self.code!r}")

    @classmethod
    def of(cls, code: str, **params: object) -> Blocker:
        """Values are kept as text (they go into the signed package and the audit trail)."""
        return cls(code, tuple((key, str(value)) for key, value in sorted(params.items())))

    @classmethod
    def from_error(cls, code: str, error: DomainError) -> Blocker:
        """A gate that refused with a DomainError: keep its code and parameters, so its
        sentence reads in the reader's language."""
        return cls(code, (("detail", Message.about(error)),))


def sentences(blockers: list[Blocker]) -> Phrases:
    """The blockers as one line, e.g. for an error message or an audit reason."""
    return Phrases(tuple(blockers), "i18n.sentences")


class ReleaseRefusedError(InvalidTransitionError):
    """The chain-of-identity gate refused QUARANTINE → RELEASED (a last check inside the
    release transaction, after QA's own readiness review)."""

    code = "release_refused"

    @classmethod
    def because(cls, batch: str, blockers: list[Blocker]) -> ReleaseRefusedError:
        return cls(
            kind="batch",
            ident=batch,
            reasons=sentences(blockers),
            blockers=[b.code for b in blockers],
        )
