"""CellTrail entry point: with a sub-command it runs the CLI, without one the desktop app."""

from __future__ import annotations

import sys
from collections.abc import Sequence

CLI_COMMANDS = {
    "init", "demo", "audit", "user", "din", "trace", "label", "backup", "restore", "archive",
    "qc", "-h", "--help",
}


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in CLI_COMMANDS:
        from models.cli.app import run

        return run(args)
    from gui.app import run_gui

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
