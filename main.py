"""CellTrail entry point: with a sub-command it runs the CLI, without one the desktop app.

Only the chosen path is imported: the command registry names the CLI's first words without
loading any handler, and the desktop imports Qt only when it starts.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in _cli_words():
        from models.cli.app import run

        return run(args)
    from gui.app import run_gui

    return run_gui(args)


def _cli_words() -> frozenset[str]:
    from models.cli.registry import first_words

    return first_words()


if __name__ == "__main__":
    sys.exit(main())
