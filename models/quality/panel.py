"""Release panel assessment: which specification tests pass, fail, are missing or pending.

Emergency release (R-REL-07) is allowed only when the cell count is the *sole* failure;
a missing or unverified required result counts as a failure, never as a pass.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from models.entities.quality import QcVerdict


@dataclass(frozen=True)
class PanelLine:
    test: str
    required: bool
    is_cell_count: bool
    verdicts: tuple[QcVerdict, ...]  # every non-voided result for the test
    latest_verified: QcVerdict | None  # verdict of the newest verified result


@dataclass(frozen=True)
class PanelAssessment:
    failed: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # required, no verified result
    pending: list[str] = field(default_factory=list)  # optional, no result yet
    cell_count_tests: frozenset[str] = frozenset()

    @property
    def blockers(self) -> list[str]:
        return sorted(set(self.failed) | set(self.missing))

    @property
    def all_pass(self) -> bool:
        return not self.blockers

    @property
    def cell_count_only(self) -> bool:
        """True when the cell count failed and nothing else stands in the way."""
        return bool(self.failed) and not self.missing and set(self.failed) <= self.cell_count_tests


def assess(lines: Sequence[PanelLine]) -> PanelAssessment:
    failed, missing, pending = [], [], []
    for line in lines:
        # Any failing result blocks, even if a later retest passed: an OOS is resolved by
        # its investigation voiding the result, not by testing into compliance.
        if QcVerdict.FAIL in line.verdicts or line.latest_verified is QcVerdict.FAIL:
            failed.append(line.test)
        elif line.required and line.latest_verified is not QcVerdict.PASS:
            missing.append(line.test)
        elif not line.required and line.latest_verified is None:
            pending.append(line.test)
    return PanelAssessment(
        failed=failed,
        missing=missing,
        pending=pending,
        cell_count_tests=frozenset(line.test for line in lines if line.is_cell_count),
    )
