"""Installation qualification of the station's printers: each configured one must answer.

The station's settings are the desktop's JSON file (gui/station.py writes it; read here
without Qt): plain addresses (``printers``) and profiles (``printer_profiles``). A printer
is asked the way ``celltrail label print`` asks it, without printing anything: a network
printer for its status, a folder printer whether the folder is there and writable. A
spooler queue answers only to a job, so it is named as not asked. No printer configured is
"not applicable", never a pass.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from models.i18n import Message, Phrases
from models.validation.iq_host import na, writable_directory
from models.validation.steps import Described, Observation, Verdict


@dataclass(frozen=True)
class StationSettings:
    name: str | None
    printers: tuple[str, ...]


def default_station_file() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir("CellTrail", appauthor=False)) / "station.json"


def read_station(path: Path | None) -> StationSettings:
    """The station's name and printer addresses; a missing file is a station with none.
    ValueError (with the reason) for a file that is not a station's settings."""
    from printing.errors import PrinterError
    from printing.profile import PrinterProfile

    source = path or default_station_file()
    if not source.exists():
        return StationSettings(None, ())
    try:
        data: Any = json.loads(source.read_text(encoding="utf-8"))
        plain = [str(p) for p in data.get("printers", ())]
        profiles = [PrinterProfile.from_dict(p).url() for p in data.get("printer_profiles", ())]
    except (OSError, ValueError, AttributeError, TypeError, PrinterError) as exc:
        raise ValueError(f"{source}: {exc}") from exc
    name = data.get("name")
    return StationSettings(str(name) if name else None, tuple(dict.fromkeys([*plain, *profiles])))


def printers_answer(settings: StationSettings) -> Observation:
    if not settings.printers:
        return na("validate.observed.no_printers")
    answers = [_ask(address) for address in settings.printers]
    verdicts = {verdict for verdict, _ in answers}
    lines = Phrases(tuple(line for _, line in answers), "i18n.sentences")
    if Verdict.FAIL in verdicts:
        verdict = Verdict.FAIL
    elif Verdict.NOT_APPLICABLE in verdicts:
        verdict = Verdict.NOT_APPLICABLE  # a queue nobody could ask is no pass
    else:
        verdict = Verdict.PASS
    return Observation(verdict, Message.of("validate.observed.printers", printers=lines))


def _ask(address: str) -> tuple[Verdict, Message]:
    from printing.errors import PrinterError
    from printing.port import Probing
    from printing.registry import open_printer
    from printing.transports.file import FilePrinter

    try:
        printer = open_printer(address)
        if isinstance(printer, Probing):
            printer.probe()
        elif isinstance(printer, FilePrinter):
            if not writable_directory(printer.directory):
                return Verdict.FAIL, Message.of("validate.printer.folder", address=address)
        else:
            return Verdict.NOT_APPLICABLE, Message.of("validate.printer.not_asked", address=address)
    except PrinterError as exc:
        return Verdict.FAIL, Message.of(
            "validate.printer.failed", address=address, reason=Described(exc)
        )
    return Verdict.PASS, Message.of("validate.printer.answered", address=address)
