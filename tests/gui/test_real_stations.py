"""Issue 14's station work with real X input (Xvfb + openbox, keys typed by xdotool).

Three stations as their people use them, scans typed at a scanner's 5 ms a key and ended
with Enter, reached by Ctrl+1…9 and the focus each step gives, never by pixel positions:

- label room: the bag's DIN opens the double-check of its printed label; the label's
  Data Matrix text (read from what the printer received) is scanned; two group
  confirmations, the verifier's badge and password, Sign → the label is verified.  The
  next label scanned with the wrong symbol shows STOP THE LINE at once.
- bedside: a received bag is thawed on the page; a wrong wristband is a full-window STOP;
  the right wristband with a second person's signature records the administration.
- cleanroom: the batch traveller's scan chooses the batch; the operator records a step
  with their signature and a second person verifies it.

Outcomes are read from the database (sqlite3); screenshots land in the test's ``shots/``.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

from PIL import Image
from xharness import XHarness, needs_x_tools

from models.demo.people import DEMO_PASSWORD, demo_badge

pytestmark = needs_x_tools("real-input station tests")

# The demo (models/demo/site.py): unit 2 of the released MSC batch was received at Hospital B
# and dispensed for P-B-0021; P-B-0017 is another patient there.  Units 5 and 6 of that batch
# have no label yet.
BAG, RIGHT_PATIENT, WRONG_PATIENT = "A999026000002", "P-B-0021", "P-B-0017"
UNLABELLED = ("A999026000005", "A999026000006")


def din_scan(unit: str) -> str:
    """What a scanner sends for the DIN bar code on a bag: '=' + DIN + flags."""
    return f"={unit}00"


def _copy(x_demo_db: Path, harness: XHarness) -> Path:
    database = harness.workdir / "run.db"
    shutil.copy(x_demo_db, database)
    return database


def _start(harness: XHarness, database: Path, user: str, title: str, **station: Any) -> None:
    harness.configure_station(lock_minutes=30, **station)
    harness.start_app(database)
    harness.type(user, 100)
    harness.key("Tab")
    harness.type(DEMO_PASSWORD, 5)
    harness.key("Return")
    harness.wait_for_title(title, timeout=20)
    time.sleep(1)  # the home page loads in the background


def _scan(harness: XHarness, text: str) -> None:
    harness.type(text, 5)
    harness.key("Return")


def _query(database: Path, sql: str, *args: object) -> list[tuple[Any, ...]]:
    with sqlite3.connect(database) as db:
        return db.execute(sql, args).fetchall()


def _until(
    harness: XHarness, what: str, condition: Callable[[], bool], timeout: float = 15
) -> None:
    try:
        harness._wait(condition, timeout, what)
    except TimeoutError:
        harness.screenshot("timeout_" + re.sub(r"\W+", "_", what))
        raise


def _red_share(image: Image.Image) -> float:
    """Share of the pixels in the STOP reds (#b71c1c, #d50000)."""
    small = image.resize((max(image.width // 8, 1), max(image.height // 8, 1)))
    pixels = cast(list[tuple[int, int, int]], list(small.convert("RGB").get_flattened_data()))
    return sum(1 for r, g, b in pixels if r > 150 and g < 60 and b < 60) / len(pixels)


# -- label room -------------------------------------------------------------------------------


def _print_labels(database: Path, folder: Path) -> str:
    """Two labels printed for UNLABELLED by wang through the core's services, to a file
    printer (what the label station's Print does); returns the printer's address."""
    from models.core import open_core
    from models.demo.labels import print_bag_labels
    from models.demo.site import demo_site

    folder.mkdir()
    address = f"file://{folder}?format=zpl&dpi=203"
    core = open_core(f"sqlite:///{database}", workstation="LBL-01")
    try:
        core.accounts.authenticate("wang", DEMO_PASSWORD, purpose="label station")
        batch = demo_site(core).msc_batch
        printed = print_bag_labels(core, batch, UNLABELLED, address, station="LBL-01")
        assert len(printed) == 2, printed
    finally:
        core.close()
    return address


def _symbol_text(folder: Path, unit: str, database: Path) -> str:
    """The Data Matrix's content as the printer received it (^BX … ^FD text ^FS): what a
    scanner reads off the label."""
    [(label_id,)] = _query(
        database,
        "SELECT l.id FROM printed_label l JOIN product_unit u ON u.id = l.unit_id "
        "WHERE u.din = ? AND l.state = 'printed'",
        unit,
    )
    zpl = (folder / f"celltrail-label-{label_id}.zpl").read_text(encoding="utf-8")
    found = re.search(r"\^BX[^\^]*\^FD(.*?)\^FS", zpl)
    assert found is not None, zpl
    return found.group(1)


def _label_state(database: Path, unit: str) -> tuple[str, str | None]:
    [(state, verified_by)] = _query(
        database,
        "SELECT l.state, l.verified_by FROM printed_label l "
        "JOIN product_unit u ON u.id = l.unit_id WHERE u.din = ?",
        unit,
    )
    return state, verified_by


def test_label_double_check_by_scanner_badge_and_password(
    harness: XHarness, x_demo_db: Path
) -> None:
    database = _copy(x_demo_db, harness)
    folder = harness.workdir / "printed"
    printer = _print_labels(database, folder)
    right, other = (_symbol_text(folder, unit, database) for unit in UNLABELLED)
    _start(
        harness, database, "wang", "Label station", role="label", name="LBL-01", printers=[printer]
    )
    harness.key("ctrl+2")  # the label station page
    time.sleep(1)

    _scan(harness, din_scan(UNLABELLED[0]))  # the bag in hand: opens its label's check
    harness.wait_for_title("Label double-check")
    time.sleep(1.5)  # the record and the preview load; the focus goes to the scan field
    _scan(harness, right)
    time.sleep(1.5)  # compared by the core; the focus moves to the first group's button
    harness.screenshot("check_scanned")
    harness.key("space")  # "All 9 match the label"
    harness.key("space")  # "Both are right" (the focus moved on)
    _scan(harness, demo_badge("zhao"))  # the verifier's badge, then their password
    time.sleep(1)
    harness.type(DEMO_PASSWORD, 5)
    harness.screenshot("check_signing")
    harness.key("Tab", "space")  # Sign double-check
    _until(
        harness, "label verified", lambda: _label_state(database, UNLABELLED[0])[0] == "verified"
    )
    assert _label_state(database, UNLABELLED[0]) == ("verified", "zhao")
    assert "Label station" in harness.wait_for_title("Label station")  # the dialog closed
    assert _query(database, "SELECT count(*) FROM deviation WHERE code LIKE 'DEV-LBL-%'") == [(0,)]

    # the next bag's label, scanned with the symbol of the label just checked: STOP at once
    _scan(harness, din_scan(UNLABELLED[1]))
    harness.wait_for_title("Label double-check")
    time.sleep(1.5)
    _scan(harness, right)
    _until(
        harness, "label rejected", lambda: _label_state(database, UNLABELLED[1])[0] == "rejected"
    )
    time.sleep(0.5)
    stop = harness.active_window("check_wrong_label_stop")
    assert _red_share(stop) > 0.04, "no STOP banner on the wrong label"
    assert _query(database, "SELECT count(*) FROM deviation WHERE code LIKE 'DEV-LBL-%'") == [(1,)]
    assert other != right
    harness.key("Escape")
    harness.wait_for_title("Label station")


# -- bedside ----------------------------------------------------------------------------------


def test_bedside_thaw_wrong_wristband_stop_then_administration(
    harness: XHarness, x_demo_db: Path
) -> None:
    database = _copy(x_demo_db, harness)
    _start(harness, database, "liu", "Hospital bedside", role="hospital", name="HOSP-B-WARD-3")
    unit_id = _query(database, "SELECT id FROM product_unit WHERE din = ?", BAG)[0][0]
    harness.key("ctrl+2")  # the bedside page: the bag field has the focus
    time.sleep(0.5)
    _scan(harness, din_scan(BAG))
    time.sleep(1)  # the bag's facts load; the focus moves to the wristband field
    harness.screenshot("bedside_bag")
    harness.key("shift+Tab", "space")  # back to "Start thaw", pressed: bag into the device
    time.sleep(1.5)
    harness.screenshot("bedside_thawing")
    harness.key("space")  # "Thaw finished – record thaw"
    _until(
        harness,
        "thaw recorded",
        lambda: bool(
            _query(
                database, "SELECT 1 FROM thaw WHERE unit_id = ? AND performed_by = 'liu'", unit_id
            )
        ),
    )
    time.sleep(1)  # the countdown starts; the focus is on the wristband field
    harness.screenshot("bedside_thawed")

    _scan(harness, WRONG_PATIENT)
    time.sleep(1)
    stop = harness.active_window("bedside_wrong_wristband_stop")
    assert _red_share(stop) > 0.5, "no full-window STOP"
    harness.key("Tab", "space", "Tab", "space")  # "I have read every reason", acknowledge
    time.sleep(0.5)
    assert _red_share(harness.active_window("bedside_acknowledged")) < 0.1

    _scan(harness, din_scan(BAG))  # both scans again, the bag first
    time.sleep(1)
    _scan(harness, RIGHT_PATIENT)
    time.sleep(1)
    harness.screenshot("bedside_clean")
    harness.key("Tab", "space")  # "Administer (2nd person)…"
    harness.wait_for_title("Second-person check")
    harness.type("zhao", 100)
    harness.key("Tab")
    harness.type(DEMO_PASSWORD, 5)
    harness.key("Return")
    _until(
        harness,
        "administration recorded",
        lambda: bool(_query(database, "SELECT 1 FROM administration WHERE unit_id = ?", unit_id)),
    )
    [given] = _query(
        database,
        "SELECT a.administered_by, a.verified_by, r.code FROM administration a "
        "JOIN recipient r ON r.id = a.recipient_id WHERE a.unit_id = ?",
        unit_id,
    )
    assert given == ("liu", "zhao", RIGHT_PATIENT)
    rejected = _query(
        database,
        "SELECT count(*) FROM audit_entry WHERE action = 'scan_rejected' AND actor = 'liu'",
    )
    assert rejected == [(0,)]  # the STOP was shown before anyone signed: nothing was tried
    harness.screenshot("bedside_administered")


# -- cleanroom --------------------------------------------------------------------------------


def test_cleanroom_step_with_a_second_persons_verification(
    harness: XHarness, x_demo_db: Path
) -> None:
    database = _copy(x_demo_db, harness)
    [(batch, batch_id)] = _query(
        database, "SELECT number, id FROM batch WHERE status = 'quarantine'"
    )
    _start(harness, database, "wang", "Cleanroom workstation", role="cleanroom", name="CR-203")
    harness.key("ctrl+2")  # the cleanroom page
    time.sleep(1)
    _scan(harness, batch)  # the batch traveller: chosen, the focus on "Record step…"
    time.sleep(1.5)
    harness.key("space")
    harness.wait_for_title("Record a process step")
    harness.key("End")  # the step: the last of the list, "Final inspection"
    harness.key("Tab")
    harness.type("3 bags, seals intact", 30)
    harness.key("Tab")
    harness.type(DEMO_PASSWORD, 5)
    harness.screenshot("cleanroom_record_step")
    harness.key("Return")
    _until(harness, "step recorded", lambda: bool(_steps(database, batch_id)))
    assert _steps(database, batch_id) == [("Final inspection", "wang", None)]

    time.sleep(1)
    _scan(harness, batch)  # the second person comes: the focus goes to "Verify step"
    time.sleep(1.5)
    harness.key("space")
    harness.wait_for_title("Second-person verification")
    harness.type("zhao", 100)
    harness.key("Tab")
    harness.type(DEMO_PASSWORD, 5)
    harness.screenshot("cleanroom_verify_step")
    harness.key("Return")
    _until(harness, "step verified", lambda: _steps(database, batch_id)[0][2] == "zhao")
    signed = _query(
        database,
        "SELECT u.username, s.meaning FROM signature s JOIN user_account u ON u.id = s.user_id "
        "JOIN process_step p "
        "ON s.id IN (p.performed_signature_id, p.verified_signature_id) "
        "WHERE p.batch_id = ? AND p.name = 'Final inspection' ORDER BY s.id",
        batch_id,
    )
    assert signed == [("wang", "performed"), ("zhao", "verified")]
    time.sleep(1)
    harness.screenshot("cleanroom_verified")


def _steps(database: Path, batch_id: int) -> list[tuple[str, str, str | None]]:
    rows = _query(
        database,
        "SELECT name, performed_by, verified_by FROM process_step "
        "WHERE batch_id = ? AND name = 'Final inspection'",
        batch_id,
    )
    return [(a, b, c) for a, b, c in rows]
