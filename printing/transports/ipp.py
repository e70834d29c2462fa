"""The few IPP/1.1 operations the spooler transport needs, over HTTP with the standard library.

RFC 8010 (encoding) and RFC 8011 (semantics): a request is a version, an operation, a request
id and groups of attributes, each value tagged; the reply has the same shape with a status.
Only what CUPS needs from us is encoded (integers, booleans, enums, strings); replies are
decoded generically, collections flattened to their raw bytes (nothing here reads them).

The server is ``host:port`` or the path of CUPS's domain socket, as ``CUPS_SERVER`` names it.
OSError from the connection is left to the caller: only it knows what a refusal means.
"""

from __future__ import annotations

import http.client
import socket
import struct
from dataclasses import dataclass, field
from typing import Final

PRINT_JOB: Final = 0x0002
CANCEL_JOB: Final = 0x0008
GET_JOB_ATTRIBUTES: Final = 0x0009
GET_PRINTER_ATTRIBUTES: Final = 0x000B

STATUS_NOT_FOUND: Final = 0x0406

_OPERATION_GROUP = 0x01
_JOB_GROUP = 0x02
_END = 0x03
_INTEGER, _BOOLEAN, _ENUM = 0x21, 0x22, 0x23
_NAME, _KEYWORD, _URI, _CHARSET, _LANGUAGE, _MIME = 0x42, 0x44, 0x45, 0x47, 0x48, 0x49
_TEXT_TAGS = frozenset(range(0x41, 0x4A)) | {0x35, 0x36}

Value = int | bool | str | bytes


@dataclass(frozen=True)
class Attr:
    """One request attribute: an IPP value tag and its values (one or more)."""

    tag: int
    name: str
    values: tuple[int | bool | str, ...]

    @classmethod
    def integer(cls, name: str, value: int) -> Attr:
        return cls(_INTEGER, name, (value,))

    @classmethod
    def enum(cls, name: str, value: int) -> Attr:
        return cls(_ENUM, name, (value,))

    @classmethod
    def boolean(cls, name: str, value: bool) -> Attr:
        return cls(_BOOLEAN, name, (value,))

    @classmethod
    def keyword(cls, name: str, *values: str) -> Attr:
        return cls(_KEYWORD, name, values)

    @classmethod
    def name_(cls, name: str, value: str) -> Attr:
        return cls(_NAME, name, (value,))

    @classmethod
    def uri(cls, name: str, value: str) -> Attr:
        return cls(_URI, name, (value,))

    @classmethod
    def mime(cls, name: str, value: str) -> Attr:
        return cls(_MIME, name, (value,))


@dataclass
class Response:
    status: int
    attributes: dict[str, list[Value]] = field(default_factory=dict)

    def first(self, name: str) -> Value | None:
        values = self.attributes.get(name)
        return values[0] if values else None

    @property
    def ok(self) -> bool:
        return self.status < 0x0100  # successful-ok and its "ignored or substituted" kin


def _encode_value(tag: int, value: int | bool | str) -> bytes:
    if tag == _BOOLEAN:
        return b"\x01" if value else b"\x00"
    if tag in (_INTEGER, _ENUM):
        return struct.pack(">i", int(value))
    return str(value).encode("utf-8")


def encode(
    operation: int,
    request_id: int,
    operation_attrs: list[Attr],
    job_attrs: list[Attr] | None = None,
) -> bytes:
    """A request: charset and language first, as RFC 8011 §4.1.4 requires."""
    out = bytearray(struct.pack(">BBHI", 1, 1, operation, request_id))
    head = [Attr(_CHARSET, "attributes-charset", ("utf-8",))]
    head.append(Attr(_LANGUAGE, "attributes-natural-language", ("en",)))
    for group, attrs in ((_OPERATION_GROUP, head + operation_attrs), (_JOB_GROUP, job_attrs)):
        if not attrs:
            continue
        out.append(group)
        for attr in attrs:
            for index, value in enumerate(attr.values):
                name = attr.name.encode("ascii") if index == 0 else b""
                data = _encode_value(attr.tag, value)
                out += struct.pack(">BH", attr.tag, len(name)) + name
                out += struct.pack(">H", len(data)) + data
    out.append(_END)
    return bytes(out)


def _decode_value(tag: int, data: bytes) -> Value:
    if tag in (_INTEGER, _ENUM) and len(data) == 4:
        return int(struct.unpack(">i", data)[0])
    if tag == _BOOLEAN and len(data) == 1:
        return data != b"\x00"
    if tag in _TEXT_TAGS:
        return data.decode("utf-8", "replace")
    return data


def decode(reply: bytes) -> Response:
    """Status and attributes of every group (job and printer names do not collide here);
    ValueError for anything that is not a whole IPP reply."""
    try:
        return _decode(reply)
    except struct.error as exc:
        raise ValueError("IPP reply truncated") from exc


def _decode(reply: bytes) -> Response:
    if len(reply) < 9:
        raise ValueError("IPP reply too short")
    status = struct.unpack(">H", reply[2:4])[0]
    response = Response(status)
    pos, current = 8, ""
    while pos < len(reply):
        tag = reply[pos]
        pos += 1
        if tag == _END:
            break
        if tag < 0x10:  # a group delimiter
            continue
        (name_len,) = struct.unpack(">H", reply[pos : pos + 2])
        name = reply[pos + 2 : pos + 2 + name_len].decode("utf-8", "replace")
        pos += 2 + name_len
        (value_len,) = struct.unpack(">H", reply[pos : pos + 2])
        data = reply[pos + 2 : pos + 2 + value_len]
        pos += 2 + value_len
        if pos > len(reply):
            raise ValueError("IPP reply truncated")
        if name:
            current = name
            response.attributes.setdefault(current, [])
        if 0x10 <= tag < 0x20:  # out-of-band (unknown, no-value): nothing to keep
            continue
        if current:
            response.attributes[current].append(_decode_value(tag, data))
    return response


class HttpStatusError(ValueError):
    """The spooler answered HTTP, but not with an IPP reply (e.g. 401 authentication)."""

    def __init__(self, status: int) -> None:
        super().__init__(f"HTTP {status}")
        self.status = status


class _UnixConnection(http.client.HTTPConnection):
    """HTTP over CUPS's domain socket (where peer credentials authenticate the user)."""

    def __init__(self, path: str, timeout: float) -> None:
        super().__init__("localhost", timeout=timeout)
        self._path = path

    def connect(self) -> None:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(self.timeout)
        try:
            sock.connect(self._path)
        except OSError:
            sock.close()
            raise
        self.sock = sock


def _connection(server: str, timeout: float) -> http.client.HTTPConnection:
    if server.startswith("/"):
        return _UnixConnection(server, timeout)
    host, _, port = server.rpartition(":")
    if not host or not port.isdigit():  # "printhost" alone: CUPS's own port
        host, port = server, "631"
    return http.client.HTTPConnection(host.strip("[]"), int(port), timeout=timeout)


def post(server: str, resource: str, body: bytes, timeout: float) -> Response:
    """Send one IPP request; OSError (refused, timed out) and ValueError (garbage) propagate."""
    conn = _connection(server, timeout)
    try:
        conn.request("POST", resource, body=body, headers={"Content-Type": "application/ipp"})
        reply = conn.getresponse()
        data = reply.read()
        if reply.status != 200:  # 401/403: the spooler wants a user we cannot prove to be
            raise HttpStatusError(reply.status)
        return decode(data)
    except http.client.HTTPException as exc:
        raise ValueError(str(exc) or type(exc).__name__) from exc
    finally:
        conn.close()
