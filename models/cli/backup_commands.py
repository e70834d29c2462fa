"""`celltrail backup FILE` and `celltrail restore FILE`: verified, backend-neutral backups."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from models.archive.backup import create_backup, restore_backup
from models.kernel.db import make_engine, resolve_database_url

Result = tuple[int, dict[str, Any], str]


def register(sub: Any, common: argparse.ArgumentParser) -> dict[tuple[str, str | None], Any]:
    backup = sub.add_parser("backup", parents=[common], help="write a verified backup archive")
    backup.add_argument("file", type=Path)
    restore = sub.add_parser(
        "restore", parents=[common], help="restore a backup archive into an empty database"
    )
    restore.add_argument("file", type=Path)
    return {("backup", None): cmd_backup, ("restore", None): cmd_restore}


def cmd_backup(args: argparse.Namespace) -> Result:
    engine = make_engine(resolve_database_url(args.db))
    try:
        manifest = create_backup(engine, args.file)
    finally:
        engine.dispose()
    rows = sum(manifest.row_counts.values())
    return (
        0,
        {"file": str(args.file), **manifest.__dict__},
        (
            f"backup written to {args.file}: {rows} rows, audit chain verified up to entry "
            f"{manifest.audit_last_seq} ({manifest.audit_last_hash})"
        ),
    )


def cmd_restore(args: argparse.Namespace) -> Result:
    engine = make_engine(resolve_database_url(args.db))
    try:
        manifest = restore_backup(args.file, engine)
    finally:
        engine.dispose()
    rows = sum(manifest.row_counts.values())
    return (
        0,
        {"file": str(args.file), **manifest.__dict__},
        (
            f"restored {rows} rows from {args.file}; audit chain verified up to entry "
            f"{manifest.audit_last_seq}"
        ),
    )
