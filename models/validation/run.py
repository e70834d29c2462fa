"""One qualification run: the scratch database, IQ, then OQ, and what they found.

Qt-free and independent of the command line (models/cli/validate_commands.py drives it):
``qualify`` never raises for a failed step, it records it; it raises only when the run
cannot start (a database that must not be used, an unreachable server).
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from models.core import Core, open_core
from models.entities.database import Purpose
from models.validation.environment import Environment, describe_environment
from models.validation.iq_printers import StationSettings
from models.validation.oq_context import HOSPITAL, STAFF, OqContext, run_password, run_passwords
from models.validation.plan import IQ_STEPS, OQ_STEPS, IqContext
from models.validation.scratch import require_scratch
from models.validation.steps import StepResult, Verdict, codes_of, run_steps


@dataclass(frozen=True)
class ValidationRun:
    environment: Environment
    results: tuple[StepResult, ...]

    @property
    def failures(self) -> list[StepResult]:
        return [r for r in self.results if r.verdict is Verdict.FAIL]

    @property
    def passed(self) -> bool:
        return not self.failures

    @property
    def codes(self) -> list[str]:
        """The requirement codes the run's passing steps prove."""
        return codes_of(r for r in self.results if r.verdict is Verdict.PASS)

    def content(self) -> dict[str, object]:
        """What a signature of the report is bound to: environment and every result."""
        return {
            "environment": dict(self.environment.rows()),
            "results": [
                {
                    "step": r.id,
                    "codes": list(r.codes),
                    "verdict": r.verdict.value,
                    "observed": r.observed.message("en"),
                }
                for r in self.results
            ],
        }


def qualify(url: str | None, station: StationSettings) -> ValidationRun:
    """Run IQ and OQ on ``url`` (a scratch database; None: a new temporary SQLite file)."""
    if url is not None:
        require_scratch(url)
    with tempfile.TemporaryDirectory(prefix="celltrail-validate-") as folder:
        work = Path(folder)
        target = url or f"sqlite:///{work / 'validation.db'}"
        core = open_core(
            target,
            purpose=Purpose.VALIDATION,
            workstation=station.name,
            passwords=run_passwords(),
        )
        try:
            return _run(core, station, work)
        finally:
            core.close()


def _run(core: Core, station: StationSettings, work: Path) -> ValidationRun:
    from models.demo.build import add_staff
    from models.validation.oq_setup import add_run_sites

    environment = describe_environment(core.engine, core.workstation.name)
    results = run_steps(IQ_STEPS, IqContext(core.engine, station), chained=False)
    password = run_password()
    add_run_sites(core)
    add_staff(core, STAFF, password, {"liu": HOSPITAL})  # the nurse works at the hospital
    context = OqContext(core, password, work)
    results += run_steps(OQ_STEPS, context, chained=True)
    return ValidationRun(environment, tuple(results))
