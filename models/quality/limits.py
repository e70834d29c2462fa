"""Evaluating one QC result against one specification test (limits come from the spec row)."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Protocol

from models.entities.quality import LimitKind, QcVerdict

TAGME_MEDIUM = 60.0  # seed 000: PM < 60 low, 60–80 medium, >= 80 high risk
TAGME_HIGH = 80.0


class LimitLike(Protocol):
    limit_kind: LimitKind
    lower: float | None
    upper: float | None
    upper_exclusive: bool
    expected_text: str | None


@dataclass(frozen=True)
class Evaluation:
    verdict: QcVerdict
    note: str


class TagmeTier(enum.StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


def tagme_tier(pm_score: float) -> TagmeTier:
    if pm_score >= TAGME_HIGH:
        return TagmeTier.HIGH
    if pm_score >= TAGME_MEDIUM:
        return TagmeTier.MEDIUM
    return TagmeTier.LOW


def evaluate_tagme(pm_score: float, mutation_detected: bool | None) -> Evaluation:
    """PM >= 80 holds clinical use; 60–80 only fails together with a gene mutation (seed 000)."""
    if not 0 <= pm_score <= 100:
        raise ValueError("the TAGMe PM score is on a 0–100 scale")
    tier = tagme_tier(pm_score)
    if tier is TagmeTier.HIGH:
        return Evaluation(QcVerdict.FAIL, "TAGMe PM ≥ 80: high oncogenicity, hold clinical use")
    if tier is TagmeTier.MEDIUM and mutation_detected:
        return Evaluation(
            QcVerdict.FAIL, "TAGMe PM 60–80 with gene mutation: process review required"
        )
    if tier is TagmeTier.MEDIUM:
        return Evaluation(QcVerdict.PASS, "TAGMe PM 60–80, no mutation: medium risk")
    return Evaluation(QcVerdict.PASS, "TAGMe PM < 60: low risk")


def _numeric(limit: LimitLike, value: float) -> Evaluation:
    low_ok = limit.lower is None or value >= limit.lower
    if limit.upper is None:
        high_ok = True
    else:
        high_ok = value < limit.upper if limit.upper_exclusive else value <= limit.upper
    if low_ok and high_ok:
        return Evaluation(QcVerdict.PASS, f"{value:g} within limits")
    return Evaluation(QcVerdict.FAIL, f"{value:g} out of specification")


# The same finding as Chinese instruments, reports and pharmacopoeia wording write it.
# Only exact, unambiguous equivalents: anything else must match the limit's own words.
_SYNONYMS = {
    "阴性": "negative",
    "阴性(-)": "negative",
    "-": "negative",
    "阳性": "positive",
    "阳性(+)": "positive",
    "+": "positive",
    "符合规定": "conforms",
    "符合": "conforms",
    "合格": "conforms",
    "不符合规定": "does not conform",
    "不符合": "does not conform",
    "未检出": "negative",  # mycoplasma, endotoxin-free, adventitious agents: not detected
    "检出": "positive",
    "无菌生长": "negative",  # sterility: no growth
    "有菌生长": "positive",
}


def _normalise(text: str) -> str:
    words = " ".join(text.strip().lower().replace("（", "(").replace("）", ")").split())
    return _SYNONYMS.get(words.replace(" ", ""), words)


def evaluate(
    limit: LimitLike,
    *,
    value_num: float | None,
    value_text: str,
    mutation_detected: bool | None = None,
) -> Evaluation:
    """Verdict of one result. Quantitative limits need a number: text like "< 0.5" is refused
    rather than guessed, because a mis-parsed limit would silently pass a batch."""
    if limit.limit_kind is LimitKind.EXPECTED:
        expected = limit.expected_text or ""
        if _normalise(value_text) == _normalise(expected):
            return Evaluation(QcVerdict.PASS, f"{value_text} as expected")
        return Evaluation(QcVerdict.FAIL, f"{value_text}; expected {expected}")
    if value_num is None:
        raise ValueError("this test has a numeric limit; enter the numeric value")
    if limit.limit_kind is LimitKind.TAGME:
        return evaluate_tagme(value_num, mutation_detected)
    return _numeric(limit, value_num)


def describe(limit: LimitLike, unit: str | None = None) -> str:
    """Human-readable limit for screens and the release package."""
    u = f" {unit}" if unit else ""
    kind = limit.limit_kind
    if kind is LimitKind.EXPECTED:
        return limit.expected_text or ""
    if kind is LimitKind.TAGME:
        return "PM < 60 (60–80 only without gene mutation)"
    if kind is LimitKind.MINIMUM:
        return f"≥ {limit.lower:g}{u}"
    lt = "<" if limit.upper_exclusive else "≤"
    if kind is LimitKind.MAXIMUM:
        return f"{lt} {limit.upper:g}{u}"
    return f"{limit.lower:g}–{limit.upper:g}{u}"
