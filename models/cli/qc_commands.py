"""`celltrail qc import FILE --user NAME`: import QC results from an instrument/LIMS export.

The file is checked first (no password needed to learn what is wrong with it); then the
analyst's password signs every result, all in one transaction. Exit codes: 0 imported; 1 the
file was refused (every problem listed; nothing imported); 2 refused for another reason. The
file format shown by --help is in the catalogue (``cli.help.qc.import.description``).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from models.cli.inputs import read_password
from models.cli.registry import Arg, Command, Group, Result
from models.i18n import render, user_language

if TYPE_CHECKING:
    from models.quality.qc_file.errors import QcFileError
    from models.quality.qc_file.importer import QcImportReport


def cmd_import(args: argparse.Namespace) -> Result:
    from models.core import open_core
    from models.kernel.db import resolve_database_url
    from models.quality.qc_file.errors import QcFileError
    from models.quality.qc_file.importer import QcFileImporter

    lang = user_language()
    core = open_core(resolve_database_url(args.db))
    try:
        importer = QcFileImporter.for_core(core)
        try:
            preview = importer.preview(args.file)  # refuse a bad file before asking to sign
            report = importer.import_file(
                args.file,
                username=args.user,
                password=read_password(args, args.user, lang),
                expected_sha256=preview.sha256,
            )
        except QcFileError as exc:
            return _refused(exc, lang)
    finally:
        core.close()
    return 0, report.to_dict(), _summary(report, lang)


def _refused(exc: QcFileError, lang: str) -> Result:
    data = {
        "error": exc.code,
        "message": exc.message(lang),
        "file": exc.params["file"],
        "problems": [p.to_dict(lang) for p in exc.problems],
    }
    # The message lists the first problems only; the terminal gets every one of them.
    head = exc.message(lang).splitlines()[0]
    lines = [render("cli.error", lang, message=head)]
    lines += [f"  - {p.message(lang)}" for p in exc.problems]
    return 1, data, "\n".join(lines)


def _summary(report: QcImportReport, lang: str) -> str:
    lines = [
        render(
            "cli.qc.imported",
            lang,
            count=len(report.outcomes),
            file=report.file,
            sha256=report.sha256,
            seq=report.audit_seq,
        )
    ]
    for o in report.outcomes:
        if o.verdict.value != "fail":
            continue
        line = render("cli.qc.oos", lang, result=o.result_id, deviation=o.deviation_id)
        if o.recall_code:
            line += render("cli.qc.recall_started", lang, recall=o.recall_code)
        elif o.recall_pending:
            line += render("cli.qc.recall_pending", lang)
        lines.append("  " + line)
    return "\n".join(lines)


COMMANDS = (
    Group(
        "qc",
        "cli.help.qc",
        (
            Command(
                "import",
                "cli.help.qc.import",
                cmd_import,
                description="cli.help.qc.import.description",
                args=(
                    Arg("file", type=Path, help="cli.help.qc.file"),
                    Arg("--user", required=True, help="cli.help.qc.user"),
                    Arg("--password-stdin", action="store_true", help="cli.help.password_stdin"),
                ),
            ),
        ),
    ),
)
