"""Qualification steps and their results: what each proves, expected, observed, verdict.

A step is declared once (``Step``): its id (``IQ-03``, ``OQ-12``), the requirement codes it
proves and the check itself. Its title and expected result are catalogue texts keyed by the
id (``validate.step.IQ-03.title``/``.expected``); what the check observed is a ``Message``,
so the report reads in the reader's language while the raw values (versions, hashes,
identifiers) stay as they were observed.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from models.i18n import Coded, Message, describe, render
from models.kernel.errors import DomainError

C = TypeVar("C")


class Verdict(enum.StrEnum):
    PASS = "pass"
    FAIL = "fail"
    NOT_APPLICABLE = "n/a"  # nothing to qualify here (no printer configured): never a PASS


@dataclass(frozen=True)
class Observation:
    verdict: Verdict
    observed: Message


@dataclass(frozen=True, eq=False)
class Described:
    """A coded thing (a domain refusal, a printer error) as a parameter of a step's message,
    read in the report's language like the sentence around it."""

    thing: Coded

    def message(self, lang: str | None = "en") -> str:
        return describe(self.thing, lang)


def passed(code: str, **params: Any) -> Observation:
    return Observation(Verdict.PASS, Message.of(code, **params))


def failed(code: str, **params: Any) -> Observation:
    return Observation(Verdict.FAIL, Message.of(code, **params))


def judged(ok: bool, code: str, **params: Any) -> Observation:
    return Observation(Verdict.PASS if ok else Verdict.FAIL, Message.of(code, **params))


@dataclass(frozen=True)
class Step(Generic[C]):
    id: str
    codes: tuple[str, ...]
    check: Callable[[C], Observation]

    def title(self, lang: str) -> str:
        return render(f"validate.step.{self.id}.title", lang)

    def expected(self, lang: str) -> str:
        return render(f"validate.step.{self.id}.expected", lang)


@dataclass(frozen=True)
class StepResult:
    id: str
    phase: str  # IQ or OQ
    codes: tuple[str, ...]
    verdict: Verdict
    observed: Message

    def title(self, lang: str) -> str:
        return render(f"validate.step.{self.id}.title", lang)

    def expected(self, lang: str) -> str:
        return render(f"validate.step.{self.id}.expected", lang)


def run_steps(steps: Sequence[Step[C]], context: C, *, chained: bool) -> list[StepResult]:
    """Run ``steps`` in order. A step that raises fails with what was raised; in a
    ``chained`` scenario (each step building on the records of the one before) the steps
    after it are failed as blocked rather than run on records that are not there."""
    results: list[StepResult] = []
    blocked_by: str | None = None
    for step in steps:
        if blocked_by is not None:
            outcome = failed("validate.observed.blocked", step=blocked_by)
        else:
            outcome = _attempt(step, context)
            if chained and outcome.observed.code in _RAISED:
                blocked_by = step.id
        phase = step.id.split("-", 1)[0]
        results.append(StepResult(step.id, phase, step.codes, outcome.verdict, outcome.observed))
    return results


_RAISED = frozenset({"validate.observed.refused", "validate.observed.error"})


def _attempt(step: Step[C], context: C) -> Observation:
    try:
        return step.check(context)
    except DomainError as exc:  # a refusal the step did not expect
        return failed("validate.observed.refused", reason=Described(exc))
    except Exception as exc:  # noqa: BLE001 - the report names whatever went wrong, and goes on
        return failed("validate.observed.error", error=f"{type(exc).__name__}: {exc}"[:400])


def refusal(action: Callable[[], object]) -> DomainError | None:
    """The refusal ``action`` met, or None when it was done (for steps that expect a no)."""
    try:
        action()
    except DomainError as exc:
        return exc
    return None


def codes_of(results: Iterable[StepResult]) -> list[str]:
    """Every requirement code the results cover, in registry-like order (area, number)."""
    return sorted({code for result in results for code in result.codes})
