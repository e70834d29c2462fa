"""Issue 14, tried as a person would: the real app in Xvfb + openbox, keys typed by xdotool.

Signs in at 100 ms a key (a person) and 5 ms a key (a scanner or password manager), and
unlocks the lock screen with a fast password that must leave nothing in the status bar.
Screenshots land in the test's temporary folder (``shots/``).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from xharness import XHarness, audit_actions, last_seq, needs_x_tools

from models.demo.build import DEMO_PASSWORD, demo_badge

pytestmark = needs_x_tools("real-keyboard tests")


@pytest.fixture
def x(harness: XHarness, x_demo_db: Path) -> Iterator[tuple[XHarness, Path]]:
    database = harness.workdir / "run.db"
    shutil.copy(x_demo_db, database)
    harness.start_app(database)
    yield harness, database


def _sign_in(harness: XHarness, username: str, delay_ms: int, next_key: str) -> str:
    harness.type(username, delay_ms)
    harness.key(next_key)
    harness.type(DEMO_PASSWORD, delay_ms)
    harness.screenshot(f"sign_in_{username}_{delay_ms}ms")
    harness.key("Return")
    return harness.wait_for_title("QA / audit desk", timeout=20)


@pytest.mark.parametrize(("delay_ms", "next_key"), [(100, "Tab"), (5, "Return")])
def test_sign_in_by_real_keys_at_a_persons_and_a_scanners_speed(
    x: tuple[XHarness, Path], delay_ms: int, next_key: str
) -> None:
    harness, database = x
    before = last_seq(database)
    _sign_in(harness, "wang", delay_ms, next_key)
    harness.screenshot(f"signed_in_{delay_ms}ms")
    assert audit_actions(database, "wang", before) == [("login", "")]


def test_a_fast_password_unlocks_the_lock_screen_and_leaves_no_trace(
    x: tuple[XHarness, Path],
) -> None:
    harness, database = x
    _sign_in(harness, "chen", 100, "Tab")
    status_before = harness.active_window_strip("before_lock", 30)
    before = last_seq(database)
    harness.key("ctrl+l")
    harness._wait(lambda: audit_actions(database, "chen", before) != [], 10, "no lock recorded")
    harness.screenshot("locked")
    harness.type(demo_badge("li"), 5)  # another user's badge: refused, in full
    harness.key("Return")
    harness._wait(
        lambda: ("login_failed", "unlock: another user's badge")
        in audit_actions(database, "chen", before),
        10,
        "refusal not recorded",
    )
    harness.screenshot("locked_other_badge")
    harness.type(DEMO_PASSWORD, 5)
    harness.key("Return")
    harness._wait(
        lambda: ("session_unlock", "password") in audit_actions(database, "chen", before),
        10,
        "not unlocked",
    )
    harness.wait_for_title("QA / audit desk")
    status_after = harness.active_window_strip("after_unlock", 30)
    assert status_after.tobytes() == status_before.tobytes()  # no "Nothing found for …"
