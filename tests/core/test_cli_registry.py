"""The command line is one registry of declarations, and a command loads only what it needs.

Timings are measured by bench/cli_start_bench.py, never asserted here; what a test can hold is
*what* a command imports: `din check` needs neither a database layer nor Qt.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from models.cli import registry
from models.cli.app import build_parser, run
from models.i18n import en, zh

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import sys, runpy
sys.argv = ["main.py", "din", "check", "=A99902525010000", "--json"]
try:
    runpy.run_path({main!r}, run_name="__main__")
except SystemExit as exit:
    code = exit.code
heavy = sorted({{m.split(".")[0] for m in sys.modules}} & {{"sqlalchemy", "alembic", "PySide6",
                                                          "printing", "PIL"}})
print("LOADED", heavy, code, file=sys.stderr)
"""


def test_din_check_imports_no_database_layer_and_no_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(main=str(ROOT / "main.py"))],
        capture_output=True, text=True, timeout=60, cwd=ROOT, check=False,
    )
    assert json.loads(result.stdout)["valid"] is True
    assert "LOADED [] 0" in result.stderr, result.stderr


def test_every_command_is_declared_once_and_main_knows_its_first_word() -> None:
    names = [e.name for e in registry.entries()]
    assert len(names) == len(set(names))
    assert {"init", "demo", "audit", "user", "din", "trace", "label", "backup", "restore",
            "archive", "qc"} <= set(names)
    assert registry.first_words() == set(names) | {"-h", "--help"}


def test_every_help_text_is_in_both_catalogues() -> None:
    codes: set[str] = set()
    for entry in registry.entries():
        codes.add(entry.help)
        commands = entry.commands if isinstance(entry, registry.Group) else (entry,)
        for command in commands:
            codes.add(command.help)
            if command.description:
                codes.add(command.description)
            codes.update(arg.help for arg in command.args if arg.help)
    assert codes <= set(en.MESSAGES) and codes <= set(zh.MESSAGES)
    cli_codes = {c for c in en.MESSAGES if c.startswith("cli.")}
    assert cli_codes == {c for c in zh.MESSAGES if c.startswith("cli.")}


def test_help_is_in_the_users_language() -> None:
    text = build_parser(["din"], "zh").format_help()
    assert "捐献识别号" in text
    assert "donation identification" in build_parser(["din"], "en").format_help()


def test_the_commands_own_words_follow_the_users_language(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CELLTRAIL_LANG", "zh_CN.UTF-8")
    assert run(["din", "check", "=A99902525010000"]) == 0
    assert capsys.readouterr().out.strip() == "DIN A999025250100 有效"
    assert run(["din", "check", "=A9990252501000"]) == 1
    assert capsys.readouterr().err.startswith("无效：")
    assert run(["archive", "a", "b", "c"]) == 2  # a usage error, worded by the CLI
    assert capsys.readouterr().err.startswith("错误：参数 无效：应为 ")
    monkeypatch.setenv("CELLTRAIL_LANG", "en")
    assert run(["archive", "a", "b", "c"]) == 2
    assert capsys.readouterr().err.startswith("error: Invalid arguments: expected BATCH")


def test_a_database_error_in_a_fresh_process_is_a_refusal_not_a_traceback(tmp_path: Path) -> None:
    # In a fresh process SQLAlchemy is first imported by the handler itself; the CLI must still
    # recognise its errors (a pytest process has it loaded already, hence the subprocess).
    garbage = tmp_path / "not-a-database.db"
    garbage.write_bytes(b"this is not a database file " * 100)
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "trace", "X", "--db", str(garbage)],
        capture_output=True, text=True, timeout=60, cwd=ROOT, check=False,
        env={"PATH": "/usr/bin:/bin", "CELLTRAIL_LANG": "en"},
    )
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("error: ") and "Traceback" not in result.stderr
