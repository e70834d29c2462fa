"""The workstation name the audit trail records for every entry.

It defaults to the host name, which the product does not choose: Linux allows 64 bytes of
anything, other systems longer names, and bytes that are not UTF-8 come back from Python as
lone surrogates, which neither the audit hash nor the database can encode. The audit column
holds 64 characters. So the name is made storable here, once, before any entry is hashed:
undecodable bytes become U+FFFD, control characters go, and it is cut to 64 characters (the
start of a host name is what tells machines apart; refusing would stop every write on that
machine).
"""

from __future__ import annotations

import socket

WORKSTATION_LENGTH = 64  # audit_entry.workstation is String(64)


def workstation_name(name: str | None = None) -> str:
    """``name`` (or this host's name) as the audit trail can store and hash it."""
    raw = name or socket.gethostname()
    text = raw.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    text = "".join(ch for ch in text if ch.isprintable()).strip()
    return text[:WORKSTATION_LENGTH] or "unknown"


class Workstation:
    """The name every new unit of work stamps on its audit entries, changeable while the core
    is open: the desktop's station settings may be loaded, or renamed by an administrator,
    after the database was opened, and the trail must carry the configured name from then on
    (issue 14: entries said the host name "vm", not the station QA looks for). A plain
    attribute swap: units of work read it once, when they are created."""

    def __init__(self, name: str | None = None) -> None:
        self.name = workstation_name(name)

    def rename(self, name: str | None) -> None:
        self.name = workstation_name(name)
