"""`celltrail label print` probes the printer before a job exists; `label recover` records
what came out of a job nobody confirmed."""

from __future__ import annotations

import io
import json
import socket

import pytest
from sqlalchemy import func, select

from models.cli.app import run
from models.core import Core
from models.entities.labeling import LabelState, PrintJob, PrintJobStatus
from printing.status import PrinterStatus
from tests.conftest import PASSWORD
from tests.fakes.printers import FakeZebraPrinter
from tests.labeling.conftest import make_lot
from tests.labeling.flow import datamatrix_of, labels_of


@pytest.fixture
def db(core: Core, templates: dict[str, int], sqlite_url: str) -> str:
    make_lot(core)
    return sqlite_url


def _print(db: str, printer: str, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    return run(
        ["label", "print", "--batch", "B-LBL-0001", "--template", "LT-BAG", "--printer", printer,
         "--station", "S1", "--user", "wang", "--password-stdin", "--db", db]
    )  # fmt: skip


def _jobs(core: Core) -> int:
    with core.uow() as uow:
        return uow.session.scalar(select(func.count()).select_from(PrintJob)) or 0


@pytest.mark.req("R-CSV-16")
def test_unreachable_printer_creates_no_job(
    db: str, core: Core, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]  # nobody listens once it is closed
    monkeypatch.setenv("CELLTRAIL_LANG", "zh")
    assert _print(db, f"tcp://127.0.0.1:{port}?timeout=0.5", monkeypatch) == 2
    assert "无法连接打印机" in capsys.readouterr().err
    assert _jobs(core) == 0


def test_printer_that_is_not_ready_creates_no_job(
    db: str, core: Core, monkeypatch: pytest.MonkeyPatch
) -> None:
    with FakeZebraPrinter(status=PrinterStatus(head_open=True)) as zebra:
        assert _print(db, zebra.url, monkeypatch) == 2
    assert _jobs(core) == 0 and zebra.jobs == []


def test_unconfirmed_print_then_recover_from_the_command_line(
    db: str, core: Core, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with FakeZebraPrinter(behaviour="silent") as zebra:
        assert _print(db, zebra.url + "&status=off", monkeypatch) == 1  # not a success
    said = capsys.readouterr()
    assert "label recover --job 1" in said.out + said.err
    job_id = 1  # the first job of a fresh database
    first, second = labels_of(core, job_id)
    assert {first.state, second.state} == {LabelState.UNCONFIRMED}

    recover = ["label", "recover", "--job", str(job_id), "--user", "wang", "--password-stdin",
               "--db", db]  # fmt: skip
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert run(recover) == 2  # neither scans nor --nothing-came-out: refused
    assert "--nothing-came-out" in capsys.readouterr().err

    monkeypatch.setenv("CELLTRAIL_LANG", "zh")
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    scan = datamatrix_of(core, first.id)
    assert run([*recover, "--scanned", scan, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["printed"], data["unsent"], data["status"]) == ([first.id], [second.id], "failed")
    assert [x.state for x in labels_of(core, job_id)] == [LabelState.PRINTED, LabelState.UNSENT]

    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert run([*recover, "--nothing-came-out"]) == 2  # nothing awaits confirmation now
    with core.uow() as uow:
        job = uow.session.get(PrintJob, job_id)
        assert job is not None and job.status is PrintJobStatus.FAILED


def test_recover_speaks_chinese(
    db: str, core: Core, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with FakeZebraPrinter(behaviour="silent") as zebra:
        _print(db, zebra.url + "&status=off", monkeypatch)
    capsys.readouterr()
    monkeypatch.setenv("CELLTRAIL_LANG", "zh")
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    args = ["label", "recover", "--job", "1", "--nothing-came-out", "--user", "wang",
            "--password-stdin", "--db", db]  # fmt: skip
    assert run(args) == 0
    assert "可重新打印" in capsys.readouterr().out
