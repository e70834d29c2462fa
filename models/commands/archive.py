"""`celltrail archive BATCH -o FILE.zip --user U`: retention archive of one closed batch."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from models.archive import export_batch_archive
from models.core import open_core
from models.db import resolve_database_url

Result = tuple[int, dict[str, Any], str]


def register(sub: Any, common: argparse.ArgumentParser) -> dict[tuple[str, str | None], Any]:
    archive = sub.add_parser(
        "archive",
        parents=[common],
        help="export the retention archive of a closed batch (QA or auditor)",
    )
    archive.add_argument("batch", help="batch number")
    archive.add_argument("-o", "--output", type=Path, required=True, help="archive file (.zip)")
    archive.add_argument("--user", required=True, help="QA or auditor account exporting")
    return {("archive", None): cmd_archive}


def cmd_archive(args: argparse.Namespace) -> Result:
    core = open_core(resolve_database_url(args.db), migrate=False)
    try:
        manifest = export_batch_archive(
            core, batch_number=args.batch, destination=args.output, actor=args.user
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
