"""Typed printer errors with bilingual, parameterised messages.

Same pattern as ``models.kernel.errors.DomainError`` (copied, not imported: printing is a leaf
package).  Transports translate ``OSError``/timeouts into these, so callers catch
``PrinterError`` and never a bare ``Exception``.
"""

from __future__ import annotations

from typing import Any, ClassVar


class PrinterError(Exception):
    """Root of every failure to get a label out of a printer."""

    code: ClassVar[str] = "printer_error"
    en: ClassVar[str] = "Printer {printer} failed: {detail}"
    zh: ClassVar[str] = "打印机 {printer} 出错：{detail}"

    def __init__(self, **params: Any) -> None:
        self.params: dict[str, Any] = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        """Render the message in ``lang`` ("zh…" gives Chinese, anything else English)."""
        template = self.zh if lang.lower().startswith("zh") else self.en
        try:
            return template.format(**self.params)
        except (KeyError, IndexError):  # a missing parameter must never hide the error itself
            return f"{template} {self.params}"


class PrinterUnreachableError(PrinterError):
    code = "printer_unreachable"
    en = "Printer {printer} cannot be reached ({detail}). Nothing was printed."
    zh = "无法连接打印机 {printer}（{detail}）。未打印任何内容。"


class PrinterTimeoutError(PrinterError):
    code = "printer_timeout"
    en = "Printer {printer} did not answer within {seconds} s. Check it before printing again."
    zh = "打印机 {printer} 在 {seconds} 秒内无响应。请先检查打印机再重新打印。"


class PrinterNotReadyError(PrinterError):
    """Raised before any job byte is sent, so retrying after fixing the printer is safe."""

    code = "printer_not_ready"
    en = "Printer {printer} is not ready: {problems_en}. Nothing was sent; fix it and retry."
    zh = "打印机 {printer} 未就绪：{problems_zh}。未发送任何内容；处理后请重试。"


class PrinterRejectedError(PrinterError):
    code = "printer_rejected"
    en = "Printer {printer} refused the job: {reason}"
    zh = "打印机 {printer} 拒绝了打印任务：{reason}"


class PrinterStatusUnreadableError(PrinterError):
    code = "printer_status_unreadable"
    en = "Printer {printer} sent a status reply that cannot be read: {reply!r}"
    zh = "无法解析打印机 {printer} 返回的状态：{reply!r}"


class UnsupportedPrinterAddressError(PrinterError):
    code = "printer_address_unsupported"
    en = "Printer address {address!r} cannot be used: {reason}"
    zh = "打印机地址 {address!r} 无法使用：{reason}"
