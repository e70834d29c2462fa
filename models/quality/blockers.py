"""Why a batch may not be released, as codes with parameters and a sentence in each language.

The release gates (chain, units, labels, QC panel, deviations, independence) return these
instead of English sentences, so the QA screen, the CLI and the audit trail all say the same
thing in the reader's language without pattern-matching English text.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.kernel.errors import DomainError, InvalidTransitionError

_CATALOG: dict[str, tuple[str, str]] = {
    "batch_status": (
        "The batch is {status}, not in quarantine",
        "批次状态为 {status}，不处于待放行状态",
    ),
    "batch_voided": ("The batch is voided", "该批次已作废"),
    "source_voided": ("Source batch {batch} is voided", "来源批次 {batch} 已作废"),
    "donor_not_eligible": (
        "Donor {donor} is {eligibility}",
        "供者 {donor} 的资格状态为 {eligibility}",
    ),
    "no_specification": ("No approved specification", "没有已批准的质量标准"),
    "no_units": ("The batch has no filled units", "该批次没有已灌装的单元"),
    "units_not_quarantined": (
        "Units not in quarantine (rejected units are never released): {units}",
        "有单元不处于待放行状态（不合格单元永不放行）：{units}",
    ),
    "labels": ("Labels: {detail_en}", "标签：{detail_zh}"),
    "releaser_involved": (
        "{user} worked on batch {batch} and cannot release it",
        "{user} 参与了批次 {batch} 的生产，不能放行该批次",
    ),
    "test_not_passed": ("Test not passed: {test}", "检测未通过：{test}"),
    "open_deviation": ("Open deviation {deviation}", "偏差 {deviation} 尚未关闭"),
    "steps_unverified": (
        "{count} process step(s) of batch {batch} await a second person's verification",
        "批次 {batch} 有 {count} 个工序步骤尚待第二人复核",
    ),
    # refusals of a decision rather than gates of a normal release
    "use_normal_release": (
        "every test passes; use normal release",
        "所有检测均合格，请使用常规放行",
    ),
    "batch_decided": ("batch is {status}", "批次已为{status}状态"),
}


# Status words inside the sentences, in Chinese (English shows the stored value as it is).
_WORDS_ZH = {
    "in_process": "生产中",
    "filled": "已灌装",
    "quarantine": "待放行",
    "released": "已放行",
    "rejected": "不合格",
    "recalled": "已召回",
    "pending": "待定",
    "pending_retest": "待复检",
    "eligible": "合格",
    "ineligible": "不合格",
}
_TRANSLATED_PARAMS = {"status", "eligibility"}


@dataclass(frozen=True)
class Blocker:
    """One reason a release is refused: ``code`` names it, ``params`` fill its sentence."""

    code: str
    params: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        if self.code not in _CATALOG:
            raise ValueError(f"unknown release blocker code {self.code!r}")

    @classmethod
    def of(cls, code: str, **params: object) -> Blocker:
        return cls(code, tuple((key, str(value)) for key, value in sorted(params.items())))

    @classmethod
    def from_error(cls, code: str, error: DomainError) -> Blocker:
        """A gate that refused with a DomainError: keep its sentence in both languages."""
        return cls.of(code, detail_en=error.message("en"), detail_zh=error.message("zh"))

    def message(self, language: str = "en") -> str:
        """The sentence in ``language`` ("zh…" gives Chinese, anything else English)."""
        en, zh = _CATALOG[self.code]
        params = dict(self.params)
        if language.lower().startswith("zh"):
            for key in _TRANSLATED_PARAMS & params.keys():
                params[key] = _WORDS_ZH.get(params[key], params[key])
            return zh.format(**params)
        return en.format(**params)

    def __str__(self) -> str:
        return self.message("en")


def sentences(blockers: list[Blocker], language: str = "en") -> str:
    """The blockers as one line, e.g. for an error message or an audit reason."""
    return "; ".join(b.message(language) for b in blockers)


class ReleaseRefusedError(InvalidTransitionError):
    """The chain-of-identity gate refused QUARANTINE → RELEASED (a last check inside the
    release transaction, after QA's own readiness review)."""

    code = "release_refused"
    en = "Batch {ident} cannot be released: {reasons}"
    zh = "批次 {ident} 不能放行：{reasons_zh}"

    @classmethod
    def because(cls, batch: str, blockers: list[Blocker]) -> ReleaseRefusedError:
        return cls(
            kind="batch",
            ident=batch,
            reasons=sentences(blockers, "en"),
            reasons_zh=sentences(blockers, "zh"),
            blockers=[b.code for b in blockers],
        )
