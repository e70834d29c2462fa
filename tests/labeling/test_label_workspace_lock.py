"""R-LBL-11: one batch at a time in one operating space, whichever label station prints.

Two stations (two Cores, each with its own sign-in) stand in one workspace on one database:
the second may not label another batch there while the first batch's labels are not
reconciled, or while another batch is open in the workspace; a second workspace is free."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from models.cleanroom.line_clearance import BASE_ITEMS
from models.core import Core, open_core
from models.entities.labeling import PrintJob
from models.entities.workspaces import Workspace
from models.identity.passwords import fast_passwords_for_tests
from models.labeling.errors import LabelWorkspaceBusyError, LabelWorkspaceNeededError
from tests.conftest import PASSWORD, sign_in
from tests.labeling.conftest import Lot, approve_defaults, make_lot

ROOM, OTHER_ROOM = "C-201/BSC-02", "C-202/BSC-01"


@pytest.fixture
def second_station(any_core: Core, db_url: str) -> Iterator[Core]:
    """A second label station on the same database, wang signed in there too."""
    core = open_core(db_url, passwords=fast_passwords_for_tests(), workstation="LS-2")
    sign_in(core, "wang")
    yield core
    core.close()


def _request(core: Core, lot: Lot, template: int, station: str, workspace: str | None) -> int:
    return core.labeling.request_labels(
        batch_id=lot.batch_id,
        template_id=template,
        unit_ids=lot.unit_ids,
        printer_address="tcp://zebra",
        station=station,
        actor="wang",
        workspace=workspace,
    )


def _rooms(core: Core) -> None:
    for code in (ROOM, OTHER_ROOM):
        core.line_clearance.add_workspace(actor="admin", code=code, name=code)


@pytest.mark.req("R-LBL-11")
def test_a_second_station_in_the_same_workspace_is_refused_by_name(
    any_core: Core, second_station: Core
) -> None:
    templates = approve_defaults(any_core)
    _rooms(any_core)
    first = make_lot(any_core, "B-WS-0001")
    second = make_lot(any_core, "B-WS-0002", first_sequence=11)
    _request(any_core, first, templates["LT-BAG"], "LS-1", ROOM)  # not reconciled yet
    with pytest.raises(LabelWorkspaceBusyError) as refused:
        _request(second_station, second, templates["LT-BAG"], "LS-2", ROOM)
    assert "B-WS-0001" in str(refused.value) and ROOM in str(refused.value)
    assert "B-WS-0002" in refused.value.message("zh") and ROOM in refused.value.message("zh")
    job = _request(second_station, second, templates["LT-BAG"], "LS-2", OTHER_ROOM)
    with any_core.uow() as uow:
        row = uow.session.get(PrintJob, job)
        assert row is not None
        room = uow.session.scalar(select(Workspace.code).where(Workspace.id == row.workspace_id))
    assert room == OTHER_ROOM


@pytest.mark.req("R-LBL-11")
def test_a_site_with_workspaces_does_not_label_outside_one(core: Core) -> None:
    templates = approve_defaults(core)
    _rooms(core)
    lot = make_lot(core, "B-WS-0003")
    with pytest.raises(LabelWorkspaceNeededError):
        _request(core, lot, templates["LT-BAG"], "LS-1", None)
    with pytest.raises(LabelWorkspaceNeededError):
        _request(core, lot, templates["LT-BAG"], "LS-1", "  ")


@pytest.mark.req("R-LBL-11")
def test_a_batch_open_in_the_workspace_blocks_labeling_another(
    any_core: Core, second_station: Core
) -> None:
    templates = approve_defaults(any_core)
    _rooms(any_core)
    open_lot = make_lot(any_core, "B-WS-0004")
    other = make_lot(any_core, "B-WS-0005", first_sequence=11)
    any_core.line_clearance.record_clearance(
        workspace_code=ROOM,
        checklist={item.value: True for item in BASE_ITEMS},
        performer="wang",
        performer_password=PASSWORD,
        verifier="zhao",
        verifier_password=PASSWORD,
    )
    any_core.line_clearance.start_in_workspace(
        actor="wang", batch_number="B-WS-0004", workspace_code=ROOM
    )
    with pytest.raises(LabelWorkspaceBusyError) as refused:
        _request(second_station, other, templates["LT-BAG"], "LS-2", ROOM)
    assert "B-WS-0004" in str(refused.value)
    # the open batch itself is labelled there, from either station
    _request(second_station, open_lot, templates["LT-BAG"], "LS-2", ROOM)
