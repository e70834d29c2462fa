"""`celltrail requirements [--write FILE | --check FILE]`: the requirement registry (issue 16).

Without an option it prints how many requirements are implemented, not applicable or not yet,
and every inconsistency between the registry, the code and the tests' markers (exit 1 if
any). ``--write FILE`` writes the requirement document (docs/requirements.md in a source
checkout); ``--check FILE`` exits 1 when FILE is not what ``--write`` would write. Both read
the ``@pytest.mark.req`` markers in the checkout's tests/ without running them, so they
refuse to work where there is no tests/ (an installed copy) and say so.
"""

from __future__ import annotations

import argparse
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any

from models.cli.registry import Arg, Command, Result
from models.i18n import render, user_language

if TYPE_CHECKING:
    from models.i18n import Message
    from models.validation.markers import MarkerIndex
    from models.validation.registry import Registry

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024  # a requirement document is ~200 kB; more is not one


def cmd_requirements(args: argparse.Namespace) -> Result:
    from models.kernel.errors import ValidationError
    from models.validation.consistency import project_root
    from models.validation.errors import NoSourceCheckoutError
    from models.validation.registry import load_registry

    lang = user_language()
    if args.write is not None and args.check is not None:
        raise ValidationError(field="--write/--check", reason=render("cli.requirements.one", lang))
    registry, root = load_registry(), project_root()
    if args.write is None and args.check is None:
        try:
            return _summary(registry, root, lang)
        except NoSourceCheckoutError as exc:  # an installed copy: the registry alone
            data = _counts(registry) | {"tests": None, "problems": []}
            return 0, data, "\n".join([_count_line(registry, None, lang), exc.message(lang)])
    return _document(args, registry, root, lang)


def _summary(registry: Registry, root: Path, lang: str) -> Result:
    from models.validation.consistency import markers_of, problems

    markers = markers_of(root)
    found = problems(registry, markers, root)
    return _answer(registry, markers, found, lang, render("cli.requirements.consistent", lang))


def _document(args: argparse.Namespace, registry: Registry, root: Path, lang: str) -> Result:
    from models.validation.consistency import document_problem, markers_of, problems
    from models.validation.document import render_document

    markers = markers_of(root)  # NoSourceCheckoutError: refused, nothing written
    text = render_document(registry, markers)
    found = problems(registry, markers, root)
    if args.write is not None:
        _write(Path(args.write), text, force=args.force)
        done = render("cli.requirements.written", lang, file=args.write)
    else:
        shown = str(args.check)
        stale = document_problem(_readable(Path(args.check)), text, shown)
        found = ([stale] if stale else []) + found
        done = render("cli.requirements.current", lang, file=shown)
    return _answer(registry, markers, found, lang, done)


def _readable(path: Path) -> Path:
    """``path`` if reading it is safe; a device, pipe or huge file reads as a missing one
    (reading /dev/zero would never end)."""
    try:
        found = os.stat(path)
    except OSError:
        return path
    if not stat.S_ISREG(found.st_mode) or found.st_size > MAX_DOCUMENT_BYTES:
        return path / "not-a-document"  # reads as missing: "write it with …"
    return path


def _write(destination: Path, text: str, *, force: bool) -> None:
    """Written whole or not at all; an earlier generated document is replaced, any other
    file only with --force (and never a link, a directory or a device)."""
    from models.archive.output import new_file

    with new_file(destination, force=force or _is_generated(destination)) as temporary:
        temporary.write_text(text, encoding="utf-8")
        temporary.chmod(0o644)  # project documentation, not a record: readable by all


def _is_generated(path: Path) -> bool:
    from models.validation.document import GENERATED

    try:
        found = os.lstat(path)
        if not stat.S_ISREG(found.st_mode):
            return False
        with path.open("r", encoding="utf-8", errors="replace") as stream:
            return stream.readline().rstrip("\n") == GENERATED
    except OSError:
        return False


def _answer(
    registry: Registry, markers: MarkerIndex, found: list[Message], lang: str, ok: str
) -> Result:
    tests = len(markers.tests)
    data: dict[str, Any] = _counts(registry) | {
        "tests": tests,
        "problems": [m.message(lang) for m in found],
    }
    lines = [_count_line(registry, tests, lang)]
    if not found:
        return 0, data, "\n".join([*lines, ok])
    lines.append(render("cli.requirements.problems", lang, count=len(found)))
    lines += [f"  {m.message(lang)}" for m in found]
    return 1, data, "\n".join(lines)


def _counts(registry: Registry) -> dict[str, Any]:
    return {"total": len(registry), "counts": {s.value: n for s, n in registry.counts().items()}}


def _count_line(registry: Registry, tests: int | None, lang: str) -> str:
    from models.validation.registry import Status

    counts = registry.counts()
    line = render(
        "cli.requirements.summary",
        lang,
        total=len(registry),
        implemented=counts[Status.IMPLEMENTED],
        not_applicable=counts[Status.NOT_APPLICABLE],
        not_yet=counts[Status.NOT_YET],
    )
    if tests is None:
        return line
    return line + render("cli.requirements.tests", lang, tests=tests)


COMMANDS = (
    Command(
        "requirements",
        "cli.help.requirements",
        cmd_requirements,
        args=(
            Arg("--write", type=Path, help="cli.help.requirements.write"),
            Arg("--check", type=Path, help="cli.help.requirements.check"),
            Arg("--force", action="store_true", help="cli.help.force"),
            Arg("--json", action="store_true", help="cli.help.json"),
        ),
        common=False,  # no database: the registry, the code and the tests
    ),
)
