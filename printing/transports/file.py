"""A directory as a printer: ``file:///dir?format=pdf|png|zpl``.

Used for PDF archives, hand-off folders watched by other systems, and tests.  Each job is
written to a temporary file, flushed to disk and renamed, so readers never see half a label.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from printing.port import (
    Outcome,
    PayloadFormat,
    PrinterRejectedError,
    PrinterUnreachableError,
    PrintJob,
    PrintResult,
    check_content_type,
)

_SAFE_JOB_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")


def is_usable() -> bool:
    return True


class FilePrinter:
    """Writes ``<dir>/<job_id>.<format>``; refuses to overwrite an existing job's file."""

    def __init__(
        self,
        directory: Path,
        payload_format: PayloadFormat,
        *,
        name: str | None = None,
        dpi: int = 300,
    ) -> None:
        self.directory = directory
        self.payload_format: PayloadFormat = payload_format
        self.name = name or directory.name or str(directory)
        self.address = f"{directory.as_uri()}?format={payload_format}"
        self.dpi = dpi

    def path_for(self, job_id: str) -> Path:
        return self.directory / f"{job_id}.{self.payload_format}"

    def send(self, job: PrintJob) -> PrintResult:
        """CONFIRMED once the file is durably in place (nothing else can confirm a file)."""
        check_content_type(self, job)
        if not _SAFE_JOB_ID.match(job.job_id):  # the id becomes a file name
            raise PrinterRejectedError(printer=self.name, reason=f"unsafe job id {job.job_id!r}")
        target = self.path_for(job.job_id)
        if target.exists():  # a job id prints once; a reprint is a new job
            raise PrinterRejectedError(printer=self.name, reason=f"{target.name} already exists")
        try:
            self._write_atomically(target, job.payload)
        except OSError as exc:
            detail = f"{exc.strerror or type(exc).__name__}: {self.directory}"
            raise PrinterUnreachableError(printer=self.name, detail=detail) from exc
        return PrintResult(job_id=job.job_id, outcome=Outcome.CONFIRMED, detail=str(target))

    def _write_atomically(self, target: Path, payload: bytes) -> None:
        handle, temp_name = tempfile.mkstemp(dir=self.directory, prefix=".", suffix=".part")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(payload)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temp_name, target)
        except BaseException:
            Path(temp_name).unlink(missing_ok=True)
            raise
