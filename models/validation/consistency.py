"""The registry, the code and the tests held together (the CI gate of issue 16).

Every fault is a message, all of them listed at once: an implemented requirement no test
tries to break, a marker naming a code the registry does not hold (or one that cannot be
read), an ``enforced_in`` that names no file or no symbol, and a requirement document that is
not what the registry and the markers give now. The structural faults of the registry itself
(a not_yet without what is missing …) are refused earlier, by ``registry.parse_registry``.
"""

from __future__ import annotations

from pathlib import Path

from models.i18n import Message
from models.validation.errors import NoSourceCheckoutError
from models.validation.markers import MarkerIndex, collect_markers
from models.validation.registry import Registry, Status
from models.validation.symbols import reference_problem

DOCUMENT = "docs/requirements.md"
TESTS = "tests"
WRITE_COMMAND = "celltrail requirements --write {file}"


def project_root() -> Path:
    """The directory holding models/ (and, in a source checkout, tests/ and docs/)."""
    return Path(__file__).resolve().parents[2]


def require_checkout(root: Path) -> Path:
    """``root/tests``, or NoSourceCheckoutError: markers live in a source checkout only."""
    tests = root / TESTS
    if not tests.is_dir():
        raise NoSourceCheckoutError(root=str(root))
    return tests


def markers_of(root: Path) -> MarkerIndex:
    require_checkout(root)
    return collect_markers(root, TESTS)


def problems(registry: Registry, markers: MarkerIndex, root: Path) -> list[Message]:
    """Everything that does not hold together, in a stable order (empty: consistent)."""
    found = list(markers.problems)
    for marked in markers.tests:
        for code in marked.codes:
            if code not in registry:
                found.append(
                    Message.of(
                        "requirements.problem.unknown_marker", test=marked.test, requirement=code
                    )
                )
    tested = markers.by_code()
    for requirement in registry:
        if requirement.status is Status.IMPLEMENTED and not tested.get(requirement.code):
            found.append(Message.of("requirements.problem.untested", requirement=requirement.code))
        for reference in requirement.enforced_in:
            problem = reference_problem(root, requirement.code, reference)
            if problem is not None:
                found.append(problem)
    return found


def document_problem(path: Path, expected: str, shown_as: str) -> Message | None:
    """Why the document at ``path`` is not ``expected`` (None: it is); ``shown_as`` is how the
    regenerate command names the file."""
    command = WRITE_COMMAND.format(file=shown_as)
    try:
        current = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Message.of("requirements.problem.no_document", file=shown_as, command=command)
    except (OSError, UnicodeDecodeError) as exc:
        return Message.of("requirements.problem.unreadable", path=shown_as, detail=str(exc))
    if current != expected:
        return Message.of("requirements.problem.stale", file=shown_as, command=command)
    return None
