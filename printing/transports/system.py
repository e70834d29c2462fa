"""The operating-system spooler through CUPS's ``lp``: ``system://Queue_Name``.

ZPL goes to a raw queue (``-o raw``) untouched; PDF/PNG go through the queue's driver.  The
job is spooled, not printed, so the outcome is SENT.  pycups (GPL) and win32print are not
used; a Windows spooler transport would be a sibling module.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass

from printing.port import (
    Outcome,
    PayloadFormat,
    PrinterRejectedError,
    PrinterTimeoutError,
    PrinterUnreachableError,
    PrintJob,
    PrintResult,
    check_content_type,
)

_REQUEST_ID = re.compile(r"request id is (\S+)")


def is_usable(lp_command: str = "lp") -> bool:
    """True when the ``lp`` client is installed (package ``cups-client``)."""
    return shutil.which(lp_command) is not None


@dataclass
class SystemPrinter:
    """A spooler queue.  ``lp_command`` exists so tests can point at a stand-in script."""

    queue: str
    payload_format: PayloadFormat = "zpl"
    name: str = ""
    dpi: int = 203
    timeout: float = 30.0
    lp_command: str = "lp"

    def __post_init__(self) -> None:
        self.name = self.name or self.queue

    @property
    def address(self) -> str:
        return f"system://{self.queue}?format={self.payload_format}"

    def command(self, job: PrintJob) -> list[str]:
        raw = ["-o", "raw"] if self.payload_format == "zpl" else []
        return [self.lp_command, "-d", self.queue, *raw, "-t", job.job_id, "-"]

    def send(self, job: PrintJob) -> PrintResult:
        check_content_type(self, job)
        try:
            done = subprocess.run(
                self.command(job),
                input=job.payload,
                capture_output=True,
                timeout=self.timeout,
                check=False,
            )
        except FileNotFoundError as exc:
            raise PrinterUnreachableError(printer=self.name, detail="lp is not installed") from exc
        except subprocess.TimeoutExpired as exc:
            raise PrinterTimeoutError(printer=self.name, seconds=self.timeout) from exc
        except OSError as exc:
            detail = exc.strerror or type(exc).__name__
            raise PrinterUnreachableError(printer=self.name, detail=detail) from exc
        message = (done.stdout + done.stderr).decode("utf-8", "replace").strip()
        if done.returncode != 0:
            reason = message or f"lp exited with {done.returncode}"
            raise PrinterRejectedError(printer=self.name, reason=reason)
        found = _REQUEST_ID.search(message)
        return PrintResult(job.job_id, Outcome.SENT, detail=found.group(1) if found else message)
