"""`celltrail consent …` and `celltrail request …` reach the consent rules (R-DON-11, R-RCV-01):
the password signs, a wrong one records nothing, and refusals read from the catalogue."""

from __future__ import annotations

import io
import json
import sys

import pytest

from models.cli.app import run
from tests.chain.conftest import Flow, ago
from tests.conftest import PASSWORD


def _run(monkeypatch: pytest.MonkeyPatch, flow: Flow, *argv: str, password: str = PASSWORD) -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{password}\n"))
    db = str(flow.core.engine.url)
    return run([*argv, "--db", db])


@pytest.mark.req("R-DON-11")
@pytest.mark.req("R-RCV-01")
def test_consent_and_request_from_the_command_line(
    flow: Flow, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    flow.eligible_donor("DN-K1")
    flow.c.collections.register_collection(
        actor="wang",
        code="CL-K1",
        donor_code="DN-K1",
        site_code="HOSP-A",
        material="umbilical cord",
        collected_at=ago(1),
    )
    record = ["consent", "record", "DN-K1", "--user", "wang", "--form", "ICF-9"]
    record += ["--signed", "2026-01-05", "--signer-kind", "donor", "--signer-name", "D K1"]
    record += ["--scope", "donation,biosample_storage", "--password-stdin"]
    assert _run(monkeypatch, flow, *record, password="wrong") == 2
    assert flow.c.consents.show("DN-K1").versions == ()
    assert _run(monkeypatch, flow, *record, "--scope", "donation,bogus") == 2
    assert _run(monkeypatch, flow, *record) == 0
    request = ["request", "add", "RQ-K1", "--collection", "CL-K1", "--user", "wang"]
    request += ["--donor-basics", "F 28", "--clinical", "healthy", "--screening", "SCR-K1"]
    request += ["--plan", "allogeneic MSC", "--password-stdin"]
    assert _run(monkeypatch, flow, *request) == 0
    capsys.readouterr()
    assert _run(monkeypatch, flow, "request", "show", "RQ-K1", "--json") == 0
    assert json.loads(capsys.readouterr().out)["screening_reference"] == "SCR-K1"
    assert flow.receive("CL-K1", ago(0.5)).accepted
    withdraw = ["consent", "withdraw", "DN-K1", "--user", "wang", "--reason", "asked"]
    assert _run(monkeypatch, flow, *withdraw, "--password-stdin") == 0
    monkeypatch.setenv("CELLTRAIL_LANG", "zh")
    assert _run(monkeypatch, flow, "consent", "show", "DN-K1") == 0
    out = capsys.readouterr().out
    assert "ICF-9" in out and "撤回" in out and "生物样本保存" in out
