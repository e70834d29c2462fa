"""`celltrail trace ID [--json]` prints the same chain the trace service returns."""

from __future__ import annotations

import json

import pytest

from models.cli.app import run
from models.core import Core
from tests.chain.conftest import Flow


def test_trace_command_prints_the_chain_in_text_and_json(
    flow: Flow, core: Core, capsys: pytest.CaptureFixture[str]
) -> None:
    batch, units = flow.released_batch("DN-CLI", 2)
    url = core.engine.url.render_as_string(hide_password=False)
    assert run(["trace", units[0], "--db", url, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["focus_kind"] == "unit" and data["donors"][0]["code"] == "DN-CLI"
    assert {u["code"] for u in data["units"]} == set(units)
    assert run(["trace", "DN-CLI", "--db", url]) == 0
    text = capsys.readouterr().out
    assert f"batch {batch}" in text and "donor DN-CLI" in text


def test_trace_of_an_unknown_identifier_is_refused(
    core: Core, capsys: pytest.CaptureFixture[str]
) -> None:
    url = core.engine.url.render_as_string(hide_password=False)
    assert run(["trace", "NOPE-1", "--db", url]) == 2
    assert "NOPE-1" in capsys.readouterr().err
