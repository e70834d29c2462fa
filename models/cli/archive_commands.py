"""`celltrail archive`: write, verify and read the retention archive of a closed batch.

    celltrail archive BATCH -o FILE.zip --user U   export (QA or auditor; audited)
    celltrail archive verify FILE.zip [--db URL]    check it; exit 0 intact, 1 not
    celltrail archive show FILE.zip                 human summary; exit 0 intact, 1 not

verify and show need no database.  verify's --db is used only when given explicitly (not
CELLTRAIL_DB): it then also cross-checks the archive against that live database.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from models.archive.errors import ArchiveNotIntactError
from models.archive.export import export_batch_archive
from models.archive.read import load_archive, render_summary, summary
from models.archive.verify import VerifyReport, verify_archive
from models.core import open_core
from models.kernel.db import resolve_database_url
from models.kernel.errors import ValidationError

Result = tuple[int, dict[str, Any], str]
USAGE = "BATCH -o FILE.zip --user U | verify FILE.zip [--db URL] | show FILE.zip"


def register(sub: Any, common: argparse.ArgumentParser) -> dict[tuple[str, str | None], Any]:
    archive = sub.add_parser(
        "archive",
        parents=[common],
        help="export, verify or show the retention archive of a closed batch",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    # One positional list instead of sub-commands, so `archive BATCH …` keeps working next
    # to `archive verify FILE` and `archive show FILE`.
    archive.add_argument("target", nargs="+", metavar="ARG", help=USAGE)
    archive.add_argument("-o", "--output", type=Path, help="archive file to write (.zip)")
    archive.add_argument("--user", help="QA or auditor account exporting")
    return {("archive", None): cmd_archive}


def cmd_archive(args: argparse.Namespace) -> Result:
    match args.target:
        case ["verify", file]:
            return cmd_verify(args, Path(file))
        case ["show", file]:
            return cmd_show(Path(file))
        case [batch]:
            return cmd_export(args, batch)
        case _:
            raise ValidationError(field="arguments", reason=f"expected {USAGE}")


def cmd_export(args: argparse.Namespace, batch: str) -> Result:
    if args.output is None or not args.user:
        raise ValidationError(field="arguments", reason="an export needs -o FILE.zip and --user")
    core = open_core(resolve_database_url(args.db), migrate=False)
    try:
        manifest = export_batch_archive(
            core, batch_number=batch, destination=args.output, actor=args.user
        )
    finally:
        core.close()
    rows = sum(manifest.row_counts.values())
    return (
        0,
        {"file": str(args.output), **manifest.__dict__},
        (
            f"archive of batch {manifest.batch} written to {args.output}: {rows} rows, "
            f"audit chain verified up to entry {manifest.audit_last_seq} "
            f"({manifest.audit_last_hash})"
        ),
    )


def _lang() -> str:
    return os.environ.get("CELLTRAIL_LANG") or os.environ.get("LANG", "en")


def cmd_verify(args: argparse.Namespace, file: Path) -> Result:
    live = resolve_database_url(args.db) if args.db else None
    report = verify_archive(file, live_url=live)
    return (0 if report.intact else 1), report.to_dict(_lang()), _verdict(report)


def _verdict(report: VerifyReport) -> str:
    data = report.to_dict(_lang())
    if report.intact:
        live = "; live database agrees" if report.live_checked else ""
        return (
            f"archive {report.file} intact: {data['members_checked']} members, "
            f"{data['audit_entries']} audit entries, {data['signatures']} signatures{live}"
        )
    problems = "\n".join(f"  - {p['message']}" for p in data["problems"])
    return f"ARCHIVE NOT INTACT: {report.file} ({len(report.problems)} problem(s))\n{problems}"


def cmd_show(file: Path) -> Result:
    try:
        archive = load_archive(file, require_intact=False)
    except ArchiveNotIntactError:  # not even a manifest to summarise: say what is wrong
        report = verify_archive(file)
        return 1, report.to_dict(_lang()), _verdict(report)
    return (0 if archive.intact else 1), summary(archive, _lang()), render_summary(archive, _lang())
