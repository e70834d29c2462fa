"""Printer status as read back with ZPL ``~HS`` (host status return).

The reply is three STX…ETX framed, comma-separated strings (ZPL II guide, ``~HS``):
string 1 ``aaa,b,c,dddd,eee,f,g,h,iii,j,k,l`` (b paper out, c paused, e formats in buffer,
f buffer full, k under temperature, l over temperature) and string 2
``mmm,n,o,p,q,r,s,t,uuuuuuuu,v,www`` (o head up, p ribbon out, u labels left in batch).
"""

from __future__ import annotations

from dataclasses import dataclass

from printing.errors import PrinterStatusUnreadableError

STX, ETX = b"\x02", b"\x03"

# Conditions that mean "a job sent now would not print". Their words are the catalogue's
# ``printer_problem.*`` codes (printing holds no words; its caller renders them).
PROBLEMS: tuple[str, ...] = ("paper_out", "paused", "head_open", "ribbon_out", "over_temperature")


@dataclass(frozen=True)
class PrinterStatus:
    paper_out: bool = False
    paused: bool = False
    head_open: bool = False
    ribbon_out: bool = False
    buffer_full: bool = False
    under_temperature: bool = False
    over_temperature: bool = False
    formats_in_buffer: int = 0
    labels_remaining: int = 0

    @property
    def problems(self) -> tuple[str, ...]:
        """Codes (``PROBLEMS``) of every condition that blocks printing."""
        return tuple(code for code in PROBLEMS if getattr(self, code))

    @property
    def ready(self) -> bool:
        return not self.problems


def parse_host_status(reply: bytes, printer: str = "?") -> PrinterStatus:
    """Parse a ``~HS`` reply; raise ``PrinterStatusUnreadableError`` on anything malformed."""
    frames = [
        chunk.split(ETX, 1)[0].decode("ascii", "replace").strip() for chunk in reply.split(STX)[1:]
    ]
    try:
        first, second = frames[0].split(","), frames[1].split(",")
        return PrinterStatus(
            paper_out=first[1] == "1",
            paused=first[2] == "1",
            formats_in_buffer=int(first[4]),
            buffer_full=first[5] == "1",
            under_temperature=first[10] == "1",
            over_temperature=first[11] == "1",
            head_open=second[2] == "1",
            ribbon_out=second[3] == "1",
            labels_remaining=int(second[8]),
        )
    except (IndexError, ValueError) as exc:
        raise PrinterStatusUnreadableError(printer=printer, reply=reply[:80]) from exc


def format_host_status(status: PrinterStatus) -> bytes:
    """The reply a Zebra printer would give; used by fakes and tests."""
    flag = {True: "1", False: "0"}
    first = (
        f"030,{flag[status.paper_out]},{flag[status.paused]},1218,"
        f"{status.formats_in_buffer:03d},{flag[status.buffer_full]},0,0,000,0,"
        f"{flag[status.under_temperature]},{flag[status.over_temperature]}"
    )
    second = (
        f"001,0,{flag[status.head_open]},{flag[status.ribbon_out]},1,2,6,0,"
        f"{status.labels_remaining:08d},1,000"
    )
    return b"".join(STX + s.encode() + ETX + b"\r\n" for s in (first, second, "1234,0"))
