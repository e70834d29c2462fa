"""Refusals of the chain-of-identity services (donors → collections → batches → units → use).

Each class names the rule it enforces so a refusal in the GUI, the CLI or a log can be
looked up in the regulations digest.
"""

from __future__ import annotations

from models.kernel.errors import DomainError


class SequenceExhaustedError(DomainError):
    code = "sequence_exhausted"
    en = "Identifier sequence {name} ({scope}) is exhausted at {limit}; numbers are never reused."
    zh = "标识序列 {name}（{scope}）已用尽（上限 {limit}）；编号不得重复使用。"


class IneligibleDonorError(DomainError):
    code = "donor_ineligible"
    en = "Donor {donor} is {eligibility}; {action} is refused (R-DON)."
    zh = "供者 {donor} 状态为 {eligibility}，拒绝{action}（R-DON）。"


class CollectionNotAcceptedError(DomainError):
    code = "collection_not_accepted"
    en = "Collection {collection} was not accepted at receipt ({state}); no batch may use it."
    zh = "采集 {collection} 接收未合格（{state}），不得用于建批。"


class SingleSourceBatchError(DomainError):
    code = "batch_single_source"
    en = (
        "A batch must come from one donor's single collection (R-BAT-01); got {count} "
        "{what}. Use an explicit pool for several sources."
    )
    zh = "一批只能来自单一供者的同一次采集（R-BAT-01）；现有 {count} 个{what}。多来源请使用合批。"


class PoolSourceNotReleasedError(DomainError):
    code = "pool_source_not_released"
    en = "Batch {batch} is {status}; only individually released batches may be pooled (R-BAT-03)."
    zh = "批次 {batch} 状态为 {status}；只有单独放行的批次才能合批（R-BAT-03）。"


class SegregationError(DomainError):
    code = "segregation"
    en = "Unit {unit} ({infectious}) may not go to {place}: infectious material is kept apart."
    zh = "制剂 {unit}（{infectious}）不得进入 {place}：感染性物料须隔离存放。"


class AutologousPoolError(DomainError):
    code = "autologous_pool"
    en = (
        "Autologous material of donor {donor} may not be pooled with material of other donors "
        "({others}): it is made for one patient only."
    )
    zh = "供者 {donor} 的自体物料不得与其他供者（{others}）的物料混合：自体制剂仅供本人使用。"


class UnitNotUsableError(DomainError):
    code = "unit_not_usable"
    en = "Unit {unit} cannot be used for {action}: {problem}."
    zh = "制剂 {unit} 不能用于{action}：{problem}。"


class ReasonRequiredError(DomainError):
    code = "reason_required"
    en = "{action} needs a reason; nothing is deleted, a wrong entry is voided with a reason."
    zh = "{action}必须填写原因；记录不得删除，错误记录须注明原因后作废。"


class ScanMismatchError(DomainError):
    code = "scan_mismatch"
    en = "The scanned units do not match shipment {shipment}: missing {missing}, extra {extra}."
    zh = "扫描的制剂与运单 {shipment} 不符：缺少 {missing}，多出 {extra}。"


class BedsideStopError(DomainError):
    code = "bedside_stop"
    en = "STOP — do not administer unit {unit} to {recipient}: {problems}."
    zh = "停止 — 不得将制剂 {unit} 输注给 {recipient}：{problems}。"
