"""Typed, bilingual refusals of the labeling workflow (same pattern as models.kernel.errors)."""

from __future__ import annotations

from models.kernel.errors import DomainError


class TemplateNotUsableError(DomainError):
    code = "label_template_not_usable"
    en = "Label template {template} v{version} cannot print: {reason}"
    zh = "标签模板 {template} 第 {version} 版不能打印：{reason}"


class StationBusyError(DomainError):
    code = "label_station_busy"
    en = (
        "Station {station} still holds batch {other}: its labels are not reconciled. "
        "Reconcile them and clear the line before labeling batch {batch} (R-LBL-11)."
    )
    zh = (
        "工位 {station} 仍有批次 {other} 的标签未完成平衡核对。"
        "请先核对并清场，再为批次 {batch} 贴签。"
    )


class AlreadyLabelledError(DomainError):
    code = "label_already_printed"
    en = "Unit {din} already has a {template} label; a new one is a reprint (reason + QA approval)."
    zh = "产品单元 {din} 已有 {template} 标签；再次打印属于补打，需要理由并经 QA 批准。"


class ReprintNotApprovedError(DomainError):
    code = "label_reprint_not_approved"
    en = "Print job {job} is a reprint and QA has not approved it yet."
    zh = "打印任务 {job} 是补打任务，尚未经 QA 批准。"


class LineStoppedError(DomainError):
    code = "label_line_stopped"
    en = (
        "The labeling line for print job {job} is stopped by deviation {deviation}; "
        "QA must resume it."
    )
    zh = "打印任务 {job} 的贴签线因偏差 {deviation} 已停止；需由 QA 恢复。"


class FieldsNotConfirmedError(DomainError):
    code = "label_fields_not_confirmed"
    en = "Every printed field must be checked item by item; not confirmed: {fields}."
    zh = "必须逐项核对所有打印内容；未核对：{fields}。"


class ScanRefusedError(DomainError):
    code = "label_scan_refused"
    en = "The scan is not a CellTrail label bar code: {reason}"
    zh = "扫描内容不是 CellTrail 标签条码：{reason}"


class LabelsNotReconciledError(DomainError):
    code = "labels_not_reconciled"
    en = "Labels of batch {batch} are not reconciled: {reason}."
    zh = "批次 {batch} 的标签未完成平衡核对：{reason}。"
