"""A batch made in a cleared workspace: its archive keeps where it was made (R-SEG) — the
workspace, the stay, the signed clearance before it and the one after — and verifies."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from models.archive.export import export_batch_archive
from models.archive.verify import verify_archive
from models.cleanroom.line_clearance import BASE_ITEMS
from models.core import Core
from tests.chain.conftest import Flow, add_site_config, ago
from tests.conftest import PASSWORD

ROOM = "C-201/BSC-02"


def _clear(core: Core) -> None:
    core.line_clearance.record_clearance(
        workspace_code=ROOM,
        checklist={item.value: True for item in BASE_ITEMS},
        performer="wang",
        performer_password=PASSWORD,
        verifier="zhao",
        verifier_password=PASSWORD,
    )


def test_the_archive_keeps_the_workspace_and_both_clearances(core: Core, tmp_path: Path) -> None:
    add_site_config(core)
    flow, c = Flow(core), core.chain
    core.line_clearance.add_workspace(actor="admin", code=ROOM, name="Suite C-201, BSC 02")
    flow.eligible_donor("D-W")
    flow.accepted_collection("D-W", "CL-D-W")
    batch = c.batches.create_batch(actor="wang", collections="CL-D-W", product_code="S1389")
    _clear(core)
    core.line_clearance.start_in_workspace(actor="wang", batch_number=batch, workspace_code=ROOM)
    c.batches.record_harvest(actor="wang", batch_number=batch, harvest_at=ago(1))
    [unit] = c.batches.fill(
        actor="wang",
        batch_number=batch,
        count=1,
        container_type="cryobag",
        cell_count=1e8,
        volume_ml=20,
        location_code="T-03",
    )
    core.line_clearance.finish_in_workspace(actor="wang", batch_number=batch, workspace_code=ROOM)
    _clear(core)  # R-SEG-02: the room is cleared after the batch left
    flow.release(batch)
    flow.patient("P-W")
    flow.ship_and_receive("SH-W", [unit], "P-W")
    flow.give(unit, "P-W")

    target = tmp_path / "archive.zip"
    export_batch_archive(core, batch_number=batch, destination=target, actor="chen")
    with zipfile.ZipFile(target) as archive:

        def rows(table: str) -> list[dict[str, object]]:
            raw = archive.read(f"records/{table}.jsonl")
            return [json.loads(line) for line in raw.split(b"\n") if line]

        assert [w["code"] for w in rows("workspace")] == [ROOM]
        [stay] = rows("workspace_use")
        clearances = rows("line_clearance")
        assert [c["number"] for c in clearances] == [1, 2]
        assert stay["clearance_id"] == clearances[0]["id"]
        audit = [json.loads(x) for x in archive.read("audit.jsonl").split(b"\n") if x]
        assert {(a["subject_type"], a["subject_id"]) for a in audit} >= {
            ("line_clearance", f"{ROOM}/LC-001"),
            ("line_clearance", f"{ROOM}/LC-002"),
        }
        signatures = rows("signature")
        assert sum(s["subject_type"] == "line_clearance" for s in signatures) == 4
    report = verify_archive(target)
    assert report.intact, report.problems
