"""`celltrail qc import FILE --user NAME`: import QC results from an instrument/LIMS export.

The file is checked first (no password needed to learn what is wrong with it); then the
analyst's password — prompted, or one line on stdin with --password-stdin — signs every
result, all in one transaction.  Exit codes: 0 imported; 1 the file was refused (every
problem listed with its line and column; nothing imported); 2 the import was refused for
another reason (wrong password, missing role, unreachable database …).

File format (CSV, UTF-8/UTF-8-BOM/GB18030, comma, tab or semicolon):
  required columns  batch/批号, test/检测项目, result/结果, resulted_at/检测时间
  optional columns  unit/单位, method/方法, instrument/仪器, rapid/快速法,
                    mutation_detected/基因突变
  times             with a UTC offset (2025-04-15T10:30:00+08:00), or without one
                    (2025-04-15 10:30:00) read in the site's time zone
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from models.core import open_core
from models.kernel.db import resolve_database_url
from models.kernel.errors import ValidationError
from models.quality.qc_file.errors import QcFileError
from models.quality.qc_file.importer import QcFileImporter, QcImportReport

Result = tuple[int, dict[str, Any], str]


def register(sub: Any, common: argparse.ArgumentParser) -> dict[tuple[str, str | None], Any]:
    qc = sub.add_parser("qc", help="QC results")
    qc_sub = qc.add_subparsers(dest="qc_command", required=True)
    imp = qc_sub.add_parser(
        "import",
        parents=[common],
        help="import QC results from an instrument/LIMS CSV export (all rows or none)",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    imp.add_argument("file", type=Path, help="the CSV export")
    imp.add_argument("--user", required=True, help="the analyst signing the results")
    imp.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    return {("qc", "import"): cmd_import}


def _lang() -> str:
    return os.environ.get("CELLTRAIL_LANG") or os.environ.get("LANG", "en")


def _password(args: argparse.Namespace) -> str:
    try:
        if args.password_stdin:
            return sys.stdin.readline().rstrip("\r\n")
        return getpass.getpass(f"Password for {args.user}: ")
    except (EOFError, KeyboardInterrupt) as exc:  # Ctrl-D / Ctrl-C at the prompt
        raise ValidationError(field="password", reason="no password was entered") from exc


def cmd_import(args: argparse.Namespace) -> Result:
    core = open_core(resolve_database_url(args.db))
    try:
        importer = QcFileImporter.for_core(core)
        try:
            preview = importer.preview(args.file)  # refuse a bad file before asking to sign
            report = importer.import_file(
                args.file,
                username=args.user,
                password=_password(args),
                expected_sha256=preview.sha256,
            )
        except QcFileError as exc:
            return _refused(exc)
    finally:
        core.close()
    return 0, report.to_dict(), _summary(report)


def _refused(exc: QcFileError) -> Result:
    lang = _lang()
    data = {
        "error": exc.code,
        "message": exc.message(lang),
        "file": exc.params["file"],
        "problems": [p.to_dict(lang) for p in exc.problems],
    }
    # The message lists the first problems only; the terminal gets every one of them.
    head = exc.message(lang).splitlines()[0]
    text = "\n".join([f"error: {head}", *(f"  - {p.message(lang)}" for p in exc.problems)])
    return 1, data, text


def _summary(report: QcImportReport) -> str:
    lines = [
        f"imported {len(report.outcomes)} QC result(s) from {report.file} "
        f"(SHA-256 {report.sha256}); audit entry {report.audit_seq}"
    ]
    for o in report.outcomes:
        if o.verdict.value != "fail":
            continue
        line = f"  result {o.result_id}: OUT OF SPECIFICATION, deviation {o.deviation_id}"
        if o.recall_code:
            line += f", recall {o.recall_code} started"
        elif o.recall_pending:
            line += ", released batch: QA must start the recall"
        lines.append(line)
    return "\n".join(lines)
