"""A CellTrail workstation in its own process, driven by the robustness tests.

Usage: python worker.py TASK URL JSON_ARGS.  The worker waits for ``go`` (a file path) when
given, so several processes start their real work at the same moment; its last stdout line
is a JSON result.  Tasks that are meant to be SIGKILLed loop or stall and report progress
on stdout as they go.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402

from models.core import Core, open_core  # noqa: E402
from models.entities.accounts import User  # noqa: E402
from models.identity.passwords import fast_passwords_for_tests  # noqa: E402
from models.kernel.errors import DomainError  # noqa: E402
from models.quality.package import PackageAttestation  # noqa: E402

PASSWORD = "Correct-horse-42"


def _core(url: str, station: str) -> Core:
    """A workstation process where the test staff have entered their passwords."""
    core = open_core(url, migrate=False, passwords=fast_passwords_for_tests(), workstation=station)
    with core.uow().reading() as uow:
        names = list(uow.session.scalars(select(User.username)))
    for name in names:
        core.accounts.authenticate(name, PASSWORD, purpose="test station")
    return core


def _wait_for_go(args: dict[str, Any]) -> None:
    go = args.get("go")
    if not go:
        return
    deadline = time.monotonic() + 30
    while not os.path.exists(go):
        if time.monotonic() > deadline:
            raise SystemExit("no go signal")
        time.sleep(0.005)


def fill(url: str, args: dict[str, Any]) -> Any:
    core = _core(url, args["station"])
    _wait_for_go(args)
    codes: list[str] = []
    for batch in args["batches"]:
        codes += core.chain.batches.fill(
            actor="wang", batch_number=batch, count=args["count"], container_type="cryobag"
        )
    return {"codes": codes}


def release(url: str, args: dict[str, Any]) -> Any:
    core = _core(url, args["station"])
    _wait_for_go(args)
    try:
        record = core.quality.release.release_batch(
            attestation=PackageAttestation("RF-1", packaging_checked=True, batch_record_ref="BR-1"),
            batch_id=args["batch_id"],
            username=args["user"],
            password=PASSWORD,
        )
    except DomainError as exc:
        return {"error": exc.code, "message": exc.message("en")}
    return {"record": record}


def label(url: str, args: dict[str, Any]) -> Any:
    from printing.registry import open_printer
    from tests.labeling.flow import labels_of, verify

    core = _core(url, args["station"])
    printer = open_printer(args["printer"])
    _wait_for_go(args)
    outcome = core.labeling.print_job(job_id=args["job_id"], printer=printer, actor="wang")
    accepted = [verify(core, label.id) for label in labels_of(core, args["job_id"])]
    return {
        "status": outcome.status.value,
        "printed": len(outcome.printed_label_ids),
        "accepted": accepted,
    }


def sign_loop(url: str, args: dict[str, Any]) -> Any:
    core = _core(url, args["station"])
    n = 0
    while True:
        core.steps.record_step(
            batch_id=args["batch_id"],
            name=f"P{n}",
            data={"n": n, "pad": "x" * 200},
            username="wang",
            password=PASSWORD,
        )
        n += 1
        print(n, flush=True)


def print_loop(url: str, args: dict[str, Any]) -> Any:
    from printing.registry import open_printer

    core = _core(url, args["station"])
    printer = open_printer(args["printer"])
    for job_id in args["job_ids"]:
        print(f"job {job_id}", flush=True)
        core.labeling.print_job(job_id=job_id, printer=printer, actor="wang")
    return {"done": True}


def _stop_after(engine: Any, statements: int, marker: str) -> None:
    """Freeze the process right after its ``statements``-th SQL statement, mid-transaction,
    and say so through ``marker``: the parent SIGKILLs it there."""
    from sqlalchemy import event

    seen = {"n": 0}

    @event.listens_for(engine, "after_cursor_execute")
    def _count(*_: Any) -> None:
        seen["n"] += 1
        if seen["n"] == statements:
            Path(marker).write_text(str(statements))
            time.sleep(120)


def migrate(url: str, args: dict[str, Any]) -> Any:
    from models.kernel import schema
    from models.kernel.db import make_engine

    engine = make_engine(url)
    if args.get("stop_after"):
        _stop_after(engine, args["stop_after"], args["marker"])
    return {"revision": schema.upgrade(engine)}


def count_statements(url: str, args: dict[str, Any]) -> Any:
    """How many statements ``task`` (migrate or restore) runs from start to finish."""
    from sqlalchemy import event

    from models.archive.backup import restore_backup
    from models.kernel import schema
    from models.kernel.db import make_engine

    engine = make_engine(url)
    seen = {"n": 0}

    @event.listens_for(engine, "after_cursor_execute")
    def _count(*_: Any) -> None:
        seen["n"] += 1

    if args["task"] == "migrate":
        schema.upgrade(engine)
    else:
        restore_backup(Path(args["archive"]), engine)
    return {"statements": seen["n"]}


def restore(url: str, args: dict[str, Any]) -> Any:
    from models.archive.backup import restore_backup
    from models.kernel.db import make_engine

    engine = make_engine(url)
    if args.get("stop_after"):
        _stop_after(engine, args["stop_after"], args["marker"])
    manifest = restore_backup(Path(args["archive"]), engine)
    return {"audit_last_seq": manifest.audit_last_seq}


TASKS = {
    "fill": fill,
    "release": release,
    "label": label,
    "sign_loop": sign_loop,
    "print_loop": print_loop,
    "migrate": migrate,
    "count_statements": count_statements,
    "restore": restore,
}

if __name__ == "__main__":
    task, url, raw = sys.argv[1], sys.argv[2], sys.argv[3]
    result = TASKS[task](url, json.loads(raw))
    print(json.dumps(result), flush=True)
