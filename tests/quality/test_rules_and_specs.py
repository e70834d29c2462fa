"""Pure rules (limits, TAGMe tiers, panel, FEFO, retention) and specification versioning."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import pytest

from models.entities.materials import LotStatus
from models.entities.production import ProductCategory
from models.entities.quality import LimitKind, QcVerdict
from models.kernel.errors import PermissionDeniedError, SamePersonError, ValidationError
from models.quality.catalogue import msc_tests
from models.quality.limits import TagmeTier, evaluate, evaluate_tagme, tagme_tier
from models.quality.panel import PanelLine, assess
from models.quality.specs import SpecTestInput
from models.quality.stock import add_months, fefo_pick, keep_until
from tests.conftest import PASSWORD
from tests.quality.conftest import Env, make_product

P, F = QcVerdict.PASS, QcVerdict.FAIL


@dataclass
class Limit:
    limit_kind: LimitKind
    lower: float | None = None
    upper: float | None = None
    upper_exclusive: bool = False
    expected_text: str | None = None


@pytest.mark.parametrize(
    ("limit", "value", "verdict"),
    [
        (Limit(LimitKind.MINIMUM, lower=80), 80.0, P),  # MSC release viability ≥ 80 %
        (Limit(LimitKind.MINIMUM, lower=80), 79.9, F),
        (Limit(LimitKind.MINIMUM, lower=70), 70.0, P),  # CAR-T ≥ 70 % before use
        (Limit(LimitKind.MAXIMUM, upper=5), 5.0, P),  # VCN ≤ 5 copies/cell
        (Limit(LimitKind.MAXIMUM, upper=5, upper_exclusive=True), 5.0, F),  # MSC VCN < 5
        (Limit(LimitKind.RANGE, lower=280, upper=320), 321.0, F),  # fresh osmolality
        (Limit(LimitKind.RANGE, lower=280, upper=320), 300.0, P),
    ],
)
def test_numeric_limits(limit: Limit, value: float, verdict: QcVerdict) -> None:
    assert evaluate(limit, value_num=value, value_text=str(value)).verdict is verdict


@pytest.mark.req("R-CSV-17")
def test_qualitative_limit_and_refusal_to_guess_numbers() -> None:
    neg = Limit(LimitKind.EXPECTED, expected_text="negative")
    assert evaluate(neg, value_num=None, value_text=" Negative ").verdict is P
    assert evaluate(neg, value_num=None, value_text="positive").verdict is F
    with pytest.raises(ValueError, match="numeric"):
        evaluate(Limit(LimitKind.MAXIMUM, upper=0.5), value_num=None, value_text="< 0.5")


def test_tagme_tiers_from_the_seed() -> None:
    assert [tagme_tier(x) for x in (59.9, 60, 79.9, 80)] == [
        TagmeTier.LOW,
        TagmeTier.MEDIUM,
        TagmeTier.MEDIUM,
        TagmeTier.HIGH,
    ]
    assert evaluate_tagme(18, None).verdict is P
    assert evaluate_tagme(72, False).verdict is P
    assert "process review" in evaluate_tagme(72, True).note
    assert evaluate_tagme(72, True).verdict is F
    assert "hold clinical use" in evaluate_tagme(85, False).note
    with pytest.raises(ValueError):
        evaluate_tagme(101, None)


def line(
    test: str, verdicts: tuple[QcVerdict, ...], *, cell: bool = False, required: bool = True
) -> PanelLine:
    return PanelLine(test, required, cell, verdicts, verdicts[-1] if verdicts else None)


@pytest.mark.req("R-REL-07")
def test_emergency_only_when_cell_count_is_the_sole_failure() -> None:
    only_count = assess([line("cell_count", (F,), cell=True), line("endotoxin", (P,))])
    assert only_count.cell_count_only and not only_count.all_pass
    both = assess([line("cell_count", (F,), cell=True), line("endotoxin", (F,))])
    assert not both.cell_count_only
    missing = assess([line("cell_count", (F,), cell=True), line("endotoxin", ())])
    assert not missing.cell_count_only and missing.missing == ["endotoxin"]
    retest = assess([line("sterility", (F, P))])  # a passing retest does not hide an OOS
    assert retest.failed == ["sterility"]
    optional = assess([line("sterility", (), required=False)])
    assert optional.all_pass and optional.pending == ["sterility"]


@dataclass
class Lot:
    name: str
    expires_at: datetime
    received_at: datetime
    status: LotStatus = LotStatus.RELEASED
    contains_beta_lactam: bool = False
    quantity_remaining: float = 5


def d(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


@pytest.mark.req("R-MAT-03")
def test_fefo_then_fifo() -> None:
    lots = [
        Lot("M-2501", d("2025-09-30"), d("2025-01-10")),
        Lot("M-2503", d("2025-08-31"), d("2025-03-05")),
        Lot("M-2506", d("2026-01-31"), d("2025-06-01"), status=LotStatus.QUARANTINE),
        Lot("M-2504", d("2025-08-31"), d("2025-04-01")),
    ]
    pick = fefo_pick(lots, d("2025-07-01"))
    assert pick is not None and pick.name == "M-2503"
    assert fefo_pick(lots, d("2025-10-01")) is None


@pytest.mark.req("R-RET-01")
def test_retention_is_three_calendar_months_after_the_latest_treatment_end() -> None:
    assert keep_until([d("2025-05-01"), None]) == d("2025-08-01")  # S15
    assert keep_until([d("2025-07-03"), d("2025-06-12")]) == d("2025-10-03")  # S1
    assert add_months(d("2025-11-30"), 3) == d("2026-02-28")
    assert keep_until([None]) is None


@pytest.mark.req("R-CSV-25")
def test_spec_needs_qa_author_and_a_different_qa_approver(env: Env) -> None:
    product = make_product(env.core, ProductCategory.MSC, "S9001")
    with pytest.raises(PermissionDeniedError):
        env.q.specifications.create_version(
            actor="wang", code="SPEC-X", product_type_id=product, title="x", tests=msc_tests()
        )
    v1 = env.q.specifications.create_version(
        actor="chen", code="SPEC-X", product_type_id=product, title="x", tests=msc_tests()
    )
    with pytest.raises(SamePersonError):
        env.q.specifications.approve(spec_id=v1, username="chen", password=PASSWORD)
    env.q.specifications.approve(spec_id=v1, username="li", password=PASSWORD)
    v2 = env.q.specifications.create_version(
        actor="chen", code="SPEC-X", product_type_id=product, title="x", tests=msc_tests()[:3]
    )
    env.q.specifications.approve(spec_id=v2, username="li", password=PASSWORD)
    current = env.q.specifications.current(product)
    assert current["version"] == 2 and len(current["tests"]) == 3


@pytest.mark.req("R-CSV-25")
def test_spec_limits_must_be_complete_and_cited(env: Env) -> None:
    product = make_product(env.core, ProductCategory.MSC, "S9001")
    incomplete = SpecTestInput("viability", LimitKind.MINIMUM, source="004 L253")
    uncited = SpecTestInput("viability", LimitKind.MINIMUM, source=" ", lower=80)
    for tests in ([incomplete], [uncited]):
        with pytest.raises(ValidationError):
            env.q.specifications.create_version(
                actor="chen", code="S", product_type_id=product, title="x", tests=tests
            )


@pytest.mark.parametrize(
    ("expected", "written", "verdict"),
    [
        ("negative", "阴性", P),
        ("negative", "阴性（-）", P),
        ("negative", "未检出", P),  # mycoplasma by PCR
        ("negative", "无菌生长", P),  # sterility
        ("negative", "阳性", F),
        ("negative", "有菌生长", F),
        ("negative", "疑似阴性", F),  # anything not exactly equivalent fails, never guessed
        ("conforms", "符合规定", P),
        ("conforms", "不符合规定", F),
        ("positive", "检出", P),
    ],
)
def test_chinese_instrument_wording_means_the_same_finding(
    expected: str, written: str, verdict: QcVerdict
) -> None:
    limit = Limit(LimitKind.EXPECTED, expected_text=expected)
    assert evaluate(limit, value_num=None, value_text=written).verdict is verdict
