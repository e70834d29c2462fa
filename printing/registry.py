"""Open a printer from the URL kept in settings (brother_ql's ``guess_backend`` idea).

* ``tcp://host[:9100][?dpi=203&timeout=5&status=on]`` raw ZPL to a network printer
* ``file:///abs/dir[?format=pdf|png|zpl&dpi=300]`` one file per job
* ``system://Queue_Name[?format=zpl|pdf|png&dpi=203]`` OS spooler via ``lp``
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import NoReturn, cast
from urllib.parse import SplitResult, parse_qs, unquote, urlsplit

from printing.port import LabelPrinter, PayloadFormat, UnsupportedPrinterAddressError
from printing.transports import file, system, tcp

_FORMATS = ("zpl", "pdf", "png")
_DPIS = (203, 300, 600)


class _Query:
    """Query parameters of one URL; unknown keys are errors so typos do not pass silently."""

    def __init__(self, url: str, parts: SplitResult, allowed: set[str]) -> None:
        self.url = url
        self.values = {key: vals[-1] for key, vals in parse_qs(parts.query).items()}
        unknown = set(self.values) - allowed
        if unknown:
            self.fail(f"unknown option(s) {', '.join(sorted(unknown))}")

    def fail(self, reason: str) -> NoReturn:
        raise UnsupportedPrinterAddressError(address=self.url, reason=reason)

    def number(self, key: str, default: float) -> float:
        try:
            return float(self.values.get(key, default))
        except ValueError:
            self.fail(f"{key} must be a number")

    def dpi(self, default: int) -> int:
        dpi = int(self.number("dpi", default))
        if dpi not in _DPIS:
            self.fail(f"dpi must be one of {_DPIS}")
        return dpi

    def payload_format(self, default: PayloadFormat) -> PayloadFormat:
        value = self.values.get("format", default)
        if value not in _FORMATS:
            self.fail(f"format must be one of {', '.join(_FORMATS)}")
        return cast(PayloadFormat, value)


def _open_tcp(url: str, parts: SplitResult, name: str | None) -> LabelPrinter:
    query = _Query(url, parts, {"dpi", "timeout", "status"})
    try:
        port = parts.port or tcp.DEFAULT_PORT
    except ValueError:
        query.fail("the port must be a number from 1 to 65535")
    if not parts.hostname:
        query.fail("a host name is required, e.g. tcp://10.0.0.5:9100")
    return tcp.TcpZplPrinter(
        str(parts.hostname),
        port,
        name=name or "",
        dpi=query.dpi(203),
        timeout=query.number("timeout", 5.0),
        check_status=query.values.get("status") != "off",
    )


def _open_file(url: str, parts: SplitResult, name: str | None) -> LabelPrinter:
    query = _Query(url, parts, {"dpi", "format"})
    directory = Path(unquote(parts.path))
    if parts.netloc not in ("", "localhost") or not directory.is_absolute():
        query.fail("use an absolute local directory, e.g. file:///var/labels")
    fmt = query.payload_format("pdf")
    return file.FilePrinter(directory, fmt, name=name, dpi=query.dpi(300))


def _open_system(url: str, parts: SplitResult, name: str | None) -> LabelPrinter:
    query = _Query(url, parts, {"dpi", "format"})
    queue = unquote(parts.netloc + parts.path).strip("/")
    if not queue:
        query.fail("a queue name is required, e.g. system://ZEBRA_RAW")
    if not system.is_usable():
        query.fail("the lp command (CUPS client) is not installed")
    return system.SystemPrinter(
        queue, query.payload_format("zpl"), name=name or "", dpi=query.dpi(203)
    )


_FACTORIES: dict[str, Callable[[str, SplitResult, str | None], LabelPrinter]] = {
    "tcp": _open_tcp,
    "file": _open_file,
    "system": _open_system,
}


def open_printer(url: str, name: str | None = None) -> LabelPrinter:
    """A printer for ``url``; raises ``UnsupportedPrinterAddressError`` with the reason."""
    parts = urlsplit(url.strip())
    factory = _FACTORIES.get(parts.scheme.lower())
    if factory is None:
        raise UnsupportedPrinterAddressError(
            address=url, reason=f"unknown scheme; use one of {', '.join(_FACTORIES)}"
        )
    return factory(url, parts, name)
