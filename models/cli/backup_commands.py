"""`celltrail backup FILE` and `celltrail restore FILE`: verified, backend-neutral backups."""

from __future__ import annotations

import argparse
from pathlib import Path

from models.cli.registry import Arg, Command, Result
from models.i18n import render, user_language


def cmd_backup(args: argparse.Namespace) -> Result:
    from models.archive.backup import create_backup
    from models.kernel.db import make_engine, resolve_database_url

    engine = make_engine(resolve_database_url(args.db))
    try:
        manifest = create_backup(engine, args.file, force=args.force)
    finally:
        engine.dispose()
    text = render(
        "cli.backup.written",
        user_language(),
        file=args.file,
        rows=sum(manifest.row_counts.values()),
        seq=manifest.audit_last_seq,
        hash=manifest.audit_last_hash,
    )
    return 0, {"file": str(args.file), **manifest.__dict__}, text


def cmd_restore(args: argparse.Namespace) -> Result:
    from models.archive.backup import restore_backup
    from models.kernel.db import make_engine, resolve_database_url

    engine = make_engine(resolve_database_url(args.db))
    try:
        manifest = restore_backup(args.file, engine)
    finally:
        engine.dispose()
    text = render(
        "cli.restore.done",
        user_language(),
        file=args.file,
        rows=sum(manifest.row_counts.values()),
        seq=manifest.audit_last_seq,
    )
    return 0, {"file": str(args.file), **manifest.__dict__}, text


COMMANDS = (
    Command(
        "backup",
        "cli.help.backup",
        cmd_backup,
        args=(
            Arg("file", type=Path),
            Arg("--force", action="store_true", help="cli.help.force"),
        ),
    ),
    Command("restore", "cli.help.restore", cmd_restore, args=(Arg("file", type=Path),)),
)
