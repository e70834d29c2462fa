"""Open a printer from the URL kept in settings (brother_ql's ``guess_backend`` idea).

* ``tcp://host[:9100][?dpi=203&timeout=5&status=on&confirm=30&media=104x150&darkness=5]``
  raw ZPL to a network printer; ``confirm`` is how long (s) it may take to print a job
  before the job is "not confirmed"; ``status=off`` for printers that never answer ``~HS``
  (never confirmed).  Without ``dpi`` the printer's own resolution (``~HI``) is used, 203 if
  it cannot tell; with ``dpi`` a printer reporting another is refused (printing.resolution).
  ``media`` is the loaded label stock in mm (wider or taller labels are refused),
  ``darkness`` the ``^MD`` adjustment (-30 … 30) sent with every label (printing.profile)
* ``file:///abs/dir[?format=pdf|png|zpl&dpi=300]`` one file per job
* ``system://Queue_Name[?format=zpl|pdf|png&dpi=203&timeout=30&server=host:port|/socket]``
  the CUPS spooler over IPP (server: else ``CUPS_SERVER``, else the local cupsd); also
  ``media`` and ``darkness`` as for tcp (darkness reaches ZPL only)

Every part of the address is checked here, before any job exists: a printer that could only
fail once the job is claimed (a NaN timeout, a host name no resolver accepts) would leave the
job half-printed.  A refusal is ``UnsupportedPrinterAddressError`` whose ``reason`` is a code
of the ``printer_address_problem`` vocabulary (the caller renders it in the user's language).
"""

from __future__ import annotations

import ipaddress
import math
import re
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn, cast
from urllib.parse import SplitResult, parse_qs, unquote, urlsplit

from printing.port import LabelPrinter, PayloadFormat, UnsupportedPrinterAddressError
from printing.transports import file, system, tcp

_FORMATS = ("zpl", "pdf", "png")
_DPIS = (203, 300, 600)
# ^MD takes -30 … 30: a change relative to the darkness saved in the printer.
DARKNESS_RANGE = (-30, 30)
# Label stock a station can load, in mm (the widest print heads are 168 mm).
MEDIA_RANGE = (5.0, 300.0)
# The longest address a print job records (print_job.printer_address holds 200 characters).
MAX_ADDRESS_CHARS = 200
# Seconds a network printer may take to answer: finite, positive, and short enough that a
# dead printer cannot hold a job for ever.
TIMEOUT_RANGE = (0.1, 300.0)
# Seconds a printer may take to print one job before it counts as unconfirmed.
CONFIRM_RANGE = (0.1, 600.0)
_HOST_LABEL = r"[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?"
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# CUPS: any printable character except space, tab, "/" and "#".
_QUEUE_NAME = re.compile(r"[^\s/#\x00-\x1f\x7f]{1,127}")
_HOST_NAME = re.compile(rf"(?=.{{1,253}}$){_HOST_LABEL}(?:\.{_HOST_LABEL})*\.?")


def _refuse(url: str, reason: str) -> NoReturn:
    # A runaway address is shown by its start only: the message must stay one line.
    shown = url if len(url) <= MAX_ADDRESS_CHARS else url[:60] + "…"
    raise UnsupportedPrinterAddressError(address=shown, reason=reason)


class _Query:
    """Query parameters of one URL; unknown keys are errors so typos do not pass silently."""

    def __init__(self, url: str, parts: SplitResult, allowed: set[str]) -> None:
        self.url = url
        self.values = {key: vals[-1] for key, vals in parse_qs(parts.query).items()}
        unknown = set(self.values) - allowed
        if unknown:
            self.fail("unknown_option")

    def fail(self, reason: str) -> NoReturn:
        _refuse(self.url, reason)

    def number(self, key: str, default: float, reason: str) -> float:
        try:
            value = float(self.values.get(key, default))
        except ValueError:
            self.fail(reason)
        if not math.isfinite(value):  # nan, inf: float() takes them, a socket does not
            self.fail(reason)
        return value

    def timeout(self, default: float) -> float:
        return self.seconds("timeout", default, TIMEOUT_RANGE)

    def seconds(self, key: str, default: float, bounds: tuple[float, float]) -> float:
        value = self.number(key, default, key)
        low, high = bounds
        if not low <= value <= high:
            self.fail(key)
        return value

    def dpi(self, default: int) -> int:
        value = self.number("dpi", default, "dpi")
        if value not in _DPIS:
            self.fail("dpi")
        return int(value)

    def media(self) -> tuple[float, float] | None:
        """``media=WxH`` in mm."""
        value = self.values.get("media")
        if value is None:
            return None
        width, _, height = value.lower().partition("x")
        try:
            size = (float(width), float(height))
        except ValueError:
            self.fail("media")
        low, high = MEDIA_RANGE
        if not all(math.isfinite(mm) and low <= mm <= high for mm in size):
            self.fail("media")
        return size

    def darkness(self) -> int | None:
        if "darkness" not in self.values:
            return None
        value = self.number("darkness", 0, "darkness")
        low, high = DARKNESS_RANGE
        if not value.is_integer() or not low <= value <= high:
            self.fail("darkness")
        return int(value)

    def payload_format(self, default: PayloadFormat) -> PayloadFormat:
        value = self.values.get("format", default)
        if value not in _FORMATS:
            self.fail("format")
        return cast(PayloadFormat, value)


