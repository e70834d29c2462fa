"""Issue 14's walkthrough with real X input: stations as people use them, keys typed by xdotool.

Each test configures a station (station.json, as an administrator saves it), starts the real
app in Xvfb + openbox, signs in by keyboard and walks one station's work: the cleanroom
operator locks and unlocks, the nurse scans a bag and a wrong wristband and gets the
full-window STOP.  Pages are reached with Ctrl+1…9 and fields by the focus the page gives,
never by pixel positions.  Outcomes are read from the demo database (sqlite3) and the window
title; screenshots land in the test's temporary folder (``shots/``) to be looked at.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path
from typing import cast

import pytest
from PIL import Image
from xharness import (
    XHarness,
    audit_actions,
    audit_since,
    count_rows,
    last_seq,
    needs_x_tools,
)

from models.demo.people import DEMO_PASSWORD

pytestmark = needs_x_tools("real-keyboard walkthrough")

# Unit 2 of the demo's released MSC batch was shipped to Hospital B for patient P-B-0021;
# P-B-0017 is another patient of the same hospital (models/demo/chain.py).
BAG_SCAN = "=A99902600000200"  # what the scanner sends for the DIN bar code on the bag
WRONG_WRISTBAND = "P-B-0017"


def _start(harness: XHarness, x_demo_db: Path, role: str, name: str) -> Path:
    database = harness.workdir / "run.db"
    shutil.copy(x_demo_db, database)
    harness.configure_station(role=role, name=name, lock_minutes=5)
    harness.start_app(database)
    return database


def _sign_in(harness: XHarness, username: str, station_title: str) -> None:
    harness.type(username, 100)
    harness.key("Tab")
    harness.type(DEMO_PASSWORD, 5)  # a password manager's speed
    harness.key("Return")
    harness.wait_for_title(station_title, timeout=20)
    harness.screenshot(f"signed_in_{username}")


def _red_share(image: Image.Image) -> float:
    """Share of the pixels that are the STOP's red (#b71c1c or the sign's #d50000)."""
    small = image.resize((image.width // 8, image.height // 8), Image.Resampling.NEAREST)
    pixels = cast(list[tuple[int, int, int]], list(small.get_flattened_data()))
    red = sum(1 for r, g, b in pixels if r > 150 and g < 60 and b < 60)
    return red / len(pixels)


def test_cleanroom_operator_signs_in_locks_and_unlocks(harness: XHarness, x_demo_db: Path) -> None:
    database = _start(harness, x_demo_db, "cleanroom", "CR-203")
    before = last_seq(database)
    _sign_in(harness, "wang", "Cleanroom workstation")
    assert audit_actions(database, "wang", before) == [("login", "")]
    assert ("wang", "login", "", "CR-203") in audit_since(database, before)  # the station's name
    harness.key("ctrl+2")  # the cleanroom page, second in the navigation
    harness.screenshot("cleanroom_page")
    harness.key("ctrl+l")
    harness._wait(
        lambda: any(a == "session_lock" for a, _ in audit_actions(database, "wang", before)),
        10,
        "no lock recorded",
    )
    locked = harness.active_window("cleanroom_locked")
    harness.type(DEMO_PASSWORD, 5)
    harness.key("Return")
    harness._wait(
        lambda: ("session_unlock", "password") in audit_actions(database, "wang", before),
        10,
        "not unlocked",
    )
    assert "Cleanroom workstation" in harness.wait_for_title("Cleanroom workstation")
    unlocked = harness.active_window("cleanroom_unlocked")
    assert locked.tobytes() != unlocked.tobytes()  # the lock screen was something else


def test_wrong_wristband_at_the_bedside_is_a_full_window_stop(
    harness: XHarness, x_demo_db: Path
) -> None:
    database = _start(harness, x_demo_db, "hospital", "HOSP-B-WARD-3")
    _sign_in(harness, "liu", "Hospital bedside")
    administrations = count_rows(database, "administration")
    harness.key("ctrl+2")  # the bedside page: the bag field has the focus
    harness.screenshot("bedside_page")
    harness.type(BAG_SCAN, 5)  # a scanner's burst, ended with Enter
    harness.key("Return")
    harness.screenshot("bedside_bag_scanned")
    harness.type(WRONG_WRISTBAND, 5)  # the focus moved to the wristband field
    harness.key("Return")
    stop = harness.active_window("bedside_stop")
    assert _red_share(stop) > 0.5, "no full-window STOP"
    assert "Hospital bedside" in harness.active_title()
    harness.key("Return")  # a scanner's Enter never dismisses the STOP
    assert _red_share(harness.active_window("bedside_stop_after_enter")) > 0.5
    harness.key("Tab", "space", "Tab", "space")  # tick "I have read every reason", acknowledge
    after = harness.active_window("bedside_acknowledged")
    assert _red_share(after) < 0.1, "the STOP did not go away after the acknowledgement"
    assert count_rows(database, "administration") == administrations  # nothing administered


SCREENS = ((1280, 1024), (1366, 768), (1920, 1080))


@pytest.mark.parametrize("language", ["en", "zh"])
def test_home_page_at_the_three_screen_sizes(
    harness: XHarness, x_demo_db: Path, language: str
) -> None:
    """Screenshots to look at (``shots/home_<lang>_<w>x<h>.png``): the window made as large as
    each supported screen.  The window may not be wider than the screen it is on."""
    database = harness.workdir / "run.db"
    shutil.copy(x_demo_db, database)
    harness.configure_station(role="qa", name="QA-DESK-01", lock_minutes=5)
    harness.start_app(database, "--lang", language, title="CellTrail")
    sign_in_title = harness.active_title()
    harness.type("chen", 100)
    harness.key("Tab")
    harness.type(DEMO_PASSWORD, 5)
    harness.key("Return")
    harness._wait(lambda: harness.active_title() not in ("", sign_in_title), 20, "not signed in")
    time.sleep(1)  # the home page's counts load in the background
    for width, height in SCREENS:
        harness.resize_screen_window(width, height)
        time.sleep(0.8)
        shot = harness.active_window(f"home_{language}_{width}x{height}")
        assert shot.width <= width, f"{shot.width} px wide on a {width} px screen"