def _valid_host(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        return _HOST_NAME.fullmatch(host) is not None


def _open_tcp(url: str, parts: SplitResult, name: str | None) -> LabelPrinter:
    query = _Query(url, parts, {"dpi", "timeout", "status", "confirm", "media", "darkness"})
    try:
        port = tcp.DEFAULT_PORT if parts.port is None else parts.port
    except ValueError:
        query.fail("port")
    if not 1 <= port <= 65535:
        query.fail("port")
    if not parts.hostname:
        query.fail("host_required")
    if not _valid_host(parts.hostname):
        query.fail("host_invalid")
    return tcp.TcpZplPrinter(
        parts.hostname,
        port,
        name=name or "",
        dpi=query.dpi(203),
        timeout=query.timeout(5.0),
        check_status=query.values.get("status") != "off",
        confirm_timeout=query.seconds("confirm", 30.0, CONFIRM_RANGE),
        dpi_fixed="dpi" in query.values,
        media_mm=query.media(),
        darkness=query.darkness(),
    )


def _open_file(url: str, parts: SplitResult, name: str | None) -> LabelPrinter:
    query = _Query(url, parts, {"dpi", "format"})
    directory = Path(unquote(parts.path))
    local = parts.netloc in ("", "localhost")
    if not local or not directory.is_absolute() or _CONTROL.search(str(directory)):
        query.fail("directory")
    fmt = query.payload_format("pdf")
    return file.FilePrinter(directory, fmt, name=name, dpi=query.dpi(300))


def _spooler_server(query: _Query) -> str | None:
    """``host``, ``host:port`` or the absolute path of a domain socket, as CUPS_SERVER is."""
    server = query.values.get("server")
    if server is None:
        return None
    if server.startswith("/"):
        if _CONTROL.search(server):
            query.fail("server")
        return server
    host, _, port = server.rpartition(":") if ":" in server else (server, "", "631")
    if not host or not port.isdigit() or not 1 <= int(port) <= 65535 or not _valid_host(host):
        query.fail("server")
    return server


def _open_system(url: str, parts: SplitResult, name: str | None) -> LabelPrinter:
    query = _Query(url, parts, {"dpi", "format", "server", "timeout", "media", "darkness"})
    queue = unquote(parts.netloc + parts.path).strip("/")
    if not queue:
        query.fail("queue_required")
    if not _QUEUE_NAME.fullmatch(queue):
        query.fail("queue_invalid")
    return system.SystemPrinter(
        queue,
        query.payload_format("zpl"),
        name=name or "",
        dpi=query.dpi(203),
        timeout=query.timeout(30.0),
        server=_spooler_server(query),
        media_mm=query.media(),
        darkness=query.darkness(),
    )


_FACTORIES: dict[str, Callable[[str, SplitResult, str | None], LabelPrinter]] = {
    "tcp": _open_tcp,
    "file": _open_file,
    "system": _open_system,
}


def open_printer(url: str, name: str | None = None) -> LabelPrinter:
    """A printer for ``url``; raises ``UnsupportedPrinterAddressError`` with the reason.
    Nothing is sent and nothing is connected to: this only checks and parses the address."""
    if len(url) > MAX_ADDRESS_CHARS:
        _refuse(url, "too_long")
    try:
        parts = urlsplit(url.strip())
    except ValueError:  # e.g. an unbalanced "[" in the host part
        _refuse(url, "unreadable")
    factory = _FACTORIES.get(parts.scheme.lower())
    if factory is None:
        _refuse(url, "unknown_scheme")
    return factory(url, parts, name)
